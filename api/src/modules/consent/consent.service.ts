import { type Db, type DbOrTx } from '../../db/client.ts'
import type { LedgerPort } from '../../platform/ledger.ts'
import { problems } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import type { AuditLog } from '../audit/index.ts'
import type { JobQueue, Worker } from '../jobs/index.ts'
import { photoProblems, photosRepo, type PhotoRow } from '../photos/index.ts'
import { todayUtc, type CurrentConsent, type LicenceTerms } from '../gate/index.ts'
import { addYears, isCalendarDay } from './consent.dates.ts'
import type { ConsentAuthor } from './consent.table.ts'
import * as repo from './consent.repo.ts'
import { liftedBy, liftsKept, PROTECTIVE_TOPICS, splitChange, type ConsentTerms } from './consent.authority.ts'
import { proposalProblems, proposalView, type ProposalView } from './consent.proposals.ts'
import { enqueueSearchRemove, enqueueSearchSync } from '../search/index.ts'
import type { Topic } from '../../../../contract/vocabulary.ts'
import { ConsentVersions } from './consent.versions.ts'
import { consentProblems, DEFAULT_YEARS, type Actor, type ChangeResult, type ConsentInput, type ConsentView, type NoticePort } from './consent.model.ts'
import { currentConsents, gateInputs, gatePhotos } from './consent.reads.ts'
import { narrowingOf, refuseEnded, toCurrent, withDefaults } from './consent.rows.ts'

const STAFF = new Set(['curator', 'admin'])
/** A renewal is a fresh agreement, not a blank cheque: at most ten years ahead. */
const MAX_RENEWAL_YEARS = 10

const authorOf = (actor: Actor, principal?: Principal): ConsentAuthor =>
  actor.kind === 'subject' ? 'person' : actor.kind === 'system' ? 'system' : principal?.role === 'admin' ? 'admin' : 'photographer'

export class ConsentService {
  constructor(
    private readonly deps: {
      db: Db
      queue: JobQueue
      worker?: Worker
      audit: AuditLog
      licenceTerms: (ref: string) => LicenceTerms
      notices: NoticePort
      ledger?: LedgerPort
    },
  ) {
    this.versions = new ConsentVersions(deps.audit)
  }

  private readonly versions: ConsentVersions

  // ---- people -------------------------------------------------------------------------------------

  async createSubject(principal: Principal, pseudonym: string) {
    const row = await repo.insertSubject(this.deps.db, { pseudonym: pseudonym.trim(), createdBy: principal.userId })
    if (!row) throw consentProblems.pseudonymTaken()
    return { id: row.id, pseudonym: row.pseudonym, createdAt: row.createdAt.toISOString() }
  }

  async listSubjects(principal: Principal) {
    // An erased person is nobody's to link any more; the row stays only for history.
    const rows = await repo.liveSubjects(this.deps.db, principal.role === 'admin' ? null : principal.userId)
    return rows.map((r) => ({ id: r.id, pseudonym: r.pseudonym, createdAt: r.createdAt.toISOString() }))
  }

  /** Photographers manage their own photos; admins (consent officers) any. Curators review, they don't edit consent. */
  async managedPhoto(tx: DbOrTx, photoId: string, principal: Principal): Promise<PhotoRow> {
    const photo = await photosRepo.photoById(tx, photoId, { lock: 'update' })
    const mine = photo && (photo.ownerId === principal.userId || principal.role === 'admin')
    if (!photo || !mine) throw photoProblems.notYours()
    return photo
  }

  async addPerson(photoId: string, subjectId: string, input: ConsentInput, principal: Principal) {
    return this.deps.db.transaction(async (tx) => {
      const photo = await this.managedPhoto(tx, photoId, principal)
      if (photo.status === 'withdrawn') throw consentProblems.withdrawnFinal()
      // FOR SHARE: an erasure of this person (which updates the row) can't commit between this check and the link.
      const subject = await repo.subjectById(tx, subjectId, { lock: 'share' })
      if (!subject || subject.erased || (subject.createdBy !== principal.userId && principal.role !== 'admin')) throw consentProblems.subjectNotFound()
      if (!(await repo.linkPerson(tx, photoId, subjectId))) throw consentProblems.alreadyInPhoto()
      // The first consent, from a signed release, stands as recorded; lifting an excluded topic is the
      // person's alone, so that part waits for them as a proposal (consent.authority.ts).
      const actor: Actor = { kind: 'user', id: principal.userId }
      const split = splitChange(null, withDefaults(input), false)
      const row = await this.versions.insert(tx, photoId, subjectId, 1, 'active', split.now!, actor, null, authorOf(actor, principal), [])
      await this.versions.record(tx, 'consent.created', actor, row)
      const proposal = split.proposal ? await this.versions.propose(tx, row, split.proposal, principal) : null
      // A photo with people no longer rests on a "no people" declaration.
      await photosRepo.updatePhoto(tx, photoId, { noPeopleDeclaredAt: null, updatedAt: new Date() })
      if (photo.status === 'published') await enqueueSearchSync(tx, this.deps.queue, photoId)
      return { consent: toCurrent(row), proposal } satisfies ChangeResult
    })
  }

