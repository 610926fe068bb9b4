/**
 * Walkers over the four accepted containers (JPEG segments, PNG chunks, WebP RIFF chunks, TIFF IFDs). They
 * find where metadata blocks are and where the image ends; privacy.ts decides what the blocks mean.
 *
 * Each walker is a generator that yields read requests ({ offset, length }) and receives the bytes, so the
 * same code runs synchronously over a Buffer (endOfImageOk on our own output) and asynchronously over a file
 * (inspecting an upload without loading it whole). Every length read from the file is bounded: a hostile
 * file can make a walker stop early, never allocate without limit or loop forever.
 *
 * Specs: JPEG ITU T.81 Annex B; Exif 3.0 (CIPA DC-008-2023) §4.5; PNG 3rd ed. (W3C 2025) §5, APNG §4;
 * WebP container RFC 9649; TIFF 6.0 §2 and BigTIFF; XMP part 3 §1.1 (JPEG, PNG, TIFF), Photoshop IRB
 * ("Adobe Photoshop File Formats Specification", Image Resource Blocks); C2PA 2.1 §A.3 (JUMBF embedding).
 */
import { inflateSync } from 'node:zlib'
import type { FileHandle } from 'node:fs/promises'

export interface ReadRequest {
  offset: number
  length: number
}
export type Reads<T> = Generator<ReadRequest, T, Buffer>

export interface ByteSource {
  readonly size: number
  read(offset: number, length: number): Promise<Buffer>
}

const WINDOW = 1 << 16 // 64 KB: PNG IDAT headers and JPEG segments mostly come from one read.
const SCAN_WINDOW = 1 << 20 // entropy-coded JPEG data is scanned a megabyte at a time
export const MAX_BLOCK = 16 << 20 // largest metadata block we read (XMP, EXIF, text); bigger ones are only noted

/** A file read through a small window cache. */
export function fileSource(handle: FileHandle, size: number): ByteSource {
  let cache = Buffer.alloc(0)
  let cacheAt = 0
  return {
    size,
    async read(offset, length) {
      const end = Math.min(size, offset + length)
      if (offset >= end) return Buffer.alloc(0)
      if (offset >= cacheAt && end <= cacheAt + cache.length) return cache.subarray(offset - cacheAt, end - cacheAt)
      const want = Math.max(end - offset, WINDOW)
      const buf = Buffer.alloc(Math.min(want, size - offset))
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset)
      cache = buf.subarray(0, bytesRead)
      cacheAt = offset
      return cache.subarray(0, Math.min(end - offset, bytesRead))
    },
  }
}

export function runSync<T>(walk: Reads<T>, bytes: Buffer): T {
  let step = walk.next()
  while (!step.done) {
    const { offset, length } = step.value
    step = walk.next(offset >= bytes.length ? Buffer.alloc(0) : bytes.subarray(offset, offset + length))
  }
  return step.value
}

export async function runAsync<T>(walk: Reads<T>, source: ByteSource): Promise<T> {
  let step = walk.next()
  while (!step.done) step = walk.next(await source.read(step.value.offset, step.value.length))
  return step.value
}

/** What a container holds, before interpretation. */
export interface ContainerScan {
  exif: Buffer[] // TIFF-structured EXIF blocks ("Exif\0\0" already removed)
  xmp: string[]
  iptc: Buffer[] // IPTC-IIM datasets
  photoshop: Buffer[] // Photoshop image resource blocks (8BIM …)
  /** Kinds the container shows directly (a JPEG COM segment is a comment, an MPF segment holds images, …). */
  direct: Set<string>
  animated: boolean
  /** Offset just after the image's last byte, or null when the end was not found. */
  end: number | null
}

const emptyScan = (): ContainerScan => ({ exif: [], xmp: [], iptc: [], photoshop: [], direct: new Set(), animated: false, end: null })
const latin1 = (b: Buffer, s = 0, e = b.length) => b.toString('latin1', s, Math.min(e, b.length))
const stripExifHeader = (b: Buffer) => (latin1(b, 0, 4) === 'Exif' && b.length >= 6 ? b.subarray(6) : b)

// ---------------------------------------------------------------------------------------------- JPEG

const XMP_SIG = 'http://ns.adobe.com/xap/1.0/\0'
const XMP_EXT_SIG = 'http://ns.adobe.com/xmp/extension/\0'

