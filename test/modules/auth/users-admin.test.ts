/**
 * The admin's users (issue 14): every account with role and state, a staff account added with a password
 * shown once, disabled (its sessions end at once, it can't log in) and enabled, a new password. Audited by id.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { journalist, organisation } from '../../support/factories.ts'

let t: TestApp
let admin: Awaited<ReturnType<TestApp['user']>>

beforeAll(async () => {
  t = await startTestApp()
  admin = await t.user('admin', 'Beheer')
}, 60_000)
afterAll(() => t?.close())

const login = (email: string, password: string) =>
  fetch(`${t.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
const audit = async (type: string) =>
  rowsOf<{ actor_id: string; data: Record<string, string> }>(
    await t.rt.database.db.execute(sql`select actor_id, data from audit_events where type = ${type} order by seq`),
  )

describe('users', () => {
  it('lists every account with its role, organisation and state; only for admins', async () => {
    const org = await organisation(t, 'Het Stadsblad')
    const press = await journalist(t, org)
    const res = await request(t, 'GET', '/v1/admin/users', admin.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const mine = res.body.items.find((u: { id: string }) => u.id === press.id)
    expect(mine).toMatchObject({ role: 'journalist', disabledAt: null, organisation: { id: org, name: 'Het Stadsblad' }, email: press.email })
    expect(mine).not.toHaveProperty('passwordHash')
    const curator = await t.user('curator')
    expect((await request(t, 'GET', '/v1/admin/users', curator.token)).status).toBe(403)
    expect((await request(t, 'GET', '/v1/admin/users', null)).status).toBe(401)
  })

  it('adds a photographer with a generated password shown once, who can log in with it', async () => {
    const res = await request(t, 'POST', '/v1/admin/users', admin.token, { email: 'Nieuw@Example.test', displayName: 'Kim F.', role: 'photographer' })
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ email: 'nieuw@example.test', displayName: 'Kim F.', role: 'photographer', disabledAt: null })
    expect(res.body.initialPassword).toMatch(/^[\w-]{20,}$/)
    const [row] = rowsOf<{ password_hash: string }>(await t.rt.database.db.execute(sql`select password_hash from users where id = ${res.body.id}`))
    expect(row!.password_hash).not.toContain(res.body.initialPassword)
    expect((await login('nieuw@example.test', res.body.initialPassword)).status).toBe(200)
    expect(await audit('user.created')).toContainEqual(expect.objectContaining({ actor_id: admin.id, data: { userId: res.body.id, role: 'photographer' } }))
    // Shown once: the list never has it.
    const list = await request(t, 'GET', '/v1/admin/users', admin.token)
    expect(JSON.stringify(list.body)).not.toContain(res.body.initialPassword)
  })

  it('refuses bad input and a second account with the same address, and stores nothing', async () => {
    const count = async () => rowsOf<{ n: number }>(await t.rt.database.db.execute(sql`select count(*)::int as n from users`))[0]!.n
    const before = await count()
    for (const body of [
      { email: 'x@example.test', displayName: 'X', role: 'journalist' },
      { email: 'x@example.test', displayName: ' ', role: 'curator' },
      { email: 'x@example.test', displayName: 'X', role: 'curator', password: 'short' },
      { email: 'x@example.test', displayName: 'X', role: 'curator', extra: 1 },
    ]) {
      const res = await request(t, 'POST', '/v1/admin/users', admin.token, body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.type).toBe('/problems/validation-failed')
    }
    const dup = await request(t, 'POST', '/v1/admin/users', admin.token, { email: admin.email, displayName: 'Dubbel', role: 'curator' })
    expect(dup.status).toBe(409)
    expect(dup.body.type).toBe('/problems/user-exists')
    expect(await count()).toBe(before)
    expect(await audit('user.created').then((a) => a.filter((e) => e.data.role === 'curator'))).toEqual([])
  })

  it('disables an account: its session ends at once and it cannot log in; enabled again, it can', async () => {
    const curator = await t.user('curator')
    expect((await request(t, 'GET', '/v1/review', curator.token)).status).toBe(200)
    const res = await request(t, 'POST', `/v1/admin/users/${curator.id}/disable`, admin.token)
    expect(res.status, res.text).toBe(200)
    expect(res.body.disabledAt).toBeTruthy()
    expect((await request(t, 'GET', '/v1/review', curator.token)).status).toBe(401)
    expect((await login(curator.email, curator.password)).status).toBe(401)
    const sessions = rowsOf(await t.rt.database.db.execute(sql`select 1 from sessions where user_id = ${curator.id}`))
    expect(sessions).toHaveLength(0)
    const back = await request(t, 'POST', `/v1/admin/users/${curator.id}/enable`, admin.token)
    expect(back.body.disabledAt).toBeNull()
    expect((await login(curator.email, curator.password)).status).toBe(200)
    expect((await audit('user.disabled')).map((e) => e.data.userId)).toContain(curator.id)
    expect((await audit('user.enabled')).map((e) => e.data.userId)).toContain(curator.id)
  })

  it('refuses an admin disabling themselves, and an unknown id', async () => {
    const self = await request(t, 'POST', `/v1/admin/users/${admin.id}/disable`, admin.token)
    expect(self.status).toBe(409)
    expect(self.body.type).toBe('/problems/cannot-disable-self')
    const none = await request(t, 'POST', '/v1/admin/users/00000000-0000-4000-8000-000000000000/disable', admin.token)
    expect(none.status).toBe(404)
    expect(none.body.type).toBe('/problems/user-not-found')
    expect((await request(t, 'GET', '/v1/auth/me', admin.token)).status).toBe(200)
  })

  it('a new password is shown once, ends the old sessions, and the old password no longer works', async () => {
    const p = await t.user('photographer')
    const res = await request(t, 'POST', `/v1/admin/users/${p.id}/password`, admin.token)
    expect(res.status, res.text).toBe(200)
    expect((await request(t, 'GET', '/v1/photos', p.token)).status).toBe(401)
    expect((await login(p.email, p.password)).status).toBe(401)
    expect((await login(p.email, res.body.initialPassword)).status).toBe(200)
    expect((await audit('user.password-reset')).map((e) => e.data.userId)).toContain(p.id)
  })
})
