/**
 * The signed, short-lived file URL of a grant: works while valid, not when tampered with or expired, not
 * after a withdrawal; and the bytes it serves pass the same exiftool checks as every other derivative and
 * carry the rights. 'full' is a re-encode, never the original.
 */
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { endExiftool, endsCleanly, exifTags, PRIVATE_TAGS } from '../../support/image.ts'
import { EDITORIAL, journalist, organisation, publishedPhoto, staff, type Staff, type User } from '../../support/factories.ts'

const fx = inject('fixtures')
const PRIVATE_STRINGS = (
  JSON.parse(fs.readFileSync(path.join(path.dirname(fx['meta-everything.jpg']!), 'manifest.json'), 'utf8')) as { privateStrings: string[] }
).privateStrings

let t: TestApp
let s: Staff
let press: User

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t))
}, 60_000)
afterAll(async () => {
  await endExiftool()
  await t?.close()
})

const grant = async (photoId: string, body: Record<string, unknown> = {}) => {
  const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, press.token, { ...EDITORIAL, ...body })
  expect(r.status, r.text).toBe(201)
  return r.body as { grant: { id: string; preset: string; format: string }; url: string }
}
const fetchFile = (url: string) => fetch(`${t.url}${url}`)

/** The checks every served derivative passes (as in test/modules/photos/upload.test.ts), plus the rights. */
async function expectCleanWithRights(bytes: Buffer, format: 'jpeg' | 'webp') {
  const tags = await exifTags(bytes, format === 'jpeg' ? 'jpg' : format)
  expect(Object.keys(tags).filter((k) => PRIVATE_TAGS.some((re) => re.test(k)))).toEqual([])
  for (const secret of PRIVATE_STRINGS) expect(bytes.includes(secret), `contains "${secret}"`).toBe(false)
  expect(endsCleanly(bytes, format)).toBe(true)
  expect(String(tags['IFD0:Artist'])).toBe('Sam V.')
  expect(String(tags['IFD0:Copyright'])).toMatch(/Sam V\./)
  expect(String(tags['XMP-dc:Rights'])).toMatch(/Sam V\./)
  expect(String(tags['XMP-photoshop:Credit'])).toBe('Sam V. / Eerlijk Beeld')
  expect(String(tags['XMP-xmpRights:UsageTerms'])).toContain('RSW-redactielicentie 1.0')
  expect(String(tags['XMP-xmpRights:WebStatement'])).toMatch(/\/rights\/grants\/[0-9a-f-]{36}$/)
  expect(String(tags['XMP-cc:License'])).toBe(`${t.rt.origin}/licences/rsw-editorial/1.0`)
  expect(tags['XMP-plus:ModelReleaseStatus']).toMatch(/MR-LMR|Limited/)
  return tags
}