export function* walkJpeg(size: number): Reads<ContainerScan> {
  const scan = emptyScan()
  const xmpExtension: Buffer[] = []
  let pos = 2
  let inEntropy = false
  for (let guard = 0; pos < size && guard < 1_000_000; guard++) {
    if (inEntropy) {
      // Find the next marker: FF followed by anything but 00 (stuffing), D0–D7 (restart) or FF (fill).
      const win = yield { offset: pos, length: SCAN_WINDOW }
      if (win.length < 2) break
      let i = 0
      let found = -1
      for (;;) {
        i = win.indexOf(0xff, i)
        if (i < 0 || i + 1 >= win.length) break
        const next = win[i + 1]!
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) i += 2
        else if (next === 0xff) i += 1
        else {
          found = i
          break
        }
      }
      if (found >= 0) {
        pos += found
        inEntropy = false
      } else {
        pos += i < 0 ? win.length : Math.max(i, 1) // keep a trailing FF for the next window
      }
      continue
    }
    const head = yield { offset: pos, length: 4 }
    if (head.length < 2 || head[0] !== 0xff) break
    const marker = head[1]!
    if (marker === 0xff) {
      pos += 1
      continue
    }
    if (marker === 0xd9) {
      scan.end = pos + 2
      break
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2
      continue
    }
    if (head.length < 4) break
    const length = head.readUInt16BE(2)
    if (length < 2) break
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      const payload = yield { offset: pos + 4, length: length - 2 }
      jpegSegment(marker, payload, scan, xmpExtension)
    }
    pos += 2 + length
    if (marker === 0xda) inEntropy = true
  }
  if (xmpExtension.length > 0) scan.xmp.push(Buffer.concat(xmpExtension).toString('utf8'))
  return scan
}

function jpegSegment(marker: number, p: Buffer, scan: ContainerScan, xmpExtension: Buffer[]): void {
  const sig = latin1(p, 0, 40)
  switch (marker) {
    case 0xfe:
      if (p.length > 0) scan.direct.add('comment')
      return
    case 0xe0: // JFIF may carry a thumbnail (Xthumbnail × Ythumbnail > 0); JFXX is a thumbnail extension.
      if (sig.startsWith('JFIF\0') && (p[12] ?? 0) * (p[13] ?? 0) > 0) scan.direct.add('thumbnail')
      else if (sig.startsWith('JFXX\0')) scan.direct.add('thumbnail')
      else if (!sig.startsWith('JFIF\0')) scan.direct.add('maker-notes')
      return
    case 0xe1:
      if (sig.startsWith('Exif\0')) scan.exif.push(p.subarray(6))
      else if (sig.startsWith(XMP_SIG)) scan.xmp.push(p.toString('utf8', XMP_SIG.length))
      else if (sig.startsWith(XMP_EXT_SIG)) xmpExtension.push(p.subarray(XMP_EXT_SIG.length + 40))
      else scan.direct.add('maker-notes')
      return
    case 0xe2: // ICC profiles are colour data, converted away; MPF and FlashPix hold extra images.
      if (sig.startsWith('ICC_PROFILE\0')) {
        // The first chunk holds the header and tag table: a camera's own profile can name its owner,
        // model or serial there (not served: the profile is never copied, but the report must say so).
        if (p[12] === 1) for (const k of iccKinds(p.subarray(14))) scan.direct.add(k)
        return
      }
      scan.direct.add(sig.startsWith('MPF\0') || sig.startsWith('FPXR\0') ? 'thumbnail' : 'maker-notes')
      return
    case 0xeb: // JPEG XT / JUMBF boxes: C2PA content credentials (signer identity, device, edit history).
      scan.direct.add(p.includes('c2pa') || p.includes('jumb') ? 'content-credentials' : 'maker-notes')
      return
    case 0xec: // "Ducky" (Photoshop Save for Web) holds a comment and copyright text.
      scan.direct.add(sig.startsWith('Ducky') ? 'comment' : 'maker-notes')
      return
    case 0xed:
      if (sig.startsWith('Photoshop 3.0\0')) scan.photoshop.push(p.subarray(14))
      else scan.direct.add('maker-notes')
      return
    case 0xee: // APP14 "Adobe": colour transform flags only.
      if (!sig.startsWith('Adobe')) scan.direct.add('maker-notes')
      return
    default: // APP3–APP10, APP15: vendor blocks (Kodak Meta, GoPro GPMF telemetry, Qualcomm, …)
      if (p.length > 0) scan.direct.add('maker-notes')
  }
}

/** Offset just after the JPEG's EOI marker, or null. */
export function jpegEnd(bytes: Buffer): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null
  return runSync(walkJpeg(bytes.length), bytes).end
}

