import crypto from 'node:crypto'
import path from 'node:path'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { addDays, addYears, describeRenewal, EXPIRY_ACTOR, EXPIRY_SWEEP_JOB, todayUtc } from '../../../api/src/modules/consent/index.ts'
import { files, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { journalist as deskJournalist, organisation } from '../../support/factories.ts'

type User = Awaited<ReturnType<TestApp['user']>>
let t: TestApp
let owner: User, admin: User, curator: User, journalist: User

beforeAll(async () => {
  t = await startTestApp()
  ;[owner, admin, curator] = await Promise.all([t.user('photographer'), t.user('admin'), t.user('curator')])
  // A journalist of an enabled organisation: sees the detail of a published photo (DESIGN.md "Who sees what").
  journalist = await deskJournalist(t, await organisation(t))
})
afterAll(() => t?.close())

const call = async (method: string, url: string, auth: string | null, body?: unknown) => {
  const res = await fetch(`${t.url}${url}`, {
    method,
    headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as Record<string, any>,
  }
}
const db = () => t.rt.database.db
const day = (n: number) => addDays(todayUtc(), n)
const TEXTS = { captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' }
const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: false }

/** A published photo of one person whose consent runs until `validUntil`, and that person's portal link. */
async function modelWithPhoto(validUntil: string, opts: { publish?: boolean } = {}) {
  const [r, g, b] = crypto.randomBytes(3)
  const bytes = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .composite([{ input: crypto.randomBytes(48 * 48 * 3), raw: { width: 48, height: 48, channels: 3 }, left: 40, top: 40 }])
    .jpeg()
    .toBuffer()
  const { body: photo } = await upload(t, owner.token, { name: 'p.jpg', bytes, type: 'image/jpeg' }, TEXTS)
  const subject = (await call('POST', '/v1/subjects', owner.token, { pseudonym: `Noor ${crypto.randomBytes(3).toString('hex')}` })).body
  const added = await call('POST', `/v1/photos/${photo.id}/people`, owner.token, {
    subjectId: subject.id,
    consent: { ...AGREED, validFrom: '2024-01-01', validUntil },
  })
  expect(added.status, JSON.stringify(added.body)).toBe(201)
  if (opts.publish !== false) {
    expect((await call('POST', `/v1/photos/${photo.id}/submit`, owner.token)).status).toBe(200)
    expect((await call('POST', `/v1/photos/${photo.id}/publish`, curator.token)).status).toBe(200)
  }
  const link = await call('POST', `/v1/subjects/${subject.id}/portal-link`, admin.token)
  expect(link.status).toBe(201)
  return { photoId: photo.id as string, subjectId: subject.id as string, token: link.body.token as string, derivatives: photo.derivatives as { url: string }[] }
}

const requests = async (photoId: string) =>
  rowsOf<{ consent_version: number; valid_until: string; answered_at: Date | null }>(
    await db().execute(
      sql`select consent_version, valid_until::text as valid_until, answered_at from renewal_requests where photo_id = ${photoId} order by created_at`,
    ),
  )
const versions = async (photoId: string) =>
  rowsOf<{ version: number; state: string; reason: string | null; valid_until: string; actor_kind: string; actor_id: string | null }>(
    await db().execute(
      sql`select version, state, reason, valid_until::text as valid_until, actor_kind, actor_id from consents where photo_id = ${photoId} order by version`,
    ),
  )
const portalPhoto = async (m: { token: string; photoId: string }) => {
  const r = await call('GET', '/v1/portal', m.token)
  expect(r.status).toBe(200)
  return r.body.photos.find((p: { id: string }) => p.id === m.photoId)
}

/** Runs a sweep the way the schedule does: a job in the outbox, done by the app's own worker. */
async function sweepThroughWorker() {
  const id = await t.rt.queue.enqueue(db(), EXPIRY_SWEEP_JOB, {}, { dedupeKey: `test-sweep:${crypto.randomUUID()}` })
  t.rt.worker.nudge()
  await expect
    .poll(async () => rowsOf<{ status: string }>(await db().execute(sql`select status from jobs where id = ${id}`))[0]?.status, {
      timeout: 30_000,
      interval: 100,
    })
    .toBe('done')
}

describe('the schedule', () => {
  it('enqueues a sweep on start, runs it, and chains the next one a period later; restarts and replicas in a period add nothing', async () => {
    type JobRow = { id: number; status: string; dedupe_key: string; run_at: Date; finished_at: Date | null }
    const sweeps = async () =>
      rowsOf<JobRow>(
        await db().execute(
          sql`select id, status, dedupe_key, run_at, finished_at from jobs where kind = ${EXPIRY_SWEEP_JOB} and dedupe_key not like 'test-%' order by id`,
        ),
      ).map((r) => ({ ...r, run_at: new Date(r.run_at), finished_at: r.finished_at && new Date(r.finished_at) }))
    await expect.poll(async () => (await sweeps()).map((j) => j.status), { timeout: 30_000, interval: 100 }).toEqual(['done', 'pending'])
    const [first, next] = (await sweeps()) as [JobRow, JobRow]
    const hour = 60 * 60_000
    // Keys name the wall-clock period (EXPIRY_SWEEP_MINUTES=60 by default), so every replica computes the same one.
    expect(first.dedupe_key).toBe(t.rt.expiry.periodKey(first.run_at))
    expect(first.dedupe_key).toMatch(/^consent\.expiry-sweep:\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/)
    expect(next.dedupe_key).toBe(t.rt.expiry.periodKey(next.run_at))
    expect(next.run_at.getTime() - first.finished_at!.getTime()).toBeGreaterThan(hour - 5_000)
    expect(next.run_at.getTime() - first.finished_at!.getTime()).toBeLessThanOrEqual(hour)

    // A restart in the first period (its job is done) and a replica's tick in the next (its job is pending) add nothing.
    expect(await t.rt.expiry.schedule(first.run_at)).toBe(false)
    expect(await t.rt.expiry.schedule(next.run_at)).toBe(false)
    // Two replicas starting at once in a period nobody has scheduled yet: one job.
    const later = new Date(next.run_at.getTime() + 3 * hour)
    expect((await Promise.all([t.rt.expiry.schedule(later), t.rt.expiry.schedule(later)])).sort()).toEqual([false, true])
    expect((await sweeps()).map((j) => j.status)).toEqual(['done', 'pending', 'pending'])
    await db().execute(sql`delete from jobs where dedupe_key = ${t.rt.expiry.periodKey(later)}`)
  })
})

describe('renewal requests', () => {
  it('says when consent ends and asks whether to renew, in Dutch and English', () => {
    expect(describeRenewal('2027-01-12')).toEqual({
      nl: 'Je toestemming loopt af op 12 januari 2027. Wil je verlengen? Als je niets doet, wordt de foto na die dag niet meer getoond.',
      en: 'Your consent ends on 12 January 2027. Do you want to renew it? If you do nothing, the photo will no longer be shown after that day.',
    })
  })

  it('asks exactly once for a consent ending in ten days, however often the sweep runs, and shows the question in the portal', async () => {
    const m = await modelWithPhoto(day(10))
    expect((await portalPhoto(m)).renewal).toBeNull()
    await t.rt.expiry.sweep()
    await sweepThroughWorker()
    await t.rt.expiry.sweep()
    expect(await requests(m.photoId)).toEqual([{ consent_version: 1, valid_until: day(10), answered_at: null }])

    const p = await portalPhoto(m)
    expect(p.renewal).toEqual({ validUntil: day(10), askedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), inWords: describeRenewal(day(10)) })
    expect(p.renewal.inWords.nl).toMatch(/^Je toestemming loopt af op \d{1,2} [a-z]+ \d{4}\. Wil je verlengen\?/)
    expect(p.renewal.inWords.en).toMatch(/^Your consent ends on \d{1,2} [A-Z][a-z]+ \d{4}\. Do you want to renew it\?/)
    // Only the person's own questions: someone else's photo shows none.
    const other = await modelWithPhoto(addYears(todayUtc(), 2))
    expect((await portalPhoto(other)).renewal).toBeNull()
  })

  it('renewing makes a new version by the person (three years by default), answers the question, and nobody is asked again', async () => {
    const m = await modelWithPhoto(day(10))
    await t.rt.expiry.sweep()
    const r = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.consent).toMatchObject({
      version: 2,
      state: 'active',
      validFrom: '2024-01-01',
      validUntil: addYears(todayUtc(), 3),
      uses: ['editorial', 'education', 'exhibition', 'social'],
    })
    expect(r.body.consentInWords.nl).toContain('Geldig tot en met')
    expect((await versions(m.photoId)).at(-1)).toMatchObject({ version: 2, state: 'active', actor_kind: 'subject', actor_id: m.subjectId, reason: null })
    const [asked] = await requests(m.photoId)
    expect(asked!.answered_at).not.toBeNull()
    expect((await portalPhoto(m)).renewal).toBeNull()
    await t.rt.expiry.sweep()
    expect(await requests(m.photoId)).toHaveLength(1)
    // Still published, and the renewal is in the person's own history.
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
    const events = (await call('GET', '/v1/portal/events', m.token)).body.items
    expect(events).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'consent.changed', photoId: m.photoId, aboutYou: true, by: 'you' })]))
  })

  it('renews until a chosen day, up to ten years ahead', async () => {
    const m = await modelWithPhoto(day(20))
    const until = addYears(todayUtc(), 10)
    const r = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true, validUntil: until })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.consent).toMatchObject({ version: 2, validUntil: until })
  })

  it('refuses bad renewal input with a 400 problem and changes nothing', async () => {
    const m = await modelWithPhoto(day(10))
    const bad: [unknown, string][] = [
      [{ confirm: false }, 'confirmation-required'],
      [{}, 'validation-failed'],
      [{ confirm: true, validUntil: '12-01-2027' }, 'validation-failed'],
      [{ confirm: true, validUntil: `${todayUtc().slice(0, 4)}-02-31` }, 'validation-failed'],
      [{ confirm: true, validUntil: day(-1) }, 'validation-failed'],
      [{ confirm: true, validUntil: day(5) }, 'validation-failed'],
      [{ confirm: true, validUntil: day(10) }, 'validation-failed'],
      [{ confirm: true, validUntil: addDays(addYears(todayUtc(), 10), 1) }, 'validation-failed'],
      [{ confirm: true, extra: 1 }, 'validation-failed'],
      [{ confirm: 'yes please' }, 'validation-failed'],
    ]
    for (const [body, type] of bad) {
      const r = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, body)
      expect({ status: r.status, type: r.body.type }, JSON.stringify(body)).toEqual({ status: 400, type: `/problems/${type}` })
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
    expect(await versions(m.photoId)).toHaveLength(1)
  })

  it("does not renew someone else's photo (404), nor without a link (401)", async () => {
    const a = await modelWithPhoto(day(10))
    const b = await modelWithPhoto(day(10))
    const r = await call('POST', `/v1/portal/photos/${b.photoId}/renew`, a.token, { confirm: true })
    expect({ status: r.status, type: r.body.type }).toEqual({ status: 404, type: '/problems/photo-not-found' })
    expect((await call('POST', `/v1/portal/photos/${b.photoId}/renew`, null, { confirm: true })).status).toBe(401)
    expect(await versions(b.photoId)).toHaveLength(1)
  })
})

