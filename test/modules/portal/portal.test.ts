import crypto from 'node:crypto'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'

type User = Awaited<ReturnType<TestApp['user']>>
let t: TestApp
let owner: User, admin: User, journalist: User, curator: User
const logs: string[] = []

beforeAll(async () => {
  t = await startTestApp({}, { logLines: logs })
  ;[owner, admin, journalist, curator] = await Promise.all([t.user('photographer'), t.user('admin'), t.user('photographer'), t.user('curator')])
})
afterAll(() => t?.close())

const call = (method: string, url: string, auth: string | null, body?: unknown, app = t) => request(app, method, url, auth, body)
const TEXTS = { captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' }
const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: true }

async function modelWithPhoto(pseudonym = `Noor ${crypto.randomBytes(3).toString('hex')}`) {
  const [r, g, b] = crypto.randomBytes(3)
  const bytes = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .jpeg()
    .toBuffer()
  const { body: photo } = await upload(t, owner.token, { name: 'p.jpg', bytes, type: 'image/jpeg' }, TEXTS)
  const subject = (await call('POST', '/v1/subjects', owner.token, { pseudonym })).body
  expect((await call('POST', `/v1/photos/${photo.id}/people`, owner.token, { subjectId: subject.id, consent: AGREED })).status).toBe(201)
  const link = await call('POST', `/v1/subjects/${subject.id}/portal-link`, admin.token)
  expect(link.status).toBe(201)
  return { photoId: photo.id as string, subjectId: subject.id as string, token: link.body.token as string, url: link.body.url as string, pseudonym }
}

describe('the personal link', () => {
  it('is made by the admin only, shown once, stored hashed, and carries the token in the URL fragment', async () => {
    const m = await modelWithPhoto()
    expect(m.token).toMatch(/^ebp_[A-Za-z0-9_-]{43}$/)
    expect(m.url).toBe(`/portal#${m.token}`)
    const stored = rowsOf<{ token_hash: string }>(await t.rt.database.db.execute(sql`select token_hash from portal_links where subject_id = ${m.subjectId}`))
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(m.token.slice(4))
    expect((await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, owner.token)).status).toBe(403)
    expect((await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, curator.token)).status).toBe(403)
  })

  it('opens the portal: their photos with previews (also unpublished) and their consent in plain Dutch and English', async () => {
    const m = await modelWithPhoto()
    const r = await call('GET', '/v1/portal', m.token)
    expect(r.status).toBe(200)
    expect(r.body.pseudonym).toBe(m.pseudonym)
    expect(r.body.photos).toHaveLength(1)
    const p = r.body.photos[0]
    expect(p).toMatchObject({ id: m.photoId, status: 'draft', consent: { version: 1, state: 'active' }, usage: [] })
    expect(p.consentInWords.nl).toContain('nieuws en achtergrond')
    expect(p.consentInWords.nl).toContain('Niet bij verhalen over: mensenhandel')
    expect(p.consentInWords.en).toContain('Valid until')
    const preview = await fetch(`${t.url}${p.preview}`, { headers: { authorization: `Bearer ${m.token}` } })
    expect(preview.status).toBe(200)
    expect(preview.headers.get('content-type')).toBe('image/jpeg')
    expect((await call('GET', `/v1/portal/photos/${m.photoId}/media/large.jpeg`, m.token)).status).toBe(403) // preset-not-permitted: the gate gives the person previews only
    // Nothing about the photographer's account, nor anyone else.
    expect(JSON.stringify(r.body)).not.toMatch(/@test\.example|ownerId|password/)
  })

  it('refuses wrong, rotated, revoked and expired links with 401 problems', async () => {
    const m = await modelWithPhoto()
    for (const bad of ['ebp_' + 'x'.repeat(43), 'ebs_nope', m.token + 'x']) {
      const r = await call('GET', '/v1/portal', bad)
      expect(r.status, bad).toBe(401)
      // A session-shaped token is judged by the session check: 401 all the same.
      expect(r.body.type).toBe(bad.startsWith('ebp_') ? '/problems/portal-link-invalid' : '/problems/unauthenticated')
    }
    expect((await call('GET', '/v1/portal', null)).status).toBe(401)
    const rotated = await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect((await call('GET', '/v1/portal', m.token)).status).toBe(401)
    expect((await call('GET', '/v1/portal', rotated.body.token)).status).toBe(200)
    await t.rt.database.db.execute(
      sql`update portal_links set expires_at = now() - interval '1 second' where subject_id = ${m.subjectId} and revoked_at is null`,
    )
    expect((await call('GET', '/v1/portal', rotated.body.token)).status).toBe(401)
    const fresh = await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect((await call('DELETE', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)).body).toEqual({ revoked: 1 })
    expect((await call('GET', '/v1/portal', fresh.body.token)).status).toBe(401)
  })

  it("shows nothing of another person's photos", async () => {
    const a = await modelWithPhoto()
    const b = await modelWithPhoto()
    expect((await call('GET', `/v1/portal/photos/${b.photoId}/media/small.jpeg`, a.token)).status).toBe(404)
    expect((await call('PUT', `/v1/portal/photos/${b.photoId}/consent`, a.token, AGREED)).status).toBe(404)
    expect((await call('POST', `/v1/portal/photos/${b.photoId}/withdraw`, a.token, { confirm: true })).status).toBe(404)
    expect((await call('GET', `/v1/photos/${b.photoId}`, owner.token)).body.status).toBe('draft')
  })
})

