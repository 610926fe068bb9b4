/**
 * "The person's word is final" (DESIGN.md, consent model), as pure functions. A change by someone other
 * than the person (a photographer recording a release, an admin) is split in two:
 *  - what narrows takes effect at once (anyone may narrow);
 *  - what widens waits for the person, as a proposal they accept or decline in the portal, once the person
 *    has written a version themselves. Before that the photographer's release stands as recorded, except
 *    for the excluded topics: they protect the person, so only the person lifts one, always.
 * A mixed change is both: a new version with the narrowing part, and a proposal of the whole requested
 * consent, made against that new version (accepting it writes exactly what was asked).
 */
import type { CurrentConsent } from '../gate/index.ts'
import { DEFAULT_EXCLUDED_TOPICS, TOPICS, USES, type Topic } from '../../../../contract/vocabulary.ts'

/** A consent's terms: everything a version says, without who or when (the gate's view of a consent, narrowed). */
export type ConsentTerms = Pick<
  CurrentConsent,
  'uses' | 'excludedTopics' | 'identifiable' | 'identifiabilityAgreed' | 'outletAllow' | 'outletDeny' | 'publicPreview' | 'validFrom' | 'validUntil'
>

/** What a change widens, one code per dimension (DESIGN.md's list). */
export const WIDENINGS = ['uses', 'topics', 'outlets', 'public-preview', 'identifiability', 'valid-from', 'valid-until'] as const
export type Widening = (typeof WIDENINGS)[number]

/** The protective topics: excluded unless the person lifts them. */
export const PROTECTIVE_TOPICS: readonly Topic[] = DEFAULT_EXCLUDED_TOPICS

const inOrder = <T extends string>(all: readonly T[], pick: Set<T>): T[] => all.filter((x) => pick.has(x))
/** Passes the identifiability check of the gate: not recognisable, or recognisable with agreement. */
const recognisabilityOk = (c: Pick<ConsentTerms, 'identifiable' | 'identifiabilityAgreed'>) => !c.identifiable || c.identifiabilityAgreed

/**
 * The topics only the person may open: those the current version excludes, and the protective topics it
 * leaves open without the person having lifted them (a release recorded before this rule, or the very first
 * version, where nothing is current yet).
 */
export function guardedTopics(current: { excludedTopics: readonly Topic[]; liftedTopics: readonly Topic[] } | null): Set<Topic> {
  const guarded = new Set<Topic>(current?.excludedTopics ?? [])
  for (const t of PROTECTIVE_TOPICS) if (!current?.liftedTopics.includes(t)) guarded.add(t)
  return guarded
}

/** Every way `requested` is wider than `current` (guarded: the topics only the person may open). */
export function wideningsOf(current: ConsentTerms, requested: ConsentTerms, guarded: Set<Topic>): Widening[] {
  const out: Widening[] = []
  if (requested.uses.some((u) => !current.uses.includes(u))) out.push('uses')
  if ([...guarded].some((t) => !requested.excludedTopics.includes(t))) out.push('topics')
  const outletAllowWider =
    current.outletAllow !== null && (requested.outletAllow === null || requested.outletAllow.some((o) => !current.outletAllow!.includes(o)))
  if (outletAllowWider || current.outletDeny.some((o) => !requested.outletDeny.includes(o))) out.push('outlets')
  if (requested.publicPreview && !current.publicPreview) out.push('public-preview')
  // An agreement to be recognisable is the person's to give; and a photo held back because a recognisable
  // person did not agree is not let through by calling them unrecognisable.
  if ((requested.identifiabilityAgreed && !current.identifiabilityAgreed) || (!recognisabilityOk(current) && recognisabilityOk(requested)))
    out.push('identifiability')
  if (requested.validFrom < current.validFrom) out.push('valid-from')
  if (requested.validUntil > current.validUntil) out.push('valid-until')
  return out
}

