/**
 * media: the image pipeline, with no HTTP. Owns deciding a file's type from its bytes, the pixel cap, the
 * privacy report (which kinds of private metadata an upload carried), and rendering derivatives from one
 * decode: auto-orient, sRGB, named presets (never upscaled), JPEG/WebP now and AVIF later, rights metadata only.
 * The only place in api/ that imports sharp.
 * Must never: copy metadata from an original into a served byte (no withMetadata/keepMetadata/keepExif/
 * withExifMerge/keepXmp), put a metadata value (coordinates, serials, names) into a report, error or log,
 * decide a type from a file name or client mimetype, or decode pixels before the header checks passed.
 */
export * from './presets.ts'
export * from './media.errors.ts'
export { sniffImageType, SNIFF_BYTES, type AcceptedFormat } from './sniff.ts'
export { PRIVACY_KINDS, KEPT_FIELDS, type PrivacyKind, type PrivacyReport } from './privacy.ts'
export { asciiFold, MODEL_RELEASE_STATUS, type GrantRights, type LangAlt, type ModelReleaseStatus, type Rights } from './rights.ts'
export {
  endOfImageOk,
  inspectImage,
  renderAvif,
  renderDerivatives,
  renderFull,
  type Inspection,
  type RenderedDerivative,
  type RenderResult,
} from './media.pipeline.ts'
export { PPI, stampJpeg, stampRights, stampWebp } from './stamp.ts'
