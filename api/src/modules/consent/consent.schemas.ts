import Type from 'typebox'
import { TOPICS, USES } from '../../../../contract/vocabulary.ts'
import { CONSENT_STATES, PROPOSAL_STATES } from './consent.repo.ts'

export const Day = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'YYYY-MM-DD' })
const UseT = Type.Enum(USES)
const TopicT = Type.Enum(TOPICS)
const OrgId = Type.String({ minLength: 1, maxLength: 64 })

export const ConsentBody = Type.Object(
  {
    uses: Type.Optional(Type.Array(UseT, { uniqueItems: true, maxItems: USES.length })),
    excludedTopics: Type.Optional(Type.Array(TopicT, { uniqueItems: true, maxItems: TOPICS.length })),
    identifiable: Type.Boolean(),
    identifiabilityAgreed: Type.Boolean(),
    outletAllow: Type.Optional(Type.Union([Type.Array(OrgId, { maxItems: 200, uniqueItems: true }), Type.Null()])),
    outletDeny: Type.Optional(Type.Array(OrgId, { maxItems: 200, uniqueItems: true })),
    publicPreview: Type.Optional(Type.Boolean()),
    validFrom: Type.Optional(Day),
    validUntil: Type.Optional(Day),
  },
  { additionalProperties: false },
)

export const Consent = Type.Object({
  version: Type.Integer(),
  state: Type.Enum(CONSENT_STATES, { description: 'active | withdrawn (final; `reason` says whether by the person or on expiry)' }),
  uses: Type.Array(Type.String()),
  excludedTopics: Type.Array(Type.String()),
  identifiable: Type.Boolean(),
  identifiabilityAgreed: Type.Boolean(),
  outletAllow: Type.Union([Type.Array(Type.String()), Type.Null()]),
  outletDeny: Type.Array(Type.String()),
  publicPreview: Type.Boolean(),
  validFrom: Type.String(),
  validUntil: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  /** Whose word this version is: 'person' (in the portal), 'photographer', 'admin' or 'system'. */
  author: Type.Optional(Type.String()),
  /** The protective topics this version leaves open because the person lifted them. */
  liftedTopics: Type.Optional(Type.Array(Type.String())),
})

/** A consent's terms, as a proposal would make them. */
export const ConsentTerms = Type.Object({
  uses: Type.Array(Type.String()),
  excludedTopics: Type.Array(Type.String()),
  identifiable: Type.Boolean(),
  identifiabilityAgreed: Type.Boolean(),
  outletAllow: Type.Union([Type.Array(Type.String()), Type.Null()]),
  outletDeny: Type.Array(Type.String()),
  publicPreview: Type.Boolean(),
  validFrom: Type.String(),
  validUntil: Type.String(),
})

/** A wider consent waiting for the person (or what became of it). */
export const Proposal = Type.Object({
  id: Type.String({ format: 'uuid' }),
  state: Type.Enum(PROPOSAL_STATES),
  proposedBy: Type.Union([Type.Literal('photographer'), Type.Literal('admin')]),
  baseVersion: Type.Integer(),
  acceptedVersion: Type.Union([Type.Integer(), Type.Null()]),
  /** What it widens: uses, topics, outlets, public-preview, identifiability, valid-from, valid-until. */
  widens: Type.Array(Type.String()),
  consent: ConsentTerms,
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

/**
 * The answer to a consent change by a photographer or admin: the consent as it stands now, and, when part of
 * the change widens what the person set, the proposal waiting for them (202).
 */
export const ConsentChange = Type.Object({ ...Consent.properties, proposal: Type.Union([Proposal, Type.Null()]) })

export const Subject = Type.Object({ id: Type.String({ format: 'uuid' }), pseudonym: Type.String(), createdAt: Type.String({ format: 'date-time' }) })
export const SubjectBody = Type.Object({ pseudonym: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }) }, { additionalProperties: false })
export const SubjectList = Type.Object({ items: Type.Array(Subject) })

export const Person = Type.Object({
  subjectId: Type.String({ format: 'uuid' }),
  pseudonym: Type.String(),
  consent: Type.Union([Consent, Type.Null()]),
  proposals: Type.Array(Proposal),
})
export const PeopleList = Type.Object({ items: Type.Array(Person) })
export const AddPersonBody = Type.Object({ subjectId: Type.String({ format: 'uuid' }), consent: ConsentBody }, { additionalProperties: false })

export const PhotoIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const PersonParams = Type.Object({ id: Type.String({ format: 'uuid' }), subjectId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const StatusResponse = Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.String() })
