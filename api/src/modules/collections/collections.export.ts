/**
 * The ZIP export: the largest JPEG derivative of every item the gate shows now (derivatives only, never
 * originals; their bytes carry rights metadata and nothing else), plus credits.csv and credits.json.
 * Streamed from the blob store into the response: nothing is written to disk on the way.
 */
import { neutraliseCell } from '../../platform/csv.ts'
import { Readable } from 'node:stream'
import { ZipArchive } from 'archiver'
import { stringify } from 'csv-stringify/sync'
import type { BlobStore } from '../storage/index.ts'
import type { ExportEntry, ExportPlan } from './collections.service.ts'

/** `01-<id>.jpg`: the position keeps the curator's order in any file listing. */
export function entryName(e: ExportEntry, total: number): string {
  return `${String(e.position).padStart(Math.max(2, String(total).length), '0')}-${e.photo.id}.jpg`
}

const CSV_COLUMNS = [
  'position',
  'file',
  'photo_id',
  'caption_nl',
  'caption_en',
  'alt_nl',
  'alt_en',
  'credit',
  'attribution_nl',
  'attribution_en',
  'licence',
  'licence_url',
  'note_nl',
  'note_en',
] as const

export function creditsCsv(plan: ExportPlan): string {
  const total = plan.entries.length + plan.omitted.length
  const rows = plan.entries.map((e) =>
    [
      e.position,
      entryName(e, total),
      e.photo.id,
      e.photo.captionNl,
      e.photo.captionEn,
      e.photo.altNl,
      e.photo.altEn,
      e.photo.credit,
      e.attribution?.nl,
      e.attribution?.en,
      e.photo.licence,
      e.licence?.deedUrl,
      e.item.noteNl,
      e.item.noteEn,
    ].map(neutraliseCell),
  )
  // A BOM so spreadsheet programs read the Dutch text as UTF-8.
  return stringify([[...CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' })
}

export function creditsJson(plan: ExportPlan, exportedAt: Date) {
  const total = plan.entries.length + plan.omitted.length
  const c = plan.collection
  return {
    collection: { id: c.id, kind: c.kind, title: { nl: c.titleNl, en: c.titleEn }, notes: { nl: c.notesNl, en: c.notesEn } },
    exportedAt: exportedAt.toISOString(),
    items: plan.entries.map((e) => ({
      position: e.position,
      file: entryName(e, total),
      id: e.photo.id,
      caption: { nl: e.photo.captionNl, en: e.photo.captionEn },
      alt: { nl: e.photo.altNl, en: e.photo.altEn },
      credit: e.photo.credit,
      attribution: e.attribution,
      licence: e.photo.licence,
      licenceUrl: e.licence?.deedUrl ?? null,
      note: { nl: e.item.noteNl, en: e.item.noteEn },
      width: e.image.width,
      height: e.image.height,
    })),
    /** Items the gate does not show now (or without a JPEG): not in the ZIP. */
    omitted: plan.omitted,
  }
}

/**
 * The archive as a stream. Each image's blob is opened only when the archiver reaches it (a lazy
 * stream), so a big collection holds one file open at a time. A blob that disappears mid-export (a
 * withdrawal purged it) fails the stream: the download breaks rather than finishing incomplete.
 */
export function zipStream(plan: ExportPlan, blobs: BlobStore, onError: (err: Error) => void = () => {}, stamp?: (e: ExportEntry) => Promise<Buffer>): Readable {
  const archive = new ZipArchive({ zlib: { level: 6 } })
  let failed = false
  // Any failure ends the response mid-stream (the client sees a broken download, never a ZIP that looks
  // complete); errors on a source are handled here, or they would be unhandled and end the process.
  const fail = (err: Error) => {
    if (failed) return
    failed = true
    onError(err)
    archive.destroy(err)
  }
  archive.on('warning', fail)
  archive.on('error', fail)
  const total = plan.entries.length + plan.omitted.length
  const exportedAt = new Date()
  for (const e of plan.entries) {
    const key = e.image.blobKey
    // With `stamp`, each file carries its rights as of this export (the photo's licence now), not as rendered.
    const lazy = Readable.from(
      (async function* () {
        if (stamp) yield await stamp(e)
        else yield* await blobs.stream(key)
      })(),
    )
    // JPEG doesn't compress further: store it.
    lazy.on('error', fail)
    archive.append(lazy, { name: entryName(e, total), store: true, date: exportedAt })
  }
  archive.append(creditsCsv(plan), { name: 'credits.csv', date: exportedAt })
  archive.append(`${JSON.stringify(creditsJson(plan, exportedAt), null, 2)}\n`, { name: 'credits.json', date: exportedAt })
  void archive.finalize().catch(fail)
  return archive
}