// ----------------------------------------------------------------------------------------------- PNG

const PNG_KNOWN = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'bKGD',
  'cHRM',
  'cICP',
  'gAMA',
  'hIST',
  'iCCP',
  'mDCV',
  'cLLI',
  'cLLi',
  'pHYs',
  'sBIT',
  'sPLT',
  'sRGB',
  'tRNS',
  'oFFs',
  'pCAL',
  'sCAL',
  'sTER',
  'vpAg',
])
const PNG_TEXT_KINDS: Record<string, string> = {
  author: 'owner',
  copyright: 'owner',
  'creation time': 'timestamps',
  software: 'software',
  source: 'device',
  comment: 'comment',
  description: 'comment',
  title: 'comment',
  disclaimer: 'comment',
  warning: 'comment',
}

export function* walkPng(size: number): Reads<ContainerScan> {
  const scan = emptyScan()
  let pos = 8
  for (let guard = 0; pos + 12 <= size && guard < 1_000_000; guard++) {
    const head = yield { offset: pos, length: 8 }
    if (head.length < 8) break
    const length = head.readUInt32BE(0)
    const type = latin1(head, 4, 8)
    if (type === 'IEND') {
      scan.end = pos + 12 + length
      break
    }
    const wanted = type === 'tEXt' || type === 'zTXt' || type === 'iTXt' || type === 'eXIf'
    if (type === 'iCCP' && length <= MAX_BLOCK) pngIcc(yield { offset: pos + 8, length }, scan)
    else if (wanted && length <= MAX_BLOCK) pngChunk(type, yield { offset: pos + 8, length }, scan)
    else if (wanted) scan.direct.add(type === 'eXIf' ? 'device' : 'comment')
    else if (type === 'acTL' || type === 'fcTL' || type === 'fdAT') scan.animated = true
    else if (type === 'tIME') scan.direct.add('timestamps')
    else if (type === 'caBX') scan.direct.add('content-credentials')
    else if (!PNG_KNOWN.has(type)) scan.direct.add('maker-notes')
    pos += 12 + length
  }
  return scan
}

/** iCCP: profile name \0, compression method (0 = zlib), the compressed profile. Its texts can name a person or camera. */
function pngIcc(data: Buffer, scan: ContainerScan): void {
  const nul = data.indexOf(0)
  if (nul < 1 || nul > 79 || data[nul + 1] !== 0) return
  try {
    for (const k of iccKinds(inflateSync(data.subarray(nul + 2), { maxOutputLength: MAX_BLOCK }))) scan.direct.add(k)
  } catch {
    // an unreadable profile is colour data we convert away; nothing to report from it
  }
}

function pngChunk(type: string, data: Buffer, scan: ContainerScan): void {
  if (type === 'eXIf') {
    scan.exif.push(stripExifHeader(data))
    return
  }
  const nul = data.indexOf(0)
  if (nul < 1) return
  const keyword = latin1(data, 0, nul)
  let text: Buffer
  try {
    if (type === 'tEXt') text = data.subarray(nul + 1)
    else if (type === 'zTXt') text = inflateSync(data.subarray(nul + 2), { maxOutputLength: MAX_BLOCK })
    else {
      // iTXt: keyword \0 flag method language \0 translated keyword \0 text
      const compressed = data[nul + 1] === 1
      const langEnd = data.indexOf(0, nul + 3)
      const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1)
      if (transEnd < 0) return
      const body = data.subarray(transEnd + 1)
      text = compressed ? inflateSync(body, { maxOutputLength: MAX_BLOCK }) : body
    }
  } catch {
    scan.direct.add('comment') // unreadable compressed text: still text we drop
    return
  }
  pngText(keyword, text, scan)
}

function pngText(keyword: string, text: Buffer, scan: ContainerScan): void {
  const key = keyword.toLowerCase()
  if (key === 'xml:com.adobe.xmp') {
    scan.xmp.push(text.toString('utf8'))
  } else if (key.startsWith('raw profile type ')) {
    // ImageMagick/exiv2 convention: "\n<name>\n   <length>\n<hex digits…>"
    const profile = key.slice('raw profile type '.length)
    const hex = text
      .toString('latin1')
      .split('\n')
      .slice(3)
      .join('')
      .replace(/[^0-9a-f]/gi, '')
    const bytes = Buffer.from(hex.length % 2 ? hex.slice(0, -1) : hex, 'hex')
    if (profile === 'exif' || profile === 'app1') scan.exif.push(stripExifHeader(bytes))
    else if (profile === 'xmp') scan.xmp.push(bytes.toString('utf8'))
    else if (profile === 'iptc' || profile === '8bim') {
      if (latin1(bytes, 0, 4) === '8BIM') scan.photoshop.push(bytes)
      else scan.iptc.push(bytes)
    } else if (profile !== 'icc' && profile !== 'icm') scan.direct.add('maker-notes')
  } else if (text.length > 0) {
    scan.direct.add(PNG_TEXT_KINDS[key] ?? (/date|time/.test(key) ? 'timestamps' : 'comment'))
  }
}

