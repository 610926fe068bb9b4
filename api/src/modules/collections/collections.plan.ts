/** An export's contents, as the gate allows them now: what goes out (with credits) and what is left out, and why. */
import type { DerivativeRow, PhotoRow } from '../photos/index.ts'
import type { PhotoRecord } from '../gate/index.ts'
import { attributions, type Licence } from '../licences/index.ts'
import { PRESETS } from '../media/index.ts'
import type { UnavailableReason } from './collections.problems.ts'
import type { CollectionItemRow as ItemRow, CollectionRow } from './collections.repo.ts'
import type { Allowed, DenyReason } from '../gate/index.ts'

export type Availability = { ok: true; allowed: Allowed } | { ok: false; reason: UnavailableReason }

/** The gate's reasons, in a collection's words. */
export const UNAVAILABLE: Partial<Record<DenyReason, UnavailableReason>> = {
  erased: 'erased',
  withdrawn: 'withdrawn',
  'not-published': 'not-published',
  'exhibition-not-covered': 'exhibition-not-covered',
}

/** One photo of a collection that may be exported right now, with everything the credits need. */
export interface ExportEntry {
  position: number
  item: ItemRow
  /** The record the gate allowed the export from: the file's rights are written from it. */
  record: PhotoRecord
  photo: PhotoRow
  image: DerivativeRow
  licence: Licence | undefined
  attribution: { nl: string; en: string } | null
}

export interface ExportPlan {
  collection: CollectionRow
  entries: ExportEntry[]
  omitted: { position: number; id: string; reason: UnavailableReason }[]
}

/**
 * Each item the gate shows (for an exhibition: whose effective permission covers exhibitions) with its
 * largest JPEG derivative (the `large` preset, or the biggest there is when the original was smaller).
 */
export function planExport(
  collection: CollectionRow,
  items: ItemRow[],
  avail: Map<string, Availability>,
  licenceOf: (ref: string) => Licence | undefined,
): ExportPlan {
  const rank = (d: DerivativeRow) => PRESETS.findIndex((p) => p.name === d.preset)
  const plan: ExportPlan = { collection, entries: [], omitted: [] }
  for (const [i, item] of items.entries()) {
    const a = avail.get(item.photoId)!
    if (!a.ok) {
      plan.omitted.push({ position: i + 1, id: item.photoId, reason: a.reason })
      continue
    }
    const { photo, derivatives: ds } = a.allowed.record
    const image = ds.filter((d) => d.format === 'jpeg' && a.allowed.presets.includes(d.preset as never)).sort((x, y) => rank(y) - rank(x))[0]
    if (!image) {
      plan.omitted.push({ position: i + 1, id: item.photoId, reason: 'no-large-derivative' })
      continue
    }
    const licence = licenceOf(photo.licence)
    const att = licence ? attributions(licence, { photographer: photo.credit, title: { nl: photo.captionNl, en: photo.captionEn } }) : null
    plan.entries.push({
      position: i + 1,
      item,
      record: a.allowed.record,
      photo,
      image,
      licence,
      attribution: att ? { nl: att.nl.text, en: att.en.text } : null,
    })
  }
  return plan
}
