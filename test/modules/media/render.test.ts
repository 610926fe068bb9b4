import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { exiftool } from 'exiftool-vendored'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRIVATE, PRIVATE_STRINGS } from '../../../fixtures/generate.ts'
import { endOfImageOk, PRESETS, renderDerivatives, type RenderedDerivative, type RenderResult } from '../../../api/src/modules/media/index.ts'
import { MAX_PIXELS, mediaFixtures, RIGHTS, writeOut, type MediaFixtures } from './media-fixtures.ts'

let m: MediaFixtures
beforeAll(async () => {
  m = await mediaFixtures()
})
afterAll(async () => {
  await exiftool.end()
  await m?.cleanup()
})

const render = (input: string | Buffer) => renderDerivatives(input, { formats: ['jpeg', 'webp'], rights: RIGHTS, maxPixels: MAX_PIXELS })
const tags = (file: string) => exiftool.readRaw(file, { readArgs: ['-a', '-G1', '-u'] }) as Promise<Record<string, unknown>>
const ext = (d: RenderedDerivative) => (d.format === 'jpeg' ? 'jpg' : d.format)
const pixel = async (bytes: Buffer, x: number, y: number) => {
  const { data } = await sharp(bytes).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
  return [...data.subarray(0, 3)]
}
const distance = (a: number[], b: readonly number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))

/** Tag names (group:name) that must never be in a derivative. */
const FORBIDDEN = [
  /^GPS:/,
  /:GPS/,
  /:Make$/,
  /:Model$/,
  /Serial/i,
  /:OwnerName$/,
  /:CameraOwnerName$/,
  /:Software$/,
  /:CreatorTool$/,
  /:DateTimeOriginal$/,
  /:CreateDate$/,
  /:ModifyDate$/,
  /:MetadataDate$/,
  /:DateCreated$/,
  /:DateTime$/,
  /^IFD1:/,
  /ThumbnailImage/,
  /ThumbnailOffset/,
  /^XMP-xmpMM:/,
  /History/,
  /^IPTC:/,
  /^Photoshop:/,
  /:Comment$/,
  /:UserComment$/,
  /:ImageDescription$/,
  /:Description$/,
  /^MakerNotes/,
  /:Keywords$/,
  /:Subject$/,
  /:City$/,
  /^XMP-exif:/,
  /^XMP-aux:/,
  /^XMP-tiff:/,
  /^XMP-exifEX:/,
  /:HostComputer$/,
  /^PNG/,
  /^Trailer/,
  /^File:Comment/,
  /OffsetTime/,
  /SubSec/,
  /XMPToolkit/,
  /IPTCDigest/,
]
/** Everything a derivative may carry: structure, our sRGB profile and our rights. Anything else fails. */
const ALLOWED_GROUPS =
  /^(SourceFile|errors|warnings|System:|ExifTool:|File:|RIFF:|ICC-header:|ICC_Profile:|Composite:ImageSize|Composite:Megapixels|MWG:(Creator|Copyright|Orientation)$)/
const ALLOWED_TAGS = new Set([
  'IFD0:Orientation',
  'IFD0:XResolution',
  'IFD0:YResolution',
  'IFD0:ResolutionUnit',
  'IFD0:YCbCrPositioning',
  'IFD0:Artist',
  'IFD0:Copyright',
  'ExifIFD:ExifVersion',
  'ExifIFD:ComponentsConfiguration',
  'ExifIFD:FlashpixVersion',
  'ExifIFD:ColorSpace',
  'ExifIFD:ExifImageWidth',
  'ExifIFD:ExifImageHeight',
  'XMP-dc:Creator',
  'XMP-dc:Rights',
  'XMP-photoshop:Credit',
  'XMP-xmpRights:UsageTerms',
  'XMP-xmpRights:WebStatement',
  'XMP-plus:LicensorURL',
  // The Creative Commons attribution name (issue 13): our public credit again, never anything from the original.
  'XMP-cc:AttributionName',
])
const PRIVATE_BYTES = [...PRIVATE_STRINGS, 'Legal-Name', PRIVATE.software, String(PRIVATE.latitude), String(PRIVATE.longitude), '2025:06:14']

