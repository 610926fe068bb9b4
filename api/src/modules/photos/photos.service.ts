import { decodeKeysetCursor, encodeKeysetCursor } from '../../platform/cursor.ts'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import { type Db, type DbOrTx } from '../../db/client.ts'
import type { MasterKey } from '../../platform/crypto.ts'
import type { Semaphore } from '../../platform/semaphore.ts'
import type { Principal } from '../auth/index.ts'
import { callerOf, personCaller, todayUtc, type Allowed, type Gate, type Permission, type PhotoRecord, type Preset } from '../gate/index.ts'
import { TOPIC_LABELS, USE_LABELS } from '../../../../contract/vocabulary.ts'
import { attributions, type Licence } from '../licences/index.ts'
import type { JobQueue, Worker } from '../jobs/index.ts'
import { isOutputFormat, isPresetName, KEPT_FIELDS, stampRights, type OutputFormat, type PresetName, type PrivacyReport, type Rights } from '../media/index.ts'
import { fileNameOf, photoRights, termsTag, type Lang, type RightsGrant } from './photos.rights.ts'
import type { BlobStore } from '../storage/index.ts'
import { DerivativeStore } from './photos.derivatives.ts'
import { describeKinds } from './photos.privacy.ts'
import { keywordsIn } from './photos.keywords.ts'
import { photoProblems } from './photos.problems.ts'
import * as photosRepo from './photos.repo.ts'
import type { DerivativeRow, PhotoRow } from './photos.repo.ts'
import type { BulkPhotoPatchT, PhotoPatchT, UploadFieldsT } from './photos.schemas.ts'
import { downloadSizes, outward, staticView, variantOf, type StaticView } from './photos.views.ts'
import { PhotoEditor } from './photos.edit.ts'
import { PhotoIngest } from './photos.ingest.ts'

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
/** A record and variant asked for once: nothing built for it is kept until it is asked for again. */
const SEEN = Symbol('seen')

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
  /**
   * Views built from a record, per variant; a changed photo is a new record, so these go with the old one.
   * Kept from the second time a record and variant are asked for (SEEN marks the first): most records out
   * of many are asked for once (random reads, a page of search results), and keeping their views and texts
   * filled the heap with what nobody asked for again: with 20,000 records cached, ~350 MB, mostly response
   * texts (two bytes a character once a typographic quote is in them), and the garbage collector copied
   * and promoted all of it (issue 17: ~14 % of a cold photo read's time).
   */
  readonly #views = new WeakMap<PhotoRecord, Map<string, StaticView | typeof SEEN>>()
  readonly #json = new WeakMap<PhotoRecord, Map<string, Buffer | typeof SEEN>>()

  readonly editor: PhotoEditor
  /** Upload to stored draft, its undoing, and the orphaned-blob sweep (photos.ingest.ts). */
  readonly ingestion: PhotoIngest

  constructor(private readonly deps: PhotosDeps) {
    this.store = new DerivativeStore(deps)
    this.editor = new PhotoEditor(deps)
    this.ingestion = new PhotoIngest(deps, this.store)
  }

  get busy() {
    return this.deps.pipeline.busy
  }

  /** A received upload to a stored draft (photos.ingest.ts). */
  ingest(owner: Owner, input: IngestInput, onInsert?: (tx: DbOrTx, photoId: string) => Promise<void>) {
    return this.ingestion.ingest(owner, input, onInsert)
  }

  /** Undoes an upload whose request failed after its row committed (photos.ingest.ts). */
  discard(id: string): Promise<void> {
    return this.ingestion.discard(id)
  }

  /** The upload's 201 response body again (an Idempotency-Key retry after a crash), or null when gone. */
  async uploaded(id: string, principal: Principal) {
    const row = await photosRepo.privacyFoundOf(this.deps.db, id)
    if (row === undefined) return null
    const found = row as PrivacyReport['found']
    const report: PrivacyReport = { found, removed: [...found], kept: [...KEPT_FIELDS] }
    return { ...(await this.get(id, principal)), privacyReport: { ...report, summary: describeKinds(report.found) } }
  }

  /**
   * The photo's response as JSON. `serialize` is the route's own response serialiser (the schema's
   * allow-list); from the second time a record and variant are asked for, its output is kept with the
   * record as bytes, per variant (the sizes and whether the permission is told, as the gate decided) and
   * day: for one record and one day the gate's verdict, and so the whole response, is the same for every
   * caller the gate gives that variant.
   */
  async getJson(
    id: string,
    principal: Principal | null,
    serialize: (view: ReturnType<PhotosService['view']>) => string,
    lang: Lang = 'nl',
  ): Promise<string | Buffer> {
    const allowed = await this.deps.gate.require(id, { kind: 'view' }, callerOf(principal))
    const key = `${variantOf(allowed)}:${lang}:${todayUtc()}`
    let texts = this.#json.get(allowed.record)
    if (!texts) this.#json.set(allowed.record, (texts = new Map()))
    const kept = texts.get(key)
    if (kept instanceof Buffer) return kept
    // The first time: sent as text (the socket encodes it as it writes), and only noted. Asked for again:
    // kept as bytes (encoding the text on every send was a noticeable part of a photo read again and again).
    const text = serialize(this.viewOf(allowed, lang))
    if (texts.size > 8) texts.clear()
    if (kept === undefined) {
      texts.set(key, SEEN)
      return text
    }
    const bytes = Buffer.from(text)
    texts.set(key, bytes)
    return bytes
  }

  async get(id: string, principal: Principal | null, lang: Lang = 'nl') {
    return this.viewOf(await this.deps.gate.require(id, { kind: 'view' }, callerOf(principal)), lang)
  }

  /** Management list: a photographer's own photos, or all of them for the staff. */
  async list(principal: Principal, limit: number, cursor: string | undefined, lang: Lang = 'nl') {
    const rows = await photosRepo.photosPage(this.deps.db, {
      ownerId: STAFF.has(principal.role) ? undefined : principal.userId,
      after: cursor ? decodeKeysetCursor(cursor) : undefined,
      limit: limit + 1,
    })
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
    const kept = views.get(key)
    let base: StaticView
    if (kept !== undefined && kept !== SEEN) base = kept
    else {
      // Anyone but the photographer and the staff gets the outward view (no capture date, sizes as served).
      base = this.#static(
        record.photo,
        record.derivatives.filter((d) => allowed.presets.includes(d.preset as Preset)),
        outward(allowed),
        record.gate,
      )
      views.set(key, kept === SEEN ? base : SEEN)
    }
    const told = allowed.disclosed ? allowed.permission : null
    // One object (the kept part, the caller's permission and language), not a copy of a copy. Object.assign
    // onto a fresh object, not a spread: a spread followed by more properties cost 10-40 µs a view here
    // (each result a map of its own, it seems), assign about 1 µs.
    const view = Object.assign({}, base, this.#permissionOf(record.photo, told), {
      tags: keywordsIn(record.photo, lang),
      peopleCount: told ? record.gate.subjectIds.length : null,
    })
    // A desk (journalist or key of an organisation) sees medium at most, but a download grant gives every size.
    return allowed.access === 'desk' ? Object.assign(view, { downloadSizes: downloadSizes(record.photo, record.derivatives) }) : view
  }

  #static(p: PhotoRow, ds: readonly DerivativeRow[], outward = false, gate: PhotoRecord['gate'] | null = null) {
    // Media URLs are versioned by pixels and terms together, as sendDerivative serves them (Dutch, the default).
    const tag = termsTag(photoRights(p, gate, this.deps.licence(p.licence), { origin: this.deps.origin, lang: 'nl' }))
    const version = (d: DerivativeRow) => (d.format === 'avif' ? d.etag : `${d.etag}-${tag}`)
    return staticView(p, ds, { publicUrl: this.deps.config.publicUrl, licence: this.deps.licence, attribution: (x) => this.#attribution(x), version }, outward)
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
    return { ...base, ...this.#permissionOf(p, permission) }
  }

  /** The permission's part of a view: what the caller may do with the photo, when the caller is told. */
  #permissionOf(p: PhotoRow, permission: Permission | null) {
    const licence = permission ? this.deps.licence(p.licence) : undefined
    return {
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

  /** Blobs no row points to, removed (photos.ingest.ts). */
  sweepOrphans(limit = 1000): Promise<number> {
    return this.ingestion.sweepOrphans(limit)
  }
}
