/**
 * The work around a photo that is not consent itself: a curator returning it with a note, the photographer
 * seeing why it is not published, removing a person linked by mistake, and deleting a draft.
 * Every change is one transaction with its audit event; blobs go after the commit (a crash in between
 * leaves blobs no row points to, which the start-up sweep removes: PhotosService.sweepOrphans).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db, DbOrTx } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { AuditLog } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import { consentRepo, describePublishBlocker } from '../consent/index.ts'
import { photoProblems, photosRepo, type PhotoRow, type Publication } from '../photos/index.ts'
import { callerOf, type Gate } from '../gate/index.ts'
import type { BlobStore } from '../storage/index.ts'
import { workflowProblems } from './workflow.problems.ts'

const notFound = () => photoProblems.notYours()

/** Who may change a photo's people and delete it: its photographer, and an admin (the consent officer). */
const mayManage = (photo: PhotoRow, p: Principal) => photo.ownerId === p.userId || p.role === 'admin'

export interface WorkflowDeps {
  db: Db
  /** The photo's lifecycle (photos.publication.ts): the checklist and what blocks publishing. */
  publication: Pick<Publication, 'checklist' | 'publishBlockers'>
  audit: AuditLog
  blobs: BlobStore
  /** The one door (modules/gate): whether the caller may manage the photo at all (erased, not theirs). */
  gate: Gate
  log: FastifyBaseLogger
}

export class WorkflowService {
  constructor(private readonly deps: WorkflowDeps) {}

  /** A curator sends a photo in review back to its photographer, with a note: a state and an audit event. */
  async returnToPhotographer(photoId: string, note: string, principal: Principal) {
    try {
      return await this.deps.db.transaction(async (tx) => {
        const photo = await this.#lockManaged(tx, photoId, principal)
        if (photo.status !== 'in_review') throw workflowProblems.notInReview(photo.status)
        const row = await photosRepo.insertNote(tx, { photoId, authorId: principal.userId, kind: 'returned', body: note.trim() })
        await photosRepo.updatePhoto(tx, photoId, { status: 'returned', updatedAt: new Date() })
        // The note's words stay out of the trail (they might name someone): its id is enough to find it.
        await this.deps.audit.append(tx, { type: 'photo.returned', actor: { kind: 'user', id: principal.userId }, photoId, data: { noteId: row.id } })
        return { id: photoId, status: 'returned' as const }
      })
    } finally {
      this.deps.gate.changed(photoId)
    }
  }

  /**
   * Where the photo stands, for its photographer and the staff: the checklist before sending, every reason
   * publishing would be refused now (in words), and the curators' notes, newest first.
   */
  async status(photoId: string, principal: Principal) {
    const { db, publication } = this.deps
    // The gate decides whether this caller may see the photo's management view (its photographer, the staff).
    const allowed = await this.deps.gate.require(photoId, { kind: 'manage' }, callerOf(principal)).catch(() => {
      throw notFound()
    })
    const photo = allowed.record.photo
    const [checklist, blockers, notes] = await Promise.all([
      publication.checklist(db, photo),
      photo.status === 'published' || photo.status === 'withdrawn' ? Promise.resolve([]) : publication.publishBlockers(db, photo),
      photosRepo.notesOf(db, photoId),
    ])
    return {
      id: photo.id,
      status: photo.status,
      checklist,
      publishable: photo.status !== 'withdrawn' && blockers.length === 0,
      reasons: blockers.map((b) => ({ ...b, words: describePublishBlocker(b) })),
      notes: notes.reverse().map((n) => ({ id: n.id, kind: n.kind, body: n.body, author: n.author, createdAt: n.createdAt.toISOString() })),
    }
  }

  /**
   * Removes a person linked by mistake, with every version of their consent for this photo, before
   * publication. After publication a person leaves a photo only through the consent rules (change, withdraw).
   */
  async removePerson(photoId: string, subjectId: string, principal: Principal) {
    try {
      await this.deps.db.transaction(async (tx) => {
        const photo = await this.#lockManaged(tx, photoId, principal)
        if (!mayManage(photo, principal)) throw notFound()
        if (photo.status === 'published' || photo.status === 'withdrawn') throw workflowProblems.personLocked()
        if (!(await consentRepo.unlinkPerson(tx, photoId, subjectId)))
          throw new Problem(404, 'person-not-in-photo', 'Person not in this photo', 'This person is not linked to this photo.')
        const versions = await consentRepo.deleteConsentsOfPerson(tx, photoId, subjectId)
        await consentRepo.deleteRenewalRequestsOfPerson(tx, photoId, subjectId)
        await photosRepo.updatePhoto(tx, photoId, { updatedAt: new Date() })
        await this.deps.audit.append(tx, {
          type: 'consent.removed',
          actor: { kind: 'user', id: principal.userId },
          photoId,
          subjectId,
          data: { versions, status: photo.status },
        })
      })
    } finally {
      this.deps.gate.changed(photoId)
    }
  }

  /**
   * Deletes a draft (or a returned photo): its rows (people, consent, notes, derivatives) in one
   * transaction with its audit event, then its blobs. Anything sent out is never deleted this way.
   */
  async deleteDraft(photoId: string, principal: Principal) {
    let deleted: PhotoRow | undefined
    try {
      deleted = await this.deps.db.transaction(async (tx) => {
        const photo = await this.#lockManaged(tx, photoId, principal)
        if (!mayManage(photo, principal)) throw notFound()
        if (photo.status !== 'draft' && photo.status !== 'returned') throw workflowProblems.notDeletable(photo.status)
        // Consent rows point at the photo with ON DELETE CASCADE, people links too; the subjects stay.
        await consentRepo.deleteRenewalRequestsOfPhoto(tx, photoId)
        await photosRepo.deletePhoto(tx, photoId)
        await this.deps.audit.append(tx, { type: 'photo.deleted', actor: { kind: 'user', id: principal.userId }, photoId, data: { status: photo.status } })
        return photo
      })
    } finally {
      this.deps.gate.changed(photoId)
    }
    await this.#deleteBlobs(deleted)
  }

  /** Locks the photo's row, then asks the gate (inside the transaction) whether the caller may manage it. */
  async #lockManaged(tx: DbOrTx, photoId: string, principal: Principal): Promise<PhotoRow> {
    if (!(await photosRepo.lockPhoto(tx, photoId, 'update'))) throw notFound()
    const allowed = await this.deps.gate.require(photoId, { kind: 'manage' }, callerOf(principal), tx).catch(() => {
      throw notFound()
    })
    return allowed.record.photo
  }

  async #deleteBlobs(photo: PhotoRow) {
    const keys = [photo.originalKey]
    for await (const b of this.deps.blobs.list(`derivatives/${photo.mediaKey}`)) keys.push(b.key)
    for (const key of keys) {
      await this.deps.blobs.delete(key).catch((err) => this.deps.log.warn({ err }, 'a deleted draft left a blob behind; the start-up sweep removes it'))
    }
  }
}
