/**
 * Rights written into a derivative when it is served, without touching its pixels: the metadata blocks of
 * the container are dropped and written anew (JPEG APPn segments, WebP RIFF chunks), everything else is
 * copied as it is. What a file says about its terms is then always the current state (DESIGN.md, "Rights
 * travel with the file, and stay true"), at the cost of copying the bytes once (`npm run bench --
 * derivatives` measures it against a re-encode).
 *
 * Written: XMP (rights.ts), EXIF IFD0 (Artist, Copyright, 300 ppi), and for JPEG the IPTC IIM block in a
 * Photoshop APP13 segment, which DAMs still read first (IPTC IIM 4.2; Photoshop File Formats, "Image
 * Resource Blocks" 0x0404 IPTC-NAA and 0x03ED ResolutionInfo). WebP has no IIM (RFC 9649 §2.7 allows
 * EXIF and XMP chunks only). Specs: JPEG ITU T.81 Annex B; JFIF 1.02; Exif 3.0 §4.5–4.6; RFC 9649.
 */
import { asciiFold, rightsXmp, type LangAlt, type Rights } from './rights.ts'

export const PPI = 300

const clean = (v: string | undefined | null) => (v ?? '').trim()
const defaultText = (v: LangAlt | undefined): string => (typeof v === 'string' ? v : (v?.['x-default'] ?? ''))

// ------------------------------------------------------------------------------------------------ EXIF

/** A little-endian TIFF block with IFD0: resolution (300 ppi), Artist, Copyright (ASCII, Exif 3.0 §4.6.2). */
export function exifBlock(rights: Rights): Buffer {
  const ascii = (s: string) => Buffer.from(`${asciiFold(s)}\0`, 'latin1')
  const entries: { tag: number; type: number; count: number; data: Buffer }[] = []
  const rational = () => {
    const b = Buffer.alloc(8)
    b.writeUInt32LE(PPI, 0)
    b.writeUInt32LE(1, 4)
    return b
  }
  entries.push({ tag: 0x011a, type: 5, count: 1, data: rational() })
  entries.push({ tag: 0x011b, type: 5, count: 1, data: rational() })
  const unit = Buffer.alloc(4)
  unit.writeUInt16LE(2, 0) // inches
  entries.push({ tag: 0x0128, type: 3, count: 1, data: unit })
  const artist = asciiFold(clean(rights.creator))
  if (artist) entries.push({ tag: 0x013b, type: 2, count: artist.length + 1, data: ascii(artist) })
  const positioning = Buffer.alloc(4)
  positioning.writeUInt16LE(1, 0) // centred (Exif 3.0 §4.6.5: required in a JPEG's IFD0)
  entries.push({ tag: 0x0213, type: 3, count: 1, data: positioning })
  const copyright = asciiFold(clean(rights.copyright))
  if (copyright) entries.push({ tag: 0x8298, type: 2, count: copyright.length + 1, data: ascii(copyright) })

  const ifdSize = 2 + entries.length * 12 + 4
  let dataAt = 8 + ifdSize
  const head = Buffer.alloc(8 + ifdSize)
  head.write('II', 0, 'latin1')
  head.writeUInt16LE(42, 2)
  head.writeUInt32LE(8, 4)
  head.writeUInt16LE(entries.length, 8)
  const extra: Buffer[] = []
  entries.forEach((e, i) => {
    const at = 10 + i * 12
    head.writeUInt16LE(e.tag, at)
    head.writeUInt16LE(e.type, at + 2)
    head.writeUInt32LE(e.count, at + 4)
    if (e.data.length <= 4) e.data.copy(head, at + 8)
    else {
      head.writeUInt32LE(dataAt, at + 8)
      const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.alloc(1)]) : e.data
      extra.push(padded)
      dataAt += padded.length
    }
  })
  head.writeUInt32LE(0, 10 + entries.length * 12) // no IFD1: no thumbnail
  return Buffer.concat([head, ...extra])
}

// ------------------------------------------------------------------------------------------------- IIM

/** Cuts UTF-8 text to a dataset's byte limit (IIM 4.2 §1.6) without splitting a character. */
function utf8Max(text: string, max: number): Buffer {
  let b = Buffer.from(text, 'utf8')
  if (b.length <= max) return b
  b = b.subarray(0, max)
  while (b.length && (b[b.length - 1]! & 0xc0) === 0x80) b = b.subarray(0, b.length - 1)
  if (b.length && b[b.length - 1]! >= 0xc0) b = b.subarray(0, b.length - 1)
  return b
}

