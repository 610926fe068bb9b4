/** A photo's response, the parts that depend only on the photo, its derivatives and who is asking (outward or inside). */
import { inPresetOrder, mediaUrl, type Allowed } from '../gate/index.ts'
import type { attributions, Licence } from '../licences/index.ts'
import { keywordsIn } from './photos.keywords.ts'
import type { derivatives, photos } from './photos.table.ts'

type PhotoRow = typeof photos.$inferSelect
type DerivativeRow = typeof derivatives.$inferSelect

/** The sizes a download grant can give: the JPEG presets the photo has (never upscaled), then 'full'. */
export function downloadSizes(p: PhotoRow, ds: readonly DerivativeRow[]) {
  const sizes = inPresetOrder(ds.filter((d) => d.format === 'jpeg' && d.preset !== 'thumb')).map((d) => ({
    preset: d.preset,
    width: d.width,
    height: d.height,
  }))
  return [...sizes, { preset: 'full', width: p.width, height: p.height }]
}

/** What a view depends on besides the record: the sizes the gate allows, whether the permission is told, whose view. */
export const variantOf = (a: Allowed) => `${a.presets.join(',')}|${a.disclosed ? 'told' : 'public'}|${outward(a) ? 'outward' : 'inside'}`
/** Anyone but the photographer and the staff: the outward view. */
export const outward = (a: Allowed) => a.access !== 'review' && a.access !== 'owner'

/**
 * The part of a photo's response that depends only on the photo and its derivatives. `outward`: what anyone
 * but the photographer and the staff gets, only what a journalist needs: no capture date (a date can
 * identify), no original pixel size (the size is the largest one served), times to the day.
 */
export function staticView(
  p: PhotoRow,
  ds: readonly DerivativeRow[],
  deps: {
    publicUrl: string | undefined
    licence: (ref: string) => Licence | undefined
    attribution: (p: PhotoRow) => ReturnType<typeof attributions> | null
    version: (d: DerivativeRow) => string
  },
  outward = false,
) {
  const base = deps.publicUrl ?? ''
  const sorted = inPresetOrder(ds)
  const srcset: Record<string, string> = {}
  const derivatives: { preset: string; format: string; width: number; height: number; bytes: number; url: string }[] = []
  // The largest size served: the outward view's width and height.
  let largest: DerivativeRow | undefined
  for (const d of sorted) {
    const url = mediaUrl(base, p.id, { preset: d.preset, format: d.format, etag: deps.version(d) })
    srcset[d.format] = `${srcset[d.format] ? `${srcset[d.format]}, ` : ''}${url} ${d.width}w`
    derivatives.push({ preset: d.preset, format: d.format, width: d.width, height: d.height, bytes: d.bytes, url })
    if (!largest || d.width > largest.width) largest = d
  }
  const licence = deps.licence(p.licence)
  const createdAt = p.createdAt.toISOString()
  const updatedAt = p.updatedAt.toISOString()
  const publishedAt = p.publishedAt?.toISOString() ?? null
  return {
    id: p.id,
    status: p.status,
    width: outward ? (largest?.width ?? 0) : p.width,
    height: outward ? (largest?.height ?? 0) : p.height,
    caption: { nl: p.captionNl, en: p.captionEn },
    alt: { nl: p.altNl, en: p.altEn },
    tags: keywordsIn(p, 'nl'),
    keywords: { nl: [...p.tags], en: [...p.tagsEn] },
    series: p.series,
    credit: p.credit,
    capturedMonth: outward ? null : p.capturedMonth,
    placeCity: p.placeCity,
    thumbhash: p.thumbhash,
    dominantColour: p.dominantColour,
    derivativesState: p.derivativesState,
    licence: p.licence,
    attribution: deps.attribution(p),
    noPeopleDeclared: p.noPeopleDeclaredAt !== null,
    publishedAt: outward && publishedAt ? publishedAt.slice(0, 10) : publishedAt,
    derivatives,
    srcset,
    licenceSummary: licence ? { nl: licence.summary.nl, en: licence.summary.en } : null,
    licenceUrl: licence?.deedUrl ?? null,
    createdAt: outward ? createdAt.slice(0, 10) : createdAt,
    updatedAt: outward ? updatedAt.slice(0, 10) : updatedAt,
  }
}
export type StaticView = ReturnType<typeof staticView>