describe.each(['meta-everything.jpg', 'meta-everything.png', 'meta-everything.webp', 'meta-everything.tiff'] as const)('renderDerivatives(%s)', (name) => {
  let result: RenderResult
  const files: { d: RenderedDerivative; file: string }[] = []
  beforeAll(async () => {
    result = await render(m.fx[name])
    for (const d of result.derivatives) files.push({ d, file: await writeOut(m.out, `${name}-${d.preset}.${ext(d)}`, d.bytes) })
  })

  it('makes every preset that fits, as JPEG and WebP, at exact widths', () => {
    expect(result.derivatives.map((d) => `${d.preset}.${d.format}:${d.width}x${d.height}`)).toEqual([
      'thumb.jpeg:320x213',
      'thumb.webp:320x213',
      'small.jpeg:640x426',
      'small.webp:640x426',
      'medium.jpeg:1280x852',
      'medium.webp:1280x852',
    ])
    expect(result).toMatchObject({ width: 1600, height: 1065 })
  })

  it('leaves no private tag in any output (exiftool -a -G1 -u)', async () => {
    for (const { file } of files) {
      const found = await tags(file)
      const bad = Object.keys(found).filter((k) => !k.startsWith('System:') && !k.startsWith('ExifTool:') && FORBIDDEN.some((re) => re.test(k)))
      expect(bad, file).toEqual([])
      expect(found['IFD0:Orientation'] ?? 'Horizontal (normal)').toBe('Horizontal (normal)')
    }
  })

  it('carries no tag outside the allow-list of structure, sRGB profile and rights', async () => {
    for (const { file } of files) {
      const unexpected = Object.keys(await tags(file)).filter((k) => !ALLOWED_GROUPS.test(k) && !ALLOWED_TAGS.has(k))
      expect(unexpected, file).toEqual([])
    }
  })

  it('writes back only our rights, in XMP (Unicode) and EXIF (ASCII)', async () => {
    for (const { file } of files) {
      const t = await tags(file)
      expect(t['XMP-dc:Creator']).toBe(RIGHTS.creator)
      expect(t['XMP-dc:Rights']).toBe(RIGHTS.copyright)
      expect(t['XMP-photoshop:Credit']).toBe(RIGHTS.credit)
      expect(t['XMP-xmpRights:UsageTerms']).toBe(RIGHTS.usageTerms)
      expect(t['XMP-xmpRights:WebStatement']).toBe(RIGHTS.webStatement)
      expect(t['XMP-plus:LicensorURL']).toBe(RIGHTS.licensorUrl)
      expect(t['XMP-cc:AttributionName']).toBe(RIGHTS.creator)
      expect(t['IFD0:Artist']).toBe('Fotograaf Een')
      expect(t['IFD0:Copyright']).toBe('(c) 2025 Fotograaf Een - alle rechten voorbehouden')
      const xmpGroups = new Set(
        Object.keys(t)
          .filter((k) => k.startsWith('XMP-'))
          .map((k) => k.split(':')[0]),
      )
      expect([...xmpGroups].sort()).toEqual(['XMP-cc', 'XMP-dc', 'XMP-photoshop', 'XMP-plus', 'XMP-xmpRights'])
      expect(t['ICC_Profile:ProfileDescription']).toBe('sRGB')
    }
  })

  it('contains none of the private strings, anywhere in the bytes', () => {
    for (const { d } of files) {
      const text = d.bytes.toString('latin1')
      for (const s of PRIVATE_BYTES) expect(text.includes(s), `${s} in ${d.preset}.${d.format}`).toBe(false)
      expect(d.bytes.includes(Buffer.from(PRIVATE.bodySerial, 'utf16le'))).toBe(false)
    }
  })

  it('ends exactly at the end of the image', () => {
    for (const { d } of files) expect(endOfImageOk(d.bytes, d.format)).toBe(true)
  })

  it('gives a thumbhash and a dominant colour', () => {
    expect(Buffer.from(result.thumbhash, 'base64').length).toBeGreaterThan(5)
    expect(result.dominantColour).toMatch(/^#[0-9a-f]{6}$/)
  })
})

describe('renderDerivatives: pixels', () => {
  it('turns a landscape buffer with orientation 6 into upright portrait derivatives without an Orientation tag', async () => {
    const r = await render(m.fx['orientation-6.jpg'])
    expect(r).toMatchObject({ width: 1065, height: 1600 })
    expect(r.derivatives.map((d) => `${d.preset}:${d.width}x${d.height}`)).toEqual(['thumb:320x481', 'thumb:320x481', 'small:640x962', 'small:640x962'])
    for (const d of r.derivatives) {
      const meta = await sharp(d.bytes).metadata()
      expect(meta.height).toBeGreaterThan(meta.width)
      expect(meta.orientation ?? 1).toBe(1)
    }
  })

  it('converts CMYK to 3-channel sRGB', async () => {
    const r = await render(m.fx['cmyk.jpg'])
    for (const d of r.derivatives) {
      const meta = await sharp(d.bytes).metadata()
      expect(meta).toMatchObject({ channels: 3, space: 'srgb' })
    }
    // Same photo through ImageMagick-free reference: libvips' own CMYK→sRGB via the embedded profile.
    const ref = await sharp(m.fx['cmyk.jpg']).resize(320).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true })
    const ours = await sharp(r.derivatives[0]!.bytes).raw().toBuffer({ resolveWithObject: true })
    const mean = (b: Buffer) => [0, 1, 2].map((c) => b.reduce((s, v, i) => (i % 3 === c ? s + v : s), 0) / (b.length / 3))
    expect(distance(mean(ours.data), mean(ref.data))).toBeLessThan(4)
  })

  it.each(['p3.jpg', 'p3.png'] as const)('converts Display P3 (%s) to sRGB numbers, not a naive reading', async (name) => {
    const manifest = JSON.parse(await readFile(path.join(path.dirname(m.fx[name]), 'manifest.json'), 'utf8'))
    const patches = manifest.cases[name].details.patches as {
      name: string
      x: number
      y: number
      width: number
      height: number
      storedP3: number[]
      srgbAfterConversion: number[]
    }[]
    const r = await render(m.fx[name])
    const medium = r.derivatives.find((d) => d.preset === 'medium' && d.format === 'jpeg')!
    const t = await tags(await writeOut(m.out, `${name}-medium.jpg`, medium.bytes))
    expect(t['ICC_Profile:ProfileDescription']).toBe('sRGB')
    expect((await sharp(medium.bytes).metadata()).space).toBe('srgb')
    const scale = medium.width / r.width
    const patch = patches.find((p) => p.name === 'sRGB red encoded in P3')!
    const value = await pixel(medium.bytes, Math.round((patch.x + patch.width / 2) * scale), Math.round((patch.y + patch.height / 2) * scale))
    expect(distance(value, patch.srgbAfterConversion)).toBeLessThanOrEqual(8)
    expect(distance(value, patch.storedP3)).toBeGreaterThan(15)
  })

  it('converts a 16-bit Display P3 PNG to sRGB too (sharp alone would not)', async () => {
    const red = Buffer.alloc(64 * 64 * 3)
    for (let i = 0; i < red.length; i += 3) red[i] = 255
    // sRGB red, expressed in P3 (≈ 234,51,34), stored as 16-bit with the P3 profile.
    const p3 = await sharp(red, { raw: { width: 64, height: 64, channels: 3 } })
      .withIccProfile('p3')
      .png()
      .toBuffer()
    const p3x16 = await sharp(p3).keepIccProfile().toColourspace('rgb16').png().toBuffer()
    expect(await sharp(p3x16).metadata()).toMatchObject({ depth: 'ushort', hasProfile: true })
    const r = await render(p3x16)
    expect(distance(await pixel(r.derivatives[0]!.bytes, 32, 32), [255, 0, 0])).toBeLessThanOrEqual(6)
  })

  it('flattens transparency onto white', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer()
    const r = await render(png)
    expect(await sharp(r.derivatives[0]!.bytes).metadata()).toMatchObject({ channels: 3, hasAlpha: false })
    expect(distance(await pixel(r.derivatives[0]!.bytes, 100, 100), [255, 255, 255])).toBeLessThanOrEqual(2)
  })

  it('cuts off bytes after the end of the image', async () => {
    const r = await render(m.fx['trailing-bytes.jpg'])
    for (const d of r.derivatives) {
      expect(endOfImageOk(d.bytes, d.format)).toBe(true)
      if (d.format === 'jpeg') expect([...d.bytes.subarray(-2)]).toEqual([0xff, 0xd9])
      expect(d.bytes.includes('<script>')).toBe(false)
    }
  })
})

