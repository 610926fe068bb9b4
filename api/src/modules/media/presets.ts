/**
 * Derivative presets and encoder settings. Presets are data: a client can only ask for one of these names,
 * never for a width (Directus `assets.ts`, Payload `imageSizes` do the same), so nobody can make the server
 * render arbitrary sizes.
 */

export const PRESETS = [
  { name: 'thumb', width: 320 },
  { name: 'small', width: 640 },
  { name: 'medium', width: 1280 },
  { name: 'large', width: 2048 },
] as const

export type PresetName = 'thumb' | 'small' | 'medium' | 'large'

/** Made during the upload request. */
export const EAGER_FORMATS = ['jpeg', 'webp'] as const
/** Made by a background job: AVIF is ~10× slower to encode (STACK.md). */
export const BACKGROUND_FORMATS = ['avif'] as const

export type OutputFormat = 'jpeg' | 'webp' | 'avif'

export const MIME: Record<OutputFormat, string> = {
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
}

/** File extension per format, for storage keys and URLs (`/media/:preset.:format`). */
export const EXTENSION: Record<OutputFormat, string> = { jpeg: 'jpg', webp: 'webp', avif: 'avif' }

/**
 * Encoder settings. JPEG: libjpeg-turbo path (`mozjpeg: false`) — sharp's mozjpeg preset turns on trellis
 * quantisation and scan optimisation, which cost several times the encode time for ~5–10 % fewer bytes
 * (measured with `npm run bench -- derivatives`); progressive so large previews paint early.
 * WebP effort 4 is libwebp's default (`cwebp -m 4`); 5–6 are slower for little gain.
 * AVIF effort 2 with 4:2:0: the default effort took ~15 s per 2048-px image on 2 cores (STACK.md).
 */
export const ENCODER = {
  jpeg: { quality: 82, progressive: true, mozjpeg: false, chromaSubsampling: '4:2:0' },
  webp: { quality: 80, effort: 4 },
  avif: { quality: 50, effort: 2, chromaSubsampling: '4:2:0' },
} as const

/**
 * The 'full' download: the original's oriented size, re-encoded from pixels at high quality (never the
 * original bytes). 4:4:4 at q92 keeps fine colour detail for print; WebP q92 likewise.
 */
export const FULL_ENCODER = {
  jpeg: { quality: 92, progressive: true, mozjpeg: false, chromaSubsampling: '4:4:4' },
  webp: { quality: 92, effort: 4 },
} as const

export function isPresetName(value: string): value is PresetName {
  return PRESETS.some((p) => p.name === value)
}

export function isOutputFormat(value: string): value is OutputFormat {
  return value === 'jpeg' || value === 'webp' || value === 'avif'
}

export interface PlannedSize {
  preset: PresetName
  width: number
  height: number
}

/**
 * Which presets a source of this (oriented) size gets, largest first. Presets wider than the source are
 * omitted (never upscale, as Payload does); a source narrower than every preset still gets the smallest
 * one at its own width, so every photo has a 'thumb'. Heights keep the source's aspect ratio, rounded from
 * the source (not from the previous level) so every format of a preset has the same size.
 */
export function planSizes(sourceWidth: number, sourceHeight: number): PlannedSize[] {
  const fits = PRESETS.filter((p) => p.width <= sourceWidth)
  const chosen = fits.length > 0 ? fits.map((p) => ({ preset: p.name, width: p.width })) : [{ preset: PRESETS[0].name, width: sourceWidth }]
  return chosen
    .map(({ preset, width }) => ({
      preset,
      width,
      height: Math.max(1, Math.round((sourceHeight * width) / sourceWidth)),
    }))
    .sort((a, b) => b.width - a.width)
}
