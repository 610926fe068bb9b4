/**
 * consent: the people in photos (by pseudonym), their versioned consent (what the gate, modules/gate,
 * decides on), withdrawal, and expiry (renewal questions before the last day, a withdrawal marked
 * 'expired' after it). Review and publication are the photo's lifecycle (photos/photos.publication.ts).
 * Must never: decide visibility anywhere but in the gate, update a consent version in place, let a
 * photographer see or link another photographer's people, or hold anything that identifies a person
 * (that is the vault's), or let anyone but the person widen a consent the person has set, or lift an
 * excluded topic (consent.authority.ts).
 */
import type { consentProposals, subjects } from './consent.table.ts'

// The evaluation itself is the gate's (modules/gate); these are the consent records' own words for it.
export { todayUtc, type CurrentConsent, type LicenceTerms } from '../gate/index.ts'
export { ConsentService } from './consent.service.ts'
export {
  consentProblems,
  type ConsentInput,
  type Actor,
  type NoticePort,
  type PublishBlocker,
  type GateInputs,
  type ConsentView,
  type ChangeResult,
} from './consent.model.ts'
export { currentFromRows, narrowingOf } from './consent.rows.ts'
export { splitChange, wideningsOf, narrowest, PROTECTIVE_TOPICS, WIDENINGS, type ConsentTerms, type Widening } from './consent.authority.ts'
export { describeWidenings, type ProposalView } from './consent.proposals.ts'
export { consentRoutes } from './consent.routes.ts'
export type { ConsentAuthor, ConsentState, ProposalState } from './consent.table.ts'
export type { ConsentRow } from './consent.model.ts'
export type SubjectRow = typeof subjects.$inferSelect
export type ProposalRow = typeof consentProposals.$inferSelect
export * as consentRepo from './consent.repo.ts'
export * from '../../../../contract/vocabulary.ts'
export { describeConsent, describePublishBlocker, describeRenewal } from './consent.words.ts'
export { ExpiryService, EXPIRY_SWEEP_JOB, EXPIRY_ACTOR, type SweepResult } from './consent.expiry.ts'
export { addDays, addYears, isCalendarDay } from './consent.dates.ts'
export { Consent, ConsentBody, Day, Proposal } from './consent.schemas.ts'
