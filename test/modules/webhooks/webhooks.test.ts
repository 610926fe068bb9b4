import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { verify } from '../../../api/src/modules/webhooks/index.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { client, person, publishedPhoto, type Call, type Staff } from '../erasure/erasure-support.ts'
import { grant, noticesOf, receiver } from './webhooks-support.ts'
import { outletWithJournalist as organisation } from '../../support/factories.ts'

let t: TestApp
let call: Call
let staff: Staff
const PUBLIC = 'https://beeld.example'

beforeAll(async () => {
  // The worker does not poll: each test runs "one worker cycle" itself (drain), so what happens in it is visible.
  t = await startTestApp({
    WEBHOOK_ALLOW_LOOPBACK: '1',
    WEBHOOK_BACKOFF_BASE_MS: '20',
    WEBHOOK_BACKOFF_MAX_MS: '100',
    WORKER_ENABLED: '0',
    PUBLIC_URL: PUBLIC,
    LOGIN_RATE_LIMIT: '1000',
    WEBHOOK_TIMEOUT_MS: '1000',
  })
  call = client(t.url)
  const [p, c, a] = await Promise.all([t.user('photographer'), t.user('curator'), t.user('admin')])
  staff = { photographer: p.token, curator: c.token, admin: a.token }
})
afterAll(() => t?.close())

const db = () => t.rt.database.db
const cycle = () => t.rt.worker.drain()

async function endpoint(token: string, url: string, events?: string[]) {
  const r = await call('POST', '/v1/webhooks/endpoints', token, { url, ...(events ? { events } : {}) })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body as { id: string; secret: string; url: string; events: string[] }
}

/** Runs worker cycles until `done` holds (retries wait out their backoff of a few ms). */
async function cyclesUntil(done: () => boolean, max = 40) {
  for (let i = 0; i < max && !done(); i++) {
    await cycle()
    if (!done()) await new Promise((r) => setTimeout(r, 60))
  }
}