function dataset(record: number, id: number, value: Buffer): Buffer {
  const h = Buffer.from([0x1c, record, id, (value.length >> 8) & 0x7f, value.length & 0xff])
  return Buffer.concat([h, value])
}

/** IPTC IIM datasets (UTF-8, declared by 1:90 = ESC % G): By-line, Credit, Copyright Notice, Caption, Keywords, Special Instructions. */
export function iimBlock(rights: Rights): Buffer {
  const out: Buffer[] = [dataset(1, 90, Buffer.from([0x1b, 0x25, 0x47])), dataset(2, 0, Buffer.from([0, 4]))]
  const add = (id: number, text: string | undefined, max: number) => {
    const v = clean(text)
    if (v) out.push(dataset(2, id, utf8Max(v, max)))
  }
  for (const k of (rights.keywords ?? []).map(clean).filter(Boolean)) add(25, k, 64)
  add(40, rights.instructions, 256)
  add(80, rights.creator, 32)
  add(110, rights.credit, 32)
  add(115, rights.licensorName, 32)
  add(116, rights.copyright, 128)
  add(120, defaultText(rights.description), 2000)
  return Buffer.concat(out)
}

/** Photoshop image resources: 0x03ED ResolutionInfo (300 ppi) and 0x0404 IPTC-NAA. */
function photoshopResources(iim: Buffer): Buffer {
  const resource = (id: number, data: Buffer) => {
    const h = Buffer.alloc(12)
    h.write('8BIM', 0, 'latin1')
    h.writeUInt16BE(id, 4)
    h.writeUInt16BE(0, 6) // empty Pascal name, padded to even
    h.writeUInt32BE(data.length, 8)
    return Buffer.concat([h, data, Buffer.alloc(data.length % 2)])
  }
  const res = Buffer.alloc(16)
  res.writeUInt32BE(PPI << 16, 0) // hRes, 16.16 fixed
  res.writeUInt16BE(1, 4) // pixels per inch
  res.writeUInt16BE(1, 6) // width unit: inches
  res.writeUInt32BE(PPI << 16, 8)
  res.writeUInt16BE(1, 12)
  res.writeUInt16BE(1, 14)
  return Buffer.concat([resource(0x03ed, res), resource(0x0404, iim)])
}

// ------------------------------------------------------------------------------------------------ JPEG

function segment(marker: number, payload: Buffer): Buffer {
  if (payload.length + 2 > 0xffff) throw new Error('metadata segment too large')
  const h = Buffer.from([0xff, marker, 0, 0])
  h.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([h, payload])
}

const JFIF = Buffer.from('JFIF\0', 'latin1')
const ICC = Buffer.from('ICC_PROFILE\0', 'latin1')
const ADOBE = Buffer.from('Adobe', 'latin1')

/** A JFIF APP0 at 300 ppi (JFIF 1.02: units 1 = dots per inch), no thumbnail. */
function jfif(): Buffer {
  const p = Buffer.alloc(14)
  JFIF.copy(p, 0)
  p[5] = 1
  p[6] = 2
  p[7] = 1
  p.writeUInt16BE(PPI, 8)
  p.writeUInt16BE(PPI, 10)
  return segment(0xe0, p)
}

/**
 * The JPEG with every metadata segment before the scan replaced by ours: APP0 JFIF (300 ppi), APP1 EXIF,
 * APP1 XMP, APP13 IPTC. Kept as they are: the ICC profile (APP2), Adobe's colour-transform marker (APP14),
 * tables, frame header and everything from the first scan on. Comments and every other APPn go.
 */