// ---------------------------------------------------------------------------------------------- WebP

const WEBP_KNOWN = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ICCP'])

export function* walkWebp(size: number): Reads<ContainerScan> {
  const scan = emptyScan()
  const head = yield { offset: 0, length: 12 }
  if (head.length < 12) return scan
  const riffEnd = 8 + head.readUInt32LE(4)
  scan.end = riffEnd + (riffEnd % 2)
  let pos = 12
  const limit = Math.min(size, riffEnd)
  for (let guard = 0; pos + 8 <= limit && guard < 1_000_000; guard++) {
    const chunk = yield { offset: pos, length: 8 }
    if (chunk.length < 8) break
    const type = latin1(chunk, 0, 4)
    const length = chunk.readUInt32LE(4)
    if (type === 'VP8X') {
      const flags = (yield { offset: pos + 8, length: 1 })[0] ?? 0
      if (flags & 0x02) scan.animated = true
    } else if (type === 'ANIM' || type === 'ANMF') {
      scan.animated = true
    } else if ((type === 'EXIF' || type === 'XMP ') && length <= MAX_BLOCK) {
      const data = yield { offset: pos + 8, length }
      if (type === 'EXIF') scan.exif.push(stripExifHeader(data))
      else scan.xmp.push(data.toString('utf8'))
    } else if (type === 'EXIF' || type === 'XMP ') {
      scan.direct.add('xmp')
    } else if (type === 'ICCP' && length <= MAX_BLOCK) {
      for (const k of iccKinds(yield { offset: pos + 8, length })) scan.direct.add(k)
    } else if (type === 'C2PA') {
      scan.direct.add('content-credentials')
    } else if (!WEBP_KNOWN.has(type)) {
      scan.direct.add('maker-notes')
    }
    pos += 8 + length + (length % 2)
  }
  return scan
}

/** Offset just after the RIFF structure, when its chunks add up exactly; else null. */
export function webpEnd(bytes: Buffer): number | null {
  if (latin1(bytes, 0, 4) !== 'RIFF' || latin1(bytes, 8, 12) !== 'WEBP') return null
  const declared = 8 + bytes.readUInt32LE(4)
  let pos = 12
  while (pos + 8 <= declared && pos + 8 <= bytes.length) {
    const length = bytes.readUInt32LE(pos + 4)
    pos += 8 + length + (length % 2)
  }
  return pos === declared || pos === declared + (declared % 2) ? pos : null
}

/** Offset just after the last top-level ISO-BMFF box (AVIF), when the boxes add up exactly; else null. */
export function isoBmffEnd(bytes: Buffer): number | null {
  if (latin1(bytes, 4, 8) !== 'ftyp') return null
  let pos = 0
  while (pos + 8 <= bytes.length) {
    let size = bytes.readUInt32BE(pos)
    if (size === 1) {
      if (pos + 16 > bytes.length) return null
      size = Number(bytes.readBigUInt64BE(pos + 8))
    } else if (size === 0) {
      size = bytes.length - pos
    }
    if (size < 8) return null
    pos += size
  }
  return pos === bytes.length ? pos : null
}

// ---------------------------------------------------------------------------------------------- TIFF

/** Tag ids seen per IFD, plus the few values we need (dates for the month, embedded blocks). */
export interface TiffScan {
  ifd0: Set<number>
  exif: Set<number>
  gps: Set<number>
  /** IFDs after the first: in an EXIF block IFD1 is the thumbnail; in a TIFF file they are pages. */
  laterIfds: { reducedResolution: boolean }[]
  dates: { original?: string; digitized?: string }
  xmp: string[]
  iptc: Buffer[]
  photoshop: Buffer[]
}

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8, 18: 8 }
const MAX_IFDS = 256
const MAX_ENTRIES = 4096

