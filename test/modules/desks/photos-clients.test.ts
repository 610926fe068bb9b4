/**
 * GET /v1/photos/:id for picture desks: srcset per format, thumbhash, colour, credit, the licence summary,
 * the effective permission with labels, prohibited contexts, consent valid until and the attribution; an
 * anonymous preview gets the public subset only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { journalist, organisation, publishedPhoto, randomJpeg, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let press: User
let photoId: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t))
  ;({ photoId } = await publishedPhoto(t, s, { file: await randomJpeg(1400, 1000), consent: { validUntil: '2029-06-30' } }))
}, 60_000)
afterAll(() => t?.close())

describe('a photo as a picture desk sees it', () => {
  it('carries srcsets, placeholders, credit, licence summary, permission with labels, prohibited contexts, validity and attribution', async () => {
    const r = await request(t, 'GET', `/v1/photos/${photoId}`, press.token)
    expect(r.status).toBe(200)
    const p = r.body
    const url = (preset: string, format: string) => new RegExp(`/v1/photos/${photoId}/media/${preset}\\.${format}\\?v=[A-Za-z0-9_-]+`)
    const jpeg = p.srcset.jpeg.split(', ')
    expect(jpeg).toHaveLength(3)
    expect(jpeg[0]).toMatch(new RegExp(`${url('thumb', 'jpeg').source} 320w$`))
    expect(jpeg[1]).toMatch(new RegExp(`${url('small', 'jpeg').source} 640w$`))
    expect(jpeg[2]).toMatch(new RegExp(`${url('medium', 'jpeg').source} 1280w$`))
    expect(p.srcset.webp.split(', ').map((x: string) => x.split(' ')[1])).toEqual(['320w', '640w', '1280w'])
    // Every srcset URL is one of the derivatives' own URLs.
    const urls = new Set(p.derivatives.map((d: { url: string }) => d.url))
    for (const entry of [...jpeg, ...p.srcset.webp.split(', ')]) expect(urls.has(entry.split(' ')[0])).toBe(true)
    expect(p.thumbhash).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(p.dominantColour).toMatch(/^#[0-9a-f]{6}$/)
    expect(p.credit).toBe('Sam V.')
    expect(p.licence).toBe('rsw-editorial@1.0')
    expect(p.licenceSummary.nl).toMatch(/^U mag deze foto gebruiken/)
    expect(p.licenceSummary.en).toMatch(/^You may use this photo/)
    // The deed is served by this instance (issue 13), at its one origin (config.origin).
    expect(p.licenceUrl).toBe(`${t.rt.origin}/licences/rsw-editorial/1.0`)
    expect(p.permittedUses).toEqual([
      { use: 'editorial', label: { nl: 'nieuws en achtergrond', en: 'news and features' } },
      { use: 'social', label: { nl: 'sociale media van media', en: "outlets' social media" } },
    ])
    // The protective topics stay excluded until the person lifts one (only they can: test/modules/consent/authority.test.ts).
    expect(p.prohibitedContexts.topics.map((x: { topic: string }) => x.topic)).toEqual(['trafficking', 'crime', 'violence', 'health', 'victimhood'])
    expect(p.prohibitedContexts.topics.slice(0, 2)).toEqual([
      { topic: 'trafficking', label: { nl: 'mensenhandel', en: 'trafficking' } },
      { topic: 'crime', label: { nl: 'misdaad', en: 'crime' } },
    ])
    expect(p.prohibitedContexts.text.en).toContain('may not be used to depict or imply trafficking')
    expect(p.consentValidUntil).toBe('2029-06-30')
    for (const lang of ['nl', 'en']) {
      expect(Object.keys(p.attribution[lang]).sort()).toEqual(['html', 'markdown', 'text'])
      expect(p.attribution[lang].text).toContain('Sam V.')
    }
    // Still an allow-list: nothing about the people or the consent records themselves.
    expect(r.text).not.toMatch(/outletDeny|outletAllow|subjectId|pseudonym|ownerId|originalKey/)
  })

  it('gives an anonymous visitor the public subset only: small sizes, no consent details', async () => {
    const r = await request(t, 'GET', `/v1/photos/${photoId}`, null)
    expect(r.status).toBe(200)
    expect(r.body.srcset.jpeg.split(', ').map((x: string) => x.split(' ')[1])).toEqual(['320w', '640w'])
    expect(r.body.derivatives.every((d: { preset: string }) => ['thumb', 'small'].includes(d.preset))).toBe(true)
    expect(r.body).toMatchObject({ permittedUses: null, prohibitedContexts: null, consentValidUntil: null, credit: 'Sam V.' })
    expect(r.body.licenceSummary.en).toMatch(/^You may use this photo/)
    expect(r.body.attribution.en.text).toContain('Sam V.')
  })

  it('shows the photographer no permission while the photo is a draft, and the permission once published', async () => {
    const { body } = await request(t, 'GET', `/v1/photos/${photoId}`, s.photographer.token)
    expect(body.permittedUses.map((u: { use: string }) => u.use)).toEqual(['editorial', 'social'])
    const list = await request(t, 'GET', '/v1/photos', s.photographer.token)
    expect(list.status).toBe(200)
    const item = list.body.items.find((x: { id: string }) => x.id === photoId)
    expect(item.consentValidUntil).toBe('2029-06-30')
    expect(item.srcset.webp).toContain('640w')
    const draft = await request(
      t,
      'POST',
      '/v1/photos',
      s.photographer.token,
      await (async () => {
        const form = new FormData()
        form.append('file', new Blob([await randomJpeg(400, 300)], { type: 'image/jpeg' }), 'd.jpg')
        return form
      })(),
    )
    expect(draft.status).toBe(201)
    expect(draft.body).toMatchObject({ status: 'draft', permittedUses: null, prohibitedContexts: null, consentValidUntil: null })
    expect(draft.body.srcset.jpeg).toMatch(/ 320w$/)
  })
})