describe('webhook endpoints', () => {
  it('are made by the organisation, with a secret shown once and stored sealed, listed without it, deleted by their own organisation only', async () => {
    const org = await organisation(t, 'De Dagkrant')
    const other = await organisation(t, 'Omroep West')
    const r = await receiver()
    try {
      const e = await endpoint(org.token, r.url, ['consent.withdrawn', 'photo.takedown'])
      expect(e.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      expect(e.events).toEqual(['consent.withdrawn', 'photo.takedown'])
      const [row] = rowsOf<{ secret_sealed: string; organisation_id: string }>(
        await db().execute(sql`select secret_sealed, organisation_id from webhook_endpoints where id = ${e.id}`),
      )
      expect(row!.organisation_id).toBe(org.id)
      expect(row!.secret_sealed).toMatch(/^v1\./)
      expect(row!.secret_sealed).not.toContain(e.secret.slice(6, 20))

      const list = await call('GET', '/v1/webhooks/endpoints', org.token)
      expect(list.status).toBe(200)
      expect(list.body.items).toEqual([{ id: e.id, organisationId: org.id, url: r.url, events: e.events, enabled: true, createdAt: expect.any(String) }])
      expect(JSON.stringify(list.body)).not.toContain('whsec_')
      expect((await call('GET', '/v1/webhooks/endpoints', other.token)).body.items).toEqual([])

      expect((await call('DELETE', `/v1/webhooks/endpoints/${e.id}`, other.token)).status).toBe(404)
      expect((await call('DELETE', `/v1/webhooks/endpoints/${e.id}`, org.token)).status).toBe(204)
      expect((await call('DELETE', `/v1/webhooks/endpoints/${e.id}`, org.token)).status).toBe(404)
      const [gone] = rowsOf<{ secret_sealed: string | null; deleted_at: unknown }>(
        await db().execute(sql`select secret_sealed, deleted_at from webhook_endpoints where id = ${e.id}`),
      )
      expect(gone!.secret_sealed).toBeNull()
      expect(gone!.deleted_at).not.toBeNull()
      expect((await call('GET', '/v1/webhooks/endpoints', org.token)).body.items).toEqual([])
    } finally {
      await r.close()
    }
  })

  it('need an organisation: anonymous 401, a photographer 403, an admin names one (400 without, 404 for an unknown one)', async () => {
    const org = await organisation(t, 'Het Avondblad')
    const photographer = await t.user('photographer')
    const journalistWithout = await t.user('journalist')
    const body = { url: 'https://hooks.dagkrant.example/eb' }
    expect((await call('POST', '/v1/webhooks/endpoints', null, body)).status).toBe(401)
    expect((await call('GET', '/v1/webhooks/endpoints', null)).status).toBe(401)
    for (const token of [photographer.token, journalistWithout.token]) {
      const r = await call('POST', '/v1/webhooks/endpoints', token, body)
      expect(r.status).toBe(403)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    expect((await call('POST', '/v1/webhooks/endpoints', staff.admin, body)).status).toBe(400)
    expect((await call('POST', '/v1/webhooks/endpoints', staff.admin, { ...body, organisationId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404)
    const made = await call('POST', '/v1/webhooks/endpoints', staff.admin, { ...body, organisationId: org.id })
    expect(made.status).toBe(201)
    expect((await call('GET', `/v1/webhooks/endpoints`, org.token)).body.items.map((e: { id: string }) => e.id)).toEqual([made.body.id])
    // A journalist can't act for another organisation by naming it.
    const other = await organisation(t, 'Stadsblad')
    expect((await call('GET', `/v1/webhooks/endpoints?organisationId=${org.id}`, other.token)).status).toBe(403)
    // A disabled organisation's journalists act for nobody.
    await db().execute(sql`update organisations set enabled_at = null where id = ${other.id}`)
    expect((await call('POST', '/v1/webhooks/endpoints', other.token, body)).status).toBe(403)
  })

  it('refuse URLs that reach private, loopback-only or link-local networks, and anything but http(s), with a 400 problem, storing nothing', async () => {
    const org = await organisation(t, 'Het Noorden')
    const bad = [
      'http://169.254.169.254/latest/meta-data/',
      'https://169.254.169.254/',
      'http://10.0.0.1/hook',
      'https://10.0.0.1/hook',
      'https://172.16.5.4/hook',
      'https://192.168.1.1/hook',
      'https://100.64.0.1/hook',
      'https://0.0.0.0/hook',
      'https://[fe80::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:169.254.169.254]/hook',
      'https://[::ffff:a00:1]/hook',
      'https://0xa9fea9fe/hook', // 169.254.169.254 written as one hex number
      'https://167772161/hook', // 10.0.0.1 as a decimal number
      'https://0251.0376.0251.0376/hook', // 169.254.169.254 in octal
      'file:///etc/passwd',
      'ftp://example.org/hook',
      'gopher://example.org:70/_x',
      'javascript:alert(1)//',
      'data:text/plain,hello',
      'https://user:secret@hooks.example.org/',
      'http://hooks.example.org/plain-http',
      'https://metadata.google.internal/computeMetadata/v1/',
      'https://intranet/hook',
      'not a url at all',
    ]
    for (const url of bad) {
      const r = await call('POST', '/v1/webhooks/endpoints', org.token, { url })
      expect(r.status, url).toBe(400)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
      expect(r.body.type, url).toMatch(/^\/problems\/(webhook-url-refused|validation-failed)$/)
    }
    expect((await call('POST', '/v1/webhooks/endpoints', org.token, { url: 'https://hooks.example.org/eb', events: ['consent.bogus'] })).status).toBe(400)
    expect((await call('POST', '/v1/webhooks/endpoints', org.token, { url: 'https://hooks.example.org/eb', extra: 1 })).status).toBe(400)
    const stored = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from webhook_endpoints where organisation_id = ${org.id}`))
    expect(stored[0]!.n).toBe(0)
  })
})

describe('a withdrawal', () => {
  it('notifies every organisation that downloaded the photo within one worker cycle, and none that did not', async () => {
    const model = await person(call, staff, 'Noor')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const [a, b, c] = [await organisation(t, 'Krant A'), await organisation(t, 'Krant B'), await organisation(t, 'Krant C')]
    const [ra, rb, rc] = [await receiver(), await receiver(), await receiver()]
    try {
      await endpoint(a.token, ra.url)
      await endpoint(b.token, rb.url)
      await endpoint(c.token, rc.url)
      await grant(db(), photo.id, a.id)
      await grant(db(), photo.id, b.id)
      await grant(db(), photo.id, b.id) // two downloads, one notice
      expect((await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })).status).toBe(200)

      // The notices and their delivery jobs committed with the withdrawal.
      const notices = await noticesOf(db(), photo.id)
      expect(notices.map((n) => n.organisation_id).sort()).toEqual([a.id, b.id].sort())
      const jobs = rowsOf<{ n: number }>(
        await db().execute(
          sql`select count(*)::int as n from jobs where kind = 'notice.webhook' and payload->>'deliveryId' in (select d.id::text from notice_deliveries d join takedown_notices n on n.id = d.notice_id where n.photo_id = ${photo.id})`,
        ),
      )
      expect(jobs[0]!.n).toBe(2)

      await cycle()
      expect(ra.received).toHaveLength(1)
      expect(rb.received).toHaveLength(1)
      expect(rc.received).toHaveLength(0)
      const after = await noticesOf(db(), photo.id)
      expect(after.map((n) => n.state)).toEqual(['delivered', 'delivered'])
      const body = JSON.parse(ra.received[0]!.body)
      expect(body).toEqual({
        id: notices.find((n) => n.organisation_id === a.id)!.id,
        type: 'consent.withdrawn',
        createdAt: expect.any(String),
        photo: { id: photo.id },
        organisation: { id: a.id },
        data: { reason: 'withdrawn', acknowledgeUrl: `${PUBLIC}/v1/webhooks/notices/${body.id}/ack` },
      })
      // No personal data: not the pseudonym, not the legal name or e-mail, not the organisation's name.
      for (const r of [ra, rb]) for (const secret of [model.pseudonym, model.legalName, model.email, 'Krant']) expect(r.received[0]!.body).not.toContain(secret)

      // The model sees it per organisation, with dates.
      const portal = await call('GET', '/v1/portal', model.portalToken)
      const mine = portal.body.photos.find((p: { id: string }) => p.id === photo.id)
      expect(
        mine.notices.map((n: { organisation: string; state: string; deliveredAt: string | null }) => [n.organisation, n.state, n.deliveredAt !== null]).sort(),
      ).toEqual([
        ['Krant A', 'delivered', true],
        ['Krant B', 'delivered', true],
      ])
    } finally {
      await Promise.all([ra.close(), rb.close(), rc.close()])
    }
  })

  it('is delivered by a receiver that refuses the first attempts: retried with backoff, same event id, the signature verifies, every attempt in the log', async () => {
    const model = await person(call, staff, 'Sanne')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Weekblad Zuid')
    const r = await receiver([500, 503, 200])
    try {
      const e = await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      await cyclesUntil(() => r.received.length >= 3)
      expect(r.received.map((x) => x.status)).toEqual([500, 503, 200])
      const [notice] = await noticesOf(db(), photo.id)
      const ids = new Set(r.received.map((x) => x.headers['webhook-id']))
      expect([...ids]).toEqual([notice!.id])
      expect(new Set(r.received.map((x) => JSON.parse(x.body).id))).toEqual(new Set([notice!.id]))
      for (const x of r.received) {
        const h = { id: String(x.headers['webhook-id']), timestamp: String(x.headers['webhook-timestamp']), signature: String(x.headers['webhook-signature']) }
        expect(h.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/)
        expect(Math.abs(Number(h.timestamp) - Date.now() / 1000)).toBeLessThan(60)
        expect(verify(e.secret, h, x.body)).toBe(true)
        // Tampered body, another secret, or a replay outside the five-minute window: refused.
        expect(verify(e.secret, h, x.body.replace('consent.withdrawn', 'consent.narrowed'))).toBe(false)
        expect(verify('whsec_' + Buffer.alloc(32, 1).toString('base64'), h, x.body)).toBe(false)
        expect(verify(e.secret, h, x.body, Number(h.timestamp) + 301)).toBe(false)
        expect(x.headers['content-type']).toBe('application/json')
      }
      expect(notice!.state).toBe('delivered')

      const log = await call('GET', `/v1/webhooks/deliveries?endpointId=${e.id}`, org.token)
      expect(log.status).toBe(200)
      expect(log.body.items.map((i: { attempt: number; statusCode: number }) => [i.attempt, i.statusCode])).toEqual([
        [3, 200],
        [2, 503],
        [1, 500],
      ])
      expect(
        log.body.items.every(
          (i: { eventId: string; durationMs: number; channel: string }) => i.eventId === notice!.id && i.durationMs >= 0 && i.channel === 'webhook',
        ),
      ).toBe(true)
      // Nobody else's log.
      const stranger = await organisation(t, 'Vreemd Blad')
      expect((await call('GET', '/v1/webhooks/deliveries', stranger.token)).body.items).toEqual([])
      // No response body was kept anywhere.
      const stored = JSON.stringify(
        rowsOf(await db().execute(sql`select * from notice_deliveries d join delivery_attempts a on a.delivery_id = d.id where d.notice_id = ${notice!.id}`)),
      )
      expect(stored).not.toContain('no thanks')
    } finally {
      await r.close()
    }
  })

  it('gives a receiver that does not answer its timeout, logs it as such, and retries', async () => {
    const model = await person(call, staff, 'Tess')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Traag Blad')
    const r = await receiver([0, 200])
    try {
      await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      await cyclesUntil(() => r.received.length >= 2)
      const log = (await call('GET', '/v1/webhooks/deliveries', org.token)).body.items
      expect(log.map((i: { attempt: number; statusCode: number | null; errorClass: string | null }) => [i.attempt, i.statusCode, i.errorClass])).toEqual([
        [2, 200, null],
        [1, null, 'timeout'],
      ])
      expect(log[1].durationMs).toBeGreaterThanOrEqual(900)
      expect(log[1].durationMs).toBeLessThan(5000)
      expect((await noticesOf(db(), photo.id))[0]!.state).toBe('delivered')
    } finally {
      await r.close()
    }
  })

  it('has each attempt in the delivery log before it is sent, so a crash mid-delivery leaves it there and the retry is the next attempt', async () => {
    const model = await person(call, staff, 'Kira')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Onderbroken Blad')
    const r = await receiver([0, 200])
    try {
      await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      const running = cycle()
      for (let i = 0; i < 200 && r.received.length === 0; i++) await new Promise((res) => setTimeout(res, 10))
      expect(r.received).toHaveLength(1)
      // The receiver has the request and has not answered: what a crash now would leave in the log.
      const inFlight = (await call('GET', '/v1/webhooks/deliveries', org.token)).body.items
      expect(inFlight.map((i: { attempt: number; statusCode: number | null; errorClass: string | null }) => [i.attempt, i.statusCode, i.errorClass])).toEqual([
        [1, null, 'interrupted'],
      ])
      await running
      await cyclesUntil(() => r.received.length >= 2)
      const log = (await call('GET', '/v1/webhooks/deliveries', org.token)).body.items
      expect(log.map((i: { attempt: number; statusCode: number | null; errorClass: string | null }) => [i.attempt, i.statusCode, i.errorClass])).toEqual([
        [2, 200, null],
        [1, null, 'timeout'],
      ])
    } finally {
      await r.close()
    }
  })

  it('gives up three days after the notice was made (dead, visible to the admin) and does not follow redirects', async () => {
    const model = await person(call, staff, 'Lotte')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Redirect Dagblad')
    const r = await receiver([302])
    try {
      await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      await cycle()
      expect(r.received).toHaveLength(1)
      const [notice] = await noticesOf(db(), photo.id)
      expect(notice!.state).toBe('queued')
      // Three days later the next failure is the last.
      await db().execute(sql`update takedown_notices set created_at = now() - interval '73 hours' where id = ${notice!.id}`)
      await cyclesUntil(() => r.received.length >= 2)
      expect(r.received).toHaveLength(2)
      await cycle()
      await new Promise((res) => setTimeout(res, 150))
      await cycle()
      expect(r.received).toHaveLength(2)
      const admin = await call('GET', '/v1/admin/notices', staff.admin)
      const mine = admin.body.items.find((n: { id: string }) => n.id === notice!.id)
      expect(mine).toMatchObject({
        state: 'queued',
        organisation: { id: org.id, name: 'Redirect Dagblad' },
        deliveries: [{ channel: 'webhook', state: 'dead', attempts: 2, lastResult: '302' }],
      })
      const job = rowsOf<{ status: string }>(
        await db().execute(sql`select status from jobs where kind = 'notice.webhook' and payload->>'deliveryId' = ${mine.deliveries[0].id}`),
      )
      expect(job).toEqual([{ status: 'dead' }])
      expect((await call('GET', '/v1/admin/notices', (await organisation(t, 'Nieuwsgierig')).token)).status).toBe(403)
    } finally {
      await r.close()
    }
  })
})

describe('acknowledgement', () => {
  it("marks the notice acknowledged for its own organisation only (404 for others), and the model's portal shows it", async () => {
    const model = await person(call, staff, 'Fenna')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const [a, b] = [await organisation(t, 'Ack Krant'), await organisation(t, 'Andere Krant')]
    await grant(db(), photo.id, a.id)
    await grant(db(), photo.id, b.id)
    await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
    const notices = await noticesOf(db(), photo.id)
    const ofA = notices.find((n) => n.organisation_id === a.id)!
    const ofB = notices.find((n) => n.organisation_id === b.id)!

    expect((await call('POST', `/v1/webhooks/notices/${ofA.id}/ack`, b.token)).status).toBe(404)
    expect((await call('POST', `/v1/webhooks/notices/${ofA.id}/ack`, null)).status).toBe(401)
    expect((await call('POST', `/v1/webhooks/notices/${ofA.id}/ack`, staff.admin)).status).toBe(403)
    expect((await call('POST', `/v1/webhooks/notices/00000000-0000-4000-8000-000000000000/ack`, a.token)).status).toBe(404)
    expect((await call('POST', `/v1/webhooks/notices/not-a-uuid/ack`, a.token)).status).toBe(400)
    const ack = await call('POST', `/v1/webhooks/notices/${ofA.id}/ack`, a.token)
    expect(ack.status).toBe(200)
    expect(ack.body).toMatchObject({ id: ofA.id, state: 'acknowledged', event: 'consent.withdrawn', photoId: photo.id, acknowledgedAt: expect.any(String) })
    // Idempotent: the first date stands.
    expect((await call('POST', `/v1/webhooks/notices/${ofA.id}/ack`, a.token)).body.acknowledgedAt).toBe(ack.body.acknowledgedAt)

    const after = await noticesOf(db(), photo.id)
    expect(after.find((n) => n.id === ofA.id)!.state).toBe('acknowledged')
    expect(after.find((n) => n.id === ofB.id)!.state).toBe('queued')
    const listed = await call('GET', '/v1/webhooks/notices', a.token)
    expect(listed.body.items.map((n: { id: string }) => n.id)).toContain(ofA.id)
    expect(listed.body.items.map((n: { id: string }) => n.id)).not.toContain(ofB.id)
    const portal = (await call('GET', '/v1/portal', model.portalToken)).body.photos.find((p: { id: string }) => p.id === photo.id)
    expect(portal.notices.find((n: { organisation: string }) => n.organisation === 'Ack Krant')).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: ack.body.acknowledgedAt,
    })
    // Once in the audit trail (the second ack changed nothing), which the person reads as their history.
    const events = (await call('GET', '/v1/portal/events', model.portalToken)).body.items.filter(
      (e: { type: string; photoId: string }) => e.type === 'notice.acknowledged' && e.photoId === photo.id,
    )
    expect(events).toEqual([expect.objectContaining({ type: 'notice.acknowledged', by: 'organisation', aboutYou: false })])
  })
})

describe('the other events', () => {
  it('consent.narrowed: a change that takes a use away notifies the holders (with what changed, no names); a widening notifies nobody', async () => {
    const model = await person(call, staff, 'Iris')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const [holder, bystander] = [await organisation(t, 'Narrow Krant'), await organisation(t, 'Niet Gedownload')]
    const [rh, rb] = [await receiver(), await receiver()]
    try {
      await endpoint(holder.token, rh.url, ['consent.narrowed'])
      await endpoint(bystander.token, rb.url)
      await grant(db(), photo.id, holder.id)
      const base = { identifiable: true, identifiabilityAgreed: true, publicPreview: true }
      // Wider first (opting in to a topic): nothing to tell.
      expect(
        (
          await call('PUT', `/v1/portal/photos/${photo.id}/consent`, model.portalToken, {
            ...base,
            excludedTopics: ['trafficking', 'crime', 'violence', 'health'],
          })
        ).status,
      ).toBe(200)
      expect(await noticesOf(db(), photo.id)).toEqual([])
      // Narrower: social media no longer, and victimhood excluded again.
      const r = await call('PUT', `/v1/portal/photos/${photo.id}/consent`, model.portalToken, {
        ...base,
        uses: ['editorial', 'education', 'exhibition'],
        excludedTopics: ['trafficking', 'crime', 'violence', 'health', 'victimhood'],
      })
      expect(r.status).toBe(200)
      let notices = await noticesOf(db(), photo.id)
      expect(notices).toHaveLength(1)
      expect(notices[0]).toMatchObject({
        organisation_id: holder.id,
        event: 'consent.narrowed',
        data: { removedUses: ['social'], addedExcludedTopics: ['victimhood'], outletNoLongerPermitted: false },
      })
      // Narrowed again (the holder is denied): a second notice, not swallowed by the first.
      await call('PUT', `/v1/portal/photos/${photo.id}/consent`, model.portalToken, {
        ...base,
        uses: ['editorial', 'education', 'exhibition'],
        outletDeny: [holder.id],
      })
      notices = await noticesOf(db(), photo.id)
      expect(notices.map((n) => n.event)).toEqual(['consent.narrowed', 'consent.narrowed'])
      expect(notices[1]!.data).toMatchObject({ outletNoLongerPermitted: true })
      await cycle()
      expect(rh.received.map((x) => JSON.parse(x.body).type)).toEqual(['consent.narrowed', 'consent.narrowed'])
      expect(rb.received).toHaveLength(0)
      expect(rh.received.map((x) => x.body).join()).not.toContain(model.pseudonym)
    } finally {
      await Promise.all([rh.close(), rb.close()])
    }
  })

  it('consent.expiring: the sweep that asks the model to renew also warns the holders, once per last day', async () => {
    const model = await person(call, staff, 'Mila')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Expiry Krant')
    const r = await receiver()
    try {
      await endpoint(org.token, r.url, ['consent.expiring'])
      await grant(db(), photo.id, org.id)
      const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
      await db().execute(sql`update consents set valid_until = ${soon}::date where photo_id = ${photo.id}`)
      expect((await t.rt.expiry.sweep()).asked).toBeGreaterThanOrEqual(1)
      await t.rt.expiry.sweep()
      const notices = await noticesOf(db(), photo.id)
      expect(notices).toEqual([expect.objectContaining({ organisation_id: org.id, event: 'consent.expiring', key: soon, data: { validUntil: soon } })])
      await cycle()
      expect(r.received).toHaveLength(1)
      expect(JSON.parse(r.received[0]!.body)).toMatchObject({ type: 'consent.expiring', data: { validUntil: soon } })
    } finally {
      await r.close()
    }
  })

  it('photo.takedown: an erasure tells the holders to remove the photo everywhere, besides the withdrawal notice', async () => {
    const model = await person(call, staff, 'Roos')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Erasure Krant')
    const r = await receiver()
    try {
      await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      const req = await call('POST', '/v1/portal/erasure', model.portalToken, { confirm: true })
      expect(req.status).toBe(202)
      expect((await call('POST', `/v1/admin/erasure-requests/${req.body.id}/carry-out`, staff.admin)).status).toBe(200)
      const notices = await noticesOf(db(), photo.id)
      expect(notices.map((n) => n.event).sort()).toEqual(['consent.withdrawn', 'photo.takedown'])
      expect(notices.find((n) => n.event === 'photo.takedown')!.data).toEqual({ reason: 'erased' })
      await cycle()
      expect(r.received.map((x) => JSON.parse(x.body).type).sort()).toEqual(['consent.withdrawn', 'photo.takedown'])
      for (const x of r.received) for (const s of [model.pseudonym, model.legalName, model.email]) expect(x.body).not.toContain(s)
    } finally {
      await r.close()
    }
  })

  it('a named endpoint is resolved and checked when connecting, and delivered to', async () => {
    const model = await person(call, staff, 'Kim')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Naam Krant')
    const r = await receiver()
    try {
      await endpoint(org.token, r.url.replace('127.0.0.1', 'localhost'))
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      await cycle()
      expect(r.received).toHaveLength(1)
      expect((await noticesOf(db(), photo.id))[0]!.state).toBe('delivered')
    } finally {
      await r.close()
    }
  })

  it('a deleted endpoint gets nothing more: its pending deliveries are cancelled', async () => {
    const model = await person(call, staff, 'Jet')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Verhuisd Blad')
    const r = await receiver()
    try {
      const e = await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      expect((await call('DELETE', `/v1/webhooks/endpoints/${e.id}`, org.token)).status).toBe(204)
      await cycle()
      expect(r.received).toHaveLength(0)
      const states = rowsOf<{ state: string }>(await db().execute(sql`select state from notice_deliveries where endpoint_id = ${e.id}`))
      expect(states).toEqual([{ state: 'cancelled' }])
    } finally {
      await r.close()
    }
  })
})

describe('e-mail notices without SMTP', () => {
  it('wait in the outbox, visible to the admin as waiting, while the webhook goes out', async () => {
    const model = await person(call, staff, 'Eva')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Mail Krant', { noticeEmail: 'beeldredactie@mailkrant.example' })
    const r = await receiver()
    try {
      await endpoint(org.token, r.url)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      await cycle()
      expect(r.received).toHaveLength(1)
      const [notice] = await noticesOf(db(), photo.id)
      const admin = await call('GET', '/v1/admin/notices?state=delivered', staff.admin)
      expect(admin.status).toBe(200)
      const mine = admin.body.items.find((n: { id: string }) => n.id === notice!.id)
      const byChannel = Object.fromEntries(mine.deliveries.map((d: { channel: string; state: string }) => [d.channel, d.state]))
      expect(byChannel).toEqual({ webhook: 'delivered', email: 'waiting' })
      // The e-mail job is still pending: no handler claims it until SMTP is configured.
      const jobs = rowsOf<{ status: string; attempts: number }>(
        await db().execute(
          sql`select status, attempts from jobs where kind = 'notice.email' and payload->>'deliveryId' = ${mine.deliveries.find((d: { channel: string }) => d.channel === 'email').id}`,
        ),
      )
      expect(jobs).toEqual([{ status: 'pending', attempts: 0 }])
      // The address is not in the admin's view, nor in any job.
      expect(JSON.stringify(admin.body)).not.toContain('mailkrant.example')
      expect(JSON.stringify(rowsOf(await db().execute(sql`select payload, last_error from jobs where kind like 'notice.%'`)))).not.toContain('mailkrant')
      expect((await call('GET', '/v1/admin/notices?state=bogus', staff.admin)).status).toBe(400)
    } finally {
      await r.close()
    }
  })
})

describe('the address policy without the loopback allowance (production)', () => {
  it('refuses loopback names and addresses at save time, and at connect time whatever a name resolves to', async () => {
    const { refuseUrl, addressAllowed } = await import('../../../api/src/modules/webhooks/index.ts')
    const { guardedLookup } = await import('../../../api/src/modules/webhooks/webhooks.address.ts')
    const prod = { allowLoopback: false }
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'http://hooks.example.org/hook',
    ]) {
      expect(refuseUrl(url, prod), url).not.toBeNull()
    }
    expect(refuseUrl('https://hooks.example.org/eerlijk-beeld?token=x', prod)).toBeNull()
    expect(refuseUrl('https://93.184.215.14:8443/hook', prod)).toBeNull()
    // With the allowance: loopback only, never the rest of the private space.
    expect(refuseUrl('http://127.0.0.1:8080/hook', { allowLoopback: true })).toBeNull()
    expect(addressAllowed('10.0.0.1', { allowLoopback: true })).toBe(false)
    expect(addressAllowed('::ffff:169.254.169.254', { allowLoopback: true })).toBe(false)
    // A name that resolves to a loopback address (as a rebinding name would) is refused when connecting.
    const err = await new Promise<Error | null>((resolve) => guardedLookup(prod)('localhost', {}, (e) => resolve(e)))
    expect(err?.message).toBe('address not allowed')
    const ok = await new Promise<Error | null>((resolve) => guardedLookup({ allowLoopback: true })('localhost', {}, (e) => resolve(e)))
    expect(ok).toBeNull()
  })
})
