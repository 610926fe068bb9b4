import { enqueueSearchRemove } from '../search/index.ts'
import type { Db, Tx } from '../../db/client.ts'
import { sha256 } from '../../platform/crypto.ts'
import type { LedgerPort } from '../../platform/ledger.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import type { AuditLog } from '../audit/index.ts'
import { consentRepo, type ConsentService, type NoticePort } from '../consent/index.ts'
import { PermanentJobError, type ClaimedJob, type JobQueue, type Worker } from '../jobs/index.ts'
import { ORIGINAL_KEY_DESTROYED, photosRepo } from '../photos/index.ts'
import type { PortalService } from '../portal/index.ts'
import type { BlobStore } from '../storage/index.ts'
import { vaultRepo } from '../vault/index.ts'
import * as repo from './erasure.repo.ts'

export const erasureProblems = {
  notFound: () => new Problem(404, 'erasure-request-not-found', 'Erasure request not found', 'There is no erasure request with this id.'),
  busy: () =>
    new Problem(
      409,
      'erasure-interrupted',
      'The person was linked to a photo meanwhile',
      'Someone linked this person to a photo while the erasure ran. Nothing was destroyed; carry it out again.',
    ),
}

/** Job kinds: the blob deletions that follow the transaction (the derivatives go by the existing photo.purge-media). */
export const DELETE_ORIGINAL = 'erasure.delete-original'
export const DELETE_VAULT_DOCUMENT = 'erasure.delete-vault-document'

/** What replaces an erased person's pseudonym: unique per photographer (a constraint), and says nothing. */
export const erasedPseudonym = (subjectId: string) => `erased-${subjectId}`

export interface ErasureResult {
  id: string
  subjectId: string
  doneAt: string
  /** True when the request had been carried out already: nothing was destroyed now, the blob deletions were queued again. */
  alreadyDone: boolean
  photosWithdrawn: number
  destroyed: { originalKeys: number; photoTexts: number; vaultRecords: number; vaultDocuments: number; portalLinks: number; pseudonym: number }
  blobDeletionsQueued: { originals: number; derivatives: number; vaultDocuments: number }
}

/** A photo the person is in was not withdrawn when the transaction looked: withdraw it, then try again. */
class StillShown extends Error {}

const ATTEMPTS = 3
const ACTOR = { kind: 'system', id: 'erasure' } as const
/** Who carries out an erasure re-applied from the ledger after a restore (modules/backup). */
export const LEDGER_ACTOR = { kind: 'system', id: 'ledger' } as const

export class ErasureService {
  constructor(
    private readonly deps: {
      db: Db
      consent: ConsentService
      audit: AuditLog
      queue: JobQueue
      worker: Worker
      blobs: BlobStore
      notices: NoticePort
      /** Revokes the person's portal links in the erasure's transaction (passed in: the portal records requests through this module). */
      portal: Pick<PortalService, 'revokeAllOf'>
      ledger?: LedgerPort
    },
  ) {}

  /** Open requests, oldest first, with how many photos each takes down and how many of those show someone else too. */
  async listOpen() {
    const rows = await repo.openRequestsWithCounts(this.deps.db)
    return rows.map((r) => ({
      id: r.id,
      subjectId: r.subject_id,
      pseudonym: r.pseudonym,
      requestedAt: new Date(r.requested_at).toISOString(),
      photos: Number(r.photos),
      sharedPhotos: Number(r.shared),
    }))
  }

  /**
   * Carries out a request. First every photo the person is in is withdrawn, through consent (its own
   * transactions: consent version, derivative rows, purge and search jobs, audit event). Then one
   * transaction destroys the keys and records and queues the blob deletions, so a crash after it leaves
   * nothing readable and jobs that finish the rest; a crash before it leaves the request open, and carrying
   * it out again picks up where it stopped.
   */
  async carryOut(requestId: string, admin: Principal | typeof LEDGER_ACTOR): Promise<ErasureResult> {
    const request = await repo.requestById(this.deps.db, requestId)
    if (!request) throw erasureProblems.notFound()
    let withdrawn = 0
    for (let attempt = 1; ; attempt++) {
      if (!request.doneAt) withdrawn += await this.#withdrawAll(request.subjectId)
      try {
        const result = await this.deps.db.transaction((tx) => this.#destroy(tx, requestId, admin))
        // Outside the database before the officer hears it is done: a restored backup erases them again.
        if (!result.alreadyDone) await this.deps.ledger?.record({ kind: 'erasure', subjectId: result.subjectId })
        this.deps.worker.nudge()
        return { ...result, photosWithdrawn: withdrawn }
      } catch (err) {
        // The person was linked to a photo after the withdrawals: the transaction rolled back, go again.
        if (err instanceof StillShown && attempt < ATTEMPTS) continue
        throw err instanceof StillShown ? erasureProblems.busy() : err
      }
    }
  }

  async #withdrawAll(subjectId: string): Promise<number> {
    const rows = await consentRepo.photoStatesOfSubject(this.deps.db, subjectId)
    // One person's erasure takes the photo down for everyone in it: a photo can't be shown with a person cut out.
    for (const r of rows) await this.deps.consent.withdraw(r.id, subjectId, ACTOR, 'withdrawn')
    return rows.filter((r) => r.status !== 'withdrawn').length
  }

  async #destroy(tx: Tx, requestId: string, admin: Principal | typeof LEDGER_ACTOR): Promise<Omit<ErasureResult, 'photosWithdrawn'>> {
    // Two officers at once: the second waits here, then finds the request done.
    const request = await repo.requestById(tx, requestId, { lock: 'update' })
    if (!request) throw erasureProblems.notFound()
    const subjectId = request.subjectId
    if (request.doneAt) return this.#requeue(tx, request)

