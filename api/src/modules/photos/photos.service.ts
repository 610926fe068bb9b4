import crypto from 'node:crypto'
import { decodeKeysetCursor, encodeKeysetCursor } from '../../platform/cursor.ts'
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import { type Db, type DbOrTx } from '../../db/client.ts'
import { encryptFile, hmac, newDataKey, type MasterKey } from '../../platform/crypto.ts'
import { problems } from '../../platform/problems.ts'
import type { Semaphore } from '../../platform/semaphore.ts'
import type { Principal } from '../auth/index.ts'
import { callerOf, notErased, personCaller, todayUtc, type Allowed, type Gate, type Permission, type PhotoRecord, type Preset } from '../gate/index.ts'
import { TOPIC_LABELS, USE_LABELS } from '../../../../contract/vocabulary.ts'
import { attributions, type Licence } from '../licences/index.ts'
import { jobsRepo, type JobQueue, type Worker } from '../jobs/index.ts'
import {
  EAGER_FORMATS,
  isOutputFormat,
  isPresetName,
  KEPT_FIELDS,
  type OutputFormat,
  type PresetName,
  inspectImage,
  MediaError,
  renderDerivatives,
  stampRights,
  type PrivacyReport,
  type Rights,
} from '../media/index.ts'
import { fileNameOf, photoRights, termsTag, type Lang, type RightsGrant } from './photos.rights.ts'
import type { BlobStore } from '../storage/index.ts'
import { DerivativeStore, originalAad, rightsFor } from './photos.derivatives.ts'
import { describeKinds } from './photos.privacy.ts'
import { keywordsIn, normaliseTags } from './photos.keywords.ts'
import { mediaProblem, photoProblems } from './photos.problems.ts'
import { derivatives, photos } from './photos.table.ts'
import type { BulkPhotoPatchT, PhotoPatchT, UploadFieldsT } from './photos.schemas.ts'
import { downloadSizes, outward, outwardView, staticView, variantOf, type StaticView } from './photos.views.ts'
import { PhotoEditor } from './photos.edit.ts'

type PhotoRow = typeof photos.$inferSelect
type DerivativeRow = typeof derivatives.$inferSelect

export interface PhotosDeps {
  /** The one door: every read of a photo asks it (modules/gate). */
  gate: Gate
  db: Db
  blobs: BlobStore
  masterKey: MasterKey
  queue: JobQueue
  worker: Worker
  pipeline: Semaphore
  config: Pick<Config, 'upload' | 'publicUrl' | 'worker' | 'testCrashAfterDerivativeBlobs'>
  licence: (ref: string) => Licence | undefined
  /** The app's public origin (PUBLIC_URL, or the local address): the rights page every file points at. */
  origin: string
  log: FastifyBaseLogger
}

/** A derivative to serve and the photo record the gate allowed it from. */
export interface ServedDerivative {
  record: PhotoRecord
  derivative: DerivativeRow
}

export interface Owner {
  userId: string
  displayName: string
}

export interface IngestInput {
  path: string
  bytes: number
  sha256: string
  fields: UploadFieldsT
}

const STAFF = new Set(['curator', 'admin'])

/** A served file's name, '<preset>.<ext>' ('jpg' and 'jpeg' both JPEG): its preset and format, or null. */
function mediaFile(file: string): { preset: PresetName; format: OutputFormat } | null {
  const dot = file.indexOf('.')
  const name = file.slice(0, dot)
  const ext = file.slice(dot + 1)
  const format = ext === 'jpg' ? 'jpeg' : ext
  return dot > 0 && isPresetName(name) && isOutputFormat(format) ? { preset: name, format } : null
}

export class PhotosService {
  readonly store: DerivativeStore
  /** Views built from a record, per variant; a changed photo is a new record, so these go with the old one. */
  readonly #views = new WeakMap<PhotoRecord, Map<string, StaticView>>()
  readonly #json = new WeakMap<PhotoRecord, Map<string, Buffer>>()
  readonly #macKey: Buffer

  readonly editor: PhotoEditor

