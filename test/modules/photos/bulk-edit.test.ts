/**
 * PATCH /v1/photos: the same texts on many photos at once (issue 14, bulk captioning). All or nothing:
 * one refused photo refuses the request with every refusal named, and no photo changes.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { publishedPhoto, randomJpeg, staff, type Staff } from '../../support/factories.ts'

let t: TestApp
let s: Staff

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
}, 60_000)
afterAll(() => t?.close())

async function draft(token: string, fields: Record<string, string> = {}): Promise<string> {
  const { res, body } = await upload(t, token, { name: 'p.jpg', bytes: await randomJpeg(400, 300), type: 'image/jpeg' }, fields)
  expect(res.status).toBe(201)
  return body.id as string
}
const rows = async (ids: string[]) =>
  rowsOf<{
    id: string
    caption_nl: string | null
    caption_en: string | null
    alt_nl: string | null
    alt_en: string | null
    tags: string[]
    tags_en: string[]
    updated_at: Date
  }>(
    await t.rt.database.db.execute(
      sql`select id, caption_nl, caption_en, alt_nl, alt_en, tags, tags_en, updated_at from photos where id in ${sql.raw(`(${ids.map((i) => `'${i}'`).join(',')})`)} order by id`,
    ),
  )

describe('bulk captioning', () => {
  it('sets captions and alt text on every selected draft, adds tags to each photo’s own, and leaves unselected photos alone', async () => {
    const a = await draft(s.photographer.token, { tags: 'markt' })
    const b = await draft(s.photographer.token)
    const untouched = await draft(s.photographer.token, { captionNl: 'Eigen tekst' })
    const res = await request(t, 'PATCH', '/v1/photos', s.photographer.token, {
      ids: [a, b],
      set: {
        captionNl: 'Serie op de markt',
        captionEn: 'Series at the market',
        altNl: 'Een kraam',
        altEn: 'A stall',
        addTags: ['Markt', 'stad'],
        addTagsEn: ['Market', 'city'],
      },
    })
    expect(res.status, res.text).toBe(200)
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([a, b])
    expect(res.body.items.every((i: { status: string }) => i.status === 'draft')).toBe(true)
    const stored = await rows([a, b, untouched])
    const byId = new Map(stored.map((r) => [r.id, r]))
    for (const id of [a, b]) {
      expect(byId.get(id)).toMatchObject({ caption_nl: 'Serie op de markt', caption_en: 'Series at the market', alt_nl: 'Een kraam', alt_en: 'A stall' })
    }
    expect(byId.get(a)!.tags).toEqual(['markt', 'stad'])
    expect(byId.get(b)!.tags).toEqual(['markt', 'stad'])
    expect(byId.get(a)!.tags_en).toEqual(['market', 'city'])
    expect(byId.get(b)!.tags_en).toEqual(['market', 'city'])
    expect(byId.get(untouched)).toMatchObject({ caption_nl: 'Eigen tekst', caption_en: null, tags: [], tags_en: [] })
    // The photo as the API serves it follows at once.
    const one = await request(t, 'GET', `/v1/photos/${b}`, s.photographer.token)
    expect(one.body.caption).toEqual({ nl: 'Serie op de markt', en: 'Series at the market' })
    expect(one.body.keywords).toEqual({ nl: ['markt', 'stad'], en: ['market', 'city'] })
  })

  it('refuses the whole request when one photo may not be changed, names each refusal, and changes nothing', async () => {
    const mine = await draft(s.photographer.token, { captionNl: 'Voor' })
    const other = await t.user('photographer')
    const theirs = await draft(other.token, { captionNl: 'Van een ander' })
    const { photoId: published } = await publishedPhoto(t, s)
    const before = await rows([mine, theirs, published])
    const res = await request(t, 'PATCH', '/v1/photos', s.photographer.token, { ids: [mine, theirs, published], set: { captionNl: 'Na' } })
    expect(res.status, res.text).toBe(409)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(res.body).toMatchObject({ type: '/problems/bulk-edit-refused', status: 409 })
    expect(res.body.failures).toEqual([
      expect.objectContaining({ id: theirs, type: '/problems/photo-not-found', status: 404 }),
      expect.objectContaining({ id: published, type: '/problems/photo-published', status: 409 }),
    ])
    // Nothing half-stored: the photo that was allowed is unchanged too.
    expect(await rows([mine, theirs, published])).toEqual(before)
  })

  it('a curator may caption any photo, also a published one', async () => {
    const a = await draft(s.photographer.token)
    const { photoId: published } = await publishedPhoto(t, s)
    const res = await request(t, 'PATCH', '/v1/photos', s.curator.token, { ids: [a, published], set: { altNl: 'Door de curator', altEn: 'By the curator' } })
    expect(res.status, res.text).toBe(200)
    expect((await rows([a, published])).map((r) => r.alt_nl)).toEqual(['Door de curator', 'Door de curator'])
  })

  it('answers bad input with problem+json and stores nothing', async () => {
    const a = await draft(s.photographer.token, { captionNl: 'Blijft' })
    const cases: [string, unknown][] = [
      ['no ids', { ids: [], set: { captionNl: 'x' } }],
      ['nothing to set', { ids: [a], set: {} }],
      ['a field bulk does not take (licence)', { ids: [a], set: { licence: 'rsw-editorial@1.0' } }],
      ['an id twice', { ids: [a, a], set: { captionNl: 'x' } }],
      ['not an id', { ids: ['nope'], set: { captionNl: 'x' } }],
      ['an empty English tag', { ids: [a], set: { addTagsEn: [''] } }],
      ['English tags that are not a list', { ids: [a], set: { addTagsEn: 'harbour' } }],
      ['an English tag over 60 characters', { ids: [a], set: { addTagsEn: ['x'.repeat(61)] } }],
      ['more than 40 English tags', { ids: [a], set: { addTagsEn: Array.from({ length: 41 }, (_, i) => `t${i}`) } }],
    ]
    for (const [why, body] of cases) {
      const res = await request(t, 'PATCH', '/v1/photos', s.photographer.token, body)
      expect(res.status, why).toBe(400)
      expect(res.headers.get('content-type'), why).toContain('application/problem+json')
      expect(res.body.type, why).toBe('/problems/validation-failed')
    }
    expect((await rows([a]))[0]).toMatchObject({ caption_nl: 'Blijft', tags: [], tags_en: [] })
    // Journalists and anonymous callers may not.
    const press = await t.user('journalist')
    expect((await request(t, 'PATCH', '/v1/photos', press.token, { ids: [a], set: { captionNl: 'x' } })).status).toBe(403)
    expect((await request(t, 'PATCH', '/v1/photos', null, { ids: [a], set: { captionNl: 'x' } })).status).toBe(401)
  })
})
