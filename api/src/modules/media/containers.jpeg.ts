/** The JPEG walker: segments, metadata blocks, the end of the entropy-coded data (ITU T.81 Annex B). */
import { SCAN_WINDOW, emptyScan, iccKinds, latin1, runSync, type ContainerScan, type Reads } from './containers.read.ts'

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