  constructor(private readonly deps: PhotosDeps) {
    this.store = new DerivativeStore(deps)
    this.editor = new PhotoEditor(deps)
    this.#macKey = deps.masterKey.derive('content-mac')
  }

  get busy() {
    return this.deps.pipeline.busy
  }

  /**
   * Takes a received upload to a stored draft: header checks → duplicate check → one decode into all eager
   * derivatives (a corrupt file fails here, before anything is stored) → encrypted original → one
   * transaction with the photo row and its derivative job → derivatives written and the job completed.
   * A crash after the transaction leaves a job that the worker finishes from the encrypted original; a
   * failure after it inside this request undoes the upload (discard), so a client told 5xx has nothing
   * stored and may simply retry (issue 18). `onInsert` runs in the photo's transaction (Idempotency-Key).
   */
  async ingest(
    owner: Owner,
    input: IngestInput,
    onInsert?: (tx: DbOrTx, photoId: string) => Promise<void>,
  ): Promise<{ photo: PhotoRow; privacyReport: PrivacyReport & { summary: { nl: string; en: string } } }> {
    const { db, blobs, masterKey, queue, worker, config } = this.deps
    const maxPixels = config.upload.maxPixels
    const inspection = await inspectImage(input.path, { maxPixels }).catch((err) => {
      throw err instanceof MediaError ? mediaProblem(err, maxPixels) : err
    })

    const contentMac = hmac(this.#macKey, `${owner.userId}:${input.sha256}`)
    const existing = await this.#findByMac(owner.userId, contentMac)
    if (existing) throw photoProblems.duplicate(existing)

    const id = crypto.randomUUID()
    const credit = input.fields.credit ?? owner.displayName
    const capturedMonth = input.fields.capturedMonth ?? inspection.capturedMonth
    const rights = rightsFor({ credit, createdAt: new Date() })

    const release = await this.deps.pipeline.acquire()
    if (!release) throw problems.busy(5)
    let rendered: Awaited<ReturnType<typeof renderDerivatives>>
    try {
      rendered = await renderDerivatives(input.path, { formats: EAGER_FORMATS, rights, maxPixels })
    } catch (err) {
      throw err instanceof MediaError ? mediaProblem(err, maxPixels) : err
    } finally {
      release()
    }

    const dataKey = newDataKey()
    const originalKey = `originals/${crypto.randomUUID()}`
    await blobs.put(originalKey, encryptFile(input.path, dataKey, originalAad(id)))
    let row: PhotoRow
    let jobId: number
    try {
      ;({ row, jobId } = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(photos)
          .values({
            id,
            ownerId: owner.userId,
            contentMac,
            originalKey,
            originalWrappedKey: masterKey.wrap(dataKey),
            originalFormat: inspection.format,
            originalBytes: input.bytes,
            width: rendered.width,
            height: rendered.height,
            captionNl: input.fields.captionNl || null,
            captionEn: input.fields.captionEn || null,
            altNl: input.fields.altNl || null,
            altEn: input.fields.altEn || null,
            tags: normaliseTags(input.fields.tags ?? []),
            tagsEn: normaliseTags(input.fields.tagsEn ?? []),
            series: input.fields.series || null,
            credit,
            capturedMonth,
            placeCity: input.fields.placeCity || null,
            privacyFound: inspection.privacyReport.found,
            mediaKey: crypto.randomBytes(16).toString('hex'),
          })
          .returning()
        // Claimed by this process at insert: finished below without a poll; after a crash, retaken.
        const jobId = await queue.enqueue(
          tx,
          'photo.derivatives',
          { photoId: id },
          { dedupeKey: `photo.derivatives:${id}`, claimFor: { workerId: worker.id, leaseSeconds: config.worker.leaseSeconds } },
        )
        await onInsert?.(tx, id)
        return { row: row!, jobId: jobId! }
      }))
    } catch (err) {
      await blobs.delete(originalKey)
      if ((err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') {
        const other = await this.#findByMac(owner.userId, contentMac)
        if (other) throw photoProblems.duplicate(other)
      }
      throw err
    }

    let photo: PhotoRow
    try {
      await this.store.write(row, rendered, jobId, worker.id)
      photo = (await db.select().from(photos).where(eq(photos.id, id)))[0]!
    } catch (err) {
      await this.discard(id)
      throw err
    }
    const report = inspection.privacyReport
    return { photo, privacyReport: { ...report, summary: describeKinds(report.found) } }
  }

