/** Test data shared by every module's tests: staff, organisations and their journalists, published photos with consent, grants. */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { expect } from 'vitest'
import { rowsOf } from '../../api/src/db/client.ts'
import { request, upload, type TestApp } from './app.ts'

export type User = Awaited<ReturnType<TestApp['user']>>

export interface Staff {
  photographer: User
  curator: User
  admin: User
}

export async function staff(t: TestApp): Promise<Staff> {
  const [photographer, curator, admin] = await Promise.all([t.user('photographer', 'Sam V.'), t.user('curator'), t.user('admin')])
  return { photographer, curator, admin }
}

/** An organisation row; enabled unless said otherwise. */
export async function organisation(t: TestApp, name = `Krant ${crypto.randomBytes(3).toString('hex')}`, enabled = true): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await t.rt.database.db.execute(sql`insert into organisations (name, enabled_at) values (${name}, ${enabled ? sql`now()` : null}) returning id`),
  )
  return row!.id
}

/** An enabled organisation with a journalist (logged in over HTTP) acting for it. */
export async function outletWithJournalist(t: TestApp, name: string, opts: { noticeEmail?: string } = {}) {
  const db = t.rt.database.db
  const [org] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into organisations (name, enabled_at, notice_email) values (${name}, now(), ${opts.noticeEmail ?? null}) returning id`),
  )
  const journalist = await t.user('journalist')
  await db.execute(sql`insert into organisation_members (user_id, organisation_id) values (${journalist.id}, ${org!.id})`)
  return { id: org!.id, name, token: journalist.token, userId: journalist.id }
}

/** A journalist of the organisation, logged in over HTTP: a bearer `ebs_` token with principal.organisationId. */
export async function journalist(t: TestApp, orgId: string | null): Promise<User> {
  const email = `journalist-${crypto.randomBytes(4).toString('hex')}@test.example`
  const password = crypto.randomBytes(12).toString('base64url')
  const { id } = await t.rt.auth.createUser({ email, password, role: 'journalist', displayName: 'Journalist' })
  if (orgId) await t.rt.database.db.execute(sql`insert into organisation_members (user_id, organisation_id) values (${id}, ${orgId})`)
  const res = await fetch(`${t.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { token: string; csrfToken: string }
  return { id, token: body.token, csrfToken: body.csrfToken, email, password }
}

export const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: true }

/** A random-coloured JPEG (uploads of the same bytes by one photographer are refused as duplicates). */
export async function randomJpeg(width = 900, height = 700): Promise<Buffer> {
  const [r, g, b] = crypto.randomBytes(3)
  return sharp({ create: { width, height, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .jpeg()
    .toBuffer()
}

/** Uploads, links one person with the given consent, submits and publishes. Returns the ids. */
export async function publishedPhoto(
  t: TestApp,
  s: Staff,
  opts: { file?: string | Buffer; consent?: Record<string, unknown>; texts?: Record<string, string> } = {},
): Promise<{ photoId: string; subjectId: string }> {
  const file = opts.file ?? (await randomJpeg())
  const { res, body: photo } = await upload(
    t,
    s.photographer.token,
    typeof file === 'string' ? file : { name: 'p.jpg', bytes: file, type: 'image/jpeg' },
    opts.texts ?? { captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' },
  )
  expect(res.status).toBe(201)
  const subject = (await request(t, 'POST', '/v1/subjects', s.photographer.token, { pseudonym: `Noor ${crypto.randomBytes(3).toString('hex')}` })).body
  const people = await request(t, 'POST', `/v1/photos/${photo.id}/people`, s.photographer.token, {
    subjectId: subject.id,
    consent: { ...AGREED, ...opts.consent },
  })
  expect(people.status, people.text).toBe(201)
  expect((await request(t, 'POST', `/v1/photos/${photo.id}/submit`, s.photographer.token)).status).toBe(200)
  const pub = await request(t, 'POST', `/v1/photos/${photo.id}/publish`, s.curator.token)
  expect(pub.status, pub.text).toBe(200)
  return { photoId: photo.id as string, subjectId: subject.id as string }
}

export async function grantCount(t: TestApp, photoId: string): Promise<number> {
  const [r] = rowsOf<{ n: number }>(await t.rt.database.db.execute(sql`select count(*)::int as n from download_grants where photo_id = ${photoId}`))
  return r!.n
}

export async function auditEvents(t: TestApp, photoId: string, type: string) {
  return rowsOf<{ actor_kind: string; actor_id: string | null; data: Record<string, unknown> }>(
    await t.rt.database.db.execute(sql`select actor_kind, actor_id, data from audit_events where photo_id = ${photoId} and type = ${type} order by seq`),
  )
}

export const EDITORIAL = { use: 'editorial', channel: 'web', topic: null } as const
