import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CataloguedRoute } from '../../api/src/platform/openapi.ts'
import { engine } from '../support/db.ts'
import { startTestApp, type TestApp } from '../support/app.ts'

let t: TestApp
let doc: Record<string, any>
beforeAll(async () => {
  t = await startTestApp()
  const res = await fetch(`${t.url}/v1/openapi.json`)
  expect(res.status).toBe(200)
  doc = (await res.json()) as Record<string, any>
})
afterAll(() => t?.close())

/**
 * Routes that are not part of the API and so are not in the document: hidden ones outside /v1 (the docs'
 * own files, the gallery's static files). A hidden /v1 route is a mistake, and so is any other route missing.
 */
const outsideTheApi = (r: CataloguedRoute) => r.hidden && !r.url.startsWith('/v1/') && r.url !== '/healthz' && r.url !== '/readyz'
/** Probes that can only fail with 503: no 4xx to document. */
const NO_CLIENT_ERRORS = new Set(['GET /healthz', 'GET /readyz'])

const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')

/** Every way the document falls short of the routes; empty when it covers them all. */
function shortcomings(routes: readonly CataloguedRoute[], document: Record<string, any>): string[] {
  const found: string[] = []
  for (const r of routes) {
    if (r.method === 'HEAD' || outsideTheApi(r)) continue
    const name = `${r.method} ${r.url}`
    const op = document.paths?.[openapiPath(r.url)]?.[r.method.toLowerCase()]
    if (!op) {
      found.push(`${name}: not in the document${r.hidden ? ' (hidden)' : ''}`)
      continue
    }
    const responses = Object.entries<Record<string, any>>(op.responses ?? {})
    const ok = responses.filter(([s]) => /^2/.test(s))
    if (!ok.length) found.push(`${name}: no 2xx response`)
    for (const [s, resp] of ok) {
      if (s === '204') continue
      const media = Object.values<Record<string, any>>(resp.content ?? {})
      if (!media.length || !media.every((m) => m.schema)) found.push(`${name}: ${s} has no response schema`)
    }
    const problems = responses.filter(([s, resp]) => /^4/.test(s) && s !== '429' && resp.content?.['application/problem+json']?.schema)
    if (!problems.length && !NO_CLIENT_ERRORS.has(name)) found.push(`${name}: no documented 4xx problem response (besides 429)`)
    for (const [s, resp] of responses) {
      if (Number(s) >= 400 && Object.keys(resp.content ?? {}).some((type) => type !== 'application/problem+json'))
        found.push(`${name}: ${s} is not application/problem+json`)
    }
  }
  return found
}

