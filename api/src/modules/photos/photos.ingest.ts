/**
 * Upload to stored draft, and its undoing: the photo row and its derivative job in one transaction, the
 * encrypted original and the eager derivatives around it, and the sweep of blobs an interrupted upload left.
 */
import crypto from 'node:crypto'
import type { DbOrTx } from '../../db/client.ts'
import { encryptFile, hmac, newDataKey } from '../../platform/crypto.ts'
import { problems } from '../../platform/problems.ts'
import { jobsRepo } from '../jobs/index.ts'
import { EAGER_FORMATS, inspectImage, MediaError, renderDerivatives, type PrivacyReport } from '../media/index.ts'
import { originalAad, rightsFor, type DerivativeStore } from './photos.derivatives.ts'
import { describeKinds } from './photos.privacy.ts'
import { normaliseTags } from './photos.keywords.ts'
import { mediaProblem, photoProblems } from './photos.problems.ts'
import * as photosRepo from './photos.repo.ts'
import type { PhotoRow } from './photos.repo.ts'
import type { IngestInput, Owner, PhotosDeps } from './photos.service.ts'

export class PhotoIngest {
  readonly #macKey: Buffer

  constructor(
    private readonly deps: Pick<PhotosDeps, 'db' | 'blobs' | 'masterKey' | 'queue' | 'worker' | 'config' | 'pipeline' | 'log'>,
    private readonly store: DerivativeStore,
  ) {
    this.#macKey = deps.masterKey.derive('content-mac')
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
    const existing = await photosRepo.photoIdByContentMac(db, owner.userId, contentMac)
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
        const row = await photosRepo.insertPhoto(tx, {
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
        // Claimed by this process at insert: finished below without a poll; after a crash, retaken.
        const jobId = await queue.enqueue(
          tx,
          'photo.derivatives',
          { photoId: id },
          { dedupeKey: `photo.derivatives:${id}`, claimFor: { workerId: worker.id, leaseSeconds: config.worker.leaseSeconds } },
        )
        await onInsert?.(tx, id)
        return { row, jobId: jobId! }
      }))
    } catch (err) {
      await blobs.delete(originalKey)
      if ((err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505') {
        const other = await photosRepo.photoIdByContentMac(db, owner.userId, contentMac)
        if (other) throw photoProblems.duplicate(other)
      }
      throw err
    }

    let photo: PhotoRow
    try {
      await this.store.write(row, rendered, jobId, worker.id)
      photo = (await photosRepo.photoById(db, id))!
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
        await photosRepo.deleteDerivatives(tx, id)
        const row = await photosRepo.deleteDraft(tx, id)
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

  /**
   * Blobs that no row points to (an upload interrupted between writing its original and committing),
   * older than an hour so uploads in flight on other replicas are left alone. At start and then periodically
   * (runtime.ts); at most `limit` deletions a run, so one run never holds the disk for long.
   */
  async sweepOrphans(limit = 1000): Promise<number> {
    const cutoff = Date.now() - 3_600_000
    const rows = await photosRepo.blobKeysInUse(this.deps.db)
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