/** The narrowing part of `requested`: in every dimension, whichever of the two allows less. */
export function narrowest(current: ConsentTerms, requested: ConsentTerms, guarded: Set<Topic>): ConsentTerms {
  const agreed = current.identifiabilityAgreed && requested.identifiabilityAgreed
  // Saying "recognisable" is believed at once; "not recognisable" only where it lets nothing through.
  const identifiable = requested.identifiable || (!recognisabilityOk(current) && current.identifiable)
  let outletAllow: string[] | null
  if (current.outletAllow === null) outletAllow = requested.outletAllow ? [...requested.outletAllow] : null
  else if (requested.outletAllow === null) outletAllow = [...current.outletAllow]
  else outletAllow = requested.outletAllow.filter((o) => current.outletAllow!.includes(o))
  return {
    uses: inOrder(USES, new Set(requested.uses.filter((u) => current.uses.includes(u)))),
    excludedTopics: inOrder(TOPICS, new Set([...requested.excludedTopics, ...guarded])),
    identifiable,
    identifiabilityAgreed: agreed,
    outletAllow,
    outletDeny: [...new Set([...current.outletDeny, ...requested.outletDeny])],
    publicPreview: current.publicPreview && requested.publicPreview,
    validFrom: requested.validFrom > current.validFrom ? requested.validFrom : current.validFrom,
    validUntil: requested.validUntil < current.validUntil ? requested.validUntil : current.validUntil,
  }
}

export interface Split {
  /** The version to write now (null: nothing changes now). */
  now: ConsentTerms | null
  /** What waits for the person: the whole requested consent, and what it widens. */
  proposal: { terms: ConsentTerms; widens: Widening[] } | null
}

/**
 * A change by a photographer or admin. `current` is null for a person's first consent (linking them);
 * `personHasWritten`: the person has written a version for this photo themselves.
 */
export function splitChange(current: (ConsentTerms & { liftedTopics: readonly Topic[] }) | null, requested: ConsentTerms, personHasWritten: boolean): Split {
  const guarded = guardedTopics(current)
  const topicsLifted = [...guarded].some((t) => !requested.excludedTopics.includes(t))
  if (!current || !personHasWritten) {
    // The release stands as recorded, with every guarded topic still excluded; lifting one is the person's.
    if (!topicsLifted) return { now: requested, proposal: null }
    return {
      now: { ...requested, excludedTopics: inOrder(TOPICS, new Set([...requested.excludedTopics, ...guarded])) },
      proposal: { terms: requested, widens: ['topics'] },
    }
  }
  const widens = wideningsOf(current, requested, guarded)
  if (widens.length === 0) return { now: requested, proposal: null }
  const now = narrowest(current, requested, guarded)
  return { now: sameTerms(now, current) ? null : now, proposal: { terms: requested, widens } }
}

/** The protective topics a version by the person leaves open: from then on, lifted by them. */
export const liftedBy = (terms: Pick<ConsentTerms, 'excludedTopics'>): Topic[] => PROTECTIVE_TOPICS.filter((t) => !terms.excludedTopics.includes(t))

/** A version by someone else keeps only the lifts the person made that are still open. */
export const liftsKept = (previous: readonly Topic[], terms: Pick<ConsentTerms, 'excludedTopics'>): Topic[] =>
  previous.filter((t) => !terms.excludedTopics.includes(t))

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x))
export function sameTerms(a: ConsentTerms, b: ConsentTerms): boolean {
  return (
    sameSet(a.uses, b.uses) &&
    sameSet(a.excludedTopics, b.excludedTopics) &&
    a.identifiable === b.identifiable &&
    a.identifiabilityAgreed === b.identifiabilityAgreed &&
    (a.outletAllow === null ? b.outletAllow === null : b.outletAllow !== null && sameSet(a.outletAllow, b.outletAllow)) &&
    sameSet(a.outletDeny, b.outletDeny) &&
    a.publicPreview === b.publicPreview &&
    a.validFrom === b.validFrom &&
    a.validUntil === b.validUntil
  )
}