describe('the signed file URL', () => {
  it('serves the granted preset as an attachment with a neutral name, private and not stored', async () => {
    const { photoId } = await publishedPhoto(t, s, { file: fx['meta-everything.png']! })
    const g = await grant(photoId, { preset: 'small', format: 'webp' })
    const res = await fetchFile(g.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/webp')
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="eerlijk-beeld-[a-z0-9-]+-${photoId.slice(0, 8)}-small\\.webp"$`))
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length)
    expect((await sharp(bytes).metadata()).width).toBe(640)
    await expectCleanWithRights(bytes, 'webp')
    // Works more than once while valid (a retry after a dropped connection).
    expect((await fetchFile(g.url)).status).toBe(200)
  })

  it('refuses a tampered signature, another grant id, a moved expiry and an expired link with 403', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const g = await grant(photoId)
    const other = await grant(photoId)
    const u = new URL(g.url, t.url)
    const sig = u.searchParams.get('sig')!
    const exp = Number(u.searchParams.get('exp'))
    const flip = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1)
    const cases = [
      `/v1/downloads/${g.grant.id}/file?exp=${exp}&sig=${flip}`,
      `/v1/downloads/${other.grant.id}/file?exp=${exp}&sig=${sig}`,
      `/v1/downloads/${g.grant.id}/file?exp=${exp + 3600}&sig=${sig}`,
    ]
    for (const url of cases) {
      const r = await request(t, 'GET', url, null)
      expect(r.status, url).toBe(403)
      expect(r.body.type).toBe('/problems/download-link-invalid')
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    // A genuine link signed eleven minutes ago has expired.
    const old = t.rt.downloads.signedUrl(g.grant.id, Date.now() - 11 * 60_000)
    const expired = await request(t, 'GET', old.url, null)
    expect(expired.status).toBe(403)
    expect(expired.body.type).toBe('/problems/download-link-expired')
    for (const url of [
      `/v1/downloads/${g.grant.id}/file`,
      `/v1/downloads/${g.grant.id}/file?exp=${exp}`,
      `/v1/downloads/${g.grant.id}/file?exp=${exp}&sig=${sig}&x=1`,
      `/v1/downloads/nope/file?exp=${exp}&sig=${sig}`,
    ]) {
      expect((await request(t, 'GET', url, null)).status, url).toBe(400)
    }
  })

  it('answers 410 once the person withdrew between the grant and the fetch', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const g = await grant(photoId, { preset: 'thumb' })
    expect((await request(t, 'POST', `/v1/photos/${photoId}/people/${subjectId}/withdraw`, s.admin.token, {})).status).toBe(200)
    const r = await request(t, 'GET', g.url, null)
    expect(r.status).toBe(410)
    expect(r.body.type).toBe('/problems/photo-gone')
    expect(r.text).not.toMatch(/withdr/i)
  })

  it('answers 403 with the reason when the consent was narrowed to exclude the granted use', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const g = await grant(photoId, { use: 'social', channel: 'social' })
    const narrowed = await request(t, 'PUT', `/v1/photos/${photoId}/people/${subjectId}/consent`, s.photographer.token, {
      identifiable: true,
      identifiabilityAgreed: true,
      uses: ['editorial'],
    })
    expect(narrowed.status, narrowed.text).toBe(200)
    const r = await request(t, 'GET', g.url, null)
    expect(r.status).toBe(403)
    expect(r.body.reason).toBe('use-not-permitted')
  })
})

describe("the 'full' size", () => {
  it('is a stripped high-quality re-encode at the original oriented size, never the original bytes', async () => {
    const original = fs.readFileSync(fx['meta-everything.jpg']!)
    const { photoId } = await publishedPhoto(t, s, { file: fx['meta-everything.jpg']! })
    const g = await grant(photoId, { preset: 'full' })
    expect(g.grant.preset).toBe('full')
    const res = await fetchFile(g.url)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="eerlijk-beeld-[a-z0-9-]+-${photoId.slice(0, 8)}-full\\.jpg"$`))
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.equals(original)).toBe(false)
    expect(bytes.includes(original.subarray(original.length - 4096))).toBe(false)
    const [m, o] = await Promise.all([sharp(bytes).metadata(), sharp(original).metadata()])
    expect([m.width, m.height]).toEqual([o.autoOrient.width, o.autoOrient.height])
    expect(m.orientation ?? 1).toBe(1)
    await expectCleanWithRights(bytes, 'jpeg')
  })

  it('is upright: an EXIF-rotated original comes out in its displayed shape, in WebP too', async () => {
    const { photoId } = await publishedPhoto(t, s, { file: fx['orientation-6.jpg']! })
    const g = await grant(photoId, { preset: 'full', format: 'webp' })
    const bytes = Buffer.from(await (await fetchFile(g.url)).arrayBuffer())
    const m = await sharp(bytes).metadata()
    expect(m.format).toBe('webp')
    expect([m.width, m.height]).toEqual([1065, 1600])
    expect(m.orientation ?? 1).toBe(1)
    await expectCleanWithRights(bytes, 'webp')
  })
})
