import { Problem } from '../../platform/problems.ts'
import type { MediaError } from '../media/index.ts'

/** Each refused upload has its own problem type (a stable slug), status, and a hint a person can act on. */
const MEDIA: Record<MediaError['problem'], { status: number; title: string; detail: string }> = {
  'unsupported-image-format': { status: 415, title: 'Unsupported image format', detail: 'Upload a JPEG, PNG, WebP or TIFF file.' },
  'svg-not-allowed': {
    status: 415,
    title: 'SVG is not accepted',
    detail: 'SVG files can carry scripts and are not photographs. Upload a JPEG, PNG, WebP or TIFF file.',
  },
  'animated-image': { status: 415, title: 'Animated images are not accepted', detail: 'Upload a single still photo.' },
  'heic-not-supported': {
    status: 415,
    title: 'HEIC is not supported',
    detail: 'Export the photo as JPEG first (on an iPhone: Settings › Camera › Formats › Most Compatible, or share it as JPEG).',
  },
  'pdf-not-allowed': { status: 415, title: 'PDF is not accepted', detail: 'Upload the photo itself as a JPEG, PNG, WebP or TIFF file.' },
  'html-not-allowed': { status: 415, title: 'HTML is not accepted', detail: 'This file is a web page, not an image.' },
  'empty-file': { status: 400, title: 'The file is empty', detail: 'The uploaded file has no content.' },
  'corrupt-image': { status: 422, title: 'The image is damaged', detail: 'The file is truncated or corrupt and cannot be decoded. Export it again and retry.' },
  'too-many-pixels': { status: 413, title: 'The image has too many pixels', detail: 'The image is larger than the pixel limit.' },
}

export function mediaProblem(err: MediaError, maxPixels: number): Problem {
  const m = MEDIA[err.problem]!
  const detail = err.problem === 'too-many-pixels' ? `The image is larger than ${Math.round(maxPixels / 1e6)} megapixels.` : m.detail
  return new Problem(m.status, err.problem, m.title, detail)
}

export const photoProblems = {
  fileTooLarge: (maxBytes: number) =>
    new Problem(413, 'file-too-large', 'The file is too large', `The upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`),
  noFile: () => new Problem(400, 'file-missing', 'No file', 'Send the photo in the multipart field "file".'),
  duplicate: (photoId: string) => new Problem(409, 'duplicate-photo', 'You uploaded this photo already', 'This file is already in your photos.', { photoId }),
  /** 410 without saying why: whether someone withdrew is not the caller's business (DESIGN.md promise 1). */
  gone: () => new Problem(410, 'photo-gone', 'Photo no longer available', 'This photo is no longer available.'),
  notFound: () => new Problem(404, 'photo-not-found', 'Photo not found', 'There is no photo with this id that you may see.'),
  /** The same 404 for a photo that exists but is not the caller's to change: whether it exists is not their business. */
  notYours: () => new Problem(404, 'photo-not-found', 'Photo not found', 'There is no photo with this id that you may change.'),
  unknownPreset: () => new Problem(404, 'unknown-preset', 'Unknown preset', 'Ask for thumb, small, medium or large as jpeg, webp or avif.'),
  /** A withdrawn photo is never published again; consent gives the same answer (consent.model.ts uses this one). */
  withdrawnFinal: () =>
    new Problem(
      409,
      'consent-withdrawn',
      'Consent was withdrawn',
      'Consent for this photo was withdrawn. A withdrawn photo is not published again; ask for a new photo session.',
    ),
  derivativeNotReady: () => new Problem(404, 'derivative-not-available', 'Not available', 'This size or format is not available for this photo (yet).'),
}
