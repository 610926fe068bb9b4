/**
 * Proposals as values: their view (the same for the photographer and the person; no user ids), their
 * problems, and their words for the portal. The flow itself (propose, supersede, accept, decline) is in
 * ConsentService, in the transaction of the version it belongs to.
 */
import { Problem } from '../../platform/problems.ts'
import type { ConsentTerms, Widening } from './consent.authority.ts'
import type { consentProposals, ProposalState } from './consent.table.ts'

type ProposalRow = typeof consentProposals.$inferSelect

export interface ProposalView {
  id: string
  photoId: string
  subjectId: string
  state: ProposalState
  proposedBy: 'photographer' | 'admin'
  /** The version it was made against; any newer version supersedes it. */
  baseVersion: number
  /** The version accepting it wrote (null until accepted). */
  acceptedVersion: number | null
  widens: Widening[]
  /** The whole consent it would make. */
  consent: ConsentTerms
  createdAt: string
  decidedAt: string | null
}

export function proposalView(r: ProposalRow): ProposalView {
  const t = r.terms as unknown as ConsentTerms
  return {
    id: r.id,
    photoId: r.photoId,
    subjectId: r.subjectId,
    state: r.state,
    proposedBy: r.proposedByKind,
    baseVersion: r.baseVersion,
    acceptedVersion: r.acceptedVersion,
    widens: r.widens as Widening[],
    consent: {
      uses: [...t.uses],
      excludedTopics: [...t.excludedTopics],
      identifiable: t.identifiable,
      identifiabilityAgreed: t.identifiabilityAgreed,
      outletAllow: t.outletAllow ? [...t.outletAllow] : null,
      outletDeny: [...t.outletDeny],
      publicPreview: t.publicPreview,
      validFrom: t.validFrom,
      validUntil: t.validUntil,
    },
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }
}

export const proposalProblems = {
  proposalNotFound: () => new Problem(404, 'proposal-not-found', 'Proposal not found', 'There is no proposal with this id for you.'),
  proposalDecided: (state: 'accepted' | 'declined', at: Date) =>
    new Problem(409, 'proposal-decided', 'Already answered', `You already ${state} this proposal on ${at.toISOString().slice(0, 10)}.`, {
      state,
      decidedAt: at.toISOString(),
    }),
  proposalSuperseded: (currentVersion: number) =>
    new Problem(
      409,
      'proposal-superseded',
      'This proposal no longer applies',
      'The consent changed after this proposal was made, so it no longer applies. Your current consent stands.',
      { currentVersion },
    ),
}

const WIDENING_WORDS: Record<Widening, { nl: string; en: string }> = {
  uses: { nl: 'meer soorten gebruik', en: 'more kinds of use' },
  topics: { nl: 'onderwerpen die nu uitgesloten zijn', en: 'topics that are excluded now' },
  outlets: { nl: 'meer media', en: 'more outlets' },
  'public-preview': { nl: 'een kleine versie voor iedereen', en: 'a small version for everyone' },
  identifiability: { nl: 'herkenbaar zijn op de foto', en: 'being recognisable in the photo' },
  'valid-from': { nl: 'een eerdere begindatum', en: 'an earlier start' },
  'valid-until': { nl: 'een latere einddatum', en: 'a later end' },
}

/** "The photographer proposes to allow more: …", in the person's words. */
export function describeWidenings(widens: readonly Widening[], by: 'photographer' | 'admin'): { nl: string; en: string } {
  const list = (lang: 'nl' | 'en') => widens.map((w) => WIDENING_WORDS[w]?.[lang] ?? w).join(', ')
  return by === 'admin'
    ? {
        nl: `De consent officer stelt voor om meer toe te staan: ${list('nl')}. Dit geldt alleen als jij het accepteert.`,
        en: `The consent officer proposes to allow more: ${list('en')}. This applies only if you accept it.`,
      }
    : {
        nl: `De fotograaf stelt voor om meer toe te staan: ${list('nl')}. Dit geldt alleen als jij het accepteert.`,
        en: `The photographer proposes to allow more: ${list('en')}. This applies only if you accept it.`,
      }
}