describe('what the person can do', () => {
  it('changes the scope: a new version made by them, shown in plain words', async () => {
    const m = await modelWithPhoto()
    const r = await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, {
      ...AGREED,
      uses: ['editorial'],
      excludedTopics: ['trafficking', 'crime', 'violence', 'health', 'victimhood', 'drugs'],
    })
    expect(r.status).toBe(200)
    expect(r.body.consent).toMatchObject({ version: 2, uses: ['editorial'] })
    expect(r.body.consentInWords.nl).toContain('drugs')
    const [row] = rowsOf<{ actor_kind: string; actor_id: string }>(
      await t.rt.database.db.execute(sql`select actor_kind, actor_id from consents where photo_id = ${m.photoId} and version = 2`),
    )
    expect(row).toEqual({ actor_kind: 'subject', actor_id: m.subjectId })
  })

  it('withdraws in one step with a confirmation: the photo is gone for everyone on the next request', async () => {
    const m = await modelWithPhoto()
    expect((await call('POST', `/v1/photos/${m.photoId}/submit`, owner.token)).status).toBe(200)
    expect((await call('POST', `/v1/photos/${m.photoId}/publish`, curator.token)).status).toBe(200)
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
    const unconfirmed = await call('POST', `/v1/portal/photos/${m.photoId}/withdraw`, m.token, { confirm: false })
    expect(unconfirmed.body.type).toBe('/problems/confirmation-required')
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(200)
    expect((await call('POST', `/v1/portal/photos/${m.photoId}/withdraw`, m.token, { confirm: true })).body).toEqual({ id: m.photoId, status: 'withdrawn' })
    expect((await call('GET', `/v1/photos/${m.photoId}`, journalist.token)).status).toBe(410)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(410)
    const after = (await call('GET', '/v1/portal', m.token)).body.photos[0]
    expect(after).toMatchObject({ status: 'withdrawn', preview: null, consent: { state: 'withdrawn' } })
    expect(after.consentInWords.nl).toContain('ingetrokken')
  })

  it('asks for erasure (recorded once, however often asked)', async () => {
    const m = await modelWithPhoto()
    expect((await call('POST', '/v1/portal/erasure', m.token, { confirm: false })).status).toBe(400)
    const a = await call('POST', '/v1/portal/erasure', m.token, { confirm: true })
    const b = await call('POST', '/v1/portal/erasure', m.token, { confirm: true })
    expect(a.status).toBe(202)
    expect(b.body.id).toBe(a.body.id)
  })

  it('never writes a portal token to the log', async () => {
    const m = await modelWithPhoto()
    await call('GET', '/v1/portal', m.token)
    await call('GET', `/v1/portal/photos/${m.photoId}/media/small.jpeg`, m.token)
    expect(logs.length).toBeGreaterThan(0)
    expect(logs.join('\n')).not.toContain(m.token.slice(4, 30))
  })
})

