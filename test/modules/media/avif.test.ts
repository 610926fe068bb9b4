import { exiftool } from 'exiftool-vendored'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PRIVATE_STRINGS } from '../../../fixtures/generate.ts'
import { endOfImageOk, renderAvif, type RenderedDerivative } from '../../../api/src/modules/media/index.ts'
import { MAX_PIXELS, mediaFixtures, RIGHTS, writeOut, type MediaFixtures } from './media-fixtures.ts'

// The media module blocks every decoder but JPEG/PNG/WebP/TIFF process-wide. This file (its own process
// under vitest's forks pool) re-allows the HEIF decoder only to check that our AVIF output decodes.
let m: MediaFixtures
let avif: RenderedDerivative[]
beforeAll(async () => {
  m = await mediaFixtures()
  avif = await renderAvif(m.fx['meta-everything.jpg'], { rights: RIGHTS, maxPixels: MAX_PIXELS })
  sharp.unblock({ operation: ['VipsForeignLoadHeif'] })
}, 120_000)
afterAll(async () => {
  sharp.block({ operation: ['VipsForeignLoadHeif'] })
  await exiftool.end()
  await m?.cleanup()
})

describe('renderAvif', () => {
  it('makes every preset that fits, as AVIF at exact sizes', async () => {
    expect(avif.map((d) => `${d.preset}.${d.format}:${d.width}x${d.height}`)).toEqual(['thumb.avif:320x213', 'small.avif:640x426', 'medium.avif:1280x852'])
    for (const d of avif) {
      const { info } = await sharp(d.bytes).raw().toBuffer({ resolveWithObject: true })
      expect(info).toMatchObject({ width: d.width, height: d.height })
      expect(endOfImageOk(d.bytes, 'avif')).toBe(true)
    }
  })

  it('strips private metadata and writes our rights', async () => {
    for (const d of avif) {
      const t = (await exiftool.readRaw(await writeOut(m.out, `${d.preset}.avif`, d.bytes), { readArgs: ['-a', '-G1', '-u'] })) as Record<string, unknown>
      const bad = Object.keys(t).filter(
        (k) => !k.startsWith('System:') && /GPS|Serial|:Make$|:Model$|Owner|Software|DateTimeOriginal|CreateDate|ModifyDate|IFD1|xmpMM|IPTC|Comment/.test(k),
      )
      expect(bad).toEqual([])
      expect(t['XMP-dc:Creator']).toBe(RIGHTS.creator)
      expect(t['IFD0:Artist']).toBe('Fotograaf Een')
      const text = d.bytes.toString('latin1')
      for (const s of [...PRIVATE_STRINGS, 'Legal-Name']) expect(text.includes(s)).toBe(false)
    }
  })

  it('is detected as cut or padded by endOfImageOk', () => {
    const d = avif[0]!
    expect(endOfImageOk(Buffer.concat([d.bytes, Buffer.from('junk')]), 'avif')).toBe(false)
    expect(endOfImageOk(d.bytes.subarray(0, d.bytes.length - 1), 'avif')).toBe(false)
  })
})