describe('expiry as withdrawal', () => {
  it('turns a consent that ended yesterday into a final withdrawal marked expired: 410 for others, blobs purged, search removal queued, audited', async () => {
    const m = await modelWithPhoto(day(30))
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
    const [{ media_key }] = rowsOf<{ media_key: string }>(await db().execute(sql`select media_key from photos where id = ${m.photoId}`)) as [
      { media_key: string },
    ]
    const blobDir = path.join(t.dataDir, 'blobs', 'derivatives', media_key)
    expect(files(blobDir).length).toBeGreaterThan(0)
    // The photographer records the signed form's real end date: it was yesterday.
    const changed = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, owner.token, { ...AGREED, validUntil: day(-1) })
    expect(changed.status).toBe(200)
    // Before the sweep the model cannot renew either: past the last day is expired.
    const early = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true })
    expect({ status: early.status, type: early.body.type }).toEqual({ status: 409, type: '/problems/consent-expired' })

    await sweepThroughWorker()
    expect(await versions(m.photoId)).toEqual([
      expect.objectContaining({ version: 1, state: 'active' }),
      expect.objectContaining({ version: 2, state: 'active', valid_until: day(-1) }),
      { version: 3, state: 'withdrawn', reason: 'expired', valid_until: day(-1), actor_kind: 'system', actor_id: 'expiry' },
    ])
    expect(rowsOf(await db().execute(sql`select status from photos where id = ${m.photoId}`))).toEqual([{ status: 'withdrawn' }])
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(410)
    for (const d of m.derivatives)
      expect((await fetch(`${t.url}${d.url}`, { headers: { authorization: `Bearer ${journalist.token}` } })).status, d.url).toBe(410)
    expect(rowsOf(await db().execute(sql`select count(*)::int as n from derivatives where photo_id = ${m.photoId}`))).toEqual([{ n: 0 }])
    await expect.poll(() => files(blobDir).length, { timeout: 30_000 }).toBe(0)
    const kinds = rowsOf<{ kind: string }>(await db().execute(sql`select kind from jobs where payload->>'photoId' = ${m.photoId}`)).map((r) => r.kind)
    expect(kinds).toEqual(expect.arrayContaining(['photo.purge-media', 'search.remove']))
    const audited = rowsOf<{ actor_kind: string; actor_id: string; data: { reason?: string } }>(
      await db().execute(sql`select actor_kind, actor_id, data from audit_events where photo_id = ${m.photoId} and type = 'consent.withdrawn'`),
    )
    expect(audited).toEqual([
      expect.objectContaining({ actor_kind: 'system', actor_id: 'expiry', data: expect.objectContaining({ reason: 'expired', version: 3 }) }),
    ])

    // The model sees it plainly, and cannot bring it back.
    const p = await portalPhoto(m)
    expect(p).toMatchObject({ status: 'withdrawn', preview: null, renewal: null, consent: { state: 'withdrawn', reason: 'expired' } })
    expect(p.consentInWords.nl).toContain('verlopen')
    const late = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true })
    expect({ status: late.status, type: late.body.type }).toEqual({ status: 409, type: '/problems/consent-expired' })
    expect(late.headers.get('content-type')).toMatch(/^application\/problem\+json/)

    // Idempotent: another sweep writes nothing more.
    expect((await t.rt.expiry.sweep()).expired).toBe(0)
    expect(await versions(m.photoId)).toHaveLength(3)
  })

  it('leaves a consent far in the future alone', async () => {
    const m = await modelWithPhoto(addYears(todayUtc(), 3))
    await t.rt.expiry.sweep()
    await sweepThroughWorker()
    expect(await versions(m.photoId)).toEqual([expect.objectContaining({ version: 1, state: 'active', reason: null })])
    expect(await requests(m.photoId)).toEqual([])
    expect((await portalPhoto(m)).renewal).toBeNull()
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
  })

  it('does not end a consent that was renewed after the sweep looked at it', async () => {
    const m = await modelWithPhoto(day(10))
    // What the sweep does for each consent it found expired, arriving after a renewal committed.
    expect(await t.rt.consent.withdraw(m.photoId, m.subjectId, EXPIRY_ACTOR, 'expired')).toBe(false)
    expect(await versions(m.photoId)).toHaveLength(1)
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
  })

  it('asks nobody to renew a photo that was withdrawn for good', async () => {
    const m = await modelWithPhoto(day(10))
    expect((await call('POST', `/v1/photos/${m.photoId}/people/${m.subjectId}/withdraw`, owner.token)).status).toBe(200)
    await t.rt.expiry.sweep()
    expect(await requests(m.photoId)).toEqual([])
    const r = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true })
    expect({ status: r.status, type: r.body.type }).toEqual({ status: 409, type: '/problems/consent-withdrawn' })
  })
})
