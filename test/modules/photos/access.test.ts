import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { startTestApp, upload, type TestApp } from '../../support/app.ts'

const fx = inject('fixtures')
let t: TestApp
let owner: Awaited<ReturnType<TestApp['user']>>
let photo: { id: string; derivatives: { preset: string; format: string; url: string }[] }

beforeAll(async () => {
  t = await startTestApp()
  owner = await t.user('photographer')
  const { res, body } = await upload(t, owner.token, fx['plain.jpg']!, {
    captionNl: 'Fietser op de brug',
    captionEn: 'Cyclist on the bridge',
    tags: 'fiets, Brug , fiets',
    placeCity: 'Den Haag',
  })
  expect(res.status).toBe(201)
  photo = body as typeof photo
})
afterAll(() => t?.close())

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } })

describe('who sees a draft', () => {
  it('the photographer, curators and admins see it; another photographer and anonymous callers get 404', async () => {
    const curator = await t.user('curator')
    const admin = await t.user('admin')
    const stranger = await t.user('photographer')
    const media = photo.derivatives[0]!.url
    for (const [who, token, status] of [
      ['owner', owner.token, 200],
      ['curator', curator.token, 200],
      ['admin', admin.token, 200],
      ['stranger', stranger.token, 404],
      ['anonymous', undefined, 404],
    ] as const) {
      const res = await get(`/v1/photos/${photo.id}`, token)
      expect(res.status, who).toBe(status)
      const m = await get(media, token)
      expect(m.status, `${who} media`).toBe(status)
      if (status === 404) expect(await m.json()).toMatchObject({ type: '/problems/photo-not-found' })
    }
  })

  it('returns the photo with bilingual captions, tags normalised, and no private or internal fields', async () => {
    const body = (await (await get(`/v1/photos/${photo.id}`, owner.token)).json()) as Record<string, unknown>
    expect(body).toMatchObject({
      id: photo.id,
      status: 'draft',
      caption: { nl: 'Fietser op de brug', en: 'Cyclist on the bridge' },
      tags: ['fiets', 'brug'],
      placeCity: 'Den Haag',
    })
    for (const k of ['ownerId', 'contentMac', 'originalKey', 'originalWrappedKey', 'mediaKey', 'privacyFound', 'privacyReport'])
      expect(body).not.toHaveProperty(k)
  })

  it("lists a photographer's own photos only; curators see all", async () => {
    const other = await t.user('photographer')
    await upload(t, other.token, fx['plain.png']!)
    const mine = (await (await get('/v1/photos', owner.token)).json()) as { items: { id: string }[] }
    expect(mine.items.map((p) => p.id)).toEqual([photo.id])
    const curator = await t.user('curator')
    const all = (await (await get('/v1/photos?limit=1', curator.token)).json()) as { items: unknown[]; nextCursor: string }
    expect(all.items).toHaveLength(1)
    const next = (await (await get(`/v1/photos?limit=1&cursor=${all.nextCursor}`, curator.token)).json()) as { items: unknown[]; nextCursor: string | null }
    expect(next.items).toHaveLength(1)
    expect(next.nextCursor).toBeNull()
    expect((await get('/v1/photos?cursor=garbage', curator.token)).status).toBe(400)
    expect((await get('/v1/photos?limit=1000', curator.token)).status).toBe(400)
    expect((await get('/v1/photos?sort=evil', curator.token)).status).toBe(400)
  })
})

describe('serving derivatives', () => {
  it('serves each preset with its type, an ETag, 304 on revalidation and long caching for the versioned URL', async () => {
    const d = photo.derivatives.find((x) => x.preset === 'small' && x.format === 'webp')!
    const res = await get(d.url, owner.token)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    // A name a person can read (issue 13): our caption's slug, a short id and the preset; never the uploaded file's name.
    const disposition = res.headers.get('content-disposition')!
    expect(disposition).toBe(`inline; filename="eerlijk-beeld-fietser-op-de-brug-${photo.id.slice(0, 8)}-small.webp"`)
    expect(disposition).not.toContain('plain')
    const etag = res.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get(d.url, owner.token, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    const unversioned = await get(d.url.split('?')[0]!, owner.token)
    expect(unversioned.headers.get('cache-control')).toBe('private, no-cache')
  })

  it('answers unknown presets, formats and bad ids with problems', async () => {
    for (const [path, status, type] of [
      [`/v1/photos/${photo.id}/media/huge.jpeg`, 404, 'unknown-preset'],
      [`/v1/photos/${photo.id}/media/small.gif`, 404, 'unknown-preset'],
      [`/v1/photos/${photo.id}/media/..%2F..%2Fmaster.key`, 404, 'unknown-preset'],
      [`/v1/photos/${photo.id}/media/original.jpeg`, 404, 'unknown-preset'],
      ['/v1/photos/not-a-uuid/media/small.jpeg', 400, 'validation-failed'],
      ['/v1/photos/not-a-uuid', 400, 'validation-failed'],
      ['/v1/photos/00000000-0000-4000-8000-000000000000', 404, 'photo-not-found'],
      ['/v1/nothing-here', 404, 'not-found'],
    ] as const) {
      const res = await get(path, owner.token)
      expect(res.status, path).toBe(status)
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/)
      expect(((await res.json()) as { type: string }).type, path).toBe(`/problems/${type}`)
    }
  })
})

describe('internal errors', () => {
  it('answer 500 problem+json that says nothing about the inside, and the server stays up', async () => {
    const [d] = rowsOf<{ blob_key: string }>(
      await t.rt.database.db.execute(sql`select blob_key from derivatives where photo_id = ${photo.id} and preset = 'thumb' and format = 'jpeg'`),
    )
    fs.rmSync(path.join(t.dataDir, 'blobs', d!.blob_key))
    const res = await get(photo.derivatives.find((x) => x.preset === 'thumb' && x.format === 'jpeg')!.url, owner.token)
    expect(res.status).toBe(500)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const body = await res.text()
    expect(JSON.parse(body)).toEqual({
      type: '/problems/internal-error',
      title: 'Internal server error',
      status: 500,
      detail: 'Something went wrong on our side. It has been logged.',
    })
    expect(body).not.toMatch(/derivatives\/|blob|ENOENT|stack|\.ts/)
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  })
})
