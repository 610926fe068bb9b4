/**
 * The search page's first results in its HTML (platform/gallery.ts, issue 17), answered by the real app's
 * own GET /v1/search in-process (searchInProcess): the same hits an anonymous visitor gets over HTTP, never
 * a photo the consent gate refuses (a withdrawal is gone from the very next page), and never stored.
 * The gallery is served from a throwaway web directory, so the test doesn't depend on `npm run build`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorsPlugin } from '../../api/src/platform/errors.ts'
import { galleryRoutes, searchInProcess } from '../../api/src/platform/gallery.ts'
import { request, startTestApp, type TestApp } from '../support/app.ts'
import { publishedPhoto, staff, type Staff } from '../support/factories.ts'

let t: TestApp
let s: Staff
let gallery: FastifyInstance
let dir: string
const photos: { photoId: string; subjectId: string }[] = []
const WORD = 'trombone'

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  for (let i = 0; i < 3; i++) {
    photos.push(
      await publishedPhoto(t, s, {
        // The last one's texts carry markup: it must arrive as text, never as elements or attributes.
        texts: {
          captionNl: i === 2 ? `Een ${WORD} <img src=x onerror="alert(1)"> & "dak" ${i}` : `Een ${WORD} op het dak ${i}`,
          captionEn: `A ${WORD} on the roof ${i}`,
          altNl: i === 2 ? 'Een blaasinstrument "<b>koper</b>"' : 'Een blaasinstrument',
          altEn: 'A brass instrument',
        },
      }),
    )
  }
  // The worker puts them into the index through the outbox.
  for (let i = 0; i < 300 && (await request(t, 'GET', `/v1/search?q=${WORD}`, null)).body.total < photos.length; i++)
    await new Promise((r) => setTimeout(r, 50))
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-web-'))
  fs.mkdirSync(path.join(dir, 'dist'))
  fs.writeFileSync(path.join(dir, 'dist/index.html'), '<!doctype html><html><head><title>gallery</title></head><body><div id="root"></div></body></html>')
  gallery = Fastify()
  await gallery.register(errorsPlugin)
  await gallery.register(galleryRoutes, { webDir: dir, origin: t.url, firstSearch: searchInProcess(t.rt.app) })
  await gallery.ready()
})
afterAll(async () => {
  await gallery?.close()
  await t?.close()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

async function firstResults(url: string) {
  const r = await gallery.inject({ url })
  const m = /<script type="application\/json" id="first-search">([^<]*)<\/script>/.exec(r.body)
  return { r, data: m ? (JSON.parse(m[1]!) as { query: string; answer: { hits: { id: string }[]; total: number } }) : null }
}

describe('the first results in the search page', () => {
  it('are what GET /v1/search answers an anonymous visitor, for the parameters the gallery asks first', async () => {
    const { r, data } = await firstResults(`/?q=${WORD}`)
    expect(r.headers['cache-control']).toBe('no-store')
    expect(data?.query).toBe(`q=${WORD}&lang=nl&limit=24`)
    const api = await request(t, 'GET', `/v1/search?${data!.query}`, null)
    expect(data!.answer).toEqual(api.body)
    expect(data!.answer.hits.map((h) => h.id).sort()).toEqual(photos.map((p) => p.photoId).sort())
    // Each shown image is preloaded, as the grid will ask for it.
    expect(r.body.match(/<link rel="preload" as="image"/g)).toHaveLength(photos.length)
  })

  it('are drawn into the root as plain markup: a tile per hit, the same images, Dutch alt text, every field escaped', async () => {
    const { r, data } = await firstResults(`/?q=${WORD}`)
    const root = r.body.slice(r.body.indexOf('<div id="root">'), r.body.indexOf('</body>'))
    const tiles = [...root.matchAll(/<li [^>]*><a href="\/photos\/([^"]+)" class="tile result">(.*?)<\/a><\/li>/g)]
    expect(tiles.map((m) => m[1])).toEqual(data!.answer.hits.map((h) => h.id))
    for (const [, id, tile] of tiles) {
      const hit = (data!.answer.hits as unknown as { id: string; previews: { url: string; format: string }[] }[]).find((h) => h.id === id)!
      // Every image URL the tile names is one of the hit's previews (what the gallery's <Picture> offers).
      const urls = [...tile!.matchAll(/(?:src|srcset)="([^"]*)"/g)].flatMap((m) => m[1]!.split(', ').map((c) => c.split(' ')[0]!.replace(/&amp;/g, '&')))
      expect(urls.length).toBeGreaterThan(0)
      for (const u of urls) expect(hit.previews.map((p) => p.url)).toContain(u)
      expect(tile).toMatch(/<source type="image\/(avif|webp)"/)
    }
    // Dutch alt text first; the markup in the texts is text, escaped in attributes and in content.
    expect(root).toContain('alt="Een blaasinstrument"')
    expect(root).toContain('alt="Een blaasinstrument &quot;&lt;b&gt;koper&lt;/b&gt;&quot;"')
    expect(root).toContain(`Een ${WORD} &lt;img src=x onerror="alert(1)"&gt; &amp; "dak" 2`)
    expect(root).not.toContain('<img src=x')
    expect(root).not.toContain('<b>')
    expect(root.match(/<img /g)).toHaveLength(photos.length)
    // The first page (no search) keeps its own landing: no grid in the markup, only the data and preloads.
    const landing = await gallery.inject({ url: '/' })
    expect(landing.body).toContain('<div id="root"></div>')
  })

  it('never carry a withdrawn photo: the next page after the withdrawal no longer names it', async () => {
    const [gone, ...kept] = photos
    expect((await firstResults(`/?q=${WORD}`)).r.body).toContain(gone!.photoId)
    const w = await request(t, 'POST', `/v1/photos/${gone!.photoId}/people/${gone!.subjectId}/withdraw`, s.admin.token, {})
    expect(w.status, w.text).toBe(200)
    const { r, data } = await firstResults(`/?q=${WORD}`)
    expect(r.body).not.toContain(gone!.photoId)
    expect(data!.answer.hits.map((h) => h.id).sort()).toEqual(kept.map((p) => p.photoId).sort())
  })

  it('are left out for a visitor with a session: their own search may show more than the anonymous one', async () => {
    const { r, data } = await firstResults(`/?q=${WORD}`)
    expect(data).not.toBeNull()
    const withSession = await gallery.inject({ url: `/?q=${WORD}`, headers: { cookie: 'eb_csrf=x; eb_session=abc' } })
    expect(withSession.body).not.toContain('first-search')
    expect(withSession.headers['cache-control']).toBe('no-cache')
    expect(r.statusCode).toBe(200)
  })

  it('a query the API refuses gives the plain page (the gallery then shows the problem itself)', async () => {
    const { r, data } = await firstResults(`/?q=${WORD}&colour=mauve`)
    expect(data).toBeNull()
    expect(r.statusCode).toBe(200)
    expect(r.headers['cache-control']).toBe('no-cache')
  })
})
