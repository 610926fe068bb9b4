/**
 * Consent versions and proposals as stored: the current version of one person's consent in a photo, a new version
 * (checked to be real calendar days, superseding the open proposal made against the old one), and the audit
 * event every version is (ids and codes only); a proposal of wider terms, waiting for the person. Versions are only ever added, never changed in place.
 */
import type { DbOrTx } from '../../db/client.ts'
import { problems } from '../../platform/problems.ts'
import type { AuditLog } from '../audit/index.ts'
import type { Topic } from '../../../../contract/vocabulary.ts'
import { isCalendarDay } from './consent.dates.ts'
import type { ConsentAuthor } from './consent.table.ts'
import * as repo from './consent.repo.ts'
import type { Principal } from '../auth/index.ts'
import type { ConsentTerms, Widening } from './consent.authority.ts'
import { proposalView, type ProposalView } from './consent.proposals.ts'
import { consentProblems, type Actor, type ConsentInput, type ConsentRow } from './consent.model.ts'

export class ConsentVersions {
  constructor(private readonly audit: AuditLog) {}

  /** Every consent version is an audit event in the same transaction: ids and codes only, never names. */
  async record(tx: DbOrTx, type: 'consent.created' | 'consent.changed' | 'consent.withdrawn', actor: Actor, row: ConsentRow) {
    await this.audit.append(tx, {
      type,
      actor: { kind: actor.kind, id: actor.id },
      photoId: row.photoId,
      subjectId: row.subjectId,
      data: {
        version: row.version,
        uses: [...row.uses],
        excludedTopics: [...row.excludedTopics],
        publicPreview: row.publicPreview,
        validUntil: row.validUntil,
        ...(row.reason ? { reason: row.reason } : {}),
      },
    })
  }

  async current(tx: DbOrTx, photoId: string, subjectId: string): Promise<ConsentRow> {
    const row = await repo.currentVersion(tx, photoId, subjectId)
    if (!row) throw consentProblems.notInPhoto()
    return row
  }

  async insert(
    tx: DbOrTx,
    photoId: string,
    subjectId: string,
    version: number,
    state: 'active' | 'withdrawn',
    c: Required<ConsentInput> | ConsentRow,
    actor: Actor,
    reason: string | null,
    author: ConsentAuthor,
    liftedTopics: readonly Topic[],
  ) {
    // The schema's pattern lets 2027-02-31 through; the database would refuse it with an error (a 500).
    for (const [field, day] of [
      ['validFrom', c.validFrom!],
      ['validUntil', c.validUntil!],
    ] as const) {
      if (!isCalendarDay(day)) throw problems.validation(`${field} is not a date in the calendar.`, [{ path: `/${field}`, message: 'no such day' }])
    }
    if (c.validUntil! < c.validFrom!) throw consentProblems.invalidPeriod()
    await this.supersedeOpen(tx, photoId, subjectId, actor)
    return repo.insertVersion(tx, {
      photoId,
      subjectId,
      version,
      state,
      uses: [...c.uses!],
      excludedTopics: [...c.excludedTopics!],
      identifiable: c.identifiable,
      identifiabilityAgreed: c.identifiabilityAgreed,
      outletAllow: c.outletAllow ? [...c.outletAllow] : null,
      outletDeny: [...(c.outletDeny ?? [])],
      publicPreview: c.publicPreview!,
      validFrom: c.validFrom!,
      validUntil: c.validUntil!,
      actorKind: actor.kind,
      actorId: actor.id,
      reason,
      author,
      liftedTopics: [...liftedTopics],
    })
  }

  /** Any new version supersedes the open proposal: it was made against what stood before. */
  async supersedeOpen(tx: DbOrTx, photoId: string, subjectId: string, actor: Actor) {
    const ids = await repo.supersedeOpenProposals(tx, photoId, subjectId)
    for (const id of ids)
      await this.audit.append(tx, {
        type: 'consent.proposal-superseded',
        actor: { kind: actor.kind, id: actor.id },
        photoId,
        subjectId,
        data: { proposalId: id },
      })
  }

  /** A proposal against `base` (the version standing now); an older open one was superseded by now. */
  async propose(tx: DbOrTx, base: ConsentRow, p: { terms: ConsentTerms; widens: Widening[] }, principal: Principal): Promise<ProposalView> {
    const actor: Actor = { kind: 'user', id: principal.userId }
    // Nothing narrowed (no new version): the new proposal replaces the open one itself.
    await this.supersedeOpen(tx, base.photoId, base.subjectId, actor)
    const row = await repo.insertProposal(tx, {
      photoId: base.photoId,
      subjectId: base.subjectId,
      baseVersion: base.version,
      terms: { ...p.terms },
      widens: [...p.widens],
      proposedByKind: principal.role === 'admin' ? 'admin' : 'photographer',
      proposedBy: principal.userId,
    })
    await this.audit.append(tx, {
      type: 'consent.proposed',
      actor,
      photoId: base.photoId,
      subjectId: base.subjectId,
      data: { proposalId: row.id, baseVersion: base.version, widens: [...p.widens] },
    })
    return proposalView(row)
  }
}