    // First the person's own row: its lock makes linking, vault writes and new portal links wait, and they
    // refuse an erased person once this commits. The pseudonym may be a working name: it goes too.
    await consentRepo.markSubjectErased(tx, subjectId, erasedPseudonym(subjectId))

    // Locked in id order, so two erasures sharing photos never wait on each other in a circle.
    const linked = await consentRepo.photosOfSubjectForUpdate(tx, subjectId)
    if (linked.some((p) => p.status !== 'withdrawn')) throw new StillShown()
    const photoIds = linked.map((p) => p.id)
    const originalKeys = linked.filter((p) => p.wrappedKey !== ORIGINAL_KEY_DESTROYED).length
    if (photoIds.length) {
      // The data key goes, so the original is unreadable for good, also a copy of its blob in a backup.
      // The texts go too: a caption or alt text may describe the person, a thumbhash is a tiny picture of them.
      await photosRepo.markErased(tx, photoIds)
      await photosRepo.deleteDerivatives(tx, photoIds)
      // Beyond the withdrawal's notice: the photo is gone for good, so copies in archives must go too.
      for (const photoId of photoIds) await this.deps.notices.raise(tx, { photoId, event: 'photo.takedown', data: () => ({ reason: 'erased' }) })
      // Withdrawal queued these already; again here so an erased photo's entry goes even if that was lost.
      for (const id of photoIds) await enqueueSearchRemove(tx, this.deps.queue, id)
    }

    // The vault: deleting the rows destroys the record's wrapped key and ciphertext and each document's key.
    const vault = await vaultRepo.deleteAllOf(tx, subjectId)
    const links = await this.deps.portal.revokeAllOf(tx, subjectId)
    // Every open request of this person is answered by this one erasure.
    const doneAt = new Date()
    await repo.markRequestsDone(tx, subjectId, doneAt)

    const destroyed = {
      originalKeys,
      photoTexts: photoIds.length,
      vaultRecords: vault.records,
      vaultDocuments: vault.documentBlobKeys.length,
      portalLinks: links,
      pseudonym: 1,
    }
    // Ids, counts and a hash only: the person is named by the SHA-256 of their id, which proves to whoever
    // holds the id that they were erased, while the event itself points at nobody.
    await this.deps.audit.append(tx, {
      type: 'erasure.done',
      actor: 'userId' in admin ? { kind: 'user', id: admin.userId } : admin,
      data: { requestId, subjectHash: sha256(subjectId), photos: photoIds.length, ...destroyed },
    })
    const queued = await this.#enqueue(tx, photoIds, vault.documentBlobKeys)
    return { id: requestId, subjectId, doneAt: doneAt.toISOString(), alreadyDone: false, destroyed, blobDeletionsQueued: queued }
  }

  /** Carried out already: nothing to destroy; the blob deletions are queued again (a dead job gets another go). */
  async #requeue(tx: Tx, request: repo.ErasureRequestRow): Promise<Omit<ErasureResult, 'photosWithdrawn'>> {
    const erased = await consentRepo.erasedPhotoIdsOfSubject(tx, request.subjectId)
    const queued = await this.#enqueue(tx, erased, [])
    return {
      id: request.id,
      subjectId: request.subjectId,
      doneAt: request.doneAt!.toISOString(),
      alreadyDone: true,
      destroyed: { originalKeys: 0, photoTexts: 0, vaultRecords: 0, vaultDocuments: 0, portalLinks: 0, pseudonym: 0 },
      blobDeletionsQueued: queued,
    }
  }

  async #enqueue(tx: Tx, photoIds: string[], vaultBlobKeys: string[]) {
    const { queue } = this.deps
    for (const photoId of photoIds) {
      await queue.enqueue(tx, DELETE_ORIGINAL, { photoId }, { dedupeKey: `${DELETE_ORIGINAL}:${photoId}` })
      // Withdrawal queued it already; again here in case that one ran before a render wrote another blob.
      await queue.enqueue(tx, 'photo.purge-media', { photoId }, { dedupeKey: `photo.purge-media:${photoId}` })
    }
    // Blob keys are random ('vault/<uuid>'): ids, not content. The rows that held them are gone.
    for (const blobKey of vaultBlobKeys) await queue.enqueue(tx, DELETE_VAULT_DOCUMENT, { blobKey }, { dedupeKey: `${DELETE_VAULT_DOCUMENT}:${blobKey}` })
    return { originals: photoIds.length, derivatives: photoIds.length, vaultDocuments: vaultBlobKeys.length }
  }

  // ---- the jobs: each deletes only what the database says is erased, so a wrong payload deletes nothing live

  deleteOriginalJob = async (job: ClaimedJob) => {
    const photoId = String(job.payload.photoId ?? '')
    const photo = await photosRepo.originalOf(this.deps.db, photoId)
    if (!photo) return
    if (!photo.erased || photo.wrappedKey !== ORIGINAL_KEY_DESTROYED) throw new PermanentJobError('photo not erased')
    await this.deps.blobs.delete(photo.key)
  }

  deleteVaultDocumentJob = async (job: ClaimedJob) => {
    const blobKey = String(job.payload.blobKey ?? '')
    if (!/^vault\/[0-9a-f-]{36}$/.test(blobKey)) throw new PermanentJobError('not a vault document key')
    if (await vaultRepo.documentWithBlobExists(this.deps.db, blobKey)) throw new PermanentJobError('vault document still in use')
    await this.deps.blobs.delete(blobKey)
  }
}
