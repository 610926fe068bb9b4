/**
 * The consent module's own types, problems and defaults, shared by the service, publication and the row
 * helpers (kept apart so none of them imports another in a circle).
 */
import type { DbOrTx } from '../../db/client.ts'
import { Problem, problems } from '../../platform/problems.ts'
import type { CurrentConsent } from '../gate/index.ts'
import { photoProblems } from '../photos/index.ts'
import type { Topic, Use } from '../../../../contract/vocabulary.ts'
import type { consents, ConsentAuthor } from './consent.table.ts'
import { proposalProblems, type ProposalView } from './consent.proposals.ts'

export type { GateInputs } from '../gate/index.ts'
export type ConsentRow = typeof consents.$inferSelect

export interface ConsentInput {
  uses?: Use[]
  excludedTopics?: Topic[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  outletAllow?: string[] | null
  outletDeny?: string[]
  publicPreview?: boolean
  validFrom?: string
  validUntil?: string
}

/** One reason publishing is refused: a code, and the field or person it is about. */
export interface PublishBlocker {
  code: string
  subjectId?: string
  field?: string
}

export interface Actor {
  kind: 'user' | 'subject' | 'system'
  id: string | null
}

/**
 * Where takedown notices are raised (the webhooks module): a notice per organisation holding a download
 * grant, and its deliveries queued, in the caller's transaction.
 */
export interface NoticePort {
  raise(
    tx: DbOrTx,
    input: {
      photoId: string
      event: 'consent.withdrawn' | 'consent.narrowed' | 'consent.expiring' | 'photo.takedown'
      key?: string
      data?: (organisationId: string) => Record<string, unknown>
    },
  ): Promise<number>
}

/** Consent lasts three years unless agreed otherwise (DESIGN.md). */
export const DEFAULT_YEARS = 3

export const consentProblems = {
  subjectNotFound: () => new Problem(404, 'subject-not-found', 'Person not found', 'There is no person with this id that you may link.'),
  notInPhoto: () => new Problem(404, 'person-not-in-photo', 'Person not in this photo', 'This person is not linked to this photo.'),
  alreadyInPhoto: () =>
    new Problem(409, 'person-already-in-photo', 'Already linked', 'This person is already linked to this photo; change their consent instead.'),
  expiredFinal: (lastDay: string) =>
    new Problem(
      409,
      'consent-expired',
      'Consent has expired',
      `Consent for this photo ran until ${lastDay} and has expired. Expiry counts as withdrawal, which is final: the photo is not published again. A new photo session is needed.`,
    ),
  /** The same answer publication gives (a withdrawn photo is never published again). */
  withdrawnFinal: photoProblems.withdrawnFinal,
  invalidPeriod: () => problems.validation('validUntil must not be before validFrom.', [{ path: '/validUntil', message: 'before validFrom' }]),
  pseudonymTaken: () => new Problem(409, 'pseudonym-taken', 'Pseudonym in use', 'You already have a person with this pseudonym.'),
  personErased: () =>
    new Problem(410, 'person-erased', 'This person was erased', 'This person was erased: their consent can no longer be changed, proposed or accepted.'),
  ...proposalProblems,
}

/** A consent version as shown to the photographer and the person: the gate's fields, and whose word it is. */
export type ConsentView = CurrentConsent & { author: ConsentAuthor; liftedTopics: Topic[] }

/** What a change did: the consent as it stands now, and the proposal the person must answer (if any). */
export interface ChangeResult {
  consent: ConsentView
  proposal: ProposalView | null
}