export function* walkTiff(size: number): Reads<TiffScan | null> {
  const head = yield { offset: 0, length: 16 }
  if (head.length < 8) return null
  const le = latin1(head, 0, 2) === 'II'
  if (!le && latin1(head, 0, 2) !== 'MM') return null
  const u16 = (b: Buffer, at: number) => (le ? b.readUInt16LE(at) : b.readUInt16BE(at))
  const u32 = (b: Buffer, at: number) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at))
  const u64 = (b: Buffer, at: number) => Number(le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at))
  const big = u16(head, 2) === 43
  if (!big && u16(head, 2) !== 42) return null
  if (big && head.length < 16) return null
  const offSize = big ? 8 : 4
  const entrySize = big ? 20 : 12
  const readOff = (b: Buffer, at: number) => (big ? u64(b, at) : u32(b, at))

  const result: TiffScan = { ifd0: new Set(), exif: new Set(), gps: new Set(), laterIfds: [], dates: {}, xmp: [], iptc: [], photoshop: [] }
  const visited = new Set<number>()

  function* readIfd(offset: number): Generator<ReadRequest, { entries: Buffer; count: number; next: number } | null, Buffer> {
    if (offset < 8 || offset >= size || visited.has(offset) || visited.size >= MAX_IFDS) return null
    visited.add(offset)
    const countBuf = yield { offset, length: offSize === 8 ? 8 : 2 }
    if (countBuf.length < (big ? 8 : 2)) return null
    const count = Math.min(big ? u64(countBuf, 0) : u16(countBuf, 0), MAX_ENTRIES)
    const start = offset + (big ? 8 : 2)
    const entries = yield { offset: start, length: count * entrySize + offSize }
    if (entries.length < count * entrySize) return null
    const next = entries.length >= count * entrySize + offSize ? readOff(entries, count * entrySize) : 0
    return { entries, count, next }
  }

  /** Value bytes of entry i (inline or at its offset), bounded by MAX_BLOCK. */
  function* value(entries: Buffer, i: number): Generator<ReadRequest, Buffer | null, Buffer> {
    const at = i * entrySize
    const type = u16(entries, at + 2)
    const count = big ? u64(entries, at + 4) : u32(entries, at + 4)
    const bytes = (TYPE_SIZE[type] ?? 1) * count
    if (bytes > MAX_BLOCK) return null
    const valueAt = at + (big ? 12 : 8)
    if (bytes <= offSize) return entries.subarray(valueAt, valueAt + bytes)
    return yield { offset: readOff(entries, valueAt), length: bytes }
  }

  function* subIfd(entries: Buffer, i: number, into: Set<number>): Generator<ReadRequest, void, Buffer> {
    const v = yield* value(entries, i)
    if (!v || v.length < 4) return
    const ifd = yield* readIfd(big && v.length >= 8 ? u64(v, 0) : u32(v, 0))
    if (!ifd) return
    for (let j = 0; j < ifd.count; j++) {
      const tag = u16(ifd.entries, j * entrySize)
      into.add(tag)
      if (into === result.exif && (tag === 0x9003 || tag === 0x9004)) {
        const date = (yield* value(ifd.entries, j))?.toString('latin1').replace(/\0.*$/s, '')
        if (tag === 0x9003) result.dates.original = date
        else result.dates.digitized = date
      }
    }
  }

  let offset = readOff(head, big ? 8 : 4)
  for (let index = 0; offset !== 0; index++) {
    const ifd = yield* readIfd(offset)
    if (!ifd) break
    if (index === 0) {
      for (let i = 0; i < ifd.count; i++) {
        const tag = u16(ifd.entries, i * entrySize)
        result.ifd0.add(tag)
        if (tag === 0x8769) yield* subIfd(ifd.entries, i, result.exif)
        else if (tag === 0x8825) yield* subIfd(ifd.entries, i, result.gps)
        else if (tag === 0x02bc || tag === 0x83bb || tag === 0x8649) {
          const v = yield* value(ifd.entries, i)
          if (!v) continue
          if (tag === 0x02bc) result.xmp.push(v.toString('utf8'))
          else if (tag === 0x83bb) result.iptc.push(v)
          else result.photoshop.push(v)
        }
      }
    } else {
      let reduced = false
      for (let i = 0; i < ifd.count; i++) {
        if (u16(ifd.entries, i * entrySize) !== 0x00fe) continue
        const v = yield* value(ifd.entries, i) // NewSubfileType, LONG (some writers use SHORT); bit 0 = reduced
        reduced = v !== null && ((v.length >= 4 ? u32(v, 0) : v.length >= 2 ? u16(v, 0) : 0) & 1) === 1
      }
      result.laterIfds.push({ reducedResolution: reduced })
    }
    offset = ifd.next
  }
  return result
}

