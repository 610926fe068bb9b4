import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorsPlugin } from '../../api/src/platform/errors.ts'
import { galleryRoutes } from '../../api/src/platform/gallery.ts'

// The gallery's serving rules on a throwaway web directory (a built one and an unbuilt one), so the test
// doesn't depend on whether `npm run build` ran.
function webDir(built: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-web-'))
  fs.mkdirSync(path.join(dir, 'placeholder'))
  fs.writeFileSync(path.join(dir, 'placeholder/index.html'), '<!doctype html><title>placeholder</title>')
  if (built) {
    fs.mkdirSync(path.join(dir, 'dist/assets'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'dist/index.html'), '<!doctype html><title>gallery</title><script type="module" src="/assets/index-abc.js"></script>')
    fs.writeFileSync(path.join(dir, 'dist/assets/index-abc.js'), 'console.log(1)')
  }
  return dir
}

async function appFor(dir: string) {
  const app = Fastify()
  await app.register(errorsPlugin)
  app.get('/v1/known', async () => ({ ok: true }))
  await app.register(galleryRoutes, { webDir: dir })
  await app.ready()
  return app
}

describe('the built gallery', () => {
  let dir: string
  let app: FastifyInstance
  beforeAll(async () => {
    dir = webDir(true)
    app = await appFor(dir)
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it.each(['/', '/photos/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11', '/portal', '/collections/abc/edit', '/login?next=%2Freview'])('answers %s with index.html, never cached', async (url) => {
    const r = await app.inject({ url })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/text\/html/)
    expect(r.body).toContain('<title>gallery</title>')
    expect(r.headers['cache-control']).toBe('no-cache')
  })

  it('serves hashed assets with a year-long immutable cache', async () => {
    const r = await app.inject({ url: '/assets/index-abc.js' })
    expect(r.statusCode).toBe(200)
    expect(r.headers['content-type']).toMatch(/javascript/)
    expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it.each(['/v1/unknown', '/v1', '/healthz/x', '/readyz', '/docs/nothing', '/embed/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11', '/v1/known/more?x=1'])(
    'never answers the API path %s with the gallery: a problem+json 404',
    async (url) => {
      const r = await app.inject({ url })
      expect(r.statusCode).toBe(404)
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/)
      expect(r.body).not.toContain('<title>gallery</title>')
    },
  )

  it('leaves real API routes alone and refuses writes to gallery paths', async () => {
    expect((await app.inject({ url: '/v1/known' })).json()).toEqual({ ok: true })
    const post = await app.inject({ method: 'POST', url: '/photos/x' })
    expect(post.statusCode).toBe(404)
    expect(post.headers['content-type']).toMatch(/application\/problem\+json/)
  })

  it('does not serve files outside web/dist', async () => {
    for (const url of ['/../placeholder/index.html', '/%2e%2e/placeholder/index.html', '/assets/..%2f..%2fplaceholder/index.html']) {
      const r = await app.inject({ url })
      expect(r.body).not.toContain('placeholder')
    }
  })
})

describe('without a build', () => {
  it('serves the placeholder page at / and 404 problems elsewhere', async () => {
    const dir = webDir(false)
    const app = await appFor(dir)
    try {
      const r = await app.inject({ url: '/' })
      expect(r.statusCode).toBe(200)
      expect(r.body).toContain('<title>placeholder</title>')
      const other = await app.inject({ url: '/photos/x' })
      expect(other.statusCode).toBe(404)
    } finally {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
