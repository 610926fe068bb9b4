/**
 * Keywords in Dutch and English (issue 13: "keywords in the served language"), over real HTTP: stored
 * trimmed, lower-cased and without repeats; refused with problem+json (and nothing stored) when a keyword
 * is empty, too long, holds a control character or there are too many; served in the language asked for
 * (`?lang=`, Dutch by default) with the other language as fallback; found by search in either language.
 */
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { photos } from '../../../api/src/modules/photos/photos.table.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { publishedPhoto, randomJpeg, staff, type Staff } from '../../support/factories.ts'
import { searchJobsDone } from '../search/search-support.ts'

let t: TestApp
let s: Staff

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const row = async (id: string) => (await t.rt.database.db.select().from(photos).where(eq(photos.id, id)))[0]!

async function draft(fields: Record<string, string | string[]>) {
  const { res, body } = await upload(t, s.photographer.token, { name: 'k.jpg', bytes: await randomJpeg(400, 300), type: 'image/jpeg' }, fields)
  expect(res.status, JSON.stringify(body)).toBe(201)
  return body as Record<string, any>
}

describe('keywords in two languages', () => {
  it('are taken at upload (comma lists, repeated fields), stored normalised, and served in the language asked for', async () => {
    const body = await draft({ tags: ['Tram, krant', ' werk ,tram'], tagsEn: 'Tram,  Newspaper , newspaper,Commute' })
    expect(body.keywords).toEqual({ nl: ['tram', 'krant', 'werk'], en: ['tram', 'newspaper', 'commute'] })
    expect(body.tags).toEqual(['tram', 'krant', 'werk'])
    const stored = await row(body.id)
    expect(stored.tags).toEqual(['tram', 'krant', 'werk'])
    expect(stored.tagsEn).toEqual(['tram', 'newspaper', 'commute'])

    const nl = await request(t, 'GET', `/v1/photos/${body.id}`, s.photographer.token)
    const en = await request(t, 'GET', `/v1/photos/${body.id}?lang=en`, s.photographer.token)
    expect(nl.body.tags).toEqual(['tram', 'krant', 'werk'])
    expect(en.body.tags).toEqual(['tram', 'newspaper', 'commute'])
    expect(en.body.keywords).toEqual(nl.body.keywords)
    // The management list follows the same rule.
    const list = await request(t, 'GET', '/v1/photos?lang=en&limit=100', s.photographer.token)
    expect(list.body.items.find((p: { id: string }) => p.id === body.id).tags).toEqual(['tram', 'newspaper', 'commute'])
    const bad = await request(t, 'GET', `/v1/photos/${body.id}?lang=de`, s.photographer.token)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })

  it('fall back to the other language when the one asked for has none', async () => {
    const onlyNl = await draft({ tags: 'fiets, gracht' })
    expect((await request(t, 'GET', `/v1/photos/${onlyNl.id}?lang=en`, s.photographer.token)).body.tags).toEqual(['fiets', 'gracht'])
    const onlyEn = await draft({ tagsEn: 'bicycle, canal' })
    expect((await request(t, 'GET', `/v1/photos/${onlyEn.id}`, s.photographer.token)).body.tags).toEqual(['bicycle', 'canal'])
    expect((await request(t, 'GET', `/v1/photos/${onlyEn.id}`, s.photographer.token)).body.keywords).toEqual({ nl: [], en: ['bicycle', 'canal'] })
    const none = await draft({})
    expect((await request(t, 'GET', `/v1/photos/${none.id}?lang=en`, s.photographer.token)).body.tags).toEqual([])
  })

  it('are edited per language with PATCH: one list changes, the other stays', async () => {
    const p = await draft({ tags: 'markt', tagsEn: 'market' })
    const r = await request(t, 'PATCH', `/v1/photos/${p.id}`, s.photographer.token, { tagsEn: ['  Market Stall ', 'market stall', 'fruit'] })
    expect(r.status, r.text).toBe(200)
    expect(r.body.keywords).toEqual({ nl: ['markt'], en: ['market stall', 'fruit'] })
    expect((await row(p.id)).tags).toEqual(['markt'])
    const cleared = await request(t, 'PATCH', `/v1/photos/${p.id}`, s.photographer.token, { tagsEn: [] })
    expect(cleared.body.keywords).toEqual({ nl: ['markt'], en: [] })
    expect((await row(p.id)).tagsEn).toEqual([])
  })

  const BAD: [string, unknown][] = [
    ['an empty keyword', ['']],
    ['a keyword of spaces only', ['   ']],
    ['a keyword of 61 characters', ['x'.repeat(61)]],
    ['41 keywords', Array.from({ length: 41 }, (_, i) => `woord${i}`)],
    ['a control character', ['tram\u0000krant']],
    ['a line break', ['tram\nkrant']],
    ['a C1 control character', ['tram\u0085']],
    ['an object instead of a list', { nl: 'tram' }],
  ]
  for (const field of ['tags', 'tagsEn'] as const) {
    for (const [what, value] of BAD) {
      it(`refuses ${what} in ${field} with a 400 problem, and stores nothing of the request`, async () => {
        const p = await draft({ tags: 'brug', tagsEn: 'bridge' })
        const before = await row(p.id)
        const r = await request(t, 'PATCH', `/v1/photos/${p.id}`, s.photographer.token, { captionNl: 'Nieuw bijschrift', [field]: value })
        expect(r.status, r.text).toBe(400)
        expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        expect(r.body.type).toMatch(/validation/)
        const after = await row(p.id)
        expect(after.tags).toEqual(['brug'])
        expect(after.tagsEn).toEqual(['bridge'])
        expect(after.captionNl).toBe(before.captionNl)
        expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime())
      })
    }
  }

  it('refuses a bad English keyword at upload with a 400 problem and stores no photo', async () => {
    const [{ n: before }] = rowsOf<{ n: number }>(await t.rt.database.db.execute(sql`select count(*)::int as n from photos`)) as [{ n: number }]
    const { res, body } = await upload(
      t,
      s.photographer.token,
      { name: 'k.jpg', bytes: await randomJpeg(300, 200), type: 'image/jpeg' },
      {
        tagsEn: `ok, ${'y'.repeat(61)}`,
      },
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(String(body.type)).toMatch(/validation/)
    const [{ n: after }] = rowsOf<{ n: number }>(await t.rt.database.db.execute(sql`select count(*)::int as n from photos`)) as [{ n: number }]
    expect(after).toBe(before)
  })
})