describe(`OpenAPI document (${engine()})`, () => {
  it('is a valid OpenAPI 3.1 document, says who may call what, and how', async () => {
    const validator = new Validator()
    const result = await validator.validate(structuredClone(doc))
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toMatchObject({ title: 'Eerlijk Beeld API', version: expect.any(String) })
    expect(doc.servers).toEqual([{ url: '/' }])
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookieSession', 'portalLink'])
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' })
    expect(doc.components.securitySchemes.cookieSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'eb_session' })
    const tagged = new Set(doc.tags.map((x: { name: string }) => x.name))
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<Record<string, any>>(item)) {
        // Swagger UI groups operations by tag: every operation has one, and every tag is listed.
        expect(op.tags?.length, `${method} ${path}: no tag`).toBeGreaterThan(0)
        for (const tag of op.tags ?? []) expect(tagged.has(tag), `${method} ${path}: tag ${tag} is not declared`).toBe(true)
      }
    }
    // Security follows the routes' role checks.
    expect(doc.paths['/v1/organisations'].post.security).toEqual([{ bearer: [] }, { cookieSession: [] }])
    expect(doc.paths['/v1/organisations'].post.description).toContain('Roles: admin.')
    expect(doc.paths['/v1/photos/{id}'].get.security).toEqual([{}, { bearer: [] }, { cookieSession: [] }])
    expect(doc.paths['/v1/portal'].get.security).toEqual([{ portalLink: [] }])
    expect(doc.paths['/v1/keys/current'].get.security).toEqual([{ bearer: [] }])
    // The key endpoint takes nothing from the query string, and no path names a credential parameter.
    expect(JSON.stringify(doc.paths)).not.toMatch(/"name":"(api_key|apikey|access_token)"/)
  })

  it('documents every route with its method, a 2xx response schema and a problem response', () => {
    const routes = t.rt.app.routeCatalogue
    expect(routes.length).toBeGreaterThan(30)
    expect(shortcomings(routes, doc)).toEqual([])
    // Known routes are really there (the catalogue itself is not empty-handed).
    const known: [string, string][] = [
      ['post', '/v1/organisations/{id}/keys'],
      ['get', '/v1/keys/current'],
      ['get', '/v1/photos/{id}/media/{file}'],
      ['get', '/v1/openapi.json'],
      ['get', '/healthz'],
    ]
    for (const [method, path] of known) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined()
    }
  })

  it('would fail for a route the document lacks, a hidden API route, or a route without schemas', () => {
    const copy = structuredClone(doc)
    delete copy.paths['/v1/keys/current']
    delete copy.paths['/v1/organisations'].post.responses['201']
    copy.paths['/v1/organisations/{id}'].get.responses = { 200: copy.paths['/v1/organisations/{id}'].get.responses['200'] }
    const extra: CataloguedRoute[] = [
      { method: 'GET', url: '/v1/secret', hidden: true },
      { method: 'GET', url: '/made-up/:id', hidden: false },
    ]
    expect(shortcomings([...t.rt.app.routeCatalogue, ...extra], copy).sort()).toEqual(
      [
        'GET /v1/keys/current: not in the document',
        'POST /v1/organisations: no 2xx response',
        'GET /v1/organisations/:id: no documented 4xx problem response (besides 429)',
        'GET /v1/secret: not in the document (hidden)',
        'GET /made-up/:id: not in the document',
      ].sort(),
    )
  })

  it('documents problems as application/problem+json, and 429 with Retry-After on rate-limited routes', () => {
    const op = doc.paths['/v1/organisations/{id}/keys'].post
    expect(Object.keys(op.responses).sort()).toEqual(['201', '400', '401', '403', '404', '429'])
    for (const s of ['400', '401', '403', '404', '429']) {
      expect(Object.keys(op.responses[s].content)).toEqual(['application/problem+json'])
      expect(op.responses[s].content['application/problem+json'].schema).toMatchObject({ type: 'object', properties: { type: {}, title: {}, status: {} } })
    }
    expect(op.responses['429'].headers['retry-after']).toMatchObject({ schema: { type: 'integer' } })
    expect(op.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', additionalProperties: false })
    // Probes have their own, generous limit per address (issue 16: a flood of probes is no free pass), documented too.
    expect(doc.paths['/healthz'].get.responses['429'].headers['retry-after']).toMatchObject({ schema: { type: 'integer' } })
    // Derivative bytes are bytes, not JSON.
    expect(Object.keys(doc.paths['/v1/photos/{id}/media/{file}'].get.responses['200'].content)).toEqual(['application/octet-stream'])
  })

  it('serves the interactive docs at /docs as HTML whose scripts all come from this server (the CSP allows nothing else)', async () => {
    const res = await fetch(`${t.url}/docs`, { redirect: 'follow' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    const html = await res.text()
    expect(html).toContain('swagger-ui')
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attrs, body] of scripts) {
      // No inline script: script-src 'self' would block it.
      expect(body!.trim()).toBe('')
      const src = /src="([^"]+)"/.exec(attrs!)![1]!
      expect(src).not.toMatch(/^(https?:)?\/\//)
      const asset = await fetch(new URL(src, `${t.url}/docs/`))
      expect(asset.status, src).toBe(200)
      expect(asset.headers.get('content-type'), src).toMatch(/javascript/)
    }
    const initializer = await (await fetch(`${t.url}/docs/static/swagger-initializer.js`)).text()
    expect(initializer).toContain('validatorUrl')
    const json = await fetch(`${t.url}/docs/json`)
    expect(json.status).toBe(200)
    expect(((await json.json()) as { openapi: string }).openapi).toBe('3.1.0')
  })
})
