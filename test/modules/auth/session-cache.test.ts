/**
 * Sessions and API keys from memory (auth.cache.ts): a token is resolved from the database once, then
 * from memory while the change feed is heard; and a revocation, written anywhere (another connection, as
 * psql or another replica would), takes effect at once, not after a cache lifetime.
 */
import pg from 'pg'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sha256 } from '../../../api/src/platform/crypto.ts'
import { engine } from '../../support/db.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp

beforeAll(async () => {
  // A key lifetime far longer than the test waits: only the change feed can make a revocation show in time.
  t = await startTestApp({ API_KEY_CACHE_SECONDS: '60' })
  await until(() => t.rt.auth.cache.live, 'the auth change listener to come up')
})
afterAll(() => t?.close())

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 3000): Promise<void> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** A statement from a separate connection where there is a server (PGlite has one: the app's own). */
async function behindTheAppsBack(statement: string) {
  const url = (t.rt.database as { url?: string }).url
  if (!url) return void (await t.rt.database.db.execute(sql.raw(statement)))
  const other = new pg.Client({ connectionString: url })
  await other.connect()
  await other.query(statement)
  await other.end()
}

const me = async (token: string) => (await fetch(`${t.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status

describe(`sessions and API keys from memory (${engine()})`, () => {
  it('reads a session once, then answers from memory', async () => {
    const j = await t.user('journalist')
    expect(t.rt.auth.cache.get(sha256(j.token))).toBeUndefined()
    expect(await me(j.token)).toBe(200)
    expect(t.rt.auth.cache.get(sha256(j.token))?.userId).toBe(j.id)
    expect(await me(j.token)).toBe(200)
  })

  it('a session deleted in the database behind the app is refused at once', async () => {
    const j = await t.user('journalist')
    expect(await me(j.token)).toBe(200)
    expect(t.rt.auth.cache.get(sha256(j.token))).toBeDefined()
    await behindTheAppsBack(`delete from sessions where user_id = '${j.id}'`)
    await until(async () => (await me(j.token)) === 401, 'the deleted session to be refused')
    expect(t.rt.auth.cache.get(sha256(j.token))).toBeUndefined()
  })

  it('logging out refuses the token on the very next request', async () => {
    const j = await t.user('journalist')
    expect(await me(j.token)).toBe(200)
    const out = await fetch(`${t.url}/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${j.token}` } })
    expect(out.status).toBeLessThan(300)
    expect(await me(j.token)).toBe(401)
  })

  it('a user disabled in the database behind the app is refused at once', async () => {
    const j = await t.user('journalist')
    expect(await me(j.token)).toBe(200)
    await behindTheAppsBack(`update users set disabled_at = now() where id = '${j.id}'`)
    await until(async () => (await me(j.token)) === 401, 'the disabled user to be refused')
  })

  it('an API key revoked in the database behind the app is refused at once, not after the key cache lifetime', async () => {
    const org = await t.rt.organisations.create({ name: 'Feed desk', enable: true }, { kind: 'system', id: 'test' })
    const k = await t.rt.apiKeys.create(org.id, 'feed', { kind: 'system', id: 'test', userId: null })
    const search = async () => (await fetch(`${t.url}/v1/search?q=x`, { headers: { authorization: `Bearer ${k.key}` } })).status
    expect(await search()).toBe(200)
    expect(await search()).toBe(200)
    await behindTheAppsBack(`update api_keys set revoked_at = now() where id = '${k.id}'`)
    await until(async () => (await search()) === 401, 'the revoked key to be refused')
  })

  it('a stamp of last use does not empty the cache', async () => {
    const j = await t.user('journalist')
    expect(await me(j.token)).toBe(200)
    await behindTheAppsBack(`update api_keys set last_used_at = now()`)
    await t.rt.database.db.execute(sql`select 1`)
    expect(t.rt.auth.cache.get(sha256(j.token))).toBeDefined()
  })
})
