/**
 * Decide an upload's type from its first bytes only; the file name and the client's Content-Type are
 * never consulted (a `.jpg` can hold HTML, a `.png` an SVG). The first 4 KB are enough for every rule here.
 *
 * Signatures: JPEG SOI `FF D8 FF` (ITU T.81 B.1.1.2 + JFIF/Exif APPn), PNG (RFC 2083 §3.1), WebP
 * (`RIFF….WEBP`, RFC 9649 §2), TIFF (`II*\0`/`MM\0*`, TIFF 6.0 §2; BigTIFF `II+\0`/`MM\0+`),
 * ISO-BMFF `ftyp` brands for HEIF/AVIF (ISO/IEC 23008-12 Annex B, AV1 Image File Format §6),
 * HTML by the WHATWG MIME Sniffing rules (§7.1 "identifying a resource with an unknown MIME type").
 */
import { MediaError, mediaError } from './media.errors.ts'

export type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'tiff'

/** How many leading bytes callers should pass. */
export const SNIFF_BYTES = 4096

const startsWith = (b: Buffer, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((byte, i) => b[at + i] === byte)
const ascii = (b: Buffer, start: number, end: number) => b.toString('latin1', start, Math.min(end, b.length))

// HEIF brands (ISO/IEC 23008-12): images and sequences coded with HEVC, plus the generic MIAF/HEIF
// structural brands, which on their own mean "some HEIF"; with 'avif'/'avis' present the file is AVIF.
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])
const AVIF_BRANDS = new Set(['avif', 'avis'])

// Root elements that make a document HTML (WHATWG MIME Sniffing §7.1, plus a few common ones).
const HTML_ROOTS = new Set([
  'html',
  'head',
  'body',
  'script',
  'iframe',
  'h1',
  'div',
  'font',
  'table',
  'a',
  'style',
  'title',
  'b',
  'br',
  'p',
  'meta',
  'link',
  'span',
  'img',
  'form',
  'object',
  'embed',
  'template',
  'base',
])

export function sniffImageType(head: Buffer): AcceptedFormat {
  if (head.length === 0) throw mediaError('empty-file')

  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp'
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff'
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff'

  if (ascii(head, 4, 8) === 'ftyp') throw isoBmffProblem(head)
  const problem = textProblem(head)
  if (problem) throw mediaError(problem)
  // GIF, BMP, JPEG 2000/XL, ICO, video, archives, random bytes, …
  throw mediaError('unsupported-image-format')
}

function isoBmffProblem(head: Buffer): MediaError {
  const boxSize = head.readUInt32BE(0)
  const end = Math.min(head.length, boxSize >= 16 ? boxSize : 16)
  const brands = [ascii(head, 8, 12)]
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, at + 4))
  if (brands.some((b) => AVIF_BRANDS.has(b))) return mediaError('unsupported-image-format')
  if (brands.some((b) => HEIC_BRANDS.has(b))) return mediaError('heic-not-supported')
  return mediaError('unsupported-image-format')
}

/** SVG, HTML and PDF are text-ish: look past byte-order marks, whitespace, XML declarations and comments. */
function textProblem(head: Buffer): 'svg-not-allowed' | 'html-not-allowed' | 'pdf-not-allowed' | null {
  const text = decodeText(head)
  // PDF readers accept the header anywhere in the first 1024 bytes (ISO 32000-2 §7.5.2, implementation note).
  if (text.slice(0, 1024).includes('%PDF-')) return 'pdf-not-allowed'

  let rest = text.replace(/^\uFEFF/, '')
  for (;;) {
    rest = rest.trimStart()
    if (rest.startsWith('<?')) {
      rest = skipPast(rest, '?>')
    } else if (rest.startsWith('<!--')) {
      rest = skipPast(rest, '-->')
    } else if (/^<!doctype/i.test(rest)) {
      const name = /^<!doctype\s+([\w:.-]+)/i.exec(rest)?.[1]?.toLowerCase()
      if (name === 'svg' || name?.endsWith(':svg')) return 'svg-not-allowed'
      if (name === 'html') return 'html-not-allowed'
      rest = skipPast(rest, '>')
    } else {
      break
    }
  }
  const root = /^<([A-Za-z][\w.:-]*)[\s/>]/.exec(rest)?.[1]?.toLowerCase()
  if (root !== undefined) {
    const local = root.slice(root.indexOf(':') + 1)
    if (local === 'svg') return 'svg-not-allowed'
    if (HTML_ROOTS.has(local)) return 'html-not-allowed'
  }
  // Prolog longer than the head, or an unusual root: fall back to looking for the tell-tale elements.
  if (/<(?:[\w.-]+:)?svg[\s>]/i.test(text)) return 'svg-not-allowed'
  if (/<(?:html|head|body|script|iframe)[\s>]/i.test(text)) return 'html-not-allowed'
  return null
}

function skipPast(text: string, terminator: string): string {
  const at = text.indexOf(terminator)
  return at < 0 ? '' : text.slice(at + terminator.length)
}

function decodeText(head: Buffer): string {
  // UTF-16 with a BOM, or without one but starting with '<' (XML 1.0 Appendix F.1).
  if (startsWith(head, [0xff, 0xfe]) || (head[0] === 0x3c && head[1] === 0x00)) {
    return new TextDecoder('utf-16le').decode(head)
  }
  if (startsWith(head, [0xfe, 0xff]) || (head[0] === 0x00 && head[1] === 0x3c)) {
    return new TextDecoder('utf-16be').decode(head)
  }
  return head.toString('utf8')
}
