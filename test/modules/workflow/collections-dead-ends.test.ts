/**
 * The curator's exhibition and collections without dead ends (issue 14): the picker lists only eligible
 * photos and says why the others are not; an empty export is refused with a clear problem; a collection
 * is private (not in search, not in the public names) until the curator publishes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AGREED, world, type World } from '../collections/collections-support.ts'
import { searchJobsDone } from '../search/search-support.ts'

let w: World
beforeAll(async () => {
  w = await world()
})
afterAll(async () => {
  await w?.t.close()
})

const EXHIBITION_CONSENT = { ...AGREED, uses: ['editorial', 'exhibition'] }

describe('the exhibition picker', () => {
  it('offers only photos whose consent and licence cover exhibitions, with thumbnails, and says why not for the others', async () => {
    const covered = await w.published({ consent: EXHIBITION_CONSENT, licence: 'rsw-exhibition@1.0' })
    const editorialLicence = await w.published({ consent: EXHIBITION_CONSENT })
    const ex = await w.call('POST', '/v1/collections', w.curator, { kind: 'exhibition', titleNl: 'Buiten' })
    expect(ex.status).toBe(201)
    const r = await w.call('GET', `/v1/collections/${ex.body.id}/candidates`, w.curator)
    expect(r.status, r.text).toBe(200)
    expect(r.body.eligible.map((p: { id: string }) => p.id)).toEqual([covered.id])
    expect(r.body.eligible[0].thumbnail).toMatch(new RegExp(`^/v1/photos/${covered.id}/media/thumb\\.jpeg\\?v=`))
    const why = Object.fromEntries(r.body.ineligible.map((p: { id: string; reason: string }) => [p.id, p.reason]))
    expect(why[editorialLicence.id]).toBe('licence-not-exhibition')
    expect(r.body.ineligible.find((p: { id: string }) => p.id === editorialLicence.id).words.nl).toMatch(/licentie/)
    // Added: no longer a candidate.
    expect((await w.call('POST', `/v1/collections/${ex.body.id}/items`, w.curator, { photoId: covered.id })).status).toBe(201)
    const after = await w.call('GET', `/v1/collections/${ex.body.id}/candidates`, w.curator)
    expect(after.body.eligible.map((p: { id: string }) => p.id)).not.toContain(covered.id)
  })

  it('answers an unknown collection and a journalist with problem+json', async () => {
    const unknown = await w.call('GET', '/v1/collections/00000000-0000-4000-8000-000000000000/candidates', w.curator)
    expect(unknown.status).toBe(404)
    expect(unknown.body.type).toBe('/problems/collection-not-found')
    expect((await w.call('GET', '/v1/collections/00000000-0000-4000-8000-000000000000/candidates', w.journalist)).status).toBe(403)
  })
})

describe('an empty exhibition', () => {
  it('cannot be exported: 409 nothing-to-export, in both languages', async () => {
    const ex = await w.call('POST', '/v1/collections', w.curator, { kind: 'exhibition', titleNl: 'Leeg' })
    const r = await w.call('GET', `/v1/collections/${ex.body.id}/export.zip`, w.curator)
    expect(r.status).toBe(409)
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(r.body.type).toBe('/problems/nothing-to-export')
    expect(r.body.words.nl).toMatch(/niets te exporteren/)
    const trail = await w.call('GET', '/v1/admin/audit/verify', w.admin)
    expect(trail.status).toBe(200)
  })
})

describe('collections are private until published', () => {
  it('a working set is neither in search nor in the public names; published, it is; taken back, it is gone again', async () => {
    const photo = await w.published()
    const c = await w.call('POST', '/v1/collections', w.curator, { kind: 'collection', titleNl: 'Werkset', titleEn: 'Working set' })
    expect(c.body.publishedAt).toBeNull()
    expect((await w.call('POST', `/v1/collections/${c.body.id}/items`, w.curator, { photoId: photo.id })).status).toBe(201)
    await searchJobsDone(w.t.rt)
    const names = async () => (await w.call('GET', '/v1/collections/published', null)).body.items.map((i: { id: string }) => i.id)
    const found = async () => (await w.call('GET', `/v1/search?collection=${c.body.id}`, w.journalist)).body.hits?.length ?? 0
    expect(await names()).not.toContain(c.body.id)
    expect(await found()).toBe(0)

    const pub = await w.call('POST', `/v1/collections/${c.body.id}/publish`, w.curator)
    expect(pub.status).toBe(200)
    expect(pub.body.publishedAt).toBeTruthy()
    await searchJobsDone(w.t.rt)
    expect(await names()).toContain(c.body.id)
    expect(await found()).toBe(1)
    const list = (await w.call('GET', '/v1/collections/published', null)).body.items
    expect(list.find((i: { id: string }) => i.id === c.body.id).title).toEqual({ nl: 'Werkset', en: 'Working set' })

    expect((await w.call('POST', `/v1/collections/${c.body.id}/unpublish`, w.curator)).status).toBe(200)
    await searchJobsDone(w.t.rt)
    expect(await names()).not.toContain(c.body.id)
    expect(await found()).toBe(0)
    expect((await w.call('POST', `/v1/collections/${c.body.id}/publish`, w.journalist)).status).toBe(403)
    expect((await w.call('POST', '/v1/collections/00000000-0000-4000-8000-000000000000/publish', w.curator)).status).toBe(404)
  })
})
