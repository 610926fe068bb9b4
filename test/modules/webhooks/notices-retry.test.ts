/**
 * The admin's outbox (issue 14): a notice delivery that gave up is shown with its reason and can be sent on
 * its way again, with a fresh delivery window; an e-mail without a mail server, or a delivered notice, is
 * refused with the reason. Real HTTP receivers on loopback; the worker runs one cycle at a time.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { client, person, publishedPhoto, type Call, type Staff } from '../erasure/erasure-support.ts'
import { grant, noticesOf, receiver } from './webhooks-support.ts'
import { outletWithJournalist as organisation } from '../../support/factories.ts'

let t: TestApp
let call: Call
let staff: Staff
let adminId: string

beforeAll(async () => {
  t = await startTestApp({
    WEBHOOK_ALLOW_LOOPBACK: '1',
    WEBHOOK_BACKOFF_BASE_MS: '20',
    WEBHOOK_BACKOFF_MAX_MS: '100',
    WORKER_ENABLED: '0',
    LOGIN_RATE_LIMIT: '1000',
    WEBHOOK_TIMEOUT_MS: '1000',
  })
  call = client(t.url)
  const [p, c, a] = await Promise.all([t.user('photographer'), t.user('curator'), t.user('admin')])
  staff = { photographer: p.token, curator: c.token, admin: a.token }
  adminId = a.id
}, 60_000)
afterAll(() => t?.close())

const db = () => t.rt.database.db
const cycle = () => t.rt.worker.drain()
async function cyclesUntil(done: () => boolean, max = 40) {
  for (let i = 0; i < max && !done(); i++) {
    await cycle()
    if (!done()) await new Promise((r) => setTimeout(r, 60))
  }
}
const adminNotice = async (noticeId: string) =>
  ((await call('GET', '/v1/admin/notices', staff.admin)).body.items as { id: string; deliveries: Record<string, unknown>[] }[]).find((n) => n.id === noticeId)!

describe('retrying a notice from the outbox', () => {
  it('a dead webhook delivery, retried by the admin, is delivered; its window starts again and the retry is audited', async () => {
    const model = await person(call, staff, 'Roos')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Het Avondblad')
    // Down at first (500), answering later (204).
    const r = await receiver([500, 500, 204])
    try {
      expect((await call('POST', '/v1/webhooks/endpoints', org.token, { url: r.url })).status).toBe(201)
      await grant(db(), photo.id, org.id)
      await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
      const [notice] = await noticesOf(db(), photo.id)
      // Three days have passed: the next failure is the last.
      await db().execute(sql`update takedown_notices set created_at = now() - interval '73 hours' where id = ${notice!.id}`)
      await cyclesUntil(() => r.received.length >= 1)
      await cycle()
      const dead = await adminNotice(notice!.id)
      expect(dead.deliveries).toEqual([expect.objectContaining({ channel: 'webhook', state: 'dead', lastResult: '500', retriedAt: null })])
      const deliveryId = dead.deliveries[0]!.id as string

      const res = await call('POST', `/v1/admin/deliveries/${deliveryId}/retry`, staff.admin)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body).toMatchObject({ id: deliveryId, state: 'pending' })
      expect(res.body.retriedAt).toBeTruthy()
      const jobs = rowsOf<{ status: string }>(
        await db().execute(sql`select status from jobs where kind = 'notice.webhook' and payload->>'deliveryId' = ${deliveryId} order by id`),
      )
      expect(jobs).toEqual([{ status: 'dead' }, { status: 'pending' }])
      // Fails once more (500) but is not dead at once: the window runs from the retry. Then 204.
      await cyclesUntil(() => r.received.length >= 3)
      await cycle()
      expect(r.received).toHaveLength(3)
      // Same event id on every attempt, the retry included.
      expect(new Set(r.received.map((x) => x.headers['webhook-id']))).toEqual(new Set([notice!.id]))
      const after = await adminNotice(notice!.id)
      expect(after).toMatchObject({ state: 'delivered', deliveries: [expect.objectContaining({ state: 'delivered', attempts: 3 })] })
      const audit = rowsOf<{ actor_id: string; data: Record<string, string> }>(
        await db().execute(sql`select actor_id, data from audit_events where type = 'notice.delivery-retried' and data->>'deliveryId' = ${deliveryId}`),
      )
      expect(audit).toEqual([{ actor_id: adminId, data: { noticeId: notice!.id, deliveryId, channel: 'webhook' } }])
      // Delivered: retrying again is refused, and nothing is queued.
      const again = await call('POST', `/v1/admin/deliveries/${deliveryId}/retry`, staff.admin)
      expect(again.status).toBe(409)
      expect(again.body).toMatchObject({ type: '/problems/delivery-not-retryable', state: 'delivered' })
      expect(
        rowsOf(await db().execute(sql`select 1 from jobs where kind = 'notice.webhook' and payload->>'deliveryId' = ${deliveryId} and status = 'pending'`)),
      ).toHaveLength(0)
    } finally {
      await r.close()
    }
  })

  it('an e-mail waiting for a mail server is refused with the reason; unknown ids, other roles and organisations are refused', async () => {
    const model = await person(call, staff, 'Ida')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'De Post', { noticeEmail: 'redactie@post.example' })
    await grant(db(), photo.id, org.id)
    await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
    const [notice] = await noticesOf(db(), photo.id)
    const waiting = await adminNotice(notice!.id)
    expect(waiting.deliveries).toEqual([expect.objectContaining({ channel: 'email', state: 'waiting' })])
    const id = waiting.deliveries[0]!.id as string
    const res = await call('POST', `/v1/admin/deliveries/${id}/retry`, staff.admin)
    expect(res.status).toBe(409)
    expect(res.body.type).toBe('/problems/no-mail-server')
    expect((await adminNotice(notice!.id)).deliveries[0]).toMatchObject({ state: 'waiting', retriedAt: null })
    expect((await call('POST', '/v1/admin/deliveries/00000000-0000-4000-8000-000000000000/retry', staff.admin)).status).toBe(404)
    expect((await call('POST', `/v1/admin/deliveries/${id}/retry`, staff.curator)).status).toBe(403)
    expect((await call('POST', `/v1/admin/deliveries/${id}/retry`, org.token)).status).toBe(403)
  })
})
