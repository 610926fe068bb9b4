/**
 * Rights written when served (DESIGN.md, "Rights travel with the file, and stay true"), read back with
 * exiftool from real HTTP responses: a licence change reaches every preset, the full download and the
 * ZIP export at once; every IPTC/XMP/IIM field holds the right value on a photo with nobody in it and on
 * one with a person; a download carries its grant; 300 ppi; nothing of the original's metadata.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { endExiftool, endsCleanly } from '../../support/image.ts'
import { EDITORIAL, journalist, organisation, publishedPhoto, staff, type Staff, type User } from '../../support/factories.ts'
import { download, exportZip, placePhoto, privateStrings, readBack, str } from './rights-support.ts'

const fx = inject('fixtures')
const PRIVATE_STRINGS = privateStrings(fx['meta-everything.jpg']!)

let t: TestApp
let s: Staff
let press: User
let origin: string
const ORG = 'De Rechtenkrant'
const year = String(new Date().getUTCFullYear())

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t, ORG))
  origin = t.rt.origin
}, 60_000)
afterAll(async () => {
  await endExiftool()
  await t?.close()
})

const licenceOf = (ref: string) => t.rt.licences.servedFrom(origin).get(...(ref.split('@') as [string, string]))!

describe('a licence change', () => {
  it('reaches every preset, the full download, the media route and the ZIP export at once', async () => {
    const { photoId } = await publishedPhoto(t, s, { file: await (await import('../../support/factories.ts')).randomJpeg(2400, 1600) })
    const patched = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-exhibition@1.0' })
    expect(patched.status, patched.text).toBe(200)
    expect(patched.body.licence).toBe('rsw-exhibition@1.0')
    const exhibition = licenceOf('rsw-exhibition@1.0')
    expect(exhibition.deedUrl).toBe(`${origin}/licences/rsw-exhibition/1.0`)

    const expectExhibition = (tags: Record<string, unknown>, where: string) => {
      expect(tags['XMP-xmpRights:UsageTerms'], where).toBe(exhibition.usageTerms.nl)
      expect(tags['XMP-xmpRights:UsageTerms-en'], where).toBe(exhibition.usageTerms.en)
      expect(tags['XMP-cc:License'], where).toBe(exhibition.deedUrl)
      expect(tags['XMP-plus:TermsAndConditionsURL'], where).toBe(exhibition.deedUrl)
      expect(str(tags['XMP-xmpRights:UsageTerms'])).not.toMatch(/nieuws/i)
    }
    for (const preset of ['thumb', 'small', 'medium', 'large', 'full'] as const) {
      const d = await download(t, press, photoId, { use: 'exhibition', channel: 'exhibition', topic: null, preset, format: 'jpeg' })
      const tags = await readBack(d.bytes)
      expectExhibition(tags, preset)
      expect(tags['XMP-plus:OtherLicenseInfo'], preset).toBe('rsw-exhibition 1.0')
      expect(d.disposition).toMatch(new RegExp(`^attachment; filename="eerlijk-beeld-een-portret-${photoId.slice(0, 8)}-${preset}\\.jpg"$`))
    }
    for (const file of ['large.jpeg', 'small.webp']) {
      const res = await fetch(`${t.url}/v1/photos/${photoId}/media/${file}`, { headers: { authorization: `Bearer ${s.curator.token}` } })
      expect(res.status).toBe(200)
      expectExhibition(await readBack(Buffer.from(await res.arrayBuffer()), file.endsWith('webp') ? 'webp' : 'jpg'), file)
    }
    const zip = await exportZip(t, s.curator, [photoId])
    expect(zip.size).toBe(1)
    for (const [name, bytes] of zip) expectExhibition(await readBack(bytes), name)
  }, 120_000)

  it('makes a new version: the ETag and the versioned URL change, so no cache keeps the old terms', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const before = await request(t, 'GET', `/v1/photos/${photoId}`, s.curator.token)
    const url = (before.body.derivatives as { preset: string; format: string; url: string }[]).find((d) => d.preset === 'thumb' && d.format === 'jpeg')!.url
    const first = await fetch(`${t.url}${url.replace(/^https?:\/\/[^/]+/, '')}`, { headers: { authorization: `Bearer ${s.curator.token}` } })
    expect(first.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    const etag = first.headers.get('etag')!
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-education@1.0' })).status).toBe(200)
    const again = await fetch(`${t.url}${url.replace(/^https?:\/\/[^/]+/, '')}`, {
      headers: { authorization: `Bearer ${s.curator.token}`, 'if-none-match': etag },
    })
    expect(again.status).toBe(200)
    expect(again.headers.get('etag')).not.toBe(etag)
    expect(again.headers.get('cache-control')).toBe('private, no-cache')
    const after = await request(t, 'GET', `/v1/photos/${photoId}`, s.curator.token)
    expect(JSON.stringify(after.body.derivatives)).not.toContain(url)
    expect((await readBack(Buffer.from(await again.arrayBuffer())))['XMP-xmpRights:UsageTerms']).toBe(licenceOf('rsw-education@1.0').usageTerms.nl)
  })

  it('a credit change too: the next file names the new credit, under a new ETag', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const get = () => fetch(`${t.url}/v1/photos/${photoId}/media/thumb.jpeg`, { headers: { authorization: `Bearer ${s.curator.token}` } })
    const first = await get()
    expect((await readBack(Buffer.from(await first.arrayBuffer())))['XMP-photoshop:Credit']).toBe('Sam V. / Eerlijk Beeld')
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { credit: 'Sam Verbeek' })).status).toBe(200)
    const again = await get()
    expect(again.headers.get('etag')).not.toBe(first.headers.get('etag'))
    const tags = await readBack(Buffer.from(await again.arrayBuffer()))
    expect(tags['XMP-photoshop:Credit']).toBe('Sam Verbeek / Eerlijk Beeld')
    expect(tags['IPTC:Credit']).toBe('Sam Verbeek / Eerlijk Beeld')
    expect(str(tags['XMP-dc:Creator'])).toBe('Sam Verbeek')
  })

  it('refuses an open licence for a photo with a person in it, and changes nothing', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const r = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'cc-by@4.0' })
    expect(r.status).toBe(409)
    expect(r.body.type).toMatch(/open-licence-for-people$/)
    expect((await request(t, 'GET', `/v1/photos/${photoId}`, s.curator.token)).body.licence).toBe('rsw-editorial@1.0')
  })
})

describe('the fields a file carries', () => {
  it('a photo with nobody pictured under CC BY 4.0, downloaded: every field, the grant, 300 ppi, Model Release None', async () => {
    const photoId = await placePhoto(t, s, 'cc-by@4.0')
    const d = await download(t, press, photoId, { ...EDITORIAL, topic: 'housing', preset: 'full', format: 'jpeg' }).catch(async () =>
      download(t, press, photoId, { ...EDITORIAL, preset: 'full', format: 'jpeg' }),
    )
    const tags = await readBack(d.bytes)
    const ccBy = licenceOf('cc-by@4.0')
    // Creator: the public name only; Credit Line short; © with the year of publication.
    expect(tags['XMP-dc:Creator']).toBe('Sam V.')
    expect(tags['IPTC:By-line']).toBe('Sam V.')
    expect(tags['IFD0:Artist']).toBe('Sam V.')
    expect(tags['XMP-photoshop:Credit']).toBe('Sam V. / Eerlijk Beeld')
    expect(tags['IPTC:Credit']).toBe('Sam V. / Eerlijk Beeld')
    expect(tags['XMP-dc:Rights']).toBe(`© ${year} Sam V.`)
    expect(tags['IPTC:CopyrightNotice']).toBe(`© ${year} Sam V.`)
    expect(tags['IFD0:Copyright']).toBe(`(c) ${year} Sam V.`)
    expect(tags['XMP-plus:ModelReleaseStatus']).toBe('None')
    // Caption, alt text and keywords in the served language (Dutch by default; both as Lang Alt).
    expect(tags['XMP-dc:Description']).toBe('Witte kabels van een brug boven het water')
    expect(tags['XMP-dc:Description-en']).toBe('White cables of a bridge above the water')
    expect(tags['IPTC:Caption-Abstract']).toBe('Witte kabels van een brug boven het water')
    expect(tags['XMP-iptcCore:AltTextAccessibility']).toBe('Brugkabels tegen een blauwe lucht')
    expect(str(tags['XMP-dc:Subject'])).toBe('brug, water')
    expect(str(tags['IPTC:Keywords'])).toBe('brug, water')
    // The open licence as it is: its real deed, its terms; web statement and licensor URL.
    expect(tags['XMP-cc:License']).toBe('https://creativecommons.org/licenses/by/4.0/')
    expect(tags['XMP-xmpRights:UsageTerms']).toBe(ccBy.usageTerms.nl)
    expect(tags['XMP-xmpRights:WebStatement']).toBe(`${origin}/rights/grants/${d.grant.id}`)
    expect(tags['XMP-plus:LicensorURL']).toBe(`${origin}/photos/${photoId}`)
    expect(tags['XMP-plus:LicensorName']).toBe('Eerlijk Beeld')
    // The grant: licensee, grant id, use/channel, licence version, date; instructions for the desk.
    expect(tags['XMP-plus:LicenseeName']).toBe(ORG)
    expect(tags['XMP-plus:LicenseID']).toBe(d.grant.id)
    expect(str(tags['XMP-plus:OtherConstraints'])).toMatch(/^use: editorial; channel: web/)
    expect(tags['XMP-plus:OtherLicenseInfo']).toBe('cc-by 4.0')
    expect(str(tags['XMP-plus:LicenseTransactionDate'])).toMatch(/^\d{4}:\d{2}:\d{2}/)
    expect(tags['XMP-plus:LicenseEndDate']).toBeUndefined() // nobody's consent to run out
    expect(str(tags['XMP-photoshop:Instructions'])).toContain(d.grant.id)
    expect(str(tags['XMP-photoshop:Instructions'])).toContain(ORG)
    expect(str(tags['IPTC:SpecialInstructions'])).toContain(d.grant.id)
    // 300 ppi, in JFIF, EXIF and Photoshop's resolution block alike.
    for (const k of ['JFIF:XResolution', 'JFIF:YResolution', 'IFD0:XResolution', 'IFD0:YResolution', 'Photoshop:XResolution'])
      expect(Number(tags[k]), k).toBe(300)
    expect(tags['IFD0:ResolutionUnit']).toBe('inches')
    // No capture date anywhere.
    expect(Object.keys(tags).filter((k) => /DateTimeOriginal|CreateDate|DateCreated|ModifyDate|DigitalCreation/.test(k))).toEqual([])
    expect(d.disposition).toBe(`attachment; filename="eerlijk-beeld-witte-kabels-van-een-brug-boven-${photoId.slice(0, 8)}-full.jpg"`)
    expect(endsCleanly(d.bytes, 'jpeg')).toBe(true)
  })

  it('a photo with a person: Model Release Limited, the consent end date in the grant, our licence and the photo page', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const d = await download(t, press, photoId, { ...EDITORIAL, preset: 'large', format: 'webp' })
    const tags = await readBack(d.bytes, 'webp')
    const editorial = licenceOf('rsw-editorial@1.0')
    expect(tags['XMP-plus:ModelReleaseStatus']).toBe('Limited or Incomplete Model Releases')
    expect(tags['XMP-dc:Creator']).toBe('Sam V.')
    expect(tags['XMP-photoshop:Credit']).toBe('Sam V. / Eerlijk Beeld')
    expect(tags['XMP-xmpRights:UsageTerms']).toBe(editorial.usageTerms.nl)
    expect(tags['XMP-cc:License']).toBe(`${origin}/licences/rsw-editorial/1.0`)
    expect(str(tags['XMP-cc:License'])).not.toContain('eerlijkbeeld.nl')
    expect(tags['XMP-plus:LicenseeName']).toBe(ORG)
    expect(tags['XMP-plus:LicenseID']).toBe(d.grant.id)
    expect(str(tags['XMP-plus:LicenseEndDate'])).toMatch(/^\d{4}:\d{2}:\d{2}/)
    expect(tags['XMP-plus:OtherLicenseInfo']).toBe('rsw-editorial 1.0')
    expect(Number(tags['IFD0:XResolution'])).toBe(300)
    expect(tags['XMP-dc:Description']).toBe('Een portret')
    expect(d.disposition).toBe(`attachment; filename="eerlijk-beeld-een-portret-${photoId.slice(0, 8)}-${d.grant.preset}.webp"`)
  })

  it('the public preview carries the terms too, in the language asked for, pointing at the photo’s rights page', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const res = await fetch(`${t.url}/v1/photos/${photoId}/media/thumb.jpeg?lang=en`)
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    const tags = await readBack(Buffer.from(await res.arrayBuffer()))
    expect(tags['XMP-dc:Description']).toBe('A portrait')
    expect(tags['XMP-iptcCore:AltTextAccessibility']).toBe('Someone at the window')
    expect(tags['IPTC:Caption-Abstract']).toBe('A portrait')
    expect(tags['XMP-xmpRights:WebStatement']).toBe(`${origin}/rights/${photoId}`)
    expect(tags['XMP-plus:ModelReleaseStatus']).toBe('Limited or Incomplete Model Releases')
    expect(tags['XMP-plus:LicenseeName']).toBeUndefined()
    expect(str(tags['XMP-photoshop:Instructions'])).toMatch(/^Not free to use/)
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="eerlijk-beeld-a-portrait-${photoId.slice(0, 8)}-thumb.jpg"`)
  })

  it('nothing from the original file: a photo full of private metadata, in every served form', async () => {
    const { photoId } = await publishedPhoto(t, s, { file: fx['meta-everything.jpg']! })
    const served: [Buffer, string][] = []
    for (const f of ['thumb.jpeg', 'small.webp', 'medium.jpeg']) {
      const res = await fetch(`${t.url}/v1/photos/${photoId}/media/${f}`, { headers: { authorization: `Bearer ${s.curator.token}` } })
      served.push([Buffer.from(await res.arrayBuffer()), f.endsWith('webp') ? 'webp' : 'jpeg'])
    }
    served.push([(await download(t, press, photoId, { ...EDITORIAL, preset: 'full', format: 'jpeg' })).bytes, 'jpeg'])
    for (const [bytes, format] of served) {
      for (const secret of PRIVATE_STRINGS) expect(bytes.includes(secret), `contains "${secret}"`).toBe(false)
      expect(endsCleanly(bytes, format)).toBe(true)
      const tags = await readBack(bytes, format === 'jpeg' ? 'jpg' : 'webp')
      expect(
        Object.keys(tags).filter((k) => /GPS|Serial|(^|:)Make$|(^|:)Model$|MakerNote|ThumbnailImage|History|DateTimeOriginal|CreateDate|Comment/.test(k)),
      ).toEqual([])
    }
  })
})

describe('the public photo JSON', () => {
  it('has no capture date, no original pixel size and the upload day only; the photographer still sees them', async () => {
    const { photoId } = await publishedPhoto(t, s, { file: await (await import('../../support/factories.ts')).randomJpeg(1800, 1200) })
    expect((await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { capturedMonth: '2025-06' })).status).toBe(200)
    for (const token of [null, press.token]) {
      const r = await request(t, 'GET', `/v1/photos/${photoId}`, token)
      expect(r.status).toBe(200)
      expect(r.body.capturedMonth).toBeNull()
      expect(r.text).not.toContain('2025-06')
      expect(r.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(r.body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      const largest = Math.max(...(r.body.derivatives as { width: number }[]).map((d) => d.width))
      expect(r.body.width).toBe(largest)
      expect(r.body.width).not.toBe(1800)
    }
    const own = await request(t, 'GET', `/v1/photos/${photoId}`, s.photographer.token)
    expect(own.body.capturedMonth).toBe('2025-06')
    expect(own.body.width).toBe(1800)
    expect(own.body.createdAt).toMatch(/T\d{2}:\d{2}/)
  })
})
