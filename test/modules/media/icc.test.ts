/**
 * The privacy report reads an ICC profile's texts (issue 16): a camera's own profile can name its owner,
 * its model and its serial number. Standard profiles (sRGB, Display P3, …) say nothing private.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
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
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 120, b: 150 } } }).jpeg().toBuffer()
  const payload = Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1]), icc])
  const len = Buffer.alloc(2)
  len.writeUInt16BE(payload.length + 2)
  const file = path.join(dir, name)
  fs.writeFileSync(file, Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe2]), len, payload, jpeg.subarray(2)]))
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
})