  /**
   * Undoes an upload whose request failed after its row committed (the client is answered 5xx): its rows,
   * its jobs and its blobs go, so what the client was told and what is stored agree. Only for a draft
   * nobody else has seen yet. If this fails too, the row stays whole (its job finishes the derivatives)
   * and an Idempotency-Key retry finds it; it is logged, not thrown over the first error.
   */
  async discard(id: string): Promise<void> {
    const { db, blobs, log } = this.deps
    try {
      const gone = await db.transaction(async (tx) => {
        await jobsRepo.deleteUnfinishedJobsOfPhoto(tx, id)
        await tx.delete(derivatives).where(eq(derivatives.photoId, id))
        const [row] = await tx
          .delete(photos)
          .where(and(eq(photos.id, id), eq(photos.status, 'draft')))
          .returning({ originalKey: photos.originalKey, mediaKey: photos.mediaKey })
        if (!row) throw new Error('not a draft any more')
        return row
      })
      const keys = [gone.originalKey]
      for await (const b of blobs.list(`derivatives/${gone.mediaKey}`)) keys.push(b.key)
      for (const key of keys) await blobs.delete(key)
    } catch (err) {
      log.warn({ photoId: id, error: (err as Error).name, code: (err as { code?: string }).code }, 'could not undo a failed upload; its job finishes it')
    }
  }

  /** The upload's 201 response body again (an Idempotency-Key retry after a crash), or null when gone. */
  async uploaded(id: string, principal: Principal) {
    const [row] = await this.deps.db
      .select({ found: photos.privacyFound })
      .from(photos)
      .where(and(eq(photos.id, id), notErased))
    if (!row) return null
    const found = row.found as PrivacyReport['found']
    const report: PrivacyReport = { found, removed: [...found], kept: [...KEPT_FIELDS] }
    return { ...(await this.get(id, principal)), privacyReport: { ...report, summary: describeKinds(report.found) } }
  }

