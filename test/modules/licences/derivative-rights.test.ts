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
import { renderAvif, renderDerivatives, type RenderedDerivative } from '../../../api/src/modules/media/index.ts'
import { rightsFor } from '../../../api/src/modules/photos/photos.derivatives.ts'

const fx = inject('fixtures')
const source = fx['meta-everything.jpg']!
const PRIVATE_STRINGS = (JSON.parse(fs.readFileSync(path.join(path.dirname(source), 'manifest.json'), 'utf8')) as { privateStrings: string[] }).privateStrings
const licence = loadLicences().get('rsw-editorial', '1.0')!
const photo = { credit: 'Noor Ş.', capturedMonth: '2025-06', createdAt: new Date('2026-01-15T12:00:00Z') }

/** Every tag a licensed derivative may carry besides structure and the sRGB profile. */
const RIGHTS_TAGS = new Set([
  'IFD0:Artist', 'IFD0:Copyright', 'XMP-dc:Creator', 'XMP-dc:Rights', 'XMP-photoshop:Credit', 'XMP-xmpRights:UsageTerms',
  'XMP-xmpRights:UsageTerms-nl', 'XMP-xmpRights:UsageTerms-en', 'XMP-xmpRights:WebStatement', 'XMP-plus:LicensorURL',
  'XMP-plus:ModelReleaseStatus',
])
const STRUCTURE = /^(SourceFile|errors|warnings|System:|ExifTool:|File:|RIFF:|ICC-header:|ICC_Profile:|Composite:(ImageSize|Megapixels)$|MWG:(Creator|Copyright|Orientation)$|QuickTime:|Meta:|IFD0:(Orientation|XResolution|YResolution|ResolutionUnit|YCbCrPositioning)$|ExifIFD:(ExifVersion|ComponentsConfiguration|FlashpixVersion|ColorSpace|ExifImageWidth|ExifImageHeight)$)/

let dir: string
const out: { d: RenderedDerivative; file: string }[] = []
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-licensed-'))
  const rights = rightsFor(photo, licence)
  const eager = await renderDerivatives(source, { formats: ['jpeg', 'webp'], rights, maxPixels: 100_000_000 })
  const avif = await renderAvif(source, { rights, maxPixels: 100_000_000 })
  for (const d of [...eager.derivatives, ...avif].filter((d) => d.preset === 'thumb' || d.preset === 'small')) {
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

describe('rightsFor', () => {
  it('fills in what the licence gives: credit line, usage terms, deed, licensor, limited model releases', () => {
    expect(rightsFor(photo, licence)).toEqual({
      creator: 'Noor Ş.',
      credit: 'Noor Ş. / Reimagining Sex Work via Eerlijk Beeld',
      copyright: '© 2025 Noor Ş.',
      usageTerms: { 'x-default': licence.usageTerms.nl, nl: licence.usageTerms.nl, en: licence.usageTerms.en },
      webStatement: 'https://eerlijkbeeld.nl/licenties/rsw-editorial/1.0',
      licensorUrl: 'https://eerlijkbeeld.nl/',
      modelReleaseStatus: 'limited',
    })
  })

  it('without a licence, writes the creator credit and copyright only, as before', () => {
    expect(rightsFor(photo)).toEqual({ creator: 'Noor Ş.', credit: 'Noor Ş. / Eerlijk Beeld', copyright: '© 2025 Noor Ş.' })
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
      expect(t['XMP-xmpRights:WebStatement'], file).toBe(licence.deedUrl)
      expect(t['XMP-plus:LicensorURL'], file).toBe(licence.licensor.url)
      expect(t['XMP-photoshop:Credit'], file).toBe('Noor Ş. / Reimagining Sex Work via Eerlijk Beeld')
      expect(t['XMP-dc:Creator'], file).toBe('Noor Ş.')
      expect(t['XMP-dc:Rights'], file).toBe('© 2025 Noor Ş.')
      expect(t['IFD0:Artist'], file).toBe('Noor S.')
      expect(t['IFD0:Copyright'], file).toBe('(c) 2025 Noor S.')
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
