/**
 * The pipeline: inspect an upload (headers only), then render every derivative from ONE decode.
 *
 * Why derivatives cannot carry the original's metadata: the source is decoded to raw sRGB pixels (a plain
 * Buffer, no metadata attached), and every output is encoded from such a pixel buffer, with only the
 * rights XMP/EXIF we build ourselves. withMetadata/keepMetadata/keepExif/withExifMerge/keepXmp are never
 * called (STACK.md). Trailing bytes cannot survive either: encoders write complete files from pixels.
 *
 * Colour: everything is converted to sRGB by the embedded ICC profile (CMYK without a profile through
 * libvips' built-in CMYK profile), then a compact sRGB profile (libvips' built-in, 480 bytes, CC0) is
 * embedded in every output. Browsers should treat untagged images as sRGB (CSS Color 4, "Color Spaces of
 * Untagged Colors"), but Firefox's default `gfx.color_management.mode` 2 colour-manages tagged images only
 * (MDN "ICC color correction in Firefox"), so untagged sRGB looks oversaturated there on wide-gamut
 * screens; see also mozjpeg#192 and sharp#734. 480 bytes buy correct colour. libheif writes no nclx `colr`
 * box for our AVIF, so AVIF gets the profile too (a `colr` 'prof' box): every format is tagged alike.
 */
import { open } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import sharp, { type AvifOptions, type JpegOptions, type Metadata, type Sharp, type WebpOptions } from 'sharp'
import { rgbaToThumbHash } from 'thumbhash'
import { fileSource, gifFrames, isoBmffEnd, jpegEnd, runAsync, webpEnd, type ByteSource } from './containers.ts'
import { mediaError, MediaError } from './media.errors.ts'
import { ENCODER, FULL_ENCODER, planSizes, PRESETS, type OutputFormat, type PlannedSize, type PresetName } from './presets.ts'
import { makeReport, readMetadata, type PrivacyReport } from './privacy.ts'
import { rightsExif, rightsXmp, type Rights } from './rights.ts'
import { sniffImageType, SNIFF_BYTES, type AcceptedFormat } from './sniff.ts'

export type { Rights }

// Process-wide sharp settings; this module is the only importer of sharp (STYLE.md), so they are ours.
// No operation cache: every input is decoded once, so caching only holds memory (sharp "Performance").
sharp.cache(false)
// One libvips thread per operation; a render runs one operation per core instead (see cpuSlot below).
// sharp picks 1 itself on glibc, but switches to one per core when MALLOC_ARENA_MAX is set, and that was
// slower here (decode and encodes then fight over the same two cores).
sharp.concurrency(1)
// Only the four accepted decoders may run, whatever a caller passes in: SVG (librsvg), GIF, HEIF/AVIF,
// JPEG 2000/XL, FITS, … stay unreachable even if sniffing were bypassed (sharp.block(), libvips ≥ 8.13).
sharp.block({ operation: ['VipsForeignLoad'] })
sharp.unblock({ operation: ['VipsForeignLoadJpeg', 'VipsForeignLoadPng', 'VipsForeignLoadWebp', 'VipsForeignLoadTiff'] })

/**
 * Decoder strictness. 'warning' (sharp's default, the strictest) also refuses files with libjpeg's
 * "Corrupt JPEG data" warnings — garbage inside the entropy-coded data that 'error' would decode into
 * grey blocks. Every real photo in fixtures/photos and the valid generated cases pass it.
 */
const FAIL_ON = 'warning' as const

export interface Inspection {
  format: AcceptedFormat
  /** After EXIF orientation. */
  width: number
  height: number
  orientation: number
  /** 'YYYY-MM' from DateTimeOriginal/CreateDate; never finer, so it cannot place someone at an hour. */
  capturedMonth: string | null
  privacyReport: PrivacyReport
}

export interface RenderedDerivative {
  preset: PresetName
  format: OutputFormat
  width: number
  height: number
  bytes: Buffer
}

export interface RenderResult {
  derivatives: RenderedDerivative[]
  /** ThumbHash of the smallest level, base64. */
  thumbhash: string
  /** '#rrggbb' */
  dominantColour: string
  /** Oriented source size. */
  width: number
  height: number
}

interface Level extends PlannedSize {
  pixels: Buffer // raw sRGB, 3 channels, 8 bits
}

// --------------------------------------------------------------------------------------------- inspect

/**
 * Header-only checks before any pixel is decoded: type from the bytes, pixel cap, animation; then the
 * privacy report from the metadata blocks. Throws MediaError.
 */
export async function inspectImage(file: string, opts: { maxPixels: number }): Promise<Inspection> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const source = fileSource(handle, size)
    const format = await sniff(source)
    const meta = await header(file)
    if (meta.width * meta.height > opts.maxPixels) throw mediaError('too-many-pixels')
    if ((meta.pages ?? 1) > 1 && format !== 'tiff') throw mediaError('animated-image')
    const found = await readMetadata(source, format)
    if (found.animated || found.pages > 1) throw mediaError('animated-image')
    return {
      format,
      width: meta.autoOrient.width,
      height: meta.autoOrient.height,
      orientation: meta.orientation ?? 1,
      capturedMonth: found.capturedMonth,
      privacyReport: makeReport(found.kinds),
    }
  } finally {
    await handle.close()
  }
}

