import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { engine } from '../../support/db.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
let admin: { id: string; token: string }
const logs: string[] = []
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT: '1000', API_RATE_LIMIT_PER_MINUTE: '600' }, { logLines: logs })
  admin = await t.user('admin')
})
afterAll(() => t?.close())

const KEY = /^ebk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/
const rows = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.rt.database.db.execute(q))

async function org(name = `Desk ${crypto.randomBytes(3).toString('hex')}`, enable = true) {
  const r = await request(t, 'POST', '/v1/organisations', admin.token, { name, enable })
  expect(r.status, r.text).toBe(201)
  return r.body as { id: string; name: string; enabled: boolean }
}
async function key(orgId: string, name?: string) {
  const r = await request(t, 'POST', `/v1/organisations/${orgId}/keys`, admin.token, name ? { name } : {})
  expect(r.status, r.text).toBe(201)
  return r.body as { id: string; key: string; prefix: string; name: string }
}
const expectProblem = (r: { status: number; headers: Headers; body: Record<string, any> }, status: number, slug: string) => {
  expect(r.status).toBe(status)
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(r.body).toMatchObject({ type: `/problems/${slug}`, status })
}

describe(`API keys (${engine()})`, () => {
  it('shows a new key once, in the recognisable format, and stores only its SHA-256', async () => {
    const o = await org()
    const created = await key(o.id, 'CMS import')
    expect(created.key).toMatch(KEY)
    expect(created.prefix).toBe(created.key.slice(0, 12))
    expect(created.name).toBe('CMS import')
    // 32 random bytes: 43 base64url characters after the public id.
    expect(Buffer.from(created.key.slice(13), 'base64url')).toHaveLength(32)

    const listed = await request(t, 'GET', `/v1/organisations/${o.id}/keys`, admin.token)
    expect(listed.status).toBe(200)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({ id: created.id, prefix: created.prefix, name: 'CMS import', lastUsedAt: null, revokedAt: null })
    expect(listed.text).not.toContain(created.key.slice(13))
    expect(listed.body.items[0]).not.toHaveProperty('key')
    expect(listed.body.items[0]).not.toHaveProperty('secretHash')

    const [row] = await rows<Record<string, unknown>>(sql`select * from api_keys where id = ${created.id}`)
    expect(row!.secret_hash).toBe(crypto.createHash('sha256').update(created.key).digest('hex'))
    expect(JSON.stringify(row)).not.toContain(created.key.slice(13))
    // Nor in the audit trail or the logs.
    const audit = await rows<{ type: string; data: Record<string, unknown> }>(sql`select type, data from audit_events where data->>'keyId' = ${created.id}`)
    expect(audit.map((a) => a.type)).toEqual(['apikey.created'])
    expect(JSON.stringify(audit)).not.toContain(created.key.slice(13))
    expect(logs.join('\n')).not.toContain(created.key.slice(13))
  })

  it('acts as a journalist of its organisation, tells the key its organisation and quota, and records its last use', async () => {
    const o = await org('De Dagkrant')
    const k = await key(o.id)
    const me = await request(t, 'GET', '/v1/auth/me', k.key)
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ user: { id: k.id, role: 'journalist', displayName: 'De Dagkrant' }, organisationId: o.id })

    const current = await request(t, 'GET', '/v1/keys/current', k.key)
    expect(current.status, current.text).toBe(200)
    expect(current.body.organisation).toEqual({ id: o.id, name: 'De Dagkrant' })
    expect(current.body.key).toMatchObject({ id: k.id, prefix: k.prefix })
    expect(current.text).not.toContain(k.key.slice(13))
    expect(current.body.rateLimit).toEqual({ limit: 600, remaining: 598, resetSeconds: expect.any(Number), windowSeconds: 60 })
    expect(current.headers.get('x-ratelimit-limit')).toBe('600')
    expect(current.headers.get('x-ratelimit-remaining')).toBe('598')
    expect(current.headers.get('cache-control')).toBe('no-store')
    expect(Number(current.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0)

    // A key is not a session: it can't be logged out, only revoked.
    expectProblem(await request(t, 'POST', '/v1/auth/logout', k.key), 400, 'bad-request')
    expect((await request(t, 'GET', '/v1/auth/me', k.key)).status).toBe(200)
    const [row] = await rows<{ last_used_at: Date | string | null }>(sql`select last_used_at from api_keys where id = ${k.id}`)
    expect(row!.last_used_at).not.toBeNull()
    expect(Math.abs(new Date(row!.last_used_at!).getTime() - Date.now())).toBeLessThan(60_000)
    // Throttled: a use within the minute doesn't write again.
    await t.rt.database.db.execute(sql`update api_keys set last_used_at = '2020-01-01T00:00:00Z' where id = ${k.id}`)
    expect((await request(t, 'GET', '/v1/keys/current', k.key)).status).toBe(200)
    const [again] = await rows<{ last_used_at: Date | string }>(sql`select last_used_at from api_keys where id = ${k.id}`)
    expect(new Date(again!.last_used_at).toISOString()).toBe('2020-01-01T00:00:00.000Z')
  })

  it('answers a missing, malformed, unknown or revoked key with a 401 problem', async () => {
    const o = await org()
    const k = await key(o.id)
    const unknown = `ebk_${k.key.slice(4, 12)}_${crypto.randomBytes(32).toString('base64url')}`
    const other = `ebk_00000000_${crypto.randomBytes(32).toString('base64url')}`
    for (const bad of [unknown, other, 'ebk_short', `${k.key}x`, k.key.slice(0, -1)]) {
      const r = await request(t, 'GET', '/v1/keys/current', bad)
      expectProblem(r, 401, 'invalid-api-key')
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/)
    }
    expectProblem(await request(t, 'GET', '/v1/keys/current', null), 401, 'api-key-required')
    // A signed-in user is not a key.
    expectProblem(await request(t, 'GET', '/v1/keys/current', admin.token), 401, 'api-key-required')

    const revoked = await request(t, 'DELETE', `/v1/organisations/${o.id}/keys/${k.id}`, admin.token)
    expect(revoked.status).toBe(200)
    expect(revoked.body.revokedAt).toEqual(expect.any(String))
    expectProblem(await request(t, 'GET', '/v1/keys/current', k.key), 401, 'invalid-api-key')
    expectProblem(await request(t, 'GET', '/v1/auth/me', k.key), 401, 'invalid-api-key')
    // Idempotent, and recorded once.
    const twice = await request(t, 'DELETE', `/v1/organisations/${o.id}/keys/${k.id}`, admin.token)
    expect(twice.status).toBe(200)
    expect(twice.body.revokedAt).toBe(revoked.body.revokedAt)
    const audit = await rows<{ type: string }>(sql`select type from audit_events where data->>'keyId' = ${k.id} order by seq`)
    expect(audit.map((a) => a.type)).toEqual(['apikey.created', 'apikey.revoked'])
    // Another organisation's key id, or an unknown one: 404.
    const o2 = await org()
    expectProblem(await request(t, 'DELETE', `/v1/organisations/${o2.id}/keys/${k.id}`, admin.token), 404, 'api-key-not-found')
    expectProblem(await request(t, 'DELETE', `/v1/organisations/${o.id}/keys/${crypto.randomUUID()}`, admin.token), 404, 'api-key-not-found')
  })

  it('stops a disabled organisation’s keys and journalists, and lets them act again once enabled', async () => {
    const o = await org()
    const k = await key(o.id)
    const journalist = await t.user('journalist')
    const j = await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { userId: journalist.id })
    expect(j.status, j.text).toBe(201)
    expect((await request(t, 'GET', '/v1/auth/me', journalist.token)).body.organisationId).toBe(o.id)
    expect((await request(t, 'GET', '/v1/keys/current', k.key)).status).toBe(200)

    const disabled = await request(t, 'POST', `/v1/organisations/${o.id}/disable`, admin.token)
    expect(disabled.status).toBe(200)
    expect(disabled.body).toMatchObject({ enabled: false, enabledAt: null })
    expectProblem(await request(t, 'GET', '/v1/keys/current', k.key), 401, 'invalid-api-key')
    // The journalist can still sign in (the web login works), but acts for nobody.
    expect((await request(t, 'GET', '/v1/auth/me', journalist.token)).body.organisationId).toBeNull()

    const enabled = await request(t, 'POST', `/v1/organisations/${o.id}/enable`, admin.token)
    expect(enabled.body).toMatchObject({ enabled: true })
    expect((await request(t, 'GET', '/v1/keys/current', k.key)).status).toBe(200)
    const audit = await rows<{ type: string; actor_id: string }>(
      sql`select type, actor_id from audit_events where data->>'organisationId' = ${o.id} and type like 'organisation.%' order by seq`,
    )
    expect(audit.map((a) => a.type)).toEqual([
      'organisation.created',
      'organisation.enabled',
      'organisation.member-added',
      'organisation.disabled',
      'organisation.enabled',
    ])
    expect(new Set(audit.map((a) => a.actor_id))).toEqual(new Set([admin.id]))
  })

  it('refuses a key or token in the query string, even a valid one, and asks for the header', async () => {
    const o = await org()
    const k = await key(o.id)
    for (const q of [
      `api_key=${k.key}`,
      `key=${k.key}`,
      `token=${k.key}`,
      `access_token=${k.key}`,
      'access_token=anything',
      'apikey=x',
      `q=${encodeURIComponent(k.key)}`,
      `token=${admin.token}`,
      'link=ebp_abc',
    ]) {
      for (const token of [null, k.key]) {
        const r = await request(t, 'GET', `/v1/keys/current?${q}`, token)
        expectProblem(r, 400, 'credentials-in-query')
        expect(r.body.detail).toMatch(/Authorization header/)
      }
    }
    // Also on routes that exist for anyone, and on unknown ones.
    expectProblem(await request(t, 'GET', `/v1/photos/${crypto.randomUUID()}?key=${k.key}`, null), 400, 'credentials-in-query')
    // Nothing was recorded as a use of the key through the URL.
    const [row] = await rows<{ last_used_at: unknown }>(sql`select last_used_at from api_keys where id = ${k.id}`)
    expect(row!.last_used_at).toBeNull()
    // Other parameters named key or token stay usable for what they are (not credentials).
    expect((await request(t, 'GET', `/v1/keys/current?v=abc&token=signed-url-token`, k.key)).status).toBe(200)
  })
})

