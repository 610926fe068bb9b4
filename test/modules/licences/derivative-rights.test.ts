/**
 * What a licence puts into a derivative, read back with exiftool (STACK.md: exifr can't read WebP and
 * misses AVIF XMP) from real JPEG, WebP and AVIF renders of a photo full of private metadata.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exiftool } from 'exiftool-vendored'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadLicences } from '../../../api/src/modules/licences/index.ts'
import { renderAvif, renderDerivatives, stampRights, type RenderedDerivative } from '../../../api/src/modules/media/index.ts'
import { rightsFor } from '../../../api/src/modules/photos/photos.derivatives.ts'
import { photoRights } from '../../../api/src/modules/photos/photos.rights.ts'

const fx = inject('fixtures')
const source = fx['meta-everything.jpg']!
const PRIVATE_STRINGS = (JSON.parse(fs.readFileSync(path.join(path.dirname(source), 'manifest.json'), 'utf8')) as { privateStrings: string[] }).privateStrings
const licence = loadLicences().servedFrom('https://beeld.example').get('rsw-editorial', '1.0')!
const photo = { credit: 'Noor Ş.', createdAt: new Date('2026-01-15T12:00:00Z'), publishedAt: new Date('2027-03-01T09:00:00Z') }
const row = { ...photo, id: '8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11', captionNl: null, captionEn: null, altNl: null, altEn: null, tags: [], tagsEn: [] } as never
const gate = { subjectIds: ['s1'], consents: new Map([['s1', { state: 'active', uses: ['editorial'], excludedTopics: ['crime'] }]]) } as never

/** Every tag a licensed derivative may carry besides structure and the sRGB profile. */
const RIGHTS_TAGS = new Set([
  'IFD0:Artist',
  'IFD0:Copyright',
  'XMP-dc:Creator',
  'XMP-dc:Rights',
  'XMP-photoshop:Credit',
  'XMP-xmpRights:UsageTerms',
  'XMP-xmpRights:UsageTerms-nl',
  'XMP-xmpRights:UsageTerms-en',
  'XMP-xmpRights:WebStatement',
  'XMP-plus:LicensorURL',
  'XMP-plus:ModelReleaseStatus',
  'XMP-plus:LicensorName',
  'XMP-plus:TermsAndConditionsURL',
  'XMP-cc:License',
  'XMP-cc:AttributionName',
  'XMP-photoshop:Instructions',
  'JFIF:JFIFVersion',
  'JFIF:ResolutionUnit',
  'JFIF:XResolution',
  'JFIF:YResolution',
  'Photoshop:XResolution',
  'Photoshop:YResolution',
  'Photoshop:DisplayedUnitsX',
  'Photoshop:DisplayedUnitsY',
  'IPTC:CodedCharacterSet',
  'IPTC:ApplicationRecordVersion',
  'IPTC:By-line',
  'IPTC:Credit',
  'IPTC:Source',
  'IPTC:CopyrightNotice',
  'IPTC:SpecialInstructions',
  'File:CurrentIPTCDigest',
])
const STRUCTURE =
  /^(SourceFile|errors|warnings|System:|ExifTool:|File:|RIFF:|ICC-header:|ICC_Profile:|Composite:(ImageSize|Megapixels)$|MWG:(Creator|Copyright|Orientation)$|QuickTime:|Meta:|IFD0:(Orientation|XResolution|YResolution|ResolutionUnit|YCbCrPositioning)$|ExifIFD:(ExifVersion|ComponentsConfiguration|FlashpixVersion|ColorSpace|ExifImageWidth|ExifImageHeight)$)/

