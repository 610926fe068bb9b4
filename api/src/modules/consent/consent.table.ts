import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { photos } from '../photos/photos.table.ts'
import type { Topic, Use } from '../../../../contract/vocabulary.ts'

/**
 * A person in a photo, known everywhere outside the vault only by a pseudonym. Who they are (legal name,
 * contact, age check, release forms) lives in the vault, never here.
 */
export const subjects = pgTable(
  'subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pseudonym: text('pseudonym').notNull(),
    /** The photographer who added them: the only photographer who may link them to photos. */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the person was erased (modules/erasure): the pseudonym is then a neutral marker, and the
     * person can't be linked to a photo, given a portal link or a vault record again. The row stays, so
     * consent history and the audit trail keep pointing at an id, never at a name.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [index('subjects_created_by_idx').on(t.createdBy), unique('subjects_owner_pseudonym_unique').on(t.createdBy, t.pseudonym)],
)

/** Who is in which photo. */
export const photoSubjects = pgTable(
  'photo_subjects',
  {
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.subjectId] }), index('photo_subjects_subject_idx').on(t.subjectId)],
)

export const CONSENT_STATES = ['active', 'withdrawn'] as const
export type ConsentState = (typeof CONSENT_STATES)[number]

/**
 * One person's consent for one photo. Versioned: a change inserts version n+1 and the older versions stay,
 * so what was agreed at any moment can be shown. The current consent is the highest version.
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    version: integer('version').notNull(),
    state: text('state').$type<ConsentState>().notNull(),
    uses: text('uses').array().$type<Use[]>().notNull(),
    excludedTopics: text('excluded_topics').array().$type<Topic[]>().notNull(),
    /** Whether the person can be recognised in this photo, and whether they agreed to that. */
    identifiable: boolean('identifiable').notNull(),
    identifiabilityAgreed: boolean('identifiability_agreed').notNull(),
    /** Organisation ids; null allow-list = any outlet not denied. */
    outletAllow: text('outlet_allow').array(),
    outletDeny: text('outlet_deny').array().notNull().default(sql`'{}'::text[]`),
    publicPreview: boolean('public_preview').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Who made this version: a user (photographer recording a signed form, admin) or the subject (portal). */
    actorKind: text('actor_kind').$type<'user' | 'subject' | 'system'>().notNull(),
    actorId: text('actor_id'),
    /** Why a version ended consent: 'withdrawn' by the person, 'expired' by the calendar. */
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Whose word this version is (DESIGN.md, "The person's word is final"): once there is a 'person'
     * version, a photographer or admin can narrow but no longer widen (consent.authority.ts).
     */
    author: text('author').$type<ConsentAuthor>().notNull().default('photographer'),
    /** The protective topics (DEFAULT_EXCLUDED_TOPICS) this version leaves open because the person lifted them. */
    liftedTopics: text('lifted_topics').array().$type<Topic[]>().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    unique('consents_version_unique').on(t.photoId, t.subjectId, t.version),
    index('consents_photo_idx').on(t.photoId, t.subjectId, t.version),
    check('consents_state_check', sql`${t.state} in ('active', 'withdrawn')`),
    check('consents_validity_check', sql`${t.validUntil} >= ${t.validFrom}`),
    check('consents_author_check', sql`${t.author} in ('person', 'photographer', 'admin', 'system')`),
  ],
)

export const CONSENT_AUTHORS = ['person', 'photographer', 'admin', 'system'] as const
export type ConsentAuthor = (typeof CONSENT_AUTHORS)[number]

export const PROPOSAL_STATES = ['pending', 'accepted', 'declined', 'superseded'] as const
export type ProposalState = (typeof PROPOSAL_STATES)[number]

/**
 * A wider consent proposed by a photographer or admin (consent.authority.ts): it takes effect only when the
 * person accepts it in the portal. It stands against one version (baseVersion); any newer version, by
 * anyone, supersedes it. Rows stay after a decision: what was proposed, by whom, and the answer are history.
 */
export const consentProposals = pgTable(
  'consent_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    baseVersion: integer('base_version').notNull(),
    /** The whole consent it would make (ConsentTerms), not a diff: accepting writes exactly this. */
    terms: jsonb('terms').$type<Record<string, unknown>>().notNull(),
    /** What it widens, as codes (Widening), for the person to read. */
    widens: text('widens').array().notNull(),
    proposedByKind: text('proposed_by_kind').$type<'photographer' | 'admin'>().notNull(),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    state: text('state').$type<ProposalState>().notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The version accepting it wrote. */
    acceptedVersion: integer('accepted_version'),
  },
  (t) => [
    uniqueIndex('consent_proposals_pending_idx').on(t.photoId, t.subjectId).where(sql`${t.state} = 'pending'`),
    index('consent_proposals_subject_idx').on(t.subjectId, t.createdAt),
    index('consent_proposals_photo_idx').on(t.photoId, t.createdAt),
    check('consent_proposals_kind_check', sql`${t.proposedByKind} in ('photographer', 'admin')`),
    check('consent_proposals_state_check', sql`${t.state} in ('pending', 'accepted', 'declined', 'superseded')`),
  ],
)

/**
 * "Your consent ends on …; do you want to renew?" (DESIGN.md, consent validity). The expiry sweep asks once
 * per consent version (the unique key), the portal shows the open question, and renewing answers it.
 * Rows stay after answering: when and about which version the person was asked is part of the history.
 */
export const renewalRequests = pgTable(
  'renewal_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    consentVersion: integer('consent_version').notNull(),
    /** The consent's last valid day when the question was asked. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person renewed. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    unique('renewal_requests_version_unique').on(t.photoId, t.subjectId, t.consentVersion),
    // The portal reads a person's open questions.
    index('renewal_requests_subject_idx').on(t.subjectId),
  ],
)
