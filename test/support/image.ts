import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { exiftool } from 'exiftool-vendored'

/**
 * Every tag exiftool finds, as `exiftool -a -G1 -u` names them ("GPS:GPSLatitude", "IFD0:Make", ...).
 * The verdict on stripping comes from exiftool, not exifr (STACK.md: exifr can't read WebP, misses AVIF XMP).
 */
export async function exifTags(bytes: Buffer, ext: string): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-exif-'))
  const file = path.join(dir, `probe.${ext}`)
  fs.writeFileSync(file, bytes)
  try {
    const raw = (await exiftool.readRaw(file, { readArgs: ['-a', '-G1', '-u', '-b'] })) as Record<string, unknown>
    const out: Record<string, unknown> = {}
    // Facts about the probe file itself, not about the image's content.
    for (const [k, v] of Object.entries(raw)) if (!/^(System|ExifTool):|^SourceFile$/.test(k)) out[k] = v
    return out
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const endExiftool = () => exiftool.end()

/** Nothing after the end of the image, checked from the container's own structure (independent of our code). */
export function endsCleanly(bytes: Buffer, format: string): boolean {
  if (format === 'jpeg')
    return bytes.length > 4 && bytes[bytes.length - 2] === 0xff && bytes[bytes.length - 1] === 0xd9 && bytes.indexOf(Buffer.from([0xff, 0xd9])) >= 0
  if (format === 'webp') return bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.readUInt32LE(4) + 8 === bytes.length
  if (format === 'avif') {
    let off = 0
    while (off + 8 <= bytes.length) {
      let size = bytes.readUInt32BE(off)
      if (size === 1) size = Number(bytes.readBigUInt64BE(off + 8))
      if (size < 8) return false
      off += size
    }
    return off === bytes.length
  }
  throw new Error(`unknown format ${format}`)
}

/**
 * Tag-name patterns that must never appear in a served file. The IPTC IIM datasets we write ourselves when
 * serving (modules/media/stamp.ts: credit, copyright, caption, keywords, instructions) are allowed by
 * name; that their values are ours, not the original's, the tests check on the values.
 */
export const PRIVATE_TAGS = [
  /GPS/i,
  /(^|:)Make$/,
  /(^|:)Model$/,
  /Serial/i,
  /Owner/i,
  /(^|:)Software$/,
  /DateTimeOriginal|CreateDate|ModifyDate|DateTimeDigitized|SubSecTime/,
  /ThumbnailImage|PreviewImage|^IFD1:/,
  /History/,
  /^IPTC:(?!(CodedCharacterSet|ApplicationRecordVersion|Keywords|SpecialInstructions|By-line|Credit|Source|CopyrightNotice|Caption-Abstract)$)/,
  /Comment/i,
  /MakerNote/i,
  /^(?!IPTC:(Caption-Abstract|By-line|Keywords)$).*(ImageDescription|Caption|City|By-line|Keywords)/,
  /LensModel|LensMake/,
]