let dir: string
const out: { d: RenderedDerivative; file: string }[] = []
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-licensed-'))
  // As served: JPEG and WebP rendered with the bare rights, then stamped with the terms of now; AVIF
  // rendered with the terms (without consent-dependent fields, as photos.derivatives.ts does).
  const rights = photoRights(row, gate, licence, { origin: 'https://beeld.example', lang: 'nl' })
  const eager = await renderDerivatives(source, { formats: ['jpeg', 'webp'], rights: rightsFor(photo), maxPixels: 100_000_000 })
  const avif = await renderAvif(source, { rights: { ...rights, modelReleaseStatus: 'limited' }, maxPixels: 100_000_000 })
  for (const d of [...eager.derivatives.map((d) => ({ ...d, bytes: stampRights(d.bytes, d.format, rights) })), ...avif].filter(
    (d) => d.preset === 'thumb' || d.preset === 'small',
  )) {
    const file = path.join(dir, `${d.preset}.${d.format === 'jpeg' ? 'jpg' : d.format}`)
    fs.writeFileSync(file, d.bytes)
    out.push({ d, file })
  }
  // The media module blocks every decoder but JPEG/PNG/WebP/TIFF process-wide; this file (its own process
  // under the forks pool) allows HEIF back only to check that the AVIF it wrote decodes.
  sharp.unblock({ operation: ['VipsForeignLoadHeif'] })
}, 120_000)
afterAll(async () => {
  sharp.block({ operation: ['VipsForeignLoadHeif'] })
  await exiftool.end()
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const tags = (file: string, args: string[] = []) => exiftool.readRaw(file, { readArgs: ['-a', '-G1', '-u', ...args] }) as Promise<Record<string, unknown>>

describe('rightsFor and photoRights', () => {
  it('renders with the bare rights: creator, the short credit line, © with the year of publication', () => {
    expect(rightsFor(photo)).toEqual({ creator: 'Noor Ş.', credit: 'Noor Ş. / Eerlijk Beeld', copyright: '© 2027 Noor Ş.' })
    expect(rightsFor({ ...photo, publishedAt: null })).toEqual({ creator: 'Noor Ş.', credit: 'Noor Ş. / Eerlijk Beeld', copyright: '© 2026 Noor Ş.' })
  })

  it('serves with what the licence and the consent records give: usage terms, deed, rights page, licensor, limited model releases', () => {
    expect(photoRights(row, gate, licence, { origin: 'https://beeld.example', lang: 'nl' })).toMatchObject({
      creator: 'Noor Ş.',
      credit: 'Noor Ş. / Eerlijk Beeld',
      copyright: '© 2027 Noor Ş.',
      usageTerms: { 'x-default': licence.usageTerms.nl, nl: licence.usageTerms.nl, en: licence.usageTerms.en },
      licenceUrl: 'https://beeld.example/licences/rsw-editorial/1.0',
      webStatement: 'https://beeld.example/rights/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11',
      licensorUrl: 'https://beeld.example/photos/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11',
      modelReleaseStatus: 'limited',
    })
    expect(
      photoRights({ ...(row as object), noPeopleDeclaredAt: new Date() } as never, { subjectIds: [], consents: new Map() }, licence, {
        origin: 'https://beeld.example',
        lang: 'nl',
      }).modelReleaseStatus,
    ).toBe('none')
  })
})

describe('a derivative rendered with a licence’s rights', () => {
  it('is made in JPEG, WebP and AVIF, and the AVIF decodes', async () => {
    expect(out.map(({ d }) => `${d.preset}.${d.format}`).sort()).toEqual(['small.avif', 'small.jpeg', 'small.webp', 'thumb.avif', 'thumb.jpeg', 'thumb.webp'])
    for (const { d } of out.filter(({ d }) => d.format === 'avif')) {
      const { info } = await sharp(d.bytes).raw().toBuffer({ resolveWithObject: true })
      expect(info).toMatchObject({ width: d.width, height: d.height })
    }
  })

  it('carries the licence in IPTC/XMP: model release status, usage terms in both languages, deed, credit, creator, copyright', async () => {
    for (const { file } of out) {
      const t = await tags(file)
      expect(t['XMP-plus:ModelReleaseStatus'], file).toBe('Limited or Incomplete Model Releases')
      expect(t['XMP-xmpRights:UsageTerms'], file).toBe(licence.usageTerms.nl)
      expect(t['XMP-xmpRights:UsageTerms-nl'], file).toBe(licence.usageTerms.nl)
      expect(t['XMP-xmpRights:UsageTerms-en'], file).toBe(licence.usageTerms.en)
      expect(t['XMP-xmpRights:WebStatement'], file).toBe('https://beeld.example/rights/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11')
      expect(t['XMP-cc:License'], file).toBe(licence.deedUrl)
      expect(t['XMP-plus:LicensorURL'], file).toBe('https://beeld.example/photos/8d3c3e0e-6f7a-4c3e-9d35-2b8f0b5b2d11')
      expect(t['XMP-photoshop:Credit'], file).toBe('Noor Ş. / Eerlijk Beeld')
      expect(t['XMP-dc:Creator'], file).toBe('Noor Ş.')
      expect(t['XMP-dc:Rights'], file).toBe('© 2027 Noor Ş.')
      expect(t['IFD0:Artist'], file).toBe('Noor S.')
      expect(t['IFD0:Copyright'], file).toBe('(c) 2027 Noor S.')
    }
  })

  it('writes the model release status as the PLUS vocabulary URI', async () => {
    for (const { d, file } of out) {
      expect((await tags(file, ['-n']))['XMP-plus:ModelReleaseStatus'], file).toBe('MR-LMR')
      expect(d.bytes.includes('<plus:ModelReleaseStatus>http://ns.useplus.org/ldf/vocab/MR-LMR</plus:ModelReleaseStatus>')).toBe(true)
    }
  })

  it('carries nothing else: no tag outside structure, the sRGB profile and the rights, and no private value', async () => {
    for (const { d, file } of out) {
      const unexpected = Object.keys(await tags(file)).filter((k) => !STRUCTURE.test(k) && !RIGHTS_TAGS.has(k))
      expect(unexpected, file).toEqual([])
      const text = d.bytes.toString('latin1')
      for (const s of [...PRIVATE_STRINGS, 'Legal-Name']) expect(text.includes(s), `${s} in ${file}`).toBe(false)
    }
  })
})