  async #findByMac(ownerId: string, contentMac: string): Promise<string | null> {
    const [r] = await this.deps.db
      .select({ id: photos.id })
      .from(photos)
      .where(and(eq(photos.ownerId, ownerId), eq(photos.contentMac, contentMac)))
      .limit(1)
    return r?.id ?? null
  }

  /**
   * The photo's response as JSON text. `serialize` is the route's own response serialiser (the schema's
   * allow-list); its output is kept with the record, per variant (the sizes and whether the permission is
   * told, as the gate decided) and day: for one record and one day the gate's verdict, and so the whole
   * response, is the same for every caller the gate gives that variant.
   */
  async getJson(id: string, principal: Principal | null, serialize: (view: ReturnType<PhotosService['view']>) => string, lang: Lang = 'nl'): Promise<Buffer> {
    const allowed = await this.deps.gate.require(id, { kind: 'view' }, callerOf(principal))
    const key = `${variantOf(allowed)}:${lang}:${todayUtc()}`
    let texts = this.#json.get(allowed.record)
    if (!texts) this.#json.set(allowed.record, (texts = new Map()))
    let text = texts.get(key)
    if (text === undefined) {
      // Kept as bytes: encoding the text again on every send was a noticeable part of the request.
      text = Buffer.from(serialize(this.viewOf(allowed, lang)))
      if (texts.size > 8) texts.clear()
      texts.set(key, text)
    }
    return text
  }

  async get(id: string, principal: Principal | null, lang: Lang = 'nl') {
    return this.viewOf(await this.deps.gate.require(id, { kind: 'view' }, callerOf(principal)), lang)
  }

  /** Management list: a photographer's own photos, or all of them for the staff. */
  async list(principal: Principal, limit: number, cursor: string | undefined, lang: Lang = 'nl') {
    const conds: (SQL | undefined)[] = [notErased]
    if (!STAFF.has(principal.role)) conds.push(eq(photos.ownerId, principal.userId))
    if (cursor) {
      const c = decodeKeysetCursor(cursor)
      conds.push(or(lt(photos.createdAt, c.at), and(eq(photos.createdAt, c.at), lt(photos.id, c.id))))
    }
    const rows = await this.deps.db
      .select()
      .from(photos)
      .where(and(...conds))
      .orderBy(desc(photos.createdAt), desc(photos.id))
      .limit(limit + 1)
    const page = rows.slice(0, limit)
    const decisions = await this.deps.gate.check(
      page.map((p) => p.id),
      { kind: 'manage' },
      callerOf(principal),
    )
    const last = page.at(-1)
    return {
      items: page.flatMap((p) => {
        const d = decisions.get(p.id)
        return d?.ok ? [this.viewOf(d, lang)] : []
      }),
      nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null,
    }
  }

  /** One derivative for serving, as the gate allows this caller now; every request asks it anew. */
  async media(id: string, file: string, principal: Principal | null): Promise<ServedDerivative> {
    const m = mediaFile(file)
    if (!m) {
      await this.deps.gate.require(id, { kind: 'view' }, callerOf(principal))
      throw photoProblems.unknownPreset()
    }
    const allowed = await this.deps.gate.require(id, { kind: 'media', preset: m.preset }, callerOf(principal))
    return this.#derivative(allowed, m.preset, m.format)
  }

  /**
   * A preview for the person in the photo (their portal link was checked by the caller): the gate's
   * portal-preview purpose, small sizes, also before publication, never after withdrawal.
   */
  async previewForSubject(subjectId: string, id: string, file: string): Promise<ServedDerivative> {
    const m = mediaFile(file)
    const allowed = await this.deps.gate.require(id, { kind: 'portal-preview', preset: m?.preset ?? 'thumb' }, personCaller(subjectId))
    if (!m) throw photoProblems.unknownPreset()
    return this.#derivative(allowed, m.preset, m.format)
  }

  /** The derivative, with the record the gate decided on: the rights it is served with are written from that. */
  #derivative(allowed: Allowed, preset: PresetName, format: OutputFormat): ServedDerivative {
    const d = allowed.record.derivatives.find((x) => x.preset === preset && x.format === format)
    if (!d) throw photoProblems.derivativeNotReady()
    return { record: allowed.record, derivative: d }
  }

  /** Edits the texts and the "no people" declaration (photos.edit.ts). */
  update(id: string, principal: Principal, patch: PhotoPatchT) {
    return this.editor.update(id, principal, patch)
  }

  /** The same texts on many photos, all or nothing (photos.edit.ts). */
  updateMany(principal: Principal, ids: string[], patch: BulkPhotoPatchT['set']) {
    return this.editor.updateMany(principal, ids, patch)
  }

  openBlob(key: string) {
    return this.deps.blobs.stream(key)
  }

  /** Generated from the licence, the photographer's credit and the photo; never typed by hand. */
  #attribution(p: PhotoRow) {
    const licence = this.deps.licence(p.licence)
    if (!licence) return null
    return attributions(licence, { photographer: p.credit, title: { nl: p.captionNl ?? undefined, en: p.captionEn ?? undefined } })
  }

  /**
   * The response for one photo. `permission` is the gate's effective permission when the caller may see
   * it (null for an anonymous preview, and while the gate does not show the photo).
   */
  view(p: PhotoRow, ds: readonly DerivativeRow[], permission: Permission | null = null) {
    return this.#withPermission(this.#static(p, ds), p, permission)
  }

  /**
   * The view the gate allowed: its sizes only, and the permission only when the caller is told it. The
   * part that depends only on the record is built once per record and variant.
   */
  viewOf(allowed: Allowed, lang: Lang = 'nl') {
    const { record } = allowed
    let views = this.#views.get(record)
    if (!views) this.#views.set(record, (views = new Map()))
    const key = variantOf(allowed)
    let base = views.get(key)
    // Anyone but the photographer and the staff gets the outward view (no capture date, sizes as served).
    if (!base)
      views.set(
        key,
        (base = this.#static(
          record.photo,
          record.derivatives.filter((d) => allowed.presets.includes(d.preset as Preset)),
          outward(allowed),
          record.gate,
        )),
      )
    const told = allowed.disclosed ? allowed.permission : null
    const view = {
      ...this.#withPermission(base, record.photo, told),
      tags: keywordsIn(record.photo, lang),
      peopleCount: told ? record.gate.subjectIds.length : null,
    }
    // A desk (journalist or key of an organisation) sees medium at most, but a download grant gives every size.
    return allowed.access === 'desk' ? { ...view, downloadSizes: downloadSizes(record.photo, record.derivatives) } : view
  }

  #static(p: PhotoRow, ds: readonly DerivativeRow[], outward = false, gate: PhotoRecord['gate'] | null = null) {
    // Media URLs are versioned by pixels and terms together, as sendDerivative serves them (Dutch, the default).
    const tag = termsTag(photoRights(p, gate, this.deps.licence(p.licence), { origin: this.deps.origin, lang: 'nl' }))
    const version = (d: DerivativeRow) => (d.format === 'avif' ? d.etag : `${d.etag}-${tag}`)
    const view = staticView(p, ds, { publicUrl: this.deps.config.publicUrl, licence: this.deps.licence, attribution: (x) => this.#attribution(x), version })
    return outward ? outwardView(view) : view
  }

  // ---- rights written when served (photos.rights.ts, media/stamp.ts) --------------------------------

  /**
   * The rights a file of this photo carries if served now (with a grant, a download's), and its file name,
   * from the record the gate just allowed (never read here: every read of a photo asks the gate).
   */
  served(record: PhotoRecord, lang: Lang, preset: string, format: string, grant?: RightsGrant): { rights: Rights; fileName: string } {
    const rights = photoRights(record.photo, record.gate, this.deps.licence(record.photo.licence), { origin: this.deps.origin, lang, grant })
    return { rights, fileName: fileNameOf(record.photo, lang, preset, format) }
  }

  /** A derivative's bytes as served: its metadata written anew from `rights` (AVIF: as rendered, see photos.derivatives.ts). */
  async stamped(d: Pick<DerivativeRow, 'blobKey' | 'format'>, rights: Rights): Promise<Buffer> {
    const bytes = await this.deps.blobs.get(d.blobKey)
    return d.format === 'avif' ? bytes : stampRights(bytes, d.format, rights)
  }

  #withPermission(base: StaticView, p: PhotoRow, permission: Permission | null) {
    const licence = permission ? this.deps.licence(p.licence) : undefined
    return {
      ...base,
      permittedUses: permission ? permission.uses.map((use) => ({ use, label: USE_LABELS[use] })) : null,
      prohibitedContexts: permission
        ? {
            topics: permission.excludedTopics.map((topic) => ({ topic, label: TOPIC_LABELS[topic] })),
            text: licence ? { ...licence.prohibitedContexts.text } : null,
          }
        : null,
      consentValidUntil: permission?.validUntil ?? null,
    }
  }

  /**
   * Blobs that no row points to (an upload interrupted between writing its original and committing),
   * older than an hour so uploads in flight on other replicas are left alone. At start and then periodically
   * (runtime.ts); at most `limit` deletions a run, so one run never holds the disk for long.
   */
  async sweepOrphans(limit = 1000): Promise<number> {
    const cutoff = Date.now() - 3_600_000
    const rows = await this.deps.db.select({ o: photos.originalKey, m: photos.mediaKey }).from(photos)
    const originals = new Set(rows.map((r) => r.o))
    const media = new Set(rows.map((r) => r.m))
    let n = 0
    for await (const b of this.deps.blobs.list('originals')) {
      if (n >= limit) return n
      if (!originals.has(b.key) && b.modifiedAt.getTime() < cutoff) await this.deps.blobs.delete(b.key), n++
    }
    for await (const b of this.deps.blobs.list('derivatives')) {
      if (n >= limit) return n
      if (!media.has(b.key.split('/')[1] ?? '') && b.modifiedAt.getTime() < cutoff) await this.deps.blobs.delete(b.key), n++
    }
    return n
  }
}
