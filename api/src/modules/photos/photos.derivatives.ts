import crypto from 'node:crypto'
import type { Config } from '../../config.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { decryptBuffer, type MasterKey } from '../../platform/crypto.ts'
import { PermanentJobError, type ClaimedJob, type JobContext, type JobQueue } from '../jobs/index.ts'
import type { Licence } from '../licences/index.ts'
import { EAGER_FORMATS, renderAvif, renderDerivatives, type RenderedDerivative, type RenderResult, type Rights } from '../media/index.ts'
import type { BlobStore } from '../storage/index.ts'
import { copyrightYear, creditLineOf, photoRights } from './photos.rights.ts'
import * as photosRepo from './photos.repo.ts'
import type { PhotoRow } from './photos.repo.ts'

export const originalAad = (photoId: string) => `original:${photoId}`
export const derivativeKey = (mediaKey: string, preset: string, format: string) => `derivatives/${mediaKey}/${preset}.${format}`

/**
 * The rights written when a JPEG or WebP derivative is rendered: creator, credit and copyright only. They
 * are replaced when the file is served, from the state at that moment (photos.rights.ts, media/stamp.ts).
 */
export function rightsFor(p: { credit: string; createdAt: Date; publishedAt?: Date | null }): Rights {
  return {
    creator: p.credit,
    credit: creditLineOf(p.credit),
    copyright: `© ${copyrightYear({ publishedAt: p.publishedAt ?? null, createdAt: p.createdAt })} ${p.credit}`,
  }
}

interface Deps {
  db: Db
  blobs: BlobStore
  masterKey: MasterKey
  queue: JobQueue
  config: Pick<Config, 'upload' | 'testCrashAfterDerivativeBlobs'>
  /** The licence a photo is offered under, by its reference ('rsw-editorial@1.0'). */
  licence: (ref: string) => Licence | undefined
  /** The app's public origin (PUBLIC_URL): where the rights page of an AVIF file points. */
  origin: string
}

/**
 * Writes a photo's derivatives idempotently: blob keys are fixed per (photo, preset, format), so a rerun
 * after a crash overwrites rather than adds, and the rows (unique on photo, preset, format) are upserted
 * in the same transaction that completes the job. Either way the photo ends with one complete set.
 */
export class DerivativeStore {
  #written = 0

  constructor(private readonly deps: Deps) {}

  async write(photo: PhotoRow, rendered: RenderResult, jobId: number, workerId: string): Promise<void> {
    const { db, queue } = this.deps
    const rows = await this.#putBlobs(photo, rendered.derivatives)
    await db.transaction(async (tx) => {
      // A withdrawal may have committed while we rendered: then no rows, and the blobs just written go too.
      if (await this.#withdrawn(tx, photo.id)) {
        await this.#purgeAfterRender(tx, photo.id)
        await queue.complete(jobId, workerId, tx)
        return
      }
      // Eager formats are replaced as a set: a size that is no longer made must not linger.
      await photosRepo.deleteDerivatives(tx, photo.id, EAGER_FORMATS)
      await photosRepo.insertDerivatives(tx, rows)
      await photosRepo.updatePhoto(tx, photo.id, {
        derivativesState: 'ready',
        thumbhash: rendered.thumbhash,
        dominantColour: rendered.dominantColour,
        updatedAt: new Date(),
      })
      await queue.enqueue(tx, 'photo.avif', { photoId: photo.id }, { dedupeKey: `photo.avif:${photo.id}` })
      await queue.complete(jobId, workerId, tx)
    })
  }