describe('search by keyword', () => {
  it('finds a published photo by an English keyword as well as a Dutch one, and shows the keywords in the language asked for', async () => {
    const { photoId } = await publishedPhoto(t, s)
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { tags: ['zwaluwstaart'], tagsEn: ['swallowtail'] })).status).toBe(200)
    await searchJobsDone(t.rt)
    const [doc] = rowsOf<{ tags: string[]; tags_en: string[] }>(
      await t.rt.database.db.execute(sql`select tags, tags_en from search_documents where photo_id = ${photoId}`),
    )
    expect(doc).toEqual({ tags: ['zwaluwstaart'], tags_en: ['swallowtail'] })
    const hits = async (q: string, lang: string) =>
      (await request(t, 'GET', `/v1/search?q=${q}&lang=${lang}`, s.curator.token)).body.hits as { id: string; highlights: { tags?: string } }[]
    await expect.poll(async () => (await hits('swallowtail', 'en')).map((h) => h.id), { timeout: 15_000 }).toEqual([photoId])
    expect((await hits('swallowtail', 'en'))[0]!.highlights.tags).toBe('<mark>swallowtail</mark>')
    expect((await hits('zwaluwstaart', 'nl')).map((h) => h.id)).toEqual([photoId])
    expect((await hits('zwaluwstaart', 'nl'))[0]!.highlights.tags).toBe('<mark>zwaluwstaart</mark>')
    // The English list emptied: the word no longer finds it; the Dutch one still does.
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { tagsEn: [] })).status).toBe(200)
    await searchJobsDone(t.rt)
    await expect.poll(async () => (await hits('swallowtail', 'en')).length, { timeout: 15_000 }).toBe(0)
    expect((await hits('zwaluwstaart', 'en')).map((h) => h.id)).toEqual([photoId])
  })
})
