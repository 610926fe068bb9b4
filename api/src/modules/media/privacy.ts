/**
 * The privacy report: which kinds of private metadata an upload carried. Shown to the uploader ("we removed
 * GPS, camera serial numbers, …"), then dropped. It never holds a value: no coordinates, no serial numbers,
 * no names, only kinds. The removal itself does not depend on this file: derivatives are encoded from raw
 * pixels, so nothing of the original's metadata can reach them whether or not it was recognised here.
 *
 * Kinds, and where each is looked for (EXIF tag ids from Exif 3.0 / TIFF 6.0 / DNG 1.6; XMP namespaces
 * resolved by URI, not by prefix):
 *   gps                 coordinates: the EXIF GPS IFD; any XMP property named GPS…/…Latitude/…Longitude
 *                       (exif:GPS*, drone-dji:GpsLatitude, …)
 *   location            place names: IPTC City/Sub-location/Province/Country; photoshop:City/State/Country,
 *                       Iptc4xmpCore:Location, Iptc4xmpExt:LocationShown/LocationCreated
 *   device              camera and lens: Make, Model, LensMake, LensModel, LensSpecification,
 *                       UniqueCameraModel; tiff:Make/Model, aux:Lens*, exifEX:Lens*; PNG "Source"
 *   serial              numbers that single out one camera, lens or file: BodySerialNumber,
 *                       LensSerialNumber, CameraSerialNumber, ImageUniqueID; aux:SerialNumber, exifEX:*Serial*
 *   owner               names of the people behind the camera: Artist, Copyright, CameraOwnerName,
 *                       Photographer, ImageEditor, XPAuthor; dc:creator/rights/contributor/publisher,
 *                       xmpRights:Owner, photoshop:AuthorsPosition/CaptionWriter/Credit, aux:OwnerName,
 *                       Iptc4xmpCore:CreatorContactInfo; IPTC By-line, Credit, Source, Copyright, Contact,
 *                       Writer; PNG "Author"/"Copyright"
 *   people              names of people pictured: XMP face regions (mwg-rs:Regions, MP:RegionInfo),
 *                       Iptc4xmpExt:PersonInImage — the most dangerous kind for this bank
 *   software            programs and computers: Software, ProcessingSoftware, HostComputer, Exif 3.0
 *                       *Software/CameraFirmware; xmp:CreatorTool, aux:Firmware; IPTC Originating Program
 *   timestamps          DateTime, DateTimeOriginal, DateTimeDigitized, OffsetTime*, SubSecTime*;
 *                       xmp:CreateDate/ModifyDate/MetadataDate, exif:DateTime*, photoshop:DateCreated;
 *                       IPTC dates and times; PNG tIME and date text chunks
 *   thumbnail           embedded images that can show an older, uncropped version: EXIF IFD1, Photoshop
 *                       thumbnails, JFIF/JFXX thumbnails, MPF and FlashPix extra images, xmp:Thumbnails,
 *                       reduced-resolution TIFF pages and SubIFDs
 *   xmp-history         edit history and document identity: any xmpMM property (History, DerivedFrom,
 *                       DocumentID, InstanceID, …), photoshop:History/DocumentAncestors, crs:RawFileName
 *   xmp                 an XMP packet was present (everything else in it, e.g. keywords, ratings and
 *                       Lightroom settings, is dropped too)
 *   iptc                an IPTC-IIM block was present
 *   comment             free text: JPEG COM, EXIF ImageDescription/UserComment/XP*, PNG text chunks,
 *                       dc:description/title, IPTC Caption/Headline/Keywords/Object name
 *   maker-notes         vendor data: EXIF MakerNote (can hold serials and face-recognition names) and
 *                       vendor JPEG APPn segments, PNG/WebP chunks we do not know
 *   content-credentials C2PA manifests (JUMBF in JPEG APP11, PNG caBX, WebP C2PA): signer identity,
 *                       device and edit history
 *   trailing-data       bytes after the end of the image (phone "motion photo" videos, vendor trailers)
 * ICC colour profiles are deliberately not a kind: nearly every phone photo carries a standard one, the
 * pixels are converted by it to sRGB and it is not copied to the output, so listing it would be noise.
 */
