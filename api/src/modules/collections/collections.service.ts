import type { Db, DbOrTx } from '../../db/client.ts'
import type { Principal } from '../auth/index.ts'
import type { AuditLog } from '../audit/index.ts'
import { callerOf, mediaUrl, SYSTEM, type Gate } from '../gate/index.ts'
import type { JobQueue } from '../jobs/index.ts'
import { creditLine, type Licence } from '../licences/index.ts'
import { photosRepo, type PhotoRow, type PhotosService, type Publication } from '../photos/index.ts'
import { collectionProblems, EXHIBITION_WORDS, UNAVAILABLE_WORDS, type UnavailableReason } from './collections.problems.ts'
import type { CollectionKind } from './collections.table.ts'
import * as collectionsRepo from './collections.repo.ts'
import type { CollectionRow } from './collections.repo.ts'
import { enqueueSearchSync } from '../search/index.ts'
import { planExport, UNAVAILABLE, type Availability, type ExportEntry, type ExportPlan } from './collections.plan.ts'
import { ReviewQueue } from './collections.review.ts'

export type { Availability, ExportEntry, ExportPlan }

/** A collection is a working set, not an archive: past this, split it. Keeps exports and manifests bounded. */
export const MAX_ITEMS = 500
/** The job search-core handles: re-syncs one photo's search document (its `collections` facet). */
export { SEARCH_UPSERT_JOB as SEARCH_UPSERT } from '../search/index.ts'

export interface CollectionsDeps {
  db: Db
  queue: JobQueue
  /** The photo's lifecycle (photos.publication.ts): what would stop publishing, for the review queue. */
  publication: Pick<Publication, 'publishBlockers'>
  /** The one door (modules/gate): what a collection may list as available and export, decided now. */
  gate: Gate
  photos: PhotosService
  audit: AuditLog
  licence: (ref: string) => Licence | undefined
}

export interface CollectionInput {
  kind: CollectionKind
  titleNl: string
  titleEn?: string | null
  notesNl?: string | null
  notesEn?: string | null
}
export type CollectionPatch = Partial<Omit<CollectionInput, 'kind'>>

const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : v.trim() || null)

export class CollectionsService {
  constructor(private readonly deps: CollectionsDeps) {
    this.review = new ReviewQueue(deps)
  }

  /** Photos waiting for review (collections.review.ts). */
  readonly review: ReviewQueue

  // ---- collections --------------------------------------------------------------------------------

  async create(principal: Principal, input: CollectionInput) {
    const row = await collectionsRepo.insertCollection(this.deps.db, {
      kind: input.kind,
      titleNl: input.titleNl.trim(),
      titleEn: text(input.titleEn) ?? null,
      notesNl: text(input.notesNl) ?? null,
      notesEn: text(input.notesEn) ?? null,
      createdBy: principal.userId,
    })
    return this.#summary(row, 0)
  }