describe('renderDerivatives: sizes', () => {
  it('never upscales: a 200×150 source gets exactly one thumb at its own width', async () => {
    const r = await render(m.fx['small.jpg'])
    expect(r.derivatives.map((d) => `${d.preset}.${d.format}:${d.width}x${d.height}`)).toEqual(['thumb.jpeg:200x150', 'thumb.webp:200x150'])
  })

  it('makes all four presets from a large photo, each decodable and exactly as wide as its preset', async () => {
    const photos = path.resolve('fixtures/photos')
    const big = (await readdir(photos)).find((f) => f === 'bridge-cables.jpg')!
    const r = await render(path.join(photos, big))
    expect(r.derivatives.map((d) => d.preset)).toEqual(['thumb', 'thumb', 'small', 'small', 'medium', 'medium', 'large', 'large'])
    for (const d of r.derivatives) {
      expect(d.width).toBe(PRESETS.find((p) => p.name === d.preset)!.width)
      expect(d.height).toBe(Math.round((r.height * d.width) / r.width))
      const { info } = await sharp(d.bytes, { failOn: 'warning' }).raw().toBuffer({ resolveWithObject: true })
      expect(info).toMatchObject({ width: d.width, height: d.height, channels: 3 })
      expect((await sharp(d.bytes).metadata()).format).toBe(d.format)
    }
  })

  it('omits presets wider than the source and keeps the ones that fit', async () => {
    const r = await render(m.fx['plain.png']) // 1600 wide: no 'large'
    expect([...new Set(r.derivatives.map((d) => d.preset))]).toEqual(['thumb', 'small', 'medium'])
    expect(Math.max(...r.derivatives.map((d) => d.width))).toBeLessThanOrEqual(1600)
  })

  it('encodes JPEG progressive and WebP lossy', async () => {
    const r = await render(m.fx['plain.jpg'])
    const jpeg = await sharp(r.derivatives.find((d) => d.format === 'jpeg')!.bytes).metadata()
    expect(jpeg.isProgressive).toBe(true)
    const webp = r.derivatives.find((d) => d.format === 'webp')!.bytes
    expect(webp.includes('VP8 ')).toBe(true)
  })
})