import type { AcceptedFormat } from './sniff.ts'
import { runAsync, runSync, walkJpeg, walkPng, walkTiff, walkWebp, type ByteSource, type ContainerScan, type TiffScan } from './containers.ts'

import { xmpCaptureDate, xmpKinds } from './privacy.xmp.ts'

export { xmpCaptureDate, xmpKinds }
export type PrivacyKind =
  | 'gps'
  | 'location'
  | 'device'
  | 'serial'
  | 'owner'
  | 'people'
  | 'software'
  | 'timestamps'
  | 'thumbnail'
  | 'xmp-history'
  | 'xmp'
  | 'iptc'
  | 'comment'
  | 'maker-notes'
  | 'content-credentials'
  | 'trailing-data'

export const PRIVACY_KINDS: readonly PrivacyKind[] = [
  'gps',
  'location',
  'device',
  'serial',
  'owner',
  'people',
  'software',
  'timestamps',
  'thumbnail',
  'xmp-history',
  'xmp',
  'iptc',
  'comment',
  'maker-notes',
  'content-credentials',
  'trailing-data',
]

/** What we write back into every derivative (rights only). */
export const KEPT_FIELDS = ['creator', 'credit', 'copyright'] as const

export interface PrivacyReport {
  found: PrivacyKind[]
  /** Always equal to `found`: nothing private is ever kept. */
  removed: PrivacyKind[]
  kept: string[]
}

export function makeReport(kinds: Iterable<string>): PrivacyReport {
  const set = new Set(kinds)
  const found = PRIVACY_KINDS.filter((k) => set.has(k))
  return { found, removed: [...found], kept: [...KEPT_FIELDS] }
}

// ---------------------------------------------------------------------------------------------- EXIF

const IFD0_KINDS: Record<number, PrivacyKind> = {
  0x010f: 'device', // Make
  0x0110: 'device', // Model
  0xc614: 'device', // UniqueCameraModel (DNG)
  0xc615: 'device', // LocalizedCameraModel (DNG)
  0x0131: 'software', // Software
  0x000b: 'software', // ProcessingSoftware
  0x013c: 'software', // HostComputer
  0x013b: 'owner', // Artist
  0x8298: 'owner', // Copyright
  0x9c9d: 'owner', // XPAuthor
  0x0132: 'timestamps', // DateTime
  0x010e: 'comment', // ImageDescription
  0x9c9b: 'comment', // XPTitle
  0x9c9c: 'comment', // XPComment
  0x9c9e: 'comment', // XPKeywords
  0x9c9f: 'comment', // XPSubject
  0xc62f: 'serial', // CameraSerialNumber (DNG)
  0x014a: 'thumbnail', // SubIFDs (reduced-resolution images)
  0x02bc: 'xmp', // XMP packet
  0x83bb: 'iptc', // IPTC-NAA
  0x927c: 'maker-notes', // MakerNote (some writers put it in IFD0)
}

const EXIF_KINDS: Record<number, PrivacyKind> = {
  0x9003: 'timestamps', // DateTimeOriginal
  0x9004: 'timestamps', // DateTimeDigitized (CreateDate)
  0x9010: 'timestamps', // OffsetTime
  0x9011: 'timestamps', // OffsetTimeOriginal
  0x9012: 'timestamps', // OffsetTimeDigitized
  0x9290: 'timestamps', // SubSecTime
  0x9291: 'timestamps', // SubSecTimeOriginal
  0x9292: 'timestamps', // SubSecTimeDigitized
  0xa430: 'owner', // CameraOwnerName
  0xa437: 'owner', // Photographer (Exif 3.0)
  0xa438: 'owner', // ImageEditor (Exif 3.0)
  0xa431: 'serial', // BodySerialNumber
  0xa435: 'serial', // LensSerialNumber
  0xa420: 'serial', // ImageUniqueID
  0xa432: 'device', // LensSpecification
  0xa433: 'device', // LensMake
  0xa434: 'device', // LensModel
  0xa439: 'software', // CameraFirmware (Exif 3.0)
  0xa43a: 'software', // RAWDevelopingSoftware
  0xa43b: 'software', // ImageEditingSoftware
  0xa43c: 'software', // MetadataEditingSoftware
  0x927c: 'maker-notes', // MakerNote
  0x9286: 'comment', // UserComment
  0xa436: 'comment', // ImageTitle (Exif 3.0)
}

