import crypto from 'node:crypto'
import fs from 'node:fs'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { expect } from 'vitest'
import { rowsOf, type Db } from '../../../api/src/db/client.ts'

export type Body = Record<string, any>

/** Real HTTP against a listening app; JSON in and out. */
export function client(base: string) {
  return async (method: string, url: string, token: string | null, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {}) as Body }
  }
}
export type Call = ReturnType<typeof client>

export interface Staff {
  photographer: string
  curator: string
  admin: string
}

const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: true }

/** A person as the bank knows them: a pseudonym outside the vault, a legal name and e-mail inside it. */
export interface Person {
  subjectId: string
  pseudonym: string
  legalName: string
  email: string
  portalToken: string
}

export async function person(call: Call, staff: Staff, label: string): Promise<Person> {
  const tag = crypto.randomBytes(4).toString('hex')
  const p = { pseudonym: `${label}-${tag}`, legalName: `${label} Geheim-${tag}`, email: `${label.toLowerCase()}.${tag}@verborgen.example` }
  const subject = await call('POST', '/v1/subjects', staff.photographer, { pseudonym: p.pseudonym })
  expect(subject.status).toBe(201)
  expect((await call('PUT', `/v1/subjects/${subject.body.id}/vault`, staff.photographer, { legalName: p.legalName, contact: { email: p.email } })).status).toBe(
    204,
  )
  const link = await call('POST', `/v1/subjects/${subject.body.id}/portal-link`, staff.admin)
  expect(link.status).toBe(201)
  return { ...p, subjectId: subject.body.id, portalToken: link.body.token }
}

/** Uploads a photo of these people (with a caption naming the first), links them with consent, publishes it. */
export async function publishedPhoto(base: string, call: Call, staff: Staff, people: Person[]): Promise<{ id: string; bytes: Buffer }> {
  const [r, g, b] = crypto.randomBytes(3)
  const bytes = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .jpeg()
    .toBuffer()
  const form = new FormData()
  const texts = {
    captionNl: `${people[0]!.pseudonym} in haar atelier`,
    captionEn: `${people[0]!.pseudonym} in her studio`,
    altNl: 'Iemand bij het raam',
    altEn: 'Someone at the window',
    tags: 'atelier,portret',
    tagsEn: 'studio,portrait',
    placeCity: 'Den Haag',
    series: `Werkplaatsen ${people[0]!.pseudonym}`,
    capturedMonth: '2026-03',
  }
  for (const [k, v] of Object.entries(texts)) form.append(k, v)
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg')
  const res = await fetch(`${base}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${staff.photographer}` }, body: form })
  expect(res.status).toBe(201)
  const id = ((await res.json()) as Body).id as string
  for (const p of people)
    expect((await call('POST', `/v1/photos/${id}/people`, staff.photographer, { subjectId: p.subjectId, consent: AGREED })).status).toBe(201)
  expect((await call('POST', `/v1/photos/${id}/submit`, staff.photographer)).status).toBe(200)
  expect((await call('POST', `/v1/photos/${id}/publish`, staff.curator)).status).toBe(200)
  return { id, bytes }
}

/** Adds a signed release form (a small PDF) to the person's vault; returns the document's id. */
export async function releaseForm(base: string, staff: Staff, p: Person): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([Buffer.from(`%PDF-1.4\n% release form of ${p.legalName}\n%%EOF\n`)]), 'form.pdf')
  const res = await fetch(`${base}/v1/subjects/${p.subjectId}/vault/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.photographer}` },
    body: form,
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as Body).id as string
}

/** The blob keys a photo has on disk: its encrypted original and the folder of its derivatives. */
export async function photoBlobs(db: Db, photoId: string) {
  const [row] = rowsOf<{ original_key: string; media_key: string; original_wrapped_key: string }>(
    await db.execute(sql`select original_key, media_key, original_wrapped_key from photos where id = ${photoId}`),
  )
  return { original: row!.original_key, derivatives: `derivatives/${row!.media_key}`, wrappedKey: row!.original_wrapped_key }
}

/** Waits until the outbox has nothing left to do (search.remove has no worker yet: the search module will). */
/** Waits until every job due now has run (the search handler comes with its module; the expiry sweep always has its next run queued). */
export async function settle(db: Db) {
  await expect
    .poll(
      async () =>
        rowsOf<{ n: number }>(
          await db.execute(
            sql`select count(*)::int as n from jobs where (status = 'running' or (status = 'pending' and run_at <= now())) and kind not in ('search.remove', 'consent.expiry-sweep')`,
          ),
        )[0]!.n,
      {
        timeout: 120_000,
        interval: 200,
      },
    )
    .toBe(0)
  const dead = rowsOf<{ kind: string; last_error: string }>(await db.execute(sql`select kind, last_error from jobs where status = 'dead'`))
  expect(dead).toEqual([])
}

export function readBlob(dataDir: string, key: string): Buffer {
  return fs.readFileSync(`${dataDir}/blobs/${key}`)
}
