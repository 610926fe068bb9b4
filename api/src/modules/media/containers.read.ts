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
export const SCAN_WINDOW = 1 << 20 // entropy-coded JPEG data is scanned a megabyte at a time
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

export const emptyScan = (): ContainerScan => ({ exif: [], xmp: [], iptc: [], photoshop: [], direct: new Set(), animated: false, end: null })
export const latin1 = (b: Buffer, s = 0, e = b.length) => b.toString('latin1', s, Math.min(e, b.length))
export const stripExifHeader = (b: Buffer) => (latin1(b, 0, 4) === 'Exif' && b.length >= 6 ? b.subarray(6) : b)

// ----------------------------------------------------------------------------------------------- ICC

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