  /**
   * A render that finds its photo withdrawn queues a purge of its own, without a dedupe key: the
   * withdrawal's purge may be running right now (renders have their own worker lane, and other replicas
   * run jobs too), and it may have listed the blobs before this render wrote its own. The queue would
   * drop a deduped purge while that one runs; this one runs after the blobs are written, whatever ran before.
   */
  async #purgeAfterRender(tx: DbOrTx, photoId: string) {
    await this.deps.queue.enqueue(tx, 'photo.purge-media', { photoId })
  }

  /** Reads the status under a row lock, so a withdrawal can't commit between this check and our insert. */
  async #withdrawn(tx: DbOrTx, photoId: string): Promise<boolean> {
    const status = await photosRepo.lockedStatus(tx, photoId)
    return !status || status === 'withdrawn'
  }

  async #putBlobs(photo: PhotoRow, list: RenderedDerivative[]) {
    const rows = []
    for (const d of list) {
      const blobKey = derivativeKey(photo.mediaKey, d.preset, d.format)
      await this.deps.blobs.put(blobKey, d.bytes)
      this.#crashPoint()
      rows.push({
        photoId: photo.id,
        preset: d.preset,
        format: d.format,
        width: d.width,
        height: d.height,
        bytes: d.bytes.length,
        blobKey,
        etag: crypto.createHash('sha256').update(d.bytes).digest('base64url').slice(0, 22),
      })
    }
    return rows
  }

  /** Fault injection for the crash-recovery test (config allows it only with NODE_ENV=test). */
  #crashPoint() {
    const after = this.deps.config.testCrashAfterDerivativeBlobs
    if (after !== undefined && ++this.#written >= after) process.kill(process.pid, 'SIGKILL')
  }

  /** The photo and its decrypted original; null for a withdrawn photo (never rendered again, and once erased its data key is gone). */
  async #load(job: ClaimedJob): Promise<{ photo: PhotoRow; original: Buffer } | null> {
    const id = String(job.payload.photoId ?? '')
    const photo = await photosRepo.photoById(this.deps.db, id)
    if (!photo) throw new PermanentJobError('photo gone')
    if (photo.status === 'withdrawn') return null
    const dataKey = this.deps.masterKey.unwrap(photo.originalWrappedKey)
    const original = decryptBuffer(dataKey, await this.deps.blobs.get(photo.originalKey), originalAad(photo.id))
    return { photo, original }
  }

  /** 'photo.derivatives': the recovery path, when the upload's own process did not finish the set. */
  derivativesJob = async (job: ClaimedJob, ctx: JobContext) => {
    const loaded = await this.#load(job)
    if (!loaded) return
    const { photo, original } = loaded
    const rendered = await renderDerivatives(original, { formats: EAGER_FORMATS, rights: rightsFor(photo), maxPixels: this.deps.config.upload.maxPixels })
    await this.write(photo, rendered, job.id, ctx.workerId)
  }

  /** 'photo.purge-media': after a withdrawal, every derivative blob goes (the rows went in its transaction). */
  purgeJob = async (job: ClaimedJob) => {
    const id = String(job.payload.photoId ?? '')
    const mediaKey = await photosRepo.mediaKeyOf(this.deps.db, id)
    if (mediaKey === undefined) return
    const keys: string[] = []
    for await (const b of this.deps.blobs.list(`derivatives/${mediaKey}`)) keys.push(b.key)
    for (const key of keys) await this.deps.blobs.delete(key)
  }

  /** 'photo.avif': AVIF is slow to encode, so it is made in the background after the upload answered. */
  avifJob = async (job: ClaimedJob, ctx: JobContext) => {
    const loaded = await this.#load(job)
    if (!loaded) return
    const { photo, original } = loaded
    // AVIF can't be stamped in place: it is rendered with the terms of now, and rendered again when they
    // change (photos.service.ts update); consent-dependent fields are left out of it for that reason.
    const rights = photoRights(photo, null, this.deps.licence(photo.licence), { origin: this.deps.origin, lang: 'nl', withConsent: false })
    // One AVIF serves both languages (its captions carry both as Lang Alt), so it carries both keyword lists.
    rights.keywords = [...new Set([...photo.tags, ...photo.tagsEn])]
    const list = await renderAvif(original, { rights, maxPixels: this.deps.config.upload.maxPixels })
    const rows = await this.#putBlobs(photo, list)
    await this.deps.db.transaction(async (tx) => {
      if (await this.#withdrawn(tx, photo.id)) {
        await this.#purgeAfterRender(tx, photo.id)
        await this.deps.queue.complete(job.id, ctx.workerId, tx)
        return
      }
      await photosRepo.deleteDerivatives(tx, photo.id, ['avif'])
      if (rows.length) await photosRepo.insertDerivatives(tx, rows)
      await this.deps.queue.complete(job.id, ctx.workerId, tx)
    })
  }
}
