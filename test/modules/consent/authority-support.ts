/** Set-up for the consent authority tests: a published photo of one person, their portal link, an outlet. */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, upload, type TestApp } from '../../support/app.ts'
import { randomJpeg, type Staff } from '../../support/factories.ts'

export const TEXTS = { captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' }
export const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: true }
export const EVERY_USE = ['editorial', 'education', 'exhibition', 'social', 'advertising', 'political', 'ai-training']

export interface Model {
  photoId: string
  subjectId: string
  token: string
  small: string
}

/** Uploads, links one person with the photographer's consent (from a signed release), publishes, and makes their link. */
export async function publishedModel(t: TestApp, s: Staff, consent: Record<string, unknown> = {}, opts: { publish?: boolean } = {}): Promise<Model> {
  const { res, body: photo } = await upload(t, s.photographer.token, { name: 'p.jpg', bytes: await randomJpeg(), type: 'image/jpeg' }, TEXTS)
  expect(res.status).toBe(201)
  const subject = (await request(t, 'POST', '/v1/subjects', s.photographer.token, { pseudonym: `Noor ${crypto.randomBytes(3).toString('hex')}` })).body
  const added = await request(t, 'POST', `/v1/photos/${photo.id}/people`, s.photographer.token, { subjectId: subject.id, consent: { ...AGREED, ...consent } })
  expect(added.status, added.text).toBe(201)
  if (opts.publish !== false) {
    expect((await request(t, 'POST', `/v1/photos/${photo.id}/submit`, s.photographer.token)).status).toBe(200)
    const pub = await request(t, 'POST', `/v1/photos/${photo.id}/publish`, s.curator.token)
    expect(pub.status, pub.text).toBe(200)
  }
  const link = await request(t, 'POST', `/v1/subjects/${subject.id}/portal-link`, s.admin.token)
  expect(link.status).toBe(201)
  const small = (photo.derivatives as { preset: string; format: string; url: string }[]).find((d) => d.preset === 'small' && d.format === 'jpeg')!.url
  return { photoId: photo.id as string, subjectId: subject.id as string, token: link.body.token as string, small }
}

export async function versions(t: TestApp, photoId: string) {
  return rowsOf<{
    version: number
    state: string
    author: string
    actor_kind: string
    uses: string[]
    excluded_topics: string[]
    lifted_topics: string[]
    outlet_deny: string[]
    public_preview: boolean
    valid_until: string
  }>(
    await t.rt.database.db.execute(
      sql`select version, state, author, actor_kind, uses, excluded_topics, lifted_topics, outlet_deny, public_preview, valid_until::text as valid_until from consents where photo_id = ${photoId} order by version`,
    ),
  )
}

export async function proposalRows(t: TestApp, photoId: string) {
  return rowsOf<{ id: string; state: string; base_version: number; accepted_version: number | null; widens: string[]; proposed_by_kind: string }>(
    await t.rt.database.db.execute(
      sql`select id, state, base_version, accepted_version, widens, proposed_by_kind from consent_proposals where photo_id = ${photoId} order by created_at`,
    ),
  )
}

export async function auditTypes(t: TestApp, photoId: string) {
  return rowsOf<{ type: string; actor_kind: string; data: Record<string, unknown> }>(
    await t.rt.database.db.execute(sql`select type, actor_kind, data from audit_events where photo_id = ${photoId} order by seq`),
  )
}

export async function grants(t: TestApp, photoId: string) {
  return rowsOf<{ topic: string | null; topic_lifted_by: string | null }>(
    await t.rt.database.db.execute(sql`select topic, topic_lifted_by from download_grants where photo_id = ${photoId} order by created_at`),
  )
}