export function stampJpeg(bytes: Buffer, rights: Rights): Buffer {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('not a JPEG')
  const kept: Buffer[] = []
  let off = 2
  for (;;) {
    if (off + 4 > bytes.length || bytes[off] !== 0xff) throw new Error('corrupt JPEG')
    const marker = bytes[off + 1]!
    if (marker === 0xff) {
      off++
      continue
    }
    if (marker === 0xda) break // start of scan: the rest is copied as it is
    const len = bytes.readUInt16BE(off + 2)
    const seg = bytes.subarray(off, off + 2 + len)
    const payload = seg.subarray(4)
    const isApp = marker >= 0xe0 && marker <= 0xef
    const keep =
      marker === 0xfe
        ? false
        : !isApp
          ? true
          : (marker === 0xe2 && payload.subarray(0, ICC.length).equals(ICC)) || (marker === 0xee && payload.subarray(0, ADOBE.length).equals(ADOBE))
    if (keep) kept.push(seg)
    off += 2 + len
  }
  const xmp = Buffer.from(rightsXmp(rights), 'utf8')
  const head = [
    Buffer.from([0xff, 0xd8]),
    jfif(),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifBlock(rights)])),
    segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), xmp])),
    segment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), photoshopResources(iimBlock(rights))])),
  ]
  return Buffer.concat([...head, ...kept, bytes.subarray(off)])
}

// ------------------------------------------------------------------------------------------------ WebP

function chunk(fourcc: string, data: Buffer): Buffer {
  const h = Buffer.alloc(8)
  h.write(fourcc, 0, 'latin1')
  h.writeUInt32LE(data.length, 4)
  return Buffer.concat([h, data, Buffer.alloc(data.length % 2)])
}

/** Canvas size and alpha of a simple-format WebP's image chunk (RFC 9649 §2.5, §2.6). */
function simpleCanvas(fourcc: string, data: Buffer): { width: number; height: number; alpha: boolean } {
  if (fourcc === 'VP8 ') {
    if (data[3] !== 0x9d || data[4] !== 0x01 || data[5] !== 0x2a) throw new Error('corrupt VP8 frame')
    return { width: data.readUInt16LE(6) & 0x3fff, height: data.readUInt16LE(8) & 0x3fff, alpha: false }
  }
  if (data[0] !== 0x2f) throw new Error('corrupt VP8L stream')
  const bits = data.readUInt32LE(1)
  return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, alpha: ((bits >>> 28) & 1) === 1 }
}

/**
 * The WebP with its EXIF and XMP chunks replaced by ours; a simple-format file becomes the extended format
 * (a VP8X header chunk), since only that can carry metadata. Image and animation chunks are copied as they are.
 */
export function stampWebp(bytes: Buffer, rights: Rights): Buffer {
  if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') throw new Error('not a WebP')
  const end = Math.min(bytes.length, bytes.readUInt32LE(4) + 8)
  let vp8x: Buffer | null = null
  const body: Buffer[] = []
  let canvas: ReturnType<typeof simpleCanvas> | null = null
  for (let off = 12; off + 8 <= end; ) {
    const fourcc = bytes.toString('latin1', off, off + 4)
    const size = bytes.readUInt32LE(off + 4)
    const data = bytes.subarray(off + 8, off + 8 + size)
    if (fourcc === 'VP8X') vp8x = Buffer.from(data)
    else if (fourcc !== 'EXIF' && fourcc !== 'XMP ') {
      if (!vp8x && !canvas && (fourcc === 'VP8 ' || fourcc === 'VP8L')) canvas = simpleCanvas(fourcc, data)
      body.push(bytes.subarray(off, off + 8 + size + (size % 2)))
    }
    off += 8 + size + (size % 2)
  }
  if (!vp8x) {
    if (!canvas) throw new Error('corrupt WebP')
    vp8x = Buffer.alloc(10)
    vp8x[0] = canvas.alpha ? 0x10 : 0
    vp8x.writeUIntLE(canvas.width - 1, 4, 3)
    vp8x.writeUIntLE(canvas.height - 1, 7, 3)
  }
  vp8x[0] = vp8x[0]! | 0x08 | 0x04 // EXIF and XMP present
  const chunks = Buffer.concat([chunk('VP8X', vp8x), ...body, chunk('EXIF', exifBlock(rights)), chunk('XMP ', Buffer.from(rightsXmp(rights), 'utf8'))])
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(chunks.length + 4, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, chunks])
}

/** Rights written into served bytes of a format we can stamp in place; AVIF is rendered with its rights instead. */
export function stampRights(bytes: Buffer, format: string, rights: Rights): Buffer {
  if (format === 'jpeg') return stampJpeg(bytes, rights)
  if (format === 'webp') return stampWebp(bytes, rights)
  throw new Error(`cannot stamp ${format}`)
}
