import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MediaError, sniffImageType, type MediaProblem } from '../../../api/src/modules/media/index.ts'
import { mediaFixtures, type MediaFixtures } from './media-fixtures.ts'

let m: MediaFixtures
beforeAll(async () => {
  m = await mediaFixtures()
})
afterAll(() => m?.cleanup())

const head = async (file: string) => (await readFile(file)).subarray(0, 4096)

function problem(bytes: Buffer): MediaProblem | 'accepted' {
  try {
    sniffImageType(bytes)
    return 'accepted'
  } catch (err) {
    if (err instanceof MediaError) return err.problem
    throw err
  }
}

describe('sniffImageType', () => {
  it.each([
    ['plain.jpg', 'jpeg'],
    ['plain.png', 'png'],
    ['plain.webp', 'webp'],
    ['plain.tiff', 'tiff'],
    ['meta-everything.tiff', 'tiff'],
    ['lying-mimetype.png.jpg', 'png'],
  ] as const)('recognises %s as %s from its bytes', async (name, format) => {
    expect(sniffImageType(await head(m.fx[name]))).toBe(format)
  })

  it.each([
    ['image.svg', 'svg-not-allowed'],
    ['svg-as.png', 'svg-not-allowed'],
    ['page.html', 'html-not-allowed'],
    ['page-as.jpg', 'html-not-allowed'],
    ['document.pdf', 'pdf-not-allowed'],
    ['image.heic', 'heic-not-supported'],
    ['image.avif', 'unsupported-image-format'],
    ['static.gif', 'unsupported-image-format'],
    ['animated.gif', 'unsupported-image-format'],
    ['random.bin', 'unsupported-image-format'],
    ['random-as.jpg', 'unsupported-image-format'],
    ['empty.jpg', 'empty-file'],
  ] as const)('refuses %s with %s, whatever its name says', async (name, expected) => {
    expect(problem(await head(m.fx[name]))).toBe(expected)
  })

  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
  it.each([
    ['a UTF-8 BOM', `\uFEFF${svg}`],
    ['leading whitespace', `\n\n\t  ${svg}`],
    ['an XML declaration', `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`],
    ['comments before the root', `<?xml version="1.0"?><!-- made by hand --><!-- two -->${svg}`],
    ['a DOCTYPE with an internal subset', `<!DOCTYPE svg [<!ENTITY a "aaaa">]>${svg}`],
    ['a namespace prefix', '<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>'],
    ['upper case', '<SVG></SVG>'],
  ])('refuses SVG with %s', (_label, text) => {
    expect(problem(Buffer.from(text, 'utf8').subarray(0, 4096))).toBe('svg-not-allowed')
  })

  it('still refuses an SVG hidden behind a comment longer than the head, as an unknown format', () => {
    const padded = Buffer.from(`<?xml version="1.0"?><!--${'x'.repeat(5000)}-->${svg}`, 'utf8').subarray(0, 4096)
    expect(problem(padded)).toBe('unsupported-image-format')
  })

  it('refuses SVG written in UTF-16 (with and without a BOM)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svg, 'utf16le')])
    expect(problem(le)).toBe('svg-not-allowed')
    expect(problem(Buffer.from(svg, 'utf16le'))).toBe('svg-not-allowed')
  })

  it.each([
    ['<!DOCTYPE html><html><body>hi</body></html>'],
    ['  <html><script>alert(1)</script></html>'],
    ['<!-- x --><body onload="alert(1)">'],
    ['<script>alert(1)</script>'],
    ['<iframe src="https://example.org"></iframe>'],
    ['<!DOCTYPE html><html><body><svg></svg></body></html>'],
  ])('refuses HTML %#, also with inline SVG inside', (text) => {
    expect(problem(Buffer.from(text))).toBe('html-not-allowed')
  })

  it('refuses a PDF whose header follows leading junk', () => {
    expect(problem(Buffer.from('\r\n  %PDF-1.7\n1 0 obj'))).toBe('pdf-not-allowed')
  })

  const ftyp = (major: string, ...compatible: string[]) => {
    const size = 16 + compatible.length * 4
    const b = Buffer.alloc(size + 8)
    b.writeUInt32BE(size, 0)
    b.write('ftyp', 4, 'latin1')
    b.write(major, 8, 'latin1')
    compatible.forEach((brand, i) => {
      b.write(brand, 16 + i * 4, 'latin1')
    })
    return b
  }
  it.each([
    [['heic', 'mif1', 'heic'], 'heic-not-supported'],
    [['mif1', 'mif1', 'heix'], 'heic-not-supported'],
    [['msf1', 'msf1', 'hevc'], 'heic-not-supported'],
    [['mif1', 'mif1'], 'heic-not-supported'],
    [['avif', 'mif1', 'miaf'], 'unsupported-image-format'],
    [['mif1', 'mif1', 'avif'], 'unsupported-image-format'],
    [['avis', 'msf1', 'avis'], 'unsupported-image-format'],
    [['isom', 'isom', 'mp41'], 'unsupported-image-format'],
  ] as const)('decides ISO-BMFF brands %j as %s', ([major, ...compatible], expected) => {
    expect(problem(ftyp(major, ...compatible))).toBe(expected)
  })

  it.each([
    ['BMP', Buffer.from('BM\x36\x00\x00\x00', 'latin1')],
    ['JPEG XL', Buffer.from([0xff, 0x0a, 0x00])],
    ['gzip (svgz)', Buffer.from([0x1f, 0x8b, 0x08, 0x00])],
    ['plain text', Buffer.from('hello world')],
  ])('refuses %s as an unsupported format', (_label, bytes) => {
    expect(problem(bytes)).toBe('unsupported-image-format')
  })
})