describe(`organisations (${engine()})`, () => {
  it('lets only the admin create, list and vet organisations, and validates what is sent', async () => {
    const photographer = await t.user('photographer')
    expectProblem(await request(t, 'POST', '/v1/organisations', photographer.token, { name: 'X' }), 403, 'forbidden')
    expectProblem(await request(t, 'POST', '/v1/organisations', null, { name: 'X' }), 401, 'unauthenticated')
    const before = await rows<{ n: number }>(sql`select count(*)::int as n from organisations`)
    for (const body of [{}, { name: '' }, { name: 'X', extra: 1 }, { name: 'X', noticeEmail: 'not-an-address' }, { name: 'x'.repeat(201) }, { name: '   ' }]) {
      const r = await request(t, 'POST', '/v1/organisations', admin.token, body)
      expectProblem(r, 400, 'validation-failed')
    }
    const after = await rows<{ n: number }>(sql`select count(*)::int as n from organisations`)
    expect(after[0]!.n).toBe(before[0]!.n)

    const o = await org('Het Weekblad', false)
    expect(o).toMatchObject({ name: 'Het Weekblad', enabled: false })
    const patched = await request(t, 'PATCH', `/v1/organisations/${o.id}`, admin.token, { noticeEmail: 'Desk@Weekblad.example' })
    expect(patched.body).toMatchObject({ noticeEmail: 'desk@weekblad.example' })
    const [stored] = await rows<{ notice_email: string }>(sql`select notice_email from organisations where id = ${o.id}`)
    expect(stored!.notice_email).toBe('desk@weekblad.example')
    const list = await request(t, 'GET', '/v1/organisations', admin.token)
    expect(list.body.items.find((x: { id: string }) => x.id === o.id)).toMatchObject({ name: 'Het Weekblad', enabled: false, members: 0, activeKeys: 0 })
    expectProblem(await request(t, 'GET', '/v1/organisations', photographer.token), 403, 'forbidden')
    expectProblem(await request(t, 'GET', '/v1/organisations/not-a-uuid', admin.token), 400, 'validation-failed')
    expectProblem(await request(t, 'GET', `/v1/organisations/${crypto.randomUUID()}`, admin.token), 404, 'organisation-not-found')
    expectProblem(await request(t, 'POST', `/v1/organisations/${crypto.randomUUID()}/keys`, admin.token, {}), 404, 'organisation-not-found')
    // A key for a not-yet-vetted organisation can be made, but acts for nobody until it is enabled.
    const k = await key(o.id)
    expectProblem(await request(t, 'GET', '/v1/keys/current', k.key), 401, 'invalid-api-key')
    await request(t, 'POST', `/v1/organisations/${o.id}/enable`, admin.token)
    expect((await request(t, 'GET', '/v1/keys/current', k.key)).status).toBe(200)
  })

  it('adds journalists (new accounts or existing ones), who then act for the organisation; refuses other roles and second organisations', async () => {
    const o = await org()
    const email = `new-${crypto.randomBytes(3).toString('hex')}@desk.example`
    const added = await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { email, displayName: 'Kim' })
    expect(added.status, added.text).toBe(201)
    expect(added.body).toMatchObject({ displayName: 'Kim', role: 'member', initialPassword: expect.any(String) })
    expect(added.text).not.toContain(email)
    const login = await fetch(`${t.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: added.body.initialPassword }),
    })
    expect(login.status).toBe(200)
    const token = ((await login.json()) as { token: string }).token
    const me = await request(t, 'GET', '/v1/auth/me', token)
    expect(me.body).toMatchObject({ user: { role: 'journalist' }, organisationId: o.id })
    // Their own organisation, without the notice address; not someone else's.
    expect((await request(t, 'GET', `/v1/organisations/${o.id}`, token)).body).toMatchObject({ id: o.id, noticeEmail: null })
    const other = await org()
    expectProblem(await request(t, 'GET', `/v1/organisations/${other.id}`, token), 404, 'organisation-not-found')
    // A plain member can't manage keys.
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/keys`, token, {}), 403, 'forbidden')

    const existing = await t.user('journalist')
    const attached = await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { userId: existing.id, role: 'manager' })
    expect(attached.status).toBe(201)
    expect(attached.body).toMatchObject({ userId: existing.id, role: 'manager' })
    expect(attached.body).not.toHaveProperty('initialPassword')
    const members = await request(t, 'GET', `/v1/organisations/${o.id}/members`, admin.token)
    expect(members.body.items.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [added.body.userId, 'member'],
      [existing.id, 'manager'],
    ])

    const photographer = await t.user('photographer')
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { userId: photographer.id }), 409, 'not-a-journalist')
    expectProblem(await request(t, 'POST', `/v1/organisations/${other.id}/members`, admin.token, { userId: existing.id }), 409, 'already-a-member')
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { userId: crypto.randomUUID() }), 404, 'user-not-found')
    // A refused new account leaves no account behind (same address again, different organisation).
    const usersBefore = await rows<{ n: number }>(sql`select count(*)::int as n from users`)
    expectProblem(
      await request(t, 'POST', `/v1/organisations/${crypto.randomUUID()}/members`, admin.token, { email: 'ghost@desk.example', displayName: 'G' }),
      404,
      'organisation-not-found',
    )
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { email, displayName: 'Kim again' }), 409, 'user-exists')
    expectProblem(
      await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { email: 'x@desk.example', displayName: 'X', password: 'short' }),
      400,
      'validation-failed',
    )
    const usersAfter = await rows<{ n: number }>(sql`select count(*)::int as n from users`)
    expect(usersAfter[0]!.n).toBe(usersBefore[0]!.n)

    // Removing a member: they act for nobody any more.
    expect((await request(t, 'DELETE', `/v1/organisations/${o.id}/members/${added.body.userId}`, admin.token)).status).toBe(204)
    expect((await request(t, 'GET', '/v1/auth/me', token)).body.organisationId).toBeNull()
    expectProblem(await request(t, 'DELETE', `/v1/organisations/${o.id}/members/${added.body.userId}`, admin.token), 404, 'member-not-found')
  })

  it('lets a manager journalist make, list and revoke their own organisation’s keys, but never with a key, nor for another organisation', async () => {
    const o = await org()
    const other = await org()
    const manager = await t.user('journalist')
    await request(t, 'POST', `/v1/organisations/${o.id}/members`, admin.token, { userId: manager.id, role: 'manager' })
    const made = await request(t, 'POST', `/v1/organisations/${o.id}/keys`, manager.token, { name: 'Picture desk' })
    expect(made.status).toBe(201)
    expect(made.headers.get('cache-control')).toBe('no-store')
    expect(made.body).toMatchObject({ createdBy: manager.id, key: expect.stringMatching(KEY) })
    expect((await request(t, 'GET', `/v1/organisations/${o.id}/keys`, manager.token)).body.items).toHaveLength(1)
    expectProblem(await request(t, 'POST', `/v1/organisations/${other.id}/keys`, manager.token, {}), 403, 'forbidden')
    expectProblem(await request(t, 'GET', `/v1/organisations/${other.id}/keys`, manager.token), 403, 'forbidden')
    // A key can't make keys, list them or revoke them (not even itself).
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/keys`, made.body.key, {}), 403, 'forbidden')
    expectProblem(await request(t, 'DELETE', `/v1/organisations/${o.id}/keys/${made.body.id}`, made.body.key), 403, 'forbidden')
    expect((await request(t, 'DELETE', `/v1/organisations/${o.id}/keys/${made.body.id}`, manager.token)).status).toBe(200)
    expectProblem(await request(t, 'GET', '/v1/keys/current', made.body.key), 401, 'invalid-api-key')
    // Once the organisation is disabled, its manager manages nothing.
    await request(t, 'POST', `/v1/organisations/${o.id}/disable`, admin.token)
    expectProblem(await request(t, 'POST', `/v1/organisations/${o.id}/keys`, manager.token, {}), 403, 'forbidden')
  })
})