  async people(photoId: string, principal: Principal) {
    const photo = await photosRepo.photoById(this.deps.db, photoId)
    if (!photo || !(photo.ownerId === principal.userId || STAFF.has(principal.role))) {
      throw photoProblems.notFound()
    }
    const current = (await this.currentConsents(this.deps.db, [photoId])).get(photoId) ?? new Map<string, CurrentConsent>()
    const people = await repo.peopleInPhoto(this.deps.db, photoId)
    const proposals = await this.proposals(this.deps.db, { photoIds: [photoId] })
    return people.map((p) => ({
      subjectId: p.id,
      pseudonym: p.pseudonym,
      consent: current.get(p.id) ?? null,
      proposals: proposals.filter((x) => x.subjectId === p.id),
    }))
  }

  /**
   * A change is a new version; the old one stays. By the photographer (a signed form) or an admin: what
   * narrows takes effect at once, what widens becomes a proposal once the person has set their consent
   * themselves (consent.authority.ts), and lifting an excluded topic always does.
   */
  async changeConsent(photoId: string, subjectId: string, input: ConsentInput, principal: Principal): Promise<ChangeResult> {
    return this.#change(photoId, subjectId, input, { kind: 'user', id: principal.userId }, principal, (tx) => this.managedPhoto(tx, photoId, principal))
  }