/** `file` mode: the TIFF upload itself (later IFDs are pages); `exif` mode: an EXIF block (IFD1 = thumbnail). */
export function exifKinds(scan: TiffScan, mode: 'file' | 'exif'): Set<PrivacyKind> {
  const kinds = new Set<PrivacyKind>()
  for (const tag of scan.ifd0) {
    const kind = IFD0_KINDS[tag]
    if (kind) kinds.add(kind)
  }
  for (const tag of scan.exif) {
    const kind = EXIF_KINDS[tag]
    if (kind) kinds.add(kind)
  }
  if (scan.gps.size > 0) kinds.add('gps')
  if (mode === 'exif' ? scan.laterIfds.length > 0 : scan.laterIfds.some((ifd) => ifd.reducedResolution)) {
    kinds.add('thumbnail')
  }
  return kinds
}

// ---------------------------------------------------------------------------------- IPTC-IIM and IRB

/** IIM record 2 datasets (IPTC-NAA IIM 4.2 §6) by kind; record 1 dates are timestamps too. */
const IIM_KINDS: Record<number, PrivacyKind> = {
  0x0250: 'owner',
  0x0255: 'owner',
  0x026e: 'owner',
  0x0273: 'owner',
  0x0274: 'owner',
  0x0276: 'owner',
  0x027a: 'owner',
  0x025a: 'location',
  0x025c: 'location',
  0x025f: 'location',
  0x0264: 'location',
  0x0265: 'location',
  0x021a: 'location',
  0x021b: 'location',
  0x0237: 'timestamps',
  0x023c: 'timestamps',
  0x023e: 'timestamps',
  0x023f: 'timestamps',
  0x021e: 'timestamps',
  0x0223: 'timestamps',
  0x0146: 'timestamps',
  0x0278: 'comment',
  0x0205: 'comment',
  0x0269: 'comment',
  0x0219: 'comment',
  0x0228: 'comment',
  0x0241: 'software',
  0x0246: 'software',
}

export function iimKinds(iim: Buffer): { kinds: Set<PrivacyKind>; dateCreated?: string } {
  const kinds = new Set<PrivacyKind>()
  let dateCreated: string | undefined
  let pos = 0
  while (pos + 5 <= iim.length && iim[pos] === 0x1c) {
    const id = (iim[pos + 1]! << 8) | iim[pos + 2]!
    let length = iim.readUInt16BE(pos + 3)
    let header = 5
    if (length & 0x8000) {
      // Extended dataset: the low bits give how many bytes hold the real length.
      const n = length & 0x7fff
      if (n > 4 || pos + 5 + n > iim.length) break
      length = n === 0 ? 0 : iim.readUIntBE(pos + 5, n)
      header += n
    }
    if (id !== 0x0200 && id !== 0x0100) kinds.add('iptc')
    const kind = IIM_KINDS[id]
    if (kind) kinds.add(kind)
    if (id === 0x0237 && length >= 6) dateCreated = iim.toString('latin1', pos + header, pos + header + Math.min(length, 8))
    pos += header + length
  }
  return { kinds, dateCreated }
}

/** Photoshop image resource blocks: IPTC (0x0404), thumbnails (0x0409, 0x040C), EXIF and XMP copies. */
export function irbContents(irb: Buffer): { iptc: Buffer[]; exif: Buffer[]; xmp: string[]; kinds: Set<PrivacyKind> } {
  const out = { iptc: [] as Buffer[], exif: [] as Buffer[], xmp: [] as string[], kinds: new Set<PrivacyKind>() }
  let pos = 0
  for (let guard = 0; pos + 12 <= irb.length && guard < 10_000; guard++) {
    const sig = irb.toString('latin1', pos, pos + 4)
    if (sig !== '8BIM' && sig !== 'MeSa' && sig !== 'PHUT' && sig !== 'AgHg' && sig !== 'DCSR') break
    const id = irb.readUInt16BE(pos + 4)
    const nameLength = irb[pos + 6]!
    const nameTotal = nameLength + 1 + ((nameLength + 1) % 2)
    const sizeAt = pos + 6 + nameTotal
    if (sizeAt + 4 > irb.length) break
    const size = irb.readUInt32BE(sizeAt)
    const data = irb.subarray(sizeAt + 4, sizeAt + 4 + size)
    if (id === 0x0404) out.iptc.push(data)
    else if (id === 0x0409 || id === 0x040c) out.kinds.add('thumbnail')
    else if (id === 0x0422) out.exif.push(data)
    else if (id === 0x0424) out.xmp.push(data.toString('utf8'))
    else if (id === 0x0421) out.kinds.add('software') // version info: the writing application
    pos = sizeAt + 4 + size + (size % 2)
  }
  return out
}

