/** Consent rows as values: read from SQL, defaults filled in, shown, compared. Pure functions. */
import type { PhotoRow } from './consent.repo.ts'
import { todayUtc } from '../gate/index.ts'
import { DEFAULT_EXCLUDED_TOPICS, DEFAULT_USES, type Topic, type Use } from '../../../../contract/vocabulary.ts'
import type { ConsentAuthor } from './consent.table.ts'
import { consentProblems, DEFAULT_YEARS, type ConsentInput, type ConsentRow, type ConsentView } from './consent.model.ts'

/**
 * What a consent change took away, for the organisations holding the photo; null when nothing narrowed.
 * Codes and a date only: which person changed what is not theirs to know.
 */
export function narrowingOf(before: ConsentRow, after: ConsentRow): ((organisationId: string) => Record<string, unknown>) | null {
  const removedUses = before.uses.filter((u) => !after.uses.includes(u))
  const addedExcludedTopics = after.excludedTopics.filter((t) => !before.excludedTopics.includes(t))
  const shortened = after.validUntil < before.validUntil
  const recognisability = before.identifiabilityAgreed && after.identifiable && !after.identifiabilityAgreed
  const permits = (c: ConsentRow, org: string) => !c.outletDeny.includes(org) && (c.outletAllow === null || c.outletAllow.includes(org))
  const outletsNarrowed =
    after.outletDeny.some((o) => !before.outletDeny.includes(o)) ||
    (after.outletAllow !== null && (before.outletAllow === null || before.outletAllow.some((o) => !after.outletAllow!.includes(o))))
  if (!removedUses.length && !addedExcludedTopics.length && !shortened && !recognisability && !outletsNarrowed) return null
  return (org) => ({
    removedUses,
    addedExcludedTopics,
    outletNoLongerPermitted: permits(before, org) && !permits(after, org),
    ...(shortened ? { validUntil: after.validUntil } : {}),
    ...(recognisability ? { recognisableUseEnded: true } : {}),
  })
}

/**
 * A consent that has ended stays ended: past its last day it counts as expired even before the sweep has
 * written that down (409 consent-expired), and a withdrawal is final (409 consent-withdrawn).
 */
export function refuseEnded(photo: PhotoRow, current: ConsentRow, today = todayUtc()) {
  const expired = current.state === 'withdrawn' ? current.reason === 'expired' : current.validUntil < today
  if (expired) throw consentProblems.expiredFinal(current.validUntil)
  if (photo.status === 'withdrawn' || current.state === 'withdrawn') throw consentProblems.withdrawnFinal()
}

export function withDefaults(input: ConsentInput, base?: ConsentRow): Required<ConsentInput> {
  const validFrom = input.validFrom ?? base?.validFrom ?? new Date().toISOString().slice(0, 10)
  const until = new Date(`${validFrom}T00:00:00Z`)
  until.setUTCFullYear(until.getUTCFullYear() + DEFAULT_YEARS)
  return {
    uses: input.uses ?? base?.uses ?? [...DEFAULT_USES],
    excludedTopics: input.excludedTopics ?? base?.excludedTopics ?? [...DEFAULT_EXCLUDED_TOPICS],
    identifiable: input.identifiable,
    identifiabilityAgreed: input.identifiabilityAgreed,
    outletAllow: input.outletAllow === undefined ? (base?.outletAllow ?? null) : input.outletAllow,
    outletDeny: input.outletDeny ?? base?.outletDeny ?? [],
    publicPreview: input.publicPreview ?? base?.publicPreview ?? false,
    validFrom,
    validUntil: input.validUntil ?? base?.validUntil ?? until.toISOString().slice(0, 10),
  }
}

export function fromSqlRow(r: Record<string, unknown>): ConsentRow {
  const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10))
  return {
    id: String(r.id),
    photoId: String(r.photo_id),
    subjectId: String(r.subject_id),
    version: Number(r.version),
    state: r.state as ConsentRow['state'],
    uses: r.uses as Use[],
    excludedTopics: r.excluded_topics as Topic[],
    identifiable: Boolean(r.identifiable),
    identifiabilityAgreed: Boolean(r.identifiability_agreed),
    outletAllow: (r.outlet_allow as string[] | null) ?? null,
    outletDeny: (r.outlet_deny as string[]) ?? [],
    publicPreview: Boolean(r.public_preview),
    validFrom: day(r.valid_from),
    validUntil: day(r.valid_until),
    actorKind: r.actor_kind as ConsentRow['actorKind'],
    actorId: (r.actor_id as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
    createdAt: new Date(String(r.created_at)),
    author: r.author as ConsentAuthor,
    liftedTopics: (r.lifted_topics as Topic[] | null) ?? [],
  }
}

export function toCurrent(r: ConsentRow): ConsentView {
  return {
    author: r.author,
    liftedTopics: [...r.liftedTopics],
    subjectId: r.subjectId,
    version: r.version,
    state: r.state,
    uses: r.uses,
    excludedTopics: r.excludedTopics,
    identifiable: r.identifiable,
    identifiabilityAgreed: r.identifiabilityAgreed,
    outletAllow: r.outletAllow,
    outletDeny: r.outletDeny,
    publicPreview: r.publicPreview,
    validFrom: r.validFrom,
    validUntil: r.validUntil,
    reason: r.reason,
  }
}

/** Current consents from consent rows as the database sends them (snake case, also as JSON): the gate's one-trip record reader's. */
export const currentFromRows = (rows: Record<string, unknown>[]): ConsentView[] => rows.map((r) => toCurrent(fromSqlRow(r)))
