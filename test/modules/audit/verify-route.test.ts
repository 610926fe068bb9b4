import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { appendMany, tamper } from './audit-support.ts'

// One app: the happy path first, then the same chain tampered with; the tampering test comes last.
let t: TestApp
let admin: { token: string; csrfToken: string }
const subject = crypto.randomUUID()

beforeAll(async () => {
  t = await startTestApp()
  admin = await t.user('admin')
  await appendMany(t.rt.audit, t.rt.database.db, 4, { subjectId: subject })
})
afterAll(() => t.close())

describe('GET /v1/admin/audit/verify', () => {
  it('answers intact with the event count and the head, and says not to cache it', async () => {
    const r = await request(t, 'GET', '/v1/admin/audit/verify', admin.token)
    expect(r.status).toBe(200)
    expect(r.headers.get('cache-control')).toBe('no-store')
    const direct = await t.rt.audit.verify()
    expect(direct.ok).toBe(true)
    expect(r.body).toMatchObject({ ok: true, events: 4, firstBad: null })
    expect(r.body.head).toEqual(direct.ok ? direct.head : null)
    expect(Date.parse(r.body.checkedAt)).not.toBeNaN()
  })

  it('accepts the head of an earlier verify as an anchor, and calls a wrong anchor hash changed', async () => {
    const first = await request(t, 'GET', '/v1/admin/audit/verify', admin.token)
    const { seq, hash } = first.body.head
    const same = await request(t, 'GET', `/v1/admin/audit/verify?anchor=${seq}:${hash}`, admin.token)
    expect(same.body).toMatchObject({ ok: true, events: 4 })
    const other = await request(t, 'GET', `/v1/admin/audit/verify?anchor=${seq}:${'a'.repeat(64)}`, admin.token)
    expect(other.status).toBe(200)
    expect(other.body).toMatchObject({ ok: false, head: null, firstBad: { seq, problem: 'changed' } })
    const beyond = await request(t, 'GET', `/v1/admin/audit/verify?anchor=${seq + 10}:${hash}`, admin.token)
    expect(beyond.body).toMatchObject({ ok: false, firstBad: { seq: seq + 1, problem: 'missing' } })
  })

  it.each([
    ['no colon', 'anchor=12'],
    ['a short hash', `anchor=1:${'a'.repeat(63)}`],
    ['upper-case hex', `anchor=1:${'A'.repeat(64)}`],
    ['seq zero', `anchor=0:${'a'.repeat(64)}`],
    ['a huge seq', `anchor=99999999999999999:${'a'.repeat(64)}`],
    ['an unknown parameter', 'full=1'],
  ])('refuses %s with a 400 problem', async (_, query) => {
    const r = await request(t, 'GET', `/v1/admin/audit/verify?${query}`, admin.token)
    expect(r.status).toBe(400)
    expect(r.headers.get('content-type')).toContain('application/problem+json')
  })

  it('is for the consent officer only: 401 without a session, 403 for every other role', async () => {
    expect((await request(t, 'GET', '/v1/admin/audit/verify', null)).status).toBe(401)
    for (const role of ['curator', 'photographer', 'journalist'] as const) {
      const u = await t.user(role)
      const r = await request(t, 'GET', '/v1/admin/audit/verify', u.token)
      expect(r.status).toBe(403)
      expect(r.body.head).toBeUndefined()
    }
  })

  it('names the first changed event after someone rewrote a row', async () => {
    await tamper(t.rt.database.db, sql`update audit_events set data = '{}'::jsonb where seq = 3`)
    const r = await request(t, 'GET', '/v1/admin/audit/verify', admin.token)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ ok: false, events: 2, head: null, firstBad: { seq: 3, problem: 'changed' } })
  })
})
