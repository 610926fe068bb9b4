/**
 * Idempotency-Key on download grants (issue 18): a retry returns the first 201 with a freshly signed link to
 * the same grant and records no second grant; another body under the same key is 422; keys are per caller
 * (a journalist, an organisation's API key); a refusal (4xx) is kept, and the stored row holds no signed link.
 */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { auditEvents, EDITORIAL, grantCount, journalist, organisation, publishedPhoto, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let press: User, colleague: User
let orgKey: string
let photoId: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  const orgId = await organisation(t, 'De Dagkrant')
  ;[press, colleague] = await Promise.all([journalist(t, orgId), journalist(t, orgId)])
  const k = await request(t, 'POST', `/v1/organisations/${orgId}/keys`, s.admin.token, { name: 'CMS' })
  expect(k.status, k.text).toBe(201)
  orgKey = k.body.key as string
  ;({ photoId } = await publishedPhoto(t, s))
}, 90_000)
afterAll(() => t?.close())

async function grant(token: string, key: string | undefined, body: Record<string, unknown> = EDITORIAL) {
  const res = await fetch(`${t.url}/v1/photos/${photoId}/downloads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }) },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, any> }
}

describe('a download grant with an Idempotency-Key', () => {
  it('repeated answers the same grant (Idempotent-Replayed) with a working link, and records one grant and one audit event', async () => {
    const key = crypto.randomUUID()
    const grants = await grantCount(t, photoId)
    const events = (await auditEvents(t, photoId, 'download.granted')).length
    const first = await grant(press.token, key, { ...EDITORIAL, outlet: 'Zaterdagbijlage' })
    expect(first.status, first.text).toBe(201)
    const again = await grant(press.token, key, { outlet: 'Zaterdagbijlage', ...EDITORIAL })
    expect(again.status, again.text).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('location')).toBe(`/v1/downloads/${first.body.grant.id}`)
    expect(again.headers.get('cache-control')).toBe('no-store')
    const { url: _u1, expiresAt: _e1, ...firstRest } = first.body
    const { url, expiresAt, ...againRest } = again.body
    expect(againRest).toEqual(firstRest)
    expect(url).toContain(`/v1/downloads/${first.body.grant.id}/file?`)
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now())
    expect((await fetch(url.startsWith('/') ? `${t.url}${url}` : url)).status).toBe(200)
    expect(await grantCount(t, photoId)).toBe(grants + 1)
    expect((await auditEvents(t, photoId, 'download.granted')).length).toBe(events + 1)

    // What is kept: the response without its signed link (a credential for the file).
    const [row] = rowsOf<{ body: Record<string, unknown>; resource_id: string; state: string }>(
      await t.rt.database.db.execute(
        sql`select body, resource_id, state from idempotency_keys where key_hash = ${crypto.createHash('sha256').update(key).digest('hex')}`,
      ),
    )
    expect(row!.state).toBe('done')
    expect(row!.resource_id).toBe(first.body.grant.id)
    expect(row!.body).not.toHaveProperty('url')
    expect(JSON.stringify(row!.body)).not.toContain('sig=')
  })

  it('with another body under the same key is 422 idempotency-key-reused and records nothing', async () => {
    const key = crypto.randomUUID()
    expect((await grant(press.token, key)).status).toBe(201)
    const grants = await grantCount(t, photoId)
    const r = await grant(press.token, key, { ...EDITORIAL, outlet: 'Een ander blad' })
    expect(r.status, r.text).toBe(422)
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(r.body.type).toBe('/problems/idempotency-key-reused')
    expect(await grantCount(t, photoId)).toBe(grants)
  })

  it('is per caller: a colleague and the organisation key using the same key each get their own grant', async () => {
    const key = crypto.randomUUID()
    const results = [await grant(press.token, key), await grant(colleague.token, key), await grant(orgKey, key)]
    for (const r of results) {
      expect(r.status, r.text).toBe(201)
      expect(r.headers.get('idempotent-replayed')).toBeNull()
    }
    expect(new Set(results.map((r) => r.body.grant.id)).size).toBe(3)
    // Each caller's repeat gets its own first grant back.
    const keyAgain = await grant(orgKey, key)
    expect(keyAgain.headers.get('idempotent-replayed')).toBe('true')
    expect(keyAgain.body.grant.id).toBe(results[2]!.body.grant.id)
  })

  it('keeps a refusal: the repeat answers the same problem (replayed) and records nothing', async () => {
    const key = crypto.randomUUID()
    const grants = await grantCount(t, photoId)
    const body = { use: 'advertising', channel: 'print', topic: null }
    const first = await grant(press.token, key, body)
    expect(first.status, first.text).toBeGreaterThanOrEqual(400)
    expect(first.status).toBeLessThan(500)
    const again = await grant(press.token, key, body)
    expect(again.status).toBe(first.status)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(again.body.type).toBe(first.body.type)
    expect(await grantCount(t, photoId)).toBe(grants)
  })

  it('refuses a bad key with 400 idempotency-key-invalid before anything is granted', async () => {
    const grants = await grantCount(t, photoId)
    for (const bad of ['', 'x'.repeat(256), 'del\x7f', 'bell\x07']) {
      const r = await grant(press.token, bad).catch(() => null)
      if (!r) continue // the client itself refused to send it
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.body.type).toBe('/problems/idempotency-key-invalid')
    }
    expect(await grantCount(t, photoId)).toBe(grants)
  })
})

describe('the OpenAPI document', () => {
  it('names the optional Idempotency-Key header and its 409/422 problems on the upload and the download route', async () => {
    const doc = (await (await fetch(`${t.url}/v1/openapi.json`)).json()) as Record<string, any>
    for (const op of [doc.paths['/v1/photos'].post, doc.paths['/v1/photos/{id}/downloads'].post]) {
      const header = (op.parameters as { in: string; name: string; required?: boolean; description?: string }[]).find(
        (p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key',
      )
      expect(header).toBeDefined()
      expect(header!.required ?? false).toBe(false)
      expect(op.description).toContain('Idempotency-Key')
      for (const status of ['409', '422']) expect(op.responses[status].content).toHaveProperty(['application/problem+json'])
    }
  })
})