  /** The same, by the person themselves (the portal has already checked their link): their word, in full. */
  async changeConsentBySubject(photoId: string, subjectId: string, input: ConsentInput): Promise<ConsentView> {
    const r = await this.#change(photoId, subjectId, input, { kind: 'subject', id: subjectId }, undefined, async (tx) => {
      const photo = await photosRepo.photoById(tx, photoId, { lock: 'update' })
      if (!photo) throw consentProblems.notInPhoto()
      return photo
    })
    return r.consent
  }

  async #change(
    photoId: string,
    subjectId: string,
    input: ConsentInput,
    actor: Actor,
    principal: Principal | undefined,
    load: (tx: DbOrTx) => Promise<PhotoRow>,
  ): Promise<ChangeResult> {
    let notified = 0
    const result = await this.deps.db.transaction(async (tx) => {
      const photo = await load(tx)
      await this.#liveSubject(tx, subjectId)
      const current = await this.versions.current(tx, photoId, subjectId)
      // No edit revives an expired consent (DESIGN.md): only the person's renewal, before the last day.
      refuseEnded(photo, current)
      const requested = withDefaults(input, current)
      const author = authorOf(actor, principal)
      const split =
        author === 'person' ? { now: requested, proposal: null } : splitChange(current, requested, await this.#personHasWritten(tx, photoId, subjectId))
      let row = current
      if (split.now) {
        const lifted = author === 'person' ? liftedBy(split.now) : liftsKept(current.liftedTopics, split.now)
        row = await this.versions.insert(tx, photoId, subjectId, current.version + 1, 'active', split.now, actor, null, author, lifted)
        await this.versions.record(tx, 'consent.changed', actor, row)
        // Narrower than before: every organisation holding the photo hears what changed (codes, no names).
        const narrowing = narrowingOf(current, row)
        if (narrowing) notified = await this.deps.notices.raise(tx, { photoId, event: 'consent.narrowed', key: row.id, data: narrowing })
        // Uses and public preview are in the search document.
        if (photo.status === 'published') await enqueueSearchSync(tx, this.deps.queue, photoId)
      }
      const proposal = split.proposal ? await this.versions.propose(tx, row, split.proposal, principal!) : null
      return { consent: toCurrent(row), proposal }
    })
    if (notified) this.deps.worker?.nudge()
    return result
  }

  async #personHasWritten(tx: DbOrTx, photoId: string, subjectId: string): Promise<boolean> {
    return repo.personHasWritten(tx, photoId, subjectId)
  }

  /** FOR SHARE: an erasure (which updates the row) can't commit while a change or a proposal is made. */
  async #liveSubject(tx: DbOrTx, subjectId: string) {
    const subject = await repo.subjectById(tx, subjectId, { lock: 'share' })
    if (!subject) throw consentProblems.notInPhoto()
    if (subject.erased) throw consentProblems.personErased()
  }

  /**
   * Who lifted a topic for this photo (DESIGN.md: "the grant then records that they did"): 'person' when
   * it is a protective topic and everyone pictured lifted it themselves; null for any other topic.
   */
  async topicLiftedBy(tx: DbOrTx, photoId: string, topic: Topic | null): Promise<'person' | null> {
    if (!topic || !PROTECTIVE_TOPICS.includes(topic)) return null
    const links = await repo.subjectIdsInPhoto(tx, photoId)
    if (links.length === 0) return null
    const current = (await this.currentConsents(tx, [photoId])).get(photoId)
    return links.every((subjectId) => (current?.get(subjectId) as ConsentView | undefined)?.liftedTopics.includes(topic)) ? 'person' : null
  }

  // ---- proposals: a wider consent waits for the person ---------------------------------------------

  /** Proposals for these photos (and this person), newest first. */
  async proposals(tx: DbOrTx, where: { photoIds: string[]; subjectId?: string }): Promise<ProposalView[]> {
    if (where.photoIds.length === 0) return []
    const rows = await repo.proposalsOf(tx, where.photoIds, where.subjectId)
    return rows.map(proposalView)
  }

  /**
   * The person answers a proposal in the portal. Accepting writes exactly the proposed consent as their own
   * version (so a topic lifted by accepting is lifted by them); declining changes nothing.
   */
  async answerProposal(subjectId: string, proposalId: string, answer: 'accept' | 'decline'): Promise<ChangeResult> {
    const actor: Actor = { kind: 'subject', id: subjectId }
    let notified = 0
    const result = await this.deps.db.transaction(async (tx) => {
      const found = await repo.proposalOwner(tx, proposalId)
      if (!found || found.subjectId !== subjectId) throw proposalProblems.proposalNotFound()
      // The photo first, as every consent change locks it; then the proposal itself.
      const photo = await photosRepo.photoById(tx, found.photoId, { lock: 'update' })
      const p = await repo.proposalForUpdate(tx, proposalId)
      if (!photo || !p) throw proposalProblems.proposalNotFound()
      await this.#liveSubject(tx, subjectId)
      if (p.state === 'accepted' || p.state === 'declined') throw proposalProblems.proposalDecided(p.state, p.decidedAt!)
      const current = await this.versions.current(tx, p.photoId, subjectId)
      // An expired consent is not revived by accepting a later last day either.
      refuseEnded(photo, current)
      if (p.state === 'superseded' || current.version !== p.baseVersion) throw proposalProblems.proposalSuperseded(current.version)
      const decided = { decidedAt: new Date(), state: answer === 'accept' ? ('accepted' as const) : ('declined' as const) }
      if (answer === 'decline') {
        const row = await repo.decideProposal(tx, p.id, decided)
        await this.deps.audit.append(tx, {
          type: 'consent.proposal-declined',
          actor,
          photoId: p.photoId,
          subjectId,
          data: { proposalId: p.id, baseVersion: p.baseVersion },
        })
        return { consent: toCurrent(current), proposal: proposalView(row!) }
      }
      const terms = p.terms as unknown as ConsentTerms
      // Marked accepted before the version is written, so writing it does not supersede this very proposal.
      const accepted = await repo.decideProposal(tx, p.id, { ...decided, acceptedVersion: current.version + 1 })
      const row = await this.versions.insert(tx, p.photoId, subjectId, current.version + 1, 'active', terms, actor, null, 'person', liftedBy(terms))
      await this.deps.audit.append(tx, {
        type: 'consent.proposal-accepted',
        actor,
        photoId: p.photoId,
        subjectId,
        data: { proposalId: p.id, baseVersion: p.baseVersion, version: row.version },
      })
      await this.versions.record(tx, 'consent.changed', actor, row)
      const narrowing = narrowingOf(current, row)
      if (narrowing) notified = await this.deps.notices.raise(tx, { photoId: p.photoId, event: 'consent.narrowed', key: row.id, data: narrowing })
      if (photo.status === 'published') await enqueueSearchSync(tx, this.deps.queue, p.photoId)
      return { consent: toCurrent(row), proposal: proposalView(accepted!) }
    })
    if (notified) this.deps.worker?.nudge()
    return result
  }

  /**
   * Withdrawal (promise 4): in one transaction, a withdrawn consent version, the photo withdrawn for good,
   * its derivative rows gone (so nothing can be served from the next request on) and the follow-up work
   * queued: blobs deleted, search entry removed, a takedown notice (and its deliveries) for every organisation that downloaded it.
   */
  async withdraw(photoId: string, subjectId: string, actor: Actor, reason: 'withdrawn' | 'expired' = 'withdrawn', principal?: Principal): Promise<boolean> {
    const wrote = await this.deps.db.transaction(async (tx) => {
      // The photo row is locked first, as every consent change does: two withdrawals at once (the person
      // in the portal, an erasure, the photographer, the expiry sweep) then take turns, and the second
      // finds it withdrawn instead of writing the same version number again.
      if (principal) await this.managedPhoto(tx, photoId, principal)
      else await photosRepo.lockPhoto(tx, photoId, 'update')
      const current = await this.versions.current(tx, photoId, subjectId)
      // The expiry sweep found this consent expired a moment ago; if it was renewed since, it stands.
      if (reason === 'expired' && current.state === 'active' && current.validUntil >= todayUtc()) return false
      let wrote = false
      if (current.state !== 'withdrawn') {
        const row = await this.versions.insert(
          tx,
          photoId,
          subjectId,
          current.version + 1,
          'withdrawn',
          { ...current },
          actor,
          reason,
          authorOf(actor, principal),
          current.liftedTopics,
        )
        await this.versions.record(tx, 'consent.withdrawn', actor, row)
        wrote = true
      }
      await photosRepo.markWithdrawn(tx, photoId)
      await photosRepo.deleteDerivatives(tx, photoId)
      await this.deps.queue.enqueue(tx, 'photo.purge-media', { photoId }, { dedupeKey: `photo.purge-media:${photoId}` })
      await enqueueSearchRemove(tx, this.deps.queue, photoId)
      // A notice for every organisation holding a download grant for it, and none for anyone else; its
      // webhook and e-mail deliveries are queued in this same transaction.
      await this.deps.notices.raise(tx, { photoId, event: 'consent.withdrawn', data: () => ({ reason }) })
      return wrote
    })
    // Written down outside the database before the caller answers: a restored backup re-applies it.
    if (wrote) await this.deps.ledger?.record({ kind: 'withdrawal', photoId, subjectId, reason })
    this.deps.worker?.nudge()
    return wrote
  }

  /**
   * Renewal by the person (the portal has checked their link): a new version with a later last day, the
   * rest unchanged, and their open renewal questions answered, in one transaction. An expired consent
   * cannot be renewed: expiry is a withdrawal, and withdrawal is final.
   */
  async renew(photoId: string, subjectId: string, validUntil: string | undefined) {
    const actor: Actor = { kind: 'subject', id: subjectId }
    return this.deps.db.transaction(async (tx) => {
      const photo = await photosRepo.photoById(tx, photoId, { lock: 'update' })
      if (!photo) throw consentProblems.notInPhoto()
      const current = await this.versions.current(tx, photoId, subjectId)
      const today = todayUtc()
      refuseEnded(photo, current, today)
      const until = validUntil ?? addYears(today, DEFAULT_YEARS)
      const latest = addYears(today, MAX_RENEWAL_YEARS)
      const bad = (message: string) => problems.validation(message, [{ path: '/validUntil', message }])
      if (!isCalendarDay(until)) throw bad(`${until} is not a day in the calendar.`)
      if (until <= current.validUntil) throw bad(`A renewal must end after ${current.validUntil}, the current last day.`)
      if (until > latest) throw bad(`A renewal may run at most ${MAX_RENEWAL_YEARS} years, until ${latest}.`)
      const row = await this.versions.insert(
        tx,
        photoId,
        subjectId,
        current.version + 1,
        'active',
        { ...current, validUntil: until },
        actor,
        null,
        'person',
        current.liftedTopics,
      )
      await this.versions.record(tx, 'consent.changed', actor, row)
      await repo.answerRenewalRequests(tx, photoId, subjectId)
      if (photo.status === 'published') await enqueueSearchSync(tx, this.deps.queue, photoId)
      return toCurrent(row)
    })
  }

  // ---- what the gate reads (consent.reads.ts): the current version of every consent for whole pages --

  currentConsents(tx: DbOrTx, photoIds: string[]) {
    return currentConsents(tx, photoIds)
  }

  gatePhotos(tx: DbOrTx, rows: PhotoRow[]) {
    return gatePhotos(tx, rows)
  }

  gateInputs(tx: DbOrTx, photoIds: string[]) {
    return gateInputs(tx, photoIds)
  }
}