  async list(kind?: CollectionKind) {
    const rows = await collectionsRepo.collectionsList(this.deps.db, kind)
    const count = await collectionsRepo.itemCounts(this.deps.db)
    return rows.map((r) => this.#summary(r, count.get(r.id) ?? 0))
  }

  /** The collection with its items in order; photos the gate does not show are listed as unavailable, with the reason. */
  async get(id: string) {
    const { collection, items } = await this.#load(this.deps.db, id)
    const avail = await this.availability(
      items.map((i) => i.photoId),
      collection.kind,
    )
    return {
      ...this.#summary(collection, items.length),
      items: items.map((item, i) => {
        const a = avail.get(item.photoId)!
        return {
          photoId: item.photoId,
          position: i + 1,
          note: { nl: item.noteNl, en: item.noteEn },
          addedAt: item.addedAt.toISOString(),
          available: a.ok,
          reason: a.ok ? null : a.reason,
          reasonWords: a.ok ? null : UNAVAILABLE_WORDS[a.reason],
          photo: a.ok ? this.deps.photos.viewOf(a.allowed) : null,
        }
      }),
    }
  }

  /**
   * Published photos a curator may add here, newest first: the eligible ones (for an exhibition: consent
   * and licence cover exhibitions) and the others with why not, so the picker never offers a dead end.
   * Photos already in the collection are left out.
   */
  async candidates(id: string, principal: Principal, limit = 200) {
    const { db } = this.deps
    const { collection, items } = await this.#load(db, id)
    const inIt = new Set(items.map((i) => i.photoId))
    const published = (await photosRepo.publishedPhotoIds(db, limit + inIt.size)).filter((pid) => !inIt.has(pid)).slice(0, limit)
    // The gate decides twice: what this curator may see of each photo (its thumbnail), and whether it may go in.
    const [seen, avail] = await Promise.all([
      this.deps.gate.check(published, { kind: 'manage' }, callerOf(principal)),
      this.availability(published, collection.kind),
    ])
    const rows: PhotoRow[] = []
    const thumbs = new Map<string, string | null>()
    for (const pid of published) {
      const d = seen.get(pid)
      if (!d?.ok) continue
      rows.push(d.record.photo)
      const ds = d.record.derivatives
      const t = ds.find((x) => x.preset === 'thumb' && x.format === 'jpeg') ?? ds.find((x) => x.format === 'jpeg' && d.presets.includes(x.preset as never))
      thumbs.set(pid, t ? mediaUrl('', pid, t) : null)
    }
    const thumb = (r: PhotoRow) => thumbs.get(r.id) ?? null
    const entry = (r: PhotoRow) => ({
      id: r.id,
      caption: { nl: r.captionNl, en: r.captionEn },
      alt: { nl: r.altNl, en: r.altEn },
      credit: r.credit,
      licence: r.licence,
      thumbnail: thumb(r),
    })
    const eligible = []
    const ineligible = []
    for (const r of rows) {
      const a = avail.get(r.id)!
      if (a.ok) eligible.push(entry(r))
      else {
        const byLicence = a.reason === 'exhibition-not-covered' && !this.deps.licence(r.licence)?.permittedUses.includes('exhibition')
        const words = a.reason === 'exhibition-not-covered' ? EXHIBITION_WORDS[byLicence ? 'licence' : 'consent'] : UNAVAILABLE_WORDS[a.reason]
        ineligible.push({
          ...entry(r),
          reason: a.reason === 'exhibition-not-covered' ? (byLicence ? 'licence-not-exhibition' : 'consent-not-exhibition') : a.reason,
          words,
        })
      }
    }
    return { kind: collection.kind, eligible, ineligible }
  }

  /**
   * Publishes (or takes back) a collection: while unpublished it is the curator's working set, and no
   * journalist sees it in search. Every photo in it gets its search document rebuilt.
   */
  async setPublished(id: string, published: boolean) {
    await this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      await collectionsRepo.updateCollection(tx, id, { publishedAt: published ? new Date() : null, updatedAt: new Date() })
      for (const photoId of await collectionsRepo.itemPhotoIds(tx, id)) await this.#resync(tx, photoId)
    })
  }

  /** The names of the published collections (for the search filter): never a working set, never an id alone. */
  async published() {
    const rows = await collectionsRepo.publishedCollections(this.deps.db)
    return rows.map((r) => ({ id: r.id, kind: r.kind, title: { nl: r.titleNl, en: r.titleEn } }))
  }

  async update(id: string, patch: CollectionPatch) {
    return this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      const set: Partial<collectionsRepo.NewCollection> = { updatedAt: new Date() }
      if (patch.titleNl !== undefined) set.titleNl = patch.titleNl.trim()
      if (patch.titleEn !== undefined) set.titleEn = text(patch.titleEn)
      if (patch.notesNl !== undefined) set.notesNl = text(patch.notesNl)
      if (patch.notesEn !== undefined) set.notesEn = text(patch.notesEn)
      await collectionsRepo.updateCollection(tx, id, set)
    })
  }

  /** Deleting a collection changes the search document of every photo that was in it. */
  async delete(id: string) {
    await this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      const items = await collectionsRepo.itemPhotoIds(tx, id)
      await collectionsRepo.deleteCollection(tx, id)
      for (const photoId of items) await this.#resync(tx, photoId)
    })
  }

  // ---- items --------------------------------------------------------------------------------------

  /**
   * Adds a published photo the gate shows; an exhibition only one whose effective permission (licence ∩
   * everyone's consent) includes 'exhibition'. The collection row is locked, so concurrent adds take turns
   * for the next position.
   */
  async addItem(id: string, input: { photoId: string; noteNl?: string | null; noteEn?: string | null }) {
    return this.deps.db.transaction(async (tx) => {
      const collection = await this.#lock(tx, id)
      const photo = await photosRepo.photoById(tx, input.photoId, { lock: 'share' })
      if (!photo) throw collectionProblems.photoNotFound()
      const a = (await this.availability([photo.id], collection.kind, tx)).get(photo.id)!
      if (!a.ok) throw collectionProblems.notAddable(a.reason, this.#exhibitionDetail(a.reason, photo))
      const stats = await collectionsRepo.itemStats(tx, id)
      if (stats.n >= MAX_ITEMS) throw collectionProblems.full(MAX_ITEMS)
      const inserted = await collectionsRepo.insertItem(tx, {
        collectionId: id,
        photoId: photo.id,
        position: stats.top + 1,
        noteNl: text(input.noteNl) ?? null,
        noteEn: text(input.noteEn) ?? null,
      })
      if (!inserted) throw collectionProblems.alreadyIn()
      await collectionsRepo.touchCollection(tx, id)
      await this.#resync(tx, photo.id)
    })
  }

  async removeItem(id: string, photoId: string) {
    await this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      if (!(await collectionsRepo.deleteItem(tx, id, photoId))) throw collectionProblems.itemNotFound()
      await collectionsRepo.touchCollection(tx, id)
      await this.#resync(tx, photoId)
    })
  }

  async updateItem(id: string, photoId: string, patch: { noteNl?: string | null; noteEn?: string | null }) {
    await this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      const set: Partial<collectionsRepo.NewCollectionItem> = {}
      if (patch.noteNl !== undefined) set.noteNl = text(patch.noteNl)
      if (patch.noteEn !== undefined) set.noteEn = text(patch.noteEn)
      if (!(await collectionsRepo.updateItem(tx, id, photoId, set))) throw collectionProblems.itemNotFound()
      await collectionsRepo.touchCollection(tx, id)
    })
  }

  /** A new order: every photo id of the collection exactly once, or nothing changes. */
  async reorder(id: string, photoIds: string[]) {
    await this.deps.db.transaction(async (tx) => {
      await this.#lock(tx, id)
      const current = await collectionsRepo.itemPhotoIds(tx, id)
      const wanted = photoIds.map((p) => p.toLowerCase())
      const have = new Set(current)
      const given = new Set(wanted)
      const missing = current.filter((p) => !given.has(p))
      const unexpected = [...given].filter((p) => !have.has(p))
      if (missing.length || unexpected.length || given.size !== wanted.length) throw collectionProblems.orderMismatch(missing, unexpected)
      for (const [i, photoId] of wanted.entries()) {
        await collectionsRepo.setItemPosition(tx, id, photoId, i + 1)
      }
      await collectionsRepo.touchCollection(tx, id)
    })
  }

  // ---- exports ------------------------------------------------------------------------------------

  /**
   * What an export may contain, decided by the gate now (collections.plan.ts): each item it shows with its
   * largest JPEG derivative; everything else listed as omitted, with a code.
   */
  async exportPlan(id: string): Promise<ExportPlan> {
    const { collection, items } = await this.#load(this.deps.db, id)
    const avail = await this.availability(
      items.map((i) => i.photoId),
      collection.kind,
    )
    return planExport(collection, items, avail, this.deps.licence)
  }

  creditLine(entry: ExportEntry): string {
    return entry.licence ? creditLine(entry.licence, entry.photo.credit) : entry.photo.credit
  }

  /** Ids and codes only: which photos left the bank in this export, and how many were left out. */
  async recordExport(principal: Principal, plan: ExportPlan, format: 'zip' | 'iiif') {
    const ids = plan.entries.map((e) => e.photo.id)
    await this.deps.audit.append(this.deps.db, {
      type: 'collection.exported',
      actor: { kind: 'user', id: principal.userId },
      data: {
        collectionId: plan.collection.id,
        format,
        photoCount: ids.length,
        omittedCount: plan.omitted.length,
        ...(ids.length <= 80 ? { photoIds: ids } : {}),
      },
    })
  }

  // ---- the gate, for a collection's kind ----------------------------------------------------------

  /**
   * The gate's export purpose for each photo, in the words of a collection. Asked as the bank: every
   * collection route is for curators and admins already.
   */
  async availability(photoIds: string[], kind: CollectionKind, tx?: DbOrTx): Promise<Map<string, Availability>> {
    const decisions = await this.deps.gate.check(photoIds, { kind: 'export', of: kind }, SYSTEM, tx)
    const out = new Map<string, Availability>()
    for (const [id, d] of decisions) out.set(id, d.ok ? { ok: true, allowed: d } : { ok: false, reason: UNAVAILABLE[d.reason] ?? 'not-shown' })
    return out
  }

  #exhibitionDetail(reason: UnavailableReason, photo: PhotoRow): string | undefined {
    if (reason !== 'exhibition-not-covered') return undefined
    const byLicence = !this.deps.licence(photo.licence)?.permittedUses.includes('exhibition')
    return byLicence
      ? `The photo's licence (${photo.licence}) does not cover exhibitions: offer it under an exhibition licence first.`
      : 'The consent of someone in this photo does not cover exhibitions.'
  }

  // ---- helpers ------------------------------------------------------------------------------------

  async #resync(tx: DbOrTx, photoId: string) {
    await enqueueSearchSync(tx, this.deps.queue, photoId)
  }

  async #lock(tx: DbOrTx, id: string): Promise<CollectionRow> {
    const row = await collectionsRepo.collectionById(tx, id, { lock: 'update' })
    if (!row) throw collectionProblems.notFound()
    return row
  }

  async #load(tx: DbOrTx, id: string) {
    const collection = await collectionsRepo.collectionById(tx, id)
    if (!collection) throw collectionProblems.notFound()
    const items = await collectionsRepo.itemsOf(tx, id)
    return { collection, items }
  }

  #summary(r: CollectionRow, itemCount: number) {
    return {
      id: r.id,
      kind: r.kind,
      title: { nl: r.titleNl, en: r.titleEn },
      notes: { nl: r.notesNl, en: r.notesEn },
      itemCount,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }
  }
}
