/** TIFF IFDs (and EXIF blocks, which are TIFF) and GIF frame counting. */
import { MAX_BLOCK, latin1, type ReadRequest, type Reads } from './containers.read.ts'
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
