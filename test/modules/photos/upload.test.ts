import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { decryptBuffer } from '../../../api/src/platform/crypto.ts'
import { files, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { endExiftool, endsCleanly, exifTags, PRIVATE_TAGS } from '../../support/image.ts'

const fx = inject('fixtures')
/** The private values the generator wrote into the metadata cases: none may be stored or served. */
const PRIVATE_STRINGS = (JSON.parse(fs.readFileSync(path.join(path.dirname(fx['plain.jpg']!), 'manifest.json'), 'utf8')) as { privateStrings: string[] })
  .privateStrings
let t: TestApp
let photographer: Awaited<ReturnType<TestApp['user']>>

beforeAll(async () => {
  t = await startTestApp()
  photographer = await t.user('photographer', 'Sam V.')
})
afterAll(async () => {
  await t?.close()
  await endExiftool()
})

interface Derivative {
  preset: string
  format: string
  width: number
  height: number
  bytes: number
  url: string
}
const get = (url: string, token = photographer.token) => fetch(`${t.url}${url}`, { headers: { authorization: `Bearer ${token}` } })
async function bytesOf(d: Derivative) {
  const res = await get(d.url)
  expect(res.status).toBe(200)
  return Buffer.from(await res.arrayBuffer())
}
/** Waits for the background AVIF job, so every format can be checked. */
async function withAvif(id: string): Promise<Derivative[]> {
  let ds: Derivative[] = []
  await expect
    .poll(
      async () => {
        ds = ((await (await get(`/v1/photos/${id}`)).json()) as { derivatives: Derivative[] }).derivatives
        return ds.filter((d) => d.format === 'avif').length
      },
      { timeout: 90_000, interval: 250 },
    )
    .toBeGreaterThan(0)
  return ds
}

describe('an upload that carries every kind of private data', () => {
  for (const name of ['meta-everything.jpg', 'meta-everything.png', 'meta-everything.webp', 'meta-everything.tiff']) {
    it(`${name}: no derivative carries any of it, and each ends at its end-of-image`, async () => {
      const { res, body } = await upload(t, photographer.token, fx[name]!, { captionNl: 'Een test', altEn: 'A test' })
      expect(res.status).toBe(201)
      const report = body.privacyReport as { found: string[]; removed: string[]; kept: string[]; summary: { nl: string; en: string } }
      expect(report.found).toEqual(expect.arrayContaining(['gps', 'device', 'serial', 'owner']))
      if (name.endsWith('.jpg')) expect(report.found).toEqual(expect.arrayContaining(['software', 'timestamps', 'thumbnail', 'xmp-history', 'iptc', 'comment']))
      expect(report.removed).toEqual(report.found)
      expect(report.summary.nl).toContain('GPS-positie')
      expect(report.summary.en).toContain('GPS position')
      // The report names kinds, never values.
      for (const secret of PRIVATE_STRINGS) expect(JSON.stringify(body)).not.toContain(secret)

      const ds = await withAvif(body.id as string)
      expect(new Set(ds.map((d) => d.format))).toEqual(new Set(['jpeg', 'webp', 'avif']))
      for (const d of ds) {
        const bytes = await bytesOf(d)
        const tags = await exifTags(bytes, d.format === 'jpeg' ? 'jpg' : d.format)
        const leaked = Object.keys(tags).filter((k) => PRIVATE_TAGS.some((re) => re.test(k)))
        expect(leaked, `${d.preset}.${d.format}`).toEqual([])
        for (const secret of PRIVATE_STRINGS) expect(bytes.includes(secret), `${d.preset}.${d.format} contains "${secret}"`).toBe(false)
        expect(endsCleanly(bytes, d.format), `${d.preset}.${d.format} has trailing bytes`).toBe(true)
        // The rights we write deliberately are there.
        expect(
          Object.entries(tags).some(([k, v]) => /Creator|Artist/.test(k) && String(v).includes('Sam V.')),
          `${d.preset}.${d.format} credit`,
        ).toBe(true)
        expect(
          Object.entries(tags).some(([k, v]) => /Rights|Copyright/.test(k) && String(v).includes('Sam V.')),
          `${d.preset}.${d.format} copyright`,
        ).toBe(true)
        // The photo's licence travels with the file, readable by the picture desks' own tools.
        // Nobody linked and nobody declared absent yet: no model release claim either way.
        expect(tags['XMP-plus:ModelReleaseStatus'], `${d.preset}.${d.format} model release`).toBeUndefined()
        expect(String(tags['XMP-xmpRights:WebStatement']), `${d.preset}.${d.format} web statement`).toContain(`/rights/${body.id}`)
        expect(String(tags['XMP-cc:License']), `${d.preset}.${d.format} licence`).toContain('/rsw-editorial/1.0')
      }
    })
  }

  it('stores only the kinds found, and the original only encrypted', async () => {
    const other = await t.user('photographer')
    const { res, body } = await upload(t, other.token, fx['meta-everything.jpg']!)
    expect(res.status).toBe(201)
    const id = body.id as string
    const [row] = rowsOf<Record<string, unknown>>(await t.rt.database.db.execute(sql`select * from photos where id = ${id}`))
    expect(row!.privacy_found).toEqual(expect.arrayContaining(['gps', 'serial', 'owner']))
    const asText = JSON.stringify(row)
    expect(PRIVATE_STRINGS.length).toBeGreaterThan(5)
    for (const secret of [...PRIVATE_STRINGS, 'meta-everything', '2025-06-14', '13:37']) expect(asText).not.toContain(secret)
    expect(row!.captured_month).toBe('2025-06')

    const blob = fs.readFileSync(path.join(t.dataDir, 'blobs', row!.original_key as string))
    expect(blob.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false)
    expect(blob.includes('Legal-Name')).toBe(false)
    const plain = decryptBuffer(t.rt.masterKey.unwrap(row!.original_wrapped_key as string), blob, `original:${id}`)
    expect(plain.equals(fs.readFileSync(fx['meta-everything.jpg']!))).toBe(true)
    // Tampering is detected (GCM).
    blob[blob.length - 40]! ^= 1
    expect(() => decryptBuffer(t.rt.masterKey.unwrap(row!.original_wrapped_key as string), blob, `original:${id}`)).toThrow()
  })
})

describe('derivatives', () => {
  it('turns an orientation-6 landscape into portrait derivatives', async () => {
    const stored = await sharp(fx['orientation-6.jpg']!).metadata()
    expect(stored.width).toBeGreaterThan(stored.height)
    const { res, body } = await upload(t, photographer.token, fx['orientation-6.jpg']!)
    expect(res.status).toBe(201)
    expect(body.height as number).toBeGreaterThan(body.width as number)
    for (const d of body.derivatives as Derivative[]) {
      const m = await sharp(await bytesOf(d)).metadata()
      expect(m.height, d.preset).toBeGreaterThan(m.width)
      expect([undefined, 1]).toContain(m.orientation)
      expect(m.width).toBe(d.width)
    }
  })

  for (const name of ['cmyk.jpg', 'p3.jpg', 'p3.png']) {
    it(`${name} comes out as sRGB`, async () => {
      const { res, body } = await upload(t, photographer.token, fx[name]!)
      expect(res.status).toBe(201)
      for (const d of (body.derivatives as Derivative[]).filter((x) => x.preset === 'small')) {
        const m = await sharp(await bytesOf(d)).metadata()
        expect(m.space).toBe('srgb')
        expect(m.channels).toBe(3)
        if (m.icc) expect((await exifTags(m.icc, 'icc'))['ICC-header:ColorSpaceData'] ?? 'RGB').toMatch(/RGB/)
        expect(String(m.icc ?? '')).not.toMatch(/P3|CMYK/)
      }
    })
  }

  it('never upscales: a 200-px photo gets one 200-px thumb per format', async () => {
    const { body } = await upload(t, photographer.token, fx['small.jpg']!)
    const ds = body.derivatives as Derivative[]
    expect(ds.map((d) => `${d.preset}.${d.format}:${d.width}`).sort()).toEqual(['thumb.jpeg:200', 'thumb.webp:200'])
  })

  it('makes the presets at their exact widths from a large photo, and stores thumbhash and colour', async () => {
    const { body } = await upload(t, photographer.token, fx['plain.jpg']!)
    const widths = Object.fromEntries((body.derivatives as Derivative[]).filter((d) => d.format === 'jpeg').map((d) => [d.preset, d.width]))
    const src = (await sharp(fx['plain.jpg']!).metadata()).width
    const expected = Object.fromEntries(Object.entries({ thumb: 320, small: 640, medium: 1280, large: 2048 }).filter(([, w]) => w <= src))
    expect(widths).toEqual(expected)
    expect(body.thumbhash).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(body.dominantColour).toMatch(/^#[0-9a-f]{6}$/)
    expect(body.derivativesState).toBe('ready')
    const stored = files(path.join(t.dataDir, 'blobs', 'derivatives'))
    // Blob keys are random per photo, never a content hash of the file.
    const sha = crypto.createHash('sha256').update(fs.readFileSync(fx['plain.jpg']!)).digest('hex')
    expect(stored.join(' ')).not.toContain(sha.slice(0, 16))
  })

  it('decides the type from the bytes, not the name or the declared type', async () => {
    const bytes = fs.readFileSync(fx['lying-mimetype.png.jpg']!)
    const { res, body } = await upload(t, photographer.token, { name: 'holiday.jpg', bytes, type: 'image/jpeg' })
    expect(res.status).toBe(201)
    const [row] = rowsOf<{ original_format: string }>(await t.rt.database.db.execute(sql`select original_format from photos where id = ${body.id as string}`))
    expect(row!.original_format).toBe('png')
  })

  it('drops trailing bytes after the end of the image', async () => {
    const { body } = await upload(t, photographer.token, fx['trailing-bytes.jpg']!)
    for (const d of body.derivatives as Derivative[]) expect(endsCleanly(await bytesOf(d), d.format)).toBe(true)
  })
})
