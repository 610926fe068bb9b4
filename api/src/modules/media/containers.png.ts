/** PNG chunks, WebP RIFF chunks and ISO-BMFF boxes (AVIF): where metadata is and where the image ends. */
import { inflateSync } from 'node:zlib'
import { MAX_BLOCK, emptyScan, iccKinds, latin1, stripExifHeader, type ContainerScan, type Reads } from './containers.read.ts'
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