describe('guessing links', () => {
  it('answers many wrong tokens from one address with 429 and Retry-After, but a valid token still withdraws', async () => {
    const m = await modelWithPhoto()
    // Earlier tests in this file may have spent some of the address's 10 failures already.
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await call('GET', '/v1/portal', `ebp_${crypto.randomBytes(32).toString('base64url')}`)).status)
    const firstRefused = statuses.indexOf(429)
    expect(firstRefused).toBeGreaterThan(0)
    expect(statuses.slice(0, firstRefused).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(firstRefused).every((s) => s === 429)).toBe(true)
    const r = await call('GET', '/v1/portal', 'ebp_whatever')
    expect(r.status).toBe(429)
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(r.body.type).toBe('/problems/too-many-requests')
    // Same address, right token: the person behind a shared address (a shelter's wifi) is never locked out.
    expect((await call('GET', '/v1/portal', m.token)).status).toBe(200)
    const w = await call('POST', `/v1/portal/photos/${m.photoId}/withdraw`, m.token, { confirm: true })
    expect(w.status).toBe(200)
    expect(w.body).toEqual({ id: m.photoId, status: 'withdrawn' })
    expect((await call('GET', '/v1/portal', m.token)).body.photos[0]).toMatchObject({ status: 'withdrawn', consent: { state: 'withdrawn' } })
  })

  it('limits wrong tokens sharing a prefix even when they come from many addresses', async () => {
    const { FailureLimiter, failedAttempt } = await import('../../../api/src/platform/failure-limiter.ts')
    const limiter = new FailureLimiter(3, 60_000)
    const waits = Array.from({ length: 5 }, (_, i) => failedAttempt(limiter, `192.0.2.${i}`, 'ebp_AAAAAAAA'))
    expect(waits.slice(0, 3)).toEqual([0, 0, 0])
    expect(waits[3]).toBeGreaterThan(0)
    // Another prefix from a fresh address is not affected.
    expect(failedAttempt(limiter, '192.0.2.99', 'ebp_BBBBBBBB')).toBe(0)
  })
})

describe('who used the photo, and the takedown notices', () => {
  it('shows the person every download, and a withdrawal queues a notice for exactly the organisations that hold it', async () => {
    const m = await modelWithPhoto()
    await call('POST', `/v1/photos/${m.photoId}/submit`, owner.token)
    await call('POST', `/v1/photos/${m.photoId}/publish`, curator.token)
    const db = t.rt.database.db
    const [holder, bystander] = rowsOf<{ id: string }>(
      await db.execute(sql`insert into organisations (name, enabled_at) values ('De Dagkrant', now()), ('Omroep Zuid', now()) returning id`),
    )
    await db.execute(sql`insert into download_grants (photo_id, organisation_id, licence, use, channel, topic, publication_url)
      values (${m.photoId}, ${holder!.id}, 'rsw-editorial@1.0', 'editorial', 'web', 'housing', 'https://dagkrant.example/wonen')`)
    const before = (await call('GET', '/v1/portal', m.token)).body.photos[0]
    expect(before.usage).toEqual([
      {
        organisation: 'De Dagkrant',
        outlet: null,
        headline: null,
        use: 'editorial',
        channel: 'web',
        topic: 'housing',
        at: expect.any(String),
        publicationUrl: 'https://dagkrant.example/wonen',
      },
    ])
    expect(before.notices).toEqual([])

    await call('POST', `/v1/portal/photos/${m.photoId}/withdraw`, m.token, { confirm: true })
    const notices = rowsOf<{ organisation_id: string; event: string; state: string }>(
      await db.execute(sql`select organisation_id, event, state from takedown_notices where photo_id = ${m.photoId}`),
    )
    expect(notices).toEqual([{ organisation_id: holder!.id, event: 'consent.withdrawn', state: 'queued' }])
    expect(notices.some((n) => n.organisation_id === bystander!.id)).toBe(false)
    const after = (await call('GET', '/v1/portal', m.token)).body.photos[0]
    expect(after.notices).toEqual([
      {
        organisation: 'De Dagkrant',
        event: 'consent.withdrawn',
        state: 'queued',
        reachable: false,
        at: expect.any(String),
        deliveredAt: null,
        acknowledgedAt: null,
      },
    ])
  })
})