// -------------------------------------------------------------------------------------------- month

/** 'YYYY-MM' from an EXIF ("2025:06:14 13:37:00"), ISO 8601 or IIM ("20250614") date; never finer. */
export function monthOf(value: string | undefined): string | null {
  const m = /^\s*(\d{4})[:-]?(\d{2})/.exec(value ?? '')
  if (!m) return null
  const year = Number(m[1])
  const month = Number(m[2])
  if (year < 1826 || year > new Date().getUTCFullYear() + 1 || month < 1 || month > 12) return null
  return `${m[1]}-${m[2]}`
}

// ------------------------------------------------------------------------------------------ reading

export interface MetadataFindings {
  kinds: Set<PrivacyKind>
  capturedMonth: string | null
  /** APNG acTL, WebP ANIM/animation flag */
  animated: boolean
  /** TIFF only: full-resolution pages (reduced-resolution ones are thumbnails). */
  pages: number
}

/** Walk the container once and interpret every metadata block found in it. */
export async function readMetadata(source: ByteSource, format: AcceptedFormat): Promise<MetadataFindings> {
  const kinds = new Set<PrivacyKind>()
  const dates: (string | undefined)[] = []
  let pages = 1
  let scan: ContainerScan
  if (format === 'tiff') {
    const tiff = await runAsync(walkTiff(source.size), source)
    scan = { exif: [], xmp: [], iptc: [], photoshop: [], direct: new Set(), animated: false, end: null }
    if (tiff) {
      for (const k of exifKinds(tiff, 'file')) kinds.add(k)
      dates.push(tiff.dates.original, tiff.dates.digitized)
      scan.xmp.push(...tiff.xmp)
      scan.iptc.push(...tiff.iptc)
      scan.photoshop.push(...tiff.photoshop)
      pages = 1 + tiff.laterIfds.filter((ifd) => !ifd.reducedResolution).length
    }
  } else {
    const walk = format === 'jpeg' ? walkJpeg : format === 'png' ? walkPng : walkWebp
    scan = await runAsync(walk(source.size), source)
    if (scan.end !== null && scan.end < source.size) kinds.add('trailing-data')
  }
  for (const k of scan.direct) kinds.add(k as PrivacyKind)

  const iptc = [...scan.iptc]
  const exif = [...scan.exif]
  const xmp = [...scan.xmp]
  for (const irb of scan.photoshop) {
    const inner = irbContents(irb)
    for (const k of inner.kinds) kinds.add(k)
    iptc.push(...inner.iptc)
    exif.push(...inner.exif)
    xmp.push(...inner.xmp)
  }
  const xmpDates: (string | undefined)[] = []
  const iptcDates: (string | undefined)[] = []
  for (const block of exif) {
    const tiff = runSync(walkTiff(block.length), block)
    if (!tiff) continue
    for (const k of exifKinds(tiff, 'exif')) kinds.add(k)
    dates.push(tiff.dates.original, tiff.dates.digitized)
  }
  for (const packet of xmp) {
    for (const k of xmpKinds(packet)) kinds.add(k)
    xmpDates.push(xmpCaptureDate(packet))
  }
  for (const block of iptc) {
    const found = iimKinds(block)
    for (const k of found.kinds) kinds.add(k)
    iptcDates.push(found.dateCreated)
  }
  const capturedMonth = [...dates, ...xmpDates, ...iptcDates].map(monthOf).find((m) => m !== null) ?? null
  return { kinds, capturedMonth, animated: scan.animated, pages }
}
