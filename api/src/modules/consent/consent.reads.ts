/** What the gate and publication read about a photo's people: who is in it and their current consent. */
import type { DbOrTx } from '../../db/client.ts'
import type { CurrentConsent, GatePhoto } from '../gate/index.ts'
import * as repo from './consent.repo.ts'
import type { GateInputs } from './consent.model.ts'
import { fromSqlRow, toCurrent } from './consent.rows.ts'

type PhotoRow = repo.PhotoRow

export async function currentConsents(tx: DbOrTx, photoIds: string[]): Promise<Map<string, Map<string, CurrentConsent>>> {
  const out = new Map<string, Map<string, CurrentConsent>>()
  if (photoIds.length === 0) return out
  const rows = await repo.currentConsentRows(tx, photoIds)
  for (const r of rows) {
    const c = toCurrent(fromSqlRow(r))
    const m = out.get(String(r.photo_id)) ?? new Map<string, CurrentConsent>()
    m.set(c.subjectId, c)
    out.set(String(r.photo_id), m)
  }
  return out
}

export async function gatePhotos(tx: DbOrTx, rows: PhotoRow[]): Promise<Map<string, GatePhoto>> {
  const ids = rows.map((r) => r.id)
  const links = ids.length ? await repo.linksOfPhotos(tx, ids) : []
  return new Map(
    rows.map((r) => [
      r.id,
      { status: r.status, noPeopleDeclared: r.noPeopleDeclaredAt !== null, subjectIds: links.filter((l) => l.photoId === r.id).map((l) => l.subjectId) },
    ]),
  )
}

/**
 * What the gate needs besides the photo row, for each photo: who is in it and their current consent.
 * Read by the gate (modules/gate), whose photo records forget a photo when any of it changes.
 */
export async function gateInputs(tx: DbOrTx, photoIds: string[]): Promise<Map<string, GateInputs>> {
  const out = new Map<string, GateInputs>(photoIds.map((id) => [id, { subjectIds: [], consents: new Map() }]))
  if (photoIds.length === 0) return out
  const [links, cs] = await Promise.all([repo.linksOfPhotos(tx, photoIds), currentConsents(tx, photoIds)])
  for (const l of links) out.get(l.photoId)?.subjectIds.push(l.subjectId)
  for (const [photoId, m] of cs) {
    const o = out.get(photoId)
    if (o) o.consents = m
  }
  return out
}
