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

/**
 * What anyone but the photographer and the staff gets: only what a journalist needs. No capture date (a
 * date can identify), no original pixel size (the size is the largest one served), times to the day.
 */
export function outwardView(v: StaticView): StaticView {
  const largest = [...v.derivatives].sort((a, b) => b.width - a.width)[0]
  const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null)
  return {
    ...v,
    width: largest?.width ?? 0,
    height: largest?.height ?? 0,
    capturedMonth: null,
    createdAt: day(v.createdAt)!,
    updatedAt: day(v.updatedAt)!,
    publishedAt: day(v.publishedAt),
  }
}

/** What a view depends on besides the record: the sizes the gate allows, whether the permission is told, whose view. */
export const variantOf = (a: Allowed) => `${a.presets.join(',')}|${a.disclosed ? 'told' : 'public'}|${outward(a) ? 'outward' : 'inside'}`
/** Anyone but the photographer and the staff: the outward view. */
export const outward = (a: Allowed) => a.access !== 'review' && a.access !== 'owner'

/** The part of a photo's response that depends only on the photo and its derivatives. */
export function staticView(
  p: PhotoRow,
  ds: readonly DerivativeRow[],
  deps: {
    publicUrl: string | undefined
    licence: (ref: string) => Licence | undefined
    attribution: (p: PhotoRow) => ReturnType<typeof attributions> | null
    version: (d: DerivativeRow) => string
  },
) {
  const base = deps.publicUrl ?? ''
  const sorted = inPresetOrder(ds)
  const url = (d: DerivativeRow) => mediaUrl(base, p.id, { ...d, etag: deps.version(d) })
  const srcset: Record<string, string> = {}
  for (const d of sorted) srcset[d.format] = `${srcset[d.format] ? `${srcset[d.format]}, ` : ''}${url(d)} ${d.width}w`
  const licence = deps.licence(p.licence)
  return {
    id: p.id,
    status: p.status,
    width: p.width,
    height: p.height,
    caption: { nl: p.captionNl, en: p.captionEn },
    alt: { nl: p.altNl, en: p.altEn },
    tags: keywordsIn(p, 'nl'),
    keywords: { nl: [...p.tags], en: [...p.tagsEn] },
    series: p.series,
    credit: p.credit,
    capturedMonth: p.capturedMonth,
    placeCity: p.placeCity,
    thumbhash: p.thumbhash,
    dominantColour: p.dominantColour,
    derivativesState: p.derivativesState,
    licence: p.licence,
    attribution: deps.attribution(p),
    noPeopleDeclared: p.noPeopleDeclaredAt !== null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    derivatives: sorted.map((d) => ({ preset: d.preset, format: d.format, width: d.width, height: d.height, bytes: d.bytes, url: url(d) })),
    srcset,
    licenceSummary: licence ? { nl: licence.summary.nl, en: licence.summary.en } : null,
    licenceUrl: licence?.deedUrl ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }
}
export type StaticView = ReturnType<typeof staticView>
