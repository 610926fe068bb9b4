/**
 * Route schemas compiled at a route's first request instead of at start (platform/lazy-schemas.ts, issue 17):
 * validation, coercion and serialisation behave as before on the first request, and every schema of the real
 * app compiles (compileAllSchemas), so a schema that can't compile fails here, not at someone's first request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileAllSchemas } from '../../api/src/platform/lazy-schemas.ts'
import { request, startTestApp, type TestApp } from '../support/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(async () => {
  await t?.close()
})

describe('route schemas compiled at first use', () => {
  it("a route's first request is validated, coerced and serialised by its schemas", async () => {
    // Bad input on a route not asked before: refused by its querystring schema, as problem+json.
    const bad = await request(t, 'GET', '/v1/search?limit=many', null)
    expect(bad.status, bad.text).toBe(400)
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    // A number in the query string is coerced; the answer has exactly its schema's fields.
    const ok = await request(t, 'GET', '/v1/search?limit=2', null)
    expect(ok.status, ok.text).toBe(200)
    expect(Array.isArray(ok.body.hits)).toBe(true)
    const health = await request(t, 'GET', '/healthz', null)
    expect(health.body).toEqual({ status: 'ok' })
  })

  it("every route's schemas compile", () => {
    const compiled = compileAllSchemas(t.rt.app)
    expect(compiled).toBeGreaterThan(100)
    // Compiled once: nothing is left for a second pass.
    expect(compileAllSchemas(t.rt.app)).toBe(0)
  })
})