/** sniffImageType, except that an animated GIF is refused for being animated (clearer than "not a format"). */
async function sniff(source: ByteSource): Promise<AcceptedFormat> {
  const head = await source.read(0, SNIFF_BYTES)
  try {
    return sniffImageType(head)
  } catch (err) {
    if (head.toString('latin1', 0, 4) === 'GIF8' && (await runAsync(gifFrames(source.size), source)) > 1) {
      throw mediaError('animated-image')
    }
    throw err
  }
}

async function header(input: string | Buffer): Promise<Metadata> {
  // No pixel limit here: we compare against our own cap to answer with our own problem.
  const meta = await sharp(input, { failOn: FAIL_ON, limitInputPixels: false })
    .metadata()
    .catch((err: unknown) => {
      throw decodeError(err)
    })
  if (!(meta.width > 0 && meta.height > 0)) throw mediaError('corrupt-image')
  return meta
}

/** Map a sharp/libvips failure while reading the source to a MediaError; anything else is a bug. */
function decodeError(err: unknown): Error {
  if (err instanceof MediaError) return err
  const message = err instanceof Error ? err.message : String(err)
  if (/Input file is missing|ENOENT|EACCES/.test(message)) return err instanceof Error ? err : new Error(message)
  if (/pixel limit/i.test(message)) return mediaError('too-many-pixels')
  if (/unsupported image format/i.test(message)) return mediaError('unsupported-image-format')
  return mediaError('corrupt-image')
}

// ---------------------------------------------------------------------------------------------- render

/**
 * One decode → auto-orient → sRGB → shrink-on-load straight to the largest preset → each smaller preset
 * resized from the next larger one (raw pixels, no re-decode) → JPEG/WebP encodes with rights only.
 * Levels and encodes run as soon as their input exists, so encodes overlap the cascade.
 */
export async function renderDerivatives(
  input: string | Buffer,
  opts: { formats: readonly OutputFormat[]; rights: Rights; maxPixels: number },
): Promise<RenderResult> {
  const { levels, width, height } = await decodeLevels(input, opts.maxPixels)
  const rights = encodedRights(opts.rights)
  const cpuSlot = limiter(availableParallelism())
  const encodes = levels.flatMap((level) => opts.formats.map((format) => level.then((l) => cpuSlot(() => encode(l, format, rights)))))
  const smallest = levels[levels.length - 1]!
  const [derivatives, placeholder] = await Promise.all([Promise.all(encodes), smallest.then((l) => cpuSlot(() => placeholders(l)))])
  return { derivatives: sortDerivatives(derivatives), ...placeholder, width, height }
}

/** Every preset as AVIF (background job). Encodes run one at a time: libaom is memory-hungry and threads itself. */
export async function renderAvif(input: string | Buffer, opts: { rights: Rights; maxPixels: number }): Promise<RenderedDerivative[]> {
  const { levels } = await decodeLevels(input, opts.maxPixels)
  const rights = encodedRights(opts.rights)
  const out: RenderedDerivative[] = []
  for (const level of levels) out.push(await encode(await level, 'avif', rights))
  return sortDerivatives(out)
}

/**
 * A full-size download: the same decode as the derivatives (auto-orient, sRGB, flattened, to raw pixels,
 * so nothing of the original's metadata can survive), not resized, encoded at FULL_ENCODER quality with
 * the rights metadata only.
 */
export async function renderFull(
  input: string | Buffer,
  opts: { format: 'jpeg' | 'webp'; rights: Rights; maxPixels: number },
): Promise<{ bytes: Buffer; width: number; height: number }> {
  sniffImageType(typeof input === 'string' ? await readHead(input) : input.subarray(0, SNIFF_BYTES))
  const meta = await header(input)
  if (meta.width * meta.height > opts.maxPixels) throw mediaError('too-many-pixels')
  const { width, height } = meta.autoOrient
  let pipeline = sharp(input, { failOn: FAIL_ON, limitInputPixels: opts.maxPixels, sequentialRead: true }).rotate()
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' })
  if (meta.depth === 'ushort' && meta.hasProfile) pipeline = pipeline.withIccProfile('srgb')
  const level = await toLevel(pipeline.toColourspace('srgb'), { preset: 'large', width, height }).catch((err: unknown) => {
    throw decodeError(err)
  })
  const { bytes } = await encode(level, opts.format, encodedRights(opts.rights), FULL_ENCODER[opts.format])
  return { bytes, width, height }
}