// ----------------------------------------------------------------------------------------------- GIF

/**
 * Number of frames in a GIF, counted up to 2 (GIF89a spec §§17–27: image descriptors between extension
 * blocks). We refuse every GIF; this only lets an animated one be refused with the clearer reason.
 */
export function* gifFrames(size: number): Reads<number> {
  const head = yield { offset: 0, length: 13 }
  if (head.length < 13 || latin1(head, 0, 4) !== 'GIF8') return 0
  const colourTable = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0)
  let pos = 13 + colourTable(head[10]!)
  let frames = 0
  function* skipSubBlocks(): Generator<ReadRequest, boolean, Buffer> {
    for (let guard = 0; guard < 10_000_000; guard++) {
      const length = (yield { offset: pos, length: 1 })[0]
      if (length === undefined) return false
      pos += 1 + length
      if (length === 0) return true
    }
    return false
  }
  while (pos < size && frames < 2) {
    const block = yield { offset: pos, length: 10 }
    if (block[0] === 0x2c && block.length >= 10) {
      frames++
      pos += 10 + colourTable(block[9]!) + 1 // descriptor, local colour table, LZW minimum code size
      if (!(yield* skipSubBlocks())) break
    } else if (block[0] === 0x21 && block.length >= 2) {
      pos += 2
      if (!(yield* skipSubBlocks())) break
    } else {
      break // 0x3B trailer or garbage
    }
  }
  return frames
}

/** Makers of standard profiles (sRGB, Display P3, Adobe RGB, FOGRA…): their text names no one. */
const ICC_STANDARD =
  /\b(apple|adobe|google|hewlett|hp|international color consortium|icc|microsoft|kodak|eci|fogra|iec|w3c|lcms|little ?cms|libvips|imagemagick|public domain|no copyright|cc0|creative commons|facebook|meta|samsung|sony|canon|nikon|fujifilm|panasonic|olympus|xiaomi|huawei|qualcomm)\b/i

/**
 * What an ICC profile's texts say beyond colour: the copyright tag naming a person ('owner'), device
 * manufacturer/model descriptions ('device'), a serial number in any text ('serial'). Standard profiles
 * (ICC_STANDARD) say nothing private. Reads v2 'desc'/'text' and v4 'mluc' tags; tolerant of short data.
 */
export function iccKinds(icc: Buffer): Set<string> {
  const kinds = new Set<string>()
  if (icc.length < 132 || latin1(icc, 36, 40) !== 'acsp') return kinds
  const count = Math.min(icc.readUInt32BE(128), 100)
  for (let i = 0; i < count; i++) {
    const at = 132 + i * 12
    if (at + 12 > icc.length) break
    const sig = latin1(icc, at, at + 4)
    if (!['desc', 'cprt', 'dmnd', 'dmdd'].includes(sig)) continue
    const text = iccText(icc.subarray(icc.readUInt32BE(at + 4), icc.readUInt32BE(at + 4) + icc.readUInt32BE(at + 8))).trim()
    if (!text) continue
    if (/serial|s\/n\b|\b\d{7,}\b/i.test(text)) kinds.add('serial')
    if (ICC_STANDARD.test(text)) continue
    if (sig === 'cprt') kinds.add('owner')
    if (sig === 'dmnd' || sig === 'dmdd') kinds.add('device')
  }
  return kinds
}

function iccText(t: Buffer): string {
  const type = latin1(t, 0, 4)
  if (type === 'text') return t.toString('latin1', 8).replace(/\0.*$/s, '')
  if (type === 'desc' && t.length >= 12) return t.toString('latin1', 12, 12 + Math.min(t.readUInt32BE(8), t.length - 12)).replace(/\0.*$/s, '')
  if (type === 'mluc' && t.length >= 16) {
    const out: string[] = []
    const n = Math.min(t.readUInt32BE(8), 20)
    for (let i = 0; i < n; i++) {
      const r = 16 + i * 12
      if (r + 12 > t.length) break
      const len = t.readUInt32BE(r + 4)
      const off = t.readUInt32BE(r + 8)
      const bytes = Buffer.from(t.subarray(off, off + len))
      if (bytes.length % 2) continue
      out.push(bytes.swap16().toString('utf16le'))
    }
    return out.join(' ')
  }
  return ''
}
