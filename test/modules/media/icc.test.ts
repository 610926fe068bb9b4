/**
 * The privacy report reads an ICC profile's texts (issue 16): a camera's own profile can name its owner,
 * its model and its serial number. Standard profiles (sRGB, Display P3, …) say nothing private.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { crc32, deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { iccKinds } from '../../../api/src/modules/media/containers.ts'
import { inspectImage } from '../../../api/src/modules/media/index.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-icc-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

function mluc(text: string): Buffer {
  const str = Buffer.from(text, 'utf16le').swap16()
  const head = Buffer.alloc(28)
  head.write('mluc', 0, 'latin1')
  head.writeUInt32BE(1, 8)
  head.writeUInt32BE(12, 12)
  head.write('enUS', 16, 'latin1')
  head.writeUInt32BE(str.length, 20)
  head.writeUInt32BE(28, 24)
  return Buffer.concat([head, str])
}

/** A minimal ICC v4 profile header and tag table with the given text tags. */
function profile(tags: Record<string, string>): Buffer {
  const entries = Object.entries(tags).map(([sig, text]) => ({ sig, data: mluc(text) }))
  const header = Buffer.alloc(128)
  header.write('acsp', 36, 'latin1')
  header.write('mntr', 12, 'latin1')
  const table = Buffer.alloc(4 + entries.length * 12)
  table.writeUInt32BE(entries.length, 0)
  let offset = 128 + table.length
  entries.forEach((e, i) => {
    table.write(e.sig, 4 + i * 12, 'latin1')
    table.writeUInt32BE(offset, 8 + i * 12)
    table.writeUInt32BE(e.data.length, 12 + i * 12)
    offset += e.data.length
  })
  const icc = Buffer.concat([header, table, ...entries.map((e) => e.data)])
  icc.writeUInt32BE(icc.length, 0)
  return icc
}

/** A real JPEG with the profile put in as its APP2 ICC_PROFILE segment, right after SOI. */
async function jpegWith(icc: Buffer, name: string): Promise<string> {
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .jpeg()
    .toBuffer()
  const payload = Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1]), icc])
  const len = Buffer.alloc(2)
  len.writeUInt16BE(payload.length + 2)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe2]), len, payload, jpeg.subarray(2)]))
  return file
}

/** A real PNG with the profile as its iCCP chunk (name, method 0, zlib data), right after IHDR. */
async function pngWith(icc: Buffer, name: string): Promise<string> {
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .png()
    .toBuffer()
  const data = Buffer.concat([Buffer.from('Camera\0\0', 'latin1'), deflateSync(icc)])
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write('iCCP', 4, 'latin1')
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]))
  return file
}

/** A real extended WebP (VP8X with the ICC flag) whose ICCP chunk holds the profile. */
async function webpWith(icc: Buffer, name: string): Promise<string> {
  const simple = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } })
    .webp()
    .toBuffer()
  const image = simple.subarray(12) // the VP8 chunk
  const vp8x = Buffer.alloc(18)
  vp8x.write('VP8X', 0, 'latin1')
  vp8x.writeUInt32LE(10, 4)
  vp8x[8] = 0x20 // ICC profile present
  vp8x.writeUIntLE(64 - 1, 12, 3)
  vp8x.writeUIntLE(48 - 1, 15, 3)
  const padded = icc.length % 2 ? Buffer.concat([icc, Buffer.alloc(1)]) : icc
  const iccp = Buffer.concat([Buffer.from('ICCP', 'latin1'), Buffer.alloc(4), padded])
  iccp.writeUInt32LE(icc.length, 4)
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), vp8x, iccp, image])
  const riff = Buffer.alloc(8)
  riff.write('RIFF', 0, 'latin1')
  riff.writeUInt32LE(body.length, 4)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.concat([riff, body]))
  return file
}

describe('ICC profiles in the privacy report', () => {
  it('notices the owner, the camera and a serial number inside an ICC profile', async () => {
    const icc = profile({ desc: 'Studio profile, camera serial 0123456789', cprt: 'Copyright Jan de Vries', dmdd: 'Jan’s modified X-T5 body' })
    expect([...iccKinds(icc)].sort()).toEqual(['device', 'owner', 'serial'])
    const report = (await inspectImage(await jpegWith(icc, 'camera.jpg'), { maxPixels: 10_000_000 })).privacyReport
    expect(report.found).toEqual(expect.arrayContaining(['owner', 'device', 'serial']))
    expect(report.removed).toEqual(report.found)
  })

  it('says nothing about a standard profile', async () => {
    const icc = profile({ desc: 'sRGB IEC61966-2.1', cprt: 'Copyright International Color Consortium, 2009' })
    expect([...iccKinds(icc)]).toEqual([])
    const report = (await inspectImage(await jpegWith(icc, 'standard.jpg'), { maxPixels: 10_000_000 })).privacyReport
    expect(report.found).not.toContain('owner')
    expect(report.found).not.toContain('serial')
    expect(report.found).not.toContain('device')
  })

  it('reads the profile in a PNG (iCCP) and a WebP (ICCP) as it does in a JPEG', async () => {
    const icc = profile({ desc: 'Studio profile, camera serial 0123456789', cprt: 'Copyright Jan de Vries' })
    for (const file of [await pngWith(icc, 'camera.png'), await webpWith(icc, 'camera.webp')]) {
      const inspection = await inspectImage(file, { maxPixels: 10_000_000 })
      expect(inspection.format).toBe(file.endsWith('.png') ? 'png' : 'webp')
      expect(inspection.privacyReport.found).toEqual(expect.arrayContaining(['owner', 'serial']))
    }
    const standard = profile({ desc: 'sRGB IEC61966-2.1', cprt: 'Copyright International Color Consortium, 2009' })
    for (const file of [await pngWith(standard, 'standard.png'), await webpWith(standard, 'standard.webp')]) {
      const { found } = (await inspectImage(file, { maxPixels: 10_000_000 })).privacyReport
      expect(found).not.toContain('owner')
      expect(found).not.toContain('serial')
    }
  })
})
