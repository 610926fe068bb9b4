/**
 * The one error the media pipeline throws on purpose. `problem` is a stable slug the HTTP layer maps to an
 * RFC 9457 problem type (415 for formats, 413 for too many pixels, 422 for broken files). The message is
 * short English for people; it never holds a file name, a metadata value or a decoder's own text (which
 * can quote bytes of the file).
 */

export type MediaProblem =
  | 'unsupported-image-format'
  | 'svg-not-allowed'
  | 'animated-image'
  | 'heic-not-supported'
  | 'pdf-not-allowed'
  | 'html-not-allowed'
  | 'empty-file'
  | 'corrupt-image'
  | 'too-many-pixels'

export class MediaError extends Error {
  override readonly name = 'MediaError'

  constructor(
    public readonly problem: MediaProblem,
    message: string,
  ) {
    super(message)
  }
}

export const isMediaError = (error: unknown): error is MediaError => error instanceof MediaError

/** Messages in one place so the wording stays consistent and free of file details. */
export const MESSAGES: Record<MediaProblem, string> = {
  'unsupported-image-format': 'The file is not a JPEG, PNG, WebP or TIFF image.',
  'svg-not-allowed': 'SVG files are not accepted; upload a photo (JPEG, PNG, WebP or TIFF).',
  'animated-image': 'Animated or multi-page images are not accepted; upload a single photo.',
  'heic-not-supported': 'HEIC/HEIF photos are not accepted yet; export the photo as JPEG first.',
  'pdf-not-allowed': 'PDF files are not accepted; upload a photo (JPEG, PNG, WebP or TIFF).',
  'html-not-allowed': 'HTML files are not accepted; upload a photo (JPEG, PNG, WebP or TIFF).',
  'empty-file': 'The file is empty.',
  'corrupt-image': 'The image is damaged or incomplete and cannot be read.',
  'too-many-pixels': 'The image has more pixels than allowed.',
}

export const mediaError = (problem: MediaProblem): MediaError => new MediaError(problem, MESSAGES[problem])
