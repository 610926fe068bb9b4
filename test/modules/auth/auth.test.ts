import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp
const logs: string[] = []
beforeAll(async () => {
  t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' }, { logLines: logs })
})
afterAll(() => t?.close())

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

describe('login and sessions', () => {
  it('logs in with e-mail and password, and the token works as a Bearer token', async () => {
    const u = await t.user('photographer', 'Sam V.')
    const me = await fetch(`${t.url}/v1/auth/me`, { headers: { authorization: `Bearer ${u.token}` } })
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual({ user: { id: u.id, role: 'photographer', displayName: 'Sam V.' }, organisationId: null })
  })

  it('stores passwords as argon2id hashes and tokens only as hashes', async () => {
    const u = await t.user('curator')
    const [row] = rowsOf<{ password_hash: string }>(await t.rt.database.db.execute(sql`select password_hash from users where id = ${u.id}`))
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
    const sessions = rowsOf<{ token_hash: string }>(await t.rt.database.db.execute(sql`select token_hash from sessions where user_id = ${u.id}`))
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.token_hash).not.toContain(u.token)
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('answers a wrong password and an unknown e-mail alike, with a 401 problem', async () => {
    const u = await t.user('photographer')
    const wrong = await fetch(`${t.url}/v1/auth/login`, json({ email: u.email, password: 'not-the-password' }))
    const unknown = await fetch(`${t.url}/v1/auth/login`, json({ email: 'nobody@test.example', password: 'whatever-it-is' }))
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a).toEqual(b)
    expect(a).toMatchObject({ type: '/problems/invalid-credentials', status: 401 })
  })

  it('refuses bad login bodies with a validation problem', async () => {
    for (const body of [{}, { email: 'a@b.c' }, { email: 'a@b.c', password: 'x', extra: 1 }, { email: 42, password: 'x' }]) {
      const res = await fetch(`${t.url}/v1/auth/login`, json(body))
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ type: '/problems/validation-failed', status: 400 })
    }
    const broken = await fetch(`${t.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' })
    expect(broken.status).toBe(400)
    expect(broken.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('rejects a malformed, unknown or logged-out bearer token with 401', async () => {
    const u = await t.user('photographer')
    for (const h of ['Bearer', 'Bearer ', 'Bearer ebs_doesnotexist', 'Basic abc', `Bearer ${u.token}x`]) {
      const res = await fetch(`${t.url}/v1/auth/me`, { headers: { authorization: h } })
      expect(res.status, h).toBe(401)
    }
    const out = await fetch(`${t.url}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${u.token}` } })
    expect(out.status).toBe(204)
    expect((await fetch(`${t.url}/v1/auth/me`, { headers: { authorization: `Bearer ${u.token}` } })).status).toBe(401)
  })

  it('gives the web a session cookie, and requires the CSRF token for cookie requests that change data', async () => {
    const u = await t.user('photographer')
    const res = await fetch(`${t.url}/v1/auth/login`, json({ email: u.email, password: u.password }))
    const setCookies = res.headers.getSetCookie()
    const session = setCookies.find((c) => c.startsWith('eb_session='))!
    expect(session).toMatch(/HttpOnly/i)
    expect(session).toMatch(/SameSite=Lax/i)
    const csrfCookie = setCookies.find((c) => c.startsWith('eb_csrf='))!
    const { csrfToken } = (await res.json()) as { csrfToken: string }
    expect(csrfCookie).toContain(csrfToken)
    const cookie = setCookies.map((c) => c.split(';')[0]).join('; ')

    expect((await fetch(`${t.url}/v1/auth/me`, { headers: { cookie } })).status).toBe(200)
    const noCsrf = await fetch(`${t.url}/v1/auth/logout`, { method: 'POST', headers: { cookie } })
    expect(noCsrf.status).toBe(403)
    expect(await noCsrf.json()).toMatchObject({ type: '/problems/csrf-token-missing' })
    const wrongCsrf = await fetch(`${t.url}/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': 'x'.repeat(32) } })
    expect(wrongCsrf.status).toBe(403)
    const ok = await fetch(`${t.url}/v1/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } })
    expect(ok.status).toBe(204)
    expect((await fetch(`${t.url}/v1/auth/me`, { headers: { cookie } })).status).toBe(401)
  })

  it('lets no anonymous request change data', async () => {
    for (const [method, path] of [
      ['POST', '/v1/photos'],
      ['POST', '/v1/auth/logout'],
      ['PUT', '/v1/photos'],
      ['DELETE', '/v1/photos/00000000-0000-0000-0000-000000000000'],
      ['PATCH', '/v1/anything'],
    ]) {
      const res = await fetch(`${t.url}${path}`, { method })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
  })

  it('never writes passwords, e-mail addresses or tokens to the log', async () => {
    const u = await t.user('admin')
    await fetch(`${t.url}/v1/auth/me`, { headers: { authorization: `Bearer ${u.token}` } })
    await fetch(`${t.url}/v1/auth/login`, json({ email: u.email, password: 'wrong-password-here' }))
    const all = logs.join('\n')
    expect(all.length).toBeGreaterThan(0)
    for (const secret of [u.password, u.email, u.token, u.csrfToken, 'wrong-password-here']) expect(all).not.toContain(secret)
  })
})

describe('login rate limit', () => {
  it('limits login attempts per client with 429 and Retry-After', async () => {
    const limited = await startTestApp({ LOGIN_RATE_LIMIT: '3' })
    try {
      const statuses: number[] = []
      let last: Response | undefined
      for (let i = 0; i < 5; i++) {
        last = await fetch(`${limited.url}/v1/auth/login`, json({ email: 'x@test.example', password: 'guess-number-' + i }))
        statuses.push(last.status)
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429])
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(last!.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await last!.json()).toMatchObject({ type: '/problems/too-many-requests', status: 429 })
    } finally {
      await limited.close()
    }
  })
})