async function decodeLevels(input: string | Buffer, maxPixels: number): Promise<{ levels: Promise<Level>[]; width: number; height: number }> {
  sniffImageType(typeof input === 'string' ? await readHead(input) : input.subarray(0, SNIFF_BYTES))
  const meta = await header(input)
  if (meta.width * meta.height > maxPixels) throw mediaError('too-many-pixels')
  const { width, height } = meta.autoOrient
  const [top, ...rest] = planSizes(width, height)

  let pipeline = sharp(input, { failOn: FAIL_ON, limitInputPixels: maxPixels, sequentialRead: true })
    .rotate()
    .resize(top!.width, top!.height, { fit: 'fill', fastShrinkOnLoad: true })
  // JPEG has no alpha: flatten transparent photos on white, the same for every format.
  if (meta.hasAlpha) pipeline = pipeline.flatten({ background: '#ffffff' })
  // sharp converts 16-bit input with a profile into a P3 working space and later only narrows it to 8 bits;
  // an explicit sRGB output transform makes the numbers sRGB (checked in test/modules/media).
  if (meta.depth === 'ushort' && meta.hasProfile) pipeline = pipeline.withIccProfile('srgb')
  const first = toLevel(pipeline.toColourspace('srgb'), top!).catch((err: unknown) => {
    throw decodeError(err)
  })
  const levels: Promise<Level>[] = [first]
  for (const size of rest) {
    const previous = levels[levels.length - 1]!
    levels.push(previous.then((p) => toLevel(fromPixels(p).resize(size.width, size.height, { fit: 'fill' }), size)))
  }
  // Callers await every level; mark early rejections handled so a failed decode surfaces once, from there.
  for (const level of levels) level.catch(() => undefined)
  await first
  return { levels, width, height }
}

async function toLevel(pipeline: Sharp, size: PlannedSize): Promise<Level> {
  const { data, info } = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== 3 || info.width !== size.width || info.height !== size.height) {
    throw new Error(`media: unexpected level ${info.width}x${info.height}x${info.channels}`)
  }
  return { ...size, pixels: data }
}

const fromPixels = (level: { pixels: Buffer; width: number; height: number }) =>
  sharp(level.pixels, { raw: { width: level.width, height: level.height, channels: 3 } })

interface EncodedRights {
  xmp: string
  exif: ReturnType<typeof rightsExif>
}
const encodedRights = (rights: Rights): EncodedRights => ({ xmp: rightsXmp(rights), exif: rightsExif(rights) })

async function encode(
  level: Level,
  format: OutputFormat,
  rights: EncodedRights,
  settings: (typeof ENCODER)[OutputFormat] | (typeof FULL_ENCODER)[keyof typeof FULL_ENCODER] = ENCODER[format],
): Promise<RenderedDerivative> {
  let img = fromPixels(level)
  img = img.withIccProfile('srgb')
  if (rights.exif) img = img.withExif(rights.exif)
  img = img.withXmp(rights.xmp)
  if (format === 'jpeg') img = img.jpeg(settings as JpegOptions)
  else if (format === 'webp') img = img.webp(settings as WebpOptions)
  else img = img.avif(settings as AvifOptions)
  const bytes = await img.toBuffer()
  return { preset: level.preset, format, width: level.width, height: level.height, bytes }
}

/** ThumbHash (≤ 100 px, RGBA, as the library requires) and dominant colour from the smallest level. */
async function placeholders(level: Level): Promise<{ thumbhash: string; dominantColour: string }> {
  const small = await fromPixels(level).resize(100, 100, { fit: 'inside', withoutEnlargement: true }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const thumbhash = Buffer.from(rgbaToThumbHash(small.info.width, small.info.height, small.data)).toString('base64')
  const { dominant } = await fromPixels(level).stats()
  const hex = (n: number) => n.toString(16).padStart(2, '0')
  return { thumbhash, dominantColour: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` }
}

const PRESET_ORDER = PRESETS.map((p) => p.name) as readonly PresetName[]
const FORMAT_ORDER: readonly OutputFormat[] = ['jpeg', 'webp', 'avif']
const sortDerivatives = (list: RenderedDerivative[]) =>
  list.sort((a, b) => PRESET_ORDER.indexOf(a.preset) - PRESET_ORDER.indexOf(b.preset) || FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format))

async function readHead(file: string): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

// ----------------------------------------------------------------------------------------- end of image

/** True when nothing follows the end of the image: JPEG ends at its EOI (FFD9); RIFF/ISO-BMFF sizes add up. */
export function endOfImageOk(bytes: Buffer, format: OutputFormat): boolean {
  const end = format === 'jpeg' ? jpegEnd(bytes) : format === 'webp' ? webpEnd(bytes) : isoBmffEnd(bytes)
  return end !== null && end === bytes.length
}

/**
 * At most one sharp task per core for each render. More buys no speed (measured: 2 in flight on 2 cores
 * was as fast as 8) but keeps more encoder working memory alive at once, spread over more glibc malloc
 * arenas that never shrink back (see sharp's "Performance" page on memory fragmentation).
 */
function limiter(max: number) {
  let active = 0
  const queue: (() => void)[] = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      queue.shift()?.()
    }
  }
}
