import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEDIA_RATE_FACTOR, WEB_DIR } from '../../../api/src/app.ts'
import { builtAssetUrls } from '../../../api/src/platform/gallery.ts'
import { engine } from '../../support/db.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'

// Tiny limits, so the window fills in a few requests: 3 per key, 5 per signed-in user, 4 per anonymous address.
let t: TestApp
let admin: { id: string; token: string }
beforeAll(async () => {
  t = await startTestApp({ API_RATE_LIMIT_PER_MINUTE: '3', SESSION_RATE_LIMIT_PER_MINUTE: '5', ANONYMOUS_RATE_LIMIT_PER_MINUTE: '4', LOGIN_RATE_LIMIT: '1000' })
  // Made directly: the admin's own requests count against the admin's limit.
  const { id } = await t.rt.auth.createUser({ email: 'admin@limits.example', password: 'a-long-enough-password', role: 'admin' })
  const login = await t.rt.auth.login('admin@limits.example', 'a-long-enough-password')
  admin = { id, token: login.token }
})
afterAll(() => t?.close())

async function keyFor(name: string) {
  const org = await t.rt.organisations.create({ name, enable: true }, { kind: 'system', id: 'test' })
  const k = await t.rt.apiKeys.create(org.id, 'limits', { kind: 'system', id: 'test', userId: null })
  return { org, key: k.key }
}

describe(`rate limits (${engine()})`, () => {
  it('limits each key on its own, with the standard headers, and answers 429 with Retry-After once over', async () => {
    const a = await keyFor('Desk A')
    const b = await keyFor('Desk B')
    const seen: (string | null)[] = []
    for (let i = 0; i < 3; i++) {
      const r = await request(t, 'GET', '/v1/keys/current', a.key)
      expect(r.status).toBe(200)
      expect(r.headers.get('x-ratelimit-limit')).toBe('3')
      seen.push(r.headers.get('x-ratelimit-remaining'))
      expect(r.body.rateLimit).toMatchObject({ limit: 3, remaining: 2 - i, windowSeconds: 60 })
    }
    expect(seen).toEqual(['2', '1', '0'])
    const over = await request(t, 'GET', '/v1/keys/current', a.key)
    expect(over.status).toBe(429)
    expect(over.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(over.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 })
    const retryAfter = Number(over.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(over.headers.get('x-ratelimit-remaining')).toBe('0')
    // Any route counts, not only this one.
    expect((await request(t, 'GET', '/v1/auth/me', a.key)).status).toBe(429)
    // Another key of another desk is not affected.
    const other = await request(t, 'GET', '/v1/keys/current', b.key)
    expect(other.status).toBe(200)
    expect(other.body.rateLimit.remaining).toBe(2)
  })

  it('limits signed-in users by account and anonymous callers by address, each with their own limit', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await request(t, 'GET', '/v1/organisations', admin.token)).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const anon: { status: number; limit: string | null }[] = []
    for (let i = 0; i < 5; i++) {
      const r = await request(t, 'GET', `/v1/photos/${crypto.randomUUID()}`, null)
      anon.push({ status: r.status, limit: r.headers.get('x-ratelimit-limit') })
    }
    expect(anon.map((x) => x.status)).toEqual([404, 404, 404, 404, 429])
    expect(anon[0]!.limit).toBe('4')
    // Probes are never limited.
    for (let i = 0; i < 8; i++) expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })

  it('answers made-up keys from one address with 429 after many tries: guessing costs the guesser, not the database', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 32; i++) statuses.push((await request(t, 'GET', '/v1/keys/current', `ebk_0000000${i % 10}_${'A'.repeat(43)}`)).status)
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(30)).toEqual([429, 429])
    // The same address with a valid key: it works, however many wrong ones came before (issue 16).
    const { key } = await keyFor('Desk Valid')
    const ok = await request(t, 'GET', '/v1/keys/current', key)
    expect(ok.status).toBe(200)
    expect(ok.body.organisation.name).toBe('Desk Valid')
  })

  // Needs the built gallery (npm run build; CI builds it before the tests).
  const assets = [...builtAssetUrls(WEB_DIR)]
  it.skipIf(assets.length === 0)("never counts the gallery's own built files, even for an address over its limit", async () => {
    // This address used up its 4 anonymous requests above.
    const counted = await fetch(`${t.url}/v1/search?q=fiets`)
    expect(counted.status).toBe(429)
    const js = assets.find((a) => a.endsWith('.js'))!
    const css = assets.find((a) => a.endsWith('.css'))!
    for (const a of [js, css, js, css, js, css]) {
      const r = await fetch(`${t.url}${a}`)
      expect(r.status, a).toBe(200)
      expect(r.headers.get('x-ratelimit-limit')).toBeNull()
      expect(r.headers.get('cache-control')).toContain('immutable')
      expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(0)
    }
    // Only those exact files: any other path, even under /assets/, still counts.
    for (const other of ['/assets/not-a-built-file.js', `${js}?x=1`, '/', '/?q=fiets']) {
      const r = await fetch(`${t.url}${other}`)
      expect(r.status, other).toBe(429)
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    }
  })

  it('counts preview files in a bucket of their own, larger but still limited', async () => {
    // This address used up its 4 anonymous API requests above; its preview files have 10 × 4 of their own.
    expect((await fetch(`${t.url}/v1/photos/${crypto.randomUUID()}`)).status).toBe(429)
    const max = MEDIA_RATE_FACTOR * 4
    const statuses: number[] = []
    for (let i = 0; i < max + 1; i++) {
      const r = await fetch(`${t.url}/v1/photos/${crypto.randomUUID()}/media/thumb.jpeg`)
      if (i === 0) {
        expect(r.headers.get('x-ratelimit-limit')).toBe(String(max))
        expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      }
      statuses.push(r.status)
    }
    // Through the gate (an unknown photo: 404) until the budget is spent, then 429 as a problem.
    expect(statuses.slice(0, max).every((s) => s === 404)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    // A signed-in user's files count apart from the address's: the admin has 10 × 5.
    const own = await request(t, 'GET', `/v1/photos/${crypto.randomUUID()}/media/thumb.jpeg`, admin.token)
    expect(own.status).toBe(404)
    expect(own.headers.get('x-ratelimit-limit')).toBe(String(MEDIA_RATE_FACTOR * 5))
  })
})
