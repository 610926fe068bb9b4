import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { PRIVATE, PRIVATE_STRINGS } from '../../../fixtures/generate.ts'
import { inspectImage, MediaError, renderDerivatives, type PrivacyKind } from '../../../api/src/modules/media/index.ts'
import { MAX_PIXELS, mediaFixtures, problemOf, RIGHTS, writeOut, type MediaFixtures } from './media-fixtures.ts'

let m: MediaFixtures
beforeAll(async () => {
  m = await mediaFixtures()
})
afterAll(() => m?.cleanup())

const opts = { maxPixels: MAX_PIXELS }

/** Values written into the meta-everything files that must never come back from an inspection. */
const PRIVATE_VALUES = [
  ...PRIVATE_STRINGS,
  PRIVATE.make,
  PRIVATE.software,
  PRIVATE.city,
  String(PRIVATE.latitude),
  String(PRIVATE.longitude),
  '2025:06:14',
  '13:37',
  '2025-06-14',
]

describe('inspectImage: privacy report', () => {
  const common: PrivacyKind[] = ['gps', 'device', 'serial', 'owner', 'software', 'timestamps', 'xmp-history', 'xmp']
  it.each([
    ['meta-everything.jpg', [...common, 'thumbnail', 'iptc', 'comment', 'location']],
    ['meta-everything.png', [...common, 'thumbnail', 'iptc', 'comment']],
    ['meta-everything.webp', [...common, 'thumbnail']],
    ['meta-everything.tiff', [...common, 'iptc']],
  ] as const)('reports every kind of private metadata in %s, and no values', async (name, expected) => {
    const inspection = await inspectImage(m.fx[name], opts)
    expect(inspection.privacyReport.found).toEqual(expect.arrayContaining([...expected]))
    expect(inspection.privacyReport.removed).toEqual(inspection.privacyReport.found)
    expect(inspection.privacyReport.kept).toEqual(['creator', 'credit', 'copyright'])
    expect(inspection.capturedMonth).toBe('2025-06')
    expect(inspection).toMatchObject({ width: 1600, height: 1065, orientation: 1 })
    const json = JSON.stringify(inspection)
    for (const value of PRIVATE_VALUES) expect(json).not.toContain(value)
  })

  it.each(['plain.jpg', 'plain.png', 'plain.webp', 'plain.tiff', 'small.jpg', 'lying-mimetype.png.jpg'] as const)(
    'reports nothing for the clean file %s',
    async (name) => {
      const inspection = await inspectImage(m.fx[name], opts)
      expect(inspection.privacyReport).toEqual({ found: [], removed: [], kept: ['creator', 'credit', 'copyright'] })
      expect(inspection.capturedMonth).toBeNull()
    },
  )

  it('reports bytes after the end of the image', async () => {
    expect((await inspectImage(m.fx['trailing-bytes.jpg'], opts)).privacyReport.found).toContain('trailing-data')
  })

  it('gives the size after EXIF orientation', async () => {
    expect(await inspectImage(m.fx['orientation-6.jpg'], opts)).toMatchObject({ format: 'jpeg', width: 1065, height: 1600, orientation: 6 })
  })

  it('decides the format from the bytes, not the name', async () => {
    expect((await inspectImage(m.fx['lying-mimetype.png.jpg'], opts)).format).toBe('png')
  })

  it('finds face-region names, place names and content credentials in files made here', async () => {
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
        xmlns:ps="http://ns.adobe.com/photoshop/1.0/" ps:City="Den Haag">
      <mwg-rs:Regions><rdf:Description><mwg-rs:RegionList><rdf:Bag><rdf:li><rdf:Description mwg-rs:Name="Jan"/></rdf:li></rdf:Bag></mwg-rs:RegionList></rdf:Description></mwg-rs:Regions>
      </rdf:Description></rdf:RDF></x:xmpmeta>`
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#808080' } })
      .jpeg()
      .withXmp(xmp)
      .toBuffer()
    // Put an APP11 JUMBF (C2PA) segment right after SOI.
    const payload = Buffer.concat([Buffer.from('JP\0\0\0\0\0\x01', 'latin1'), Buffer.from('....jumb....c2pa', 'latin1')])
    const app11 = Buffer.alloc(4)
    app11.writeUInt16BE(0xffeb, 0)
    app11.writeUInt16BE(payload.length + 2, 2)
    const file = await writeOut(m.out, 'regions.jpg', Buffer.concat([jpeg.subarray(0, 2), app11, payload, jpeg.subarray(2)]))
    const { found } = (await inspectImage(file, opts)).privacyReport
    expect(found).toEqual(expect.arrayContaining(['people', 'location', 'xmp', 'content-credentials']))
  })

  it('does not report an ICC profile as private', async () => {
    expect((await inspectImage(m.fx['p3.jpg'], opts)).privacyReport.found).toEqual([])
  })
})

describe('refusals', () => {
  // Refused from the header alone: no pixel is decoded.
  it.each([
    ['image.svg', 'svg-not-allowed'],
    ['svg-as.png', 'svg-not-allowed'],
    ['animated.gif', 'animated-image'],
    ['animated.webp', 'animated-image'],
    ['animated.png', 'animated-image'],
    ['static.gif', 'unsupported-image-format'],
    ['image.heic', 'heic-not-supported'],
    ['image.avif', 'unsupported-image-format'],
    ['document.pdf', 'pdf-not-allowed'],
    ['page.html', 'html-not-allowed'],
    ['page-as.jpg', 'html-not-allowed'],
    ['random.bin', 'unsupported-image-format'],
    ['random-as.jpg', 'unsupported-image-format'],
    ['empty.jpg', 'empty-file'],
    ['corrupt-header.jpg', 'corrupt-image'],
    ['pixel-bomb.png', 'too-many-pixels'],
    ['pixel-bomb-header.jpg', 'too-many-pixels'],
  ] as const)('inspectImage refuses %s with %s', async (name, expected) => {
    expect(await problemOf(inspectImage(m.fx[name], opts))).toBe(expected)
  })

  // Broken pixel data only shows when decoding: renderDerivatives refuses it.
  it.each([
    ['truncated.jpg', 'corrupt-image'],
    ['corrupt.jpg', 'corrupt-image'],
  ] as const)('renderDerivatives refuses %s with %s', async (name, expected) => {
    expect(await problemOf(renderDerivatives(m.fx[name], { formats: ['jpeg'], rights: RIGHTS, maxPixels: MAX_PIXELS }))).toBe(expected)
  })

  it.each([
    ['image.svg', 'svg-not-allowed'],
    ['animated.gif', 'unsupported-image-format'],
    ['page-as.jpg', 'html-not-allowed'],
    ['pixel-bomb.png', 'too-many-pixels'],
    ['corrupt-header.jpg', 'corrupt-image'],
  ] as const)('renderDerivatives refuses %s on its own too (defence in depth)', async (name, expected) => {
    expect(await problemOf(renderDerivatives(m.fx[name], { formats: ['jpeg'], rights: RIGHTS, maxPixels: MAX_PIXELS }))).toBe(expected)
  })

  it('refuses a multi-page TIFF as animated/multi-page', async () => {
    const page = (background: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background } })
        .png()
        .toBuffer()
    const tiff = await sharp([await page('#f00'), await page('#00f')], { join: { animated: true } })
      .tiff()
      .toBuffer()
    expect(await problemOf(inspectImage(await writeOut(m.out, 'two-pages.tiff', tiff), opts))).toBe('animated-image')
  })

  it('applies the pixel cap it is given', async () => {
    expect(await problemOf(inspectImage(m.fx['plain.jpg'], { maxPixels: 1600 * 900 - 1 }))).toBe('too-many-pixels')
    await expect(inspectImage(m.fx['plain.jpg'], { maxPixels: 1600 * 900 })).resolves.toBeTruthy()
  })

  it('says nothing about the file in its error messages', async () => {
    for (const name of ['image.svg', 'corrupt-header.jpg', 'pixel-bomb.png', 'random-as.jpg'] as const) {
      const err = await inspectImage(m.fx[name], opts).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(MediaError)
      expect((err as MediaError).message).not.toMatch(/[/\\]|\.jpg|\.png|\.svg|eb-media/)
      expect((err as MediaError).message.length).toBeLessThan(120)
    }
  })

  it('lets a missing file fail as an ordinary error, not as a bad image', async () => {
    const err = await inspectImage(`${m.dir}/does-not-exist.jpg`, opts).catch((e: unknown) => e)
    expect(err).not.toBeInstanceOf(MediaError)
  })
})