describe('endOfImageOk', () => {
  it('is false when anything follows the image', async () => {
    const r = await render(m.fx['small.jpg'])
    for (const d of r.derivatives) {
      expect(endOfImageOk(d.bytes, d.format)).toBe(true)
      expect(endOfImageOk(Buffer.concat([d.bytes, Buffer.from('PK\x03\x04')]), d.format)).toBe(false)
      expect(endOfImageOk(Buffer.concat([d.bytes, Buffer.from([0xff, 0xd9])]), d.format)).toBe(false)
      expect(endOfImageOk(d.bytes.subarray(0, d.bytes.length - 10), d.format)).toBe(false)
    }
  })

  it('finds the real end of a JPEG whose embedded thumbnail has its own FFD9', async () => {
    const original = await readFile(m.fx['meta-everything.jpg'])
    expect(endOfImageOk(original, 'jpeg')).toBe(true)
    expect(endOfImageOk(await readFile(m.fx['trailing-bytes.jpg']), 'jpeg')).toBe(false)
  })
})

describe('the module boundary', () => {
  it('is the only place in api/ that imports sharp, and never copies metadata', async () => {
    const api = path.resolve('api/src')
    const files = (await readdir(api, { recursive: true })).filter((f) => f.endsWith('.ts'))
    for (const f of files) {
      const text = await readFile(path.join(api, f), 'utf8')
      if (!f.startsWith(`modules${path.sep}media${path.sep}`))
        expect(text, f).not.toMatch(/from ['"]sharp['"]|require\(['"]sharp['"]\)|import\(['"]sharp['"]\)/)
      else expect(text.replace(/^\s*(\*|\/\/).*$/gm, ''), f).not.toMatch(/\.(withMetadata|keepMetadata|keepExif|withExifMerge|keepXmp|keepIccProfile)\(/)
    }
  })
})
