/**
 * Builds SearchDocuments from the database: a published photo's texts, owner, collections, orientation,
 * colour family, and its effective permission from the gate's 'index' purpose (uses, public preview). A
 * photo the gate does not let in is no document (build → null), so the sync job removes it instead.
 */
import type { DbOrTx } from '../../db/client.ts'
import { SYSTEM, type Gate } from '../gate/index.ts'
import type { PhotoRow } from '../photos/index.ts'
import { colourFamily, orientationOf } from './search.colour.ts'
import type { SearchDocument } from './search.port.ts'
import * as searchRepo from './search.repo.ts'

export interface DocumentDeps {
  db: DbOrTx
  /** The one door (modules/gate); asked on the database itself, never on cached records (see #documents). */
  gate: Gate
}

export class SearchDocuments {
  constructor(private readonly deps: DocumentDeps) {}

  /** The document for each id, or null where the photo is missing, unpublished, erased or not shown. */
  async build(ids: string[]): Promise<Map<string, SearchDocument | null>> {
    const out = new Map<string, SearchDocument | null>(ids.map((id) => [id, null]))
    if (ids.length === 0) return out
    const rows = await searchRepo.photosByIds(this.deps.db, ids)
    for (const [id, doc] of await this.#documents(rows)) out.set(id, doc)
    return out
  }

  /** Every shown photo, in batches (for reindex), in id order so a long run never skips or repeats one. */
  async *all(batchSize = 500): AsyncIterable<SearchDocument[]> {
    let after: string | null = null
    for (;;) {
      const rows: PhotoRow[] = await searchRepo.publishedPhotosAfter(this.deps.db, after, batchSize)
      if (rows.length === 0) return
      after = rows[rows.length - 1]!.id
      const docs = [...(await this.#documents(rows)).values()].filter((d): d is SearchDocument => d !== null)
      if (docs.length) yield docs
      if (rows.length < batchSize) return
    }
  }

  async #documents(rows: PhotoRow[]): Promise<Map<string, SearchDocument | null>> {
    const out = new Map<string, SearchDocument | null>()
    for (const r of rows) out.set(r.id, null)
    if (rows.length === 0) return out
    // Read from the database (not the gate's records): the job runs right after the change it follows, and
    // another replica's change may not have been heard yet.
    const decisions = await this.deps.gate.check(
      rows.map((r) => r.id),
      { kind: 'index' },
      SYSTEM,
      this.deps.db,
    )
    const candidates = rows.filter((r) => decisions.get(r.id)?.ok && r.publishedAt)
    // A curator's working set stays private: only published collections are in search.
    const items = await searchRepo.publishedCollectionsOf(
      this.deps.db,
      candidates.map((r) => r.id),
    )
    for (const r of candidates) {
      const d = decisions.get(r.id)
      if (!d?.ok || !d.permission) continue
      const permission = d.permission
      out.set(r.id, {
        id: r.id,
        captionNl: r.captionNl,
        captionEn: r.captionEn,
        altNl: r.altNl,
        altEn: r.altEn,
        tags: [...r.tags],
        tagsEn: [...r.tagsEn],
        series: r.series,
        credit: r.credit,
        photographerId: r.ownerId,
        collections: items
          .filter((i) => i.photoId === r.id)
          .map((i) => i.collectionId)
          .sort(),
        orientation: orientationOf(r.width, r.height),
        colour: colourFamily(r.dominantColour),
        uses: [...permission.uses],
        publicPreview: permission.publicPreview,
        publishedAt: r.publishedAt!.toISOString(),
      })
    }
    return out
  }
}
