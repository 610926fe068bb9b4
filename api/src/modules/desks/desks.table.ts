import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { photos } from '../photos/photos.table.ts'

/**
 * Media outlets and what they downloaded: the minimum the withdrawal needs now (who must be told). The
 * picture-desk module builds on these tables (keys, limits, webhooks, the download endpoint).
 */
export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  /** Where takedown notices go by e-mail (when SMTP is configured); never logged, never in a notice's data. */
  noticeEmail: text('notice_email'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const MEMBER_ROLES = ['member', 'manager'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

/** A user's organisation: at most one per user (a journalist works for one outlet at a time). */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** A manager may create and revoke the organisation's API keys; a member only works with the bank. */
    role: text('role').$type<MemberRole>().notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_members_org_idx').on(t.organisationId), check('organisation_members_role_check', sql`${t.role} in ('member', 'manager')`)],
)

/**
 * An organisation's API keys: `ebk_<publicId>_<secret>`, shown once. Only the SHA-256 of the whole key is
 * stored (a stolen database yields no usable key); the public id finds the row, so the hash comparison is
 * one constant-time compare, not a search by secret.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The public part (`ebk_<publicId>`), shown in lists so a desk can tell its keys apart. */
    prefix: text('prefix').notNull().unique(),
    secretHash: text('secret_hash').notNull(),
    name: text('name').notNull(),
    /** The user who made it; null when made by the command line. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_org_idx').on(t.organisationId)],
)

/** The attribution handed out with a grant, both languages, as recorded (DESIGN.md, "Licences"). */
export type GrantAttribution = Record<'nl' | 'en', { text: string; html: string; markdown: string }>

/** One download: the exact licence version and the stated use, topic and outlet. */
export const downloadGrants = pgTable(
  'download_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    licence: text('licence').notNull(),
    use: text('use').notNull(),
    channel: text('channel').notNull(),
    topic: text('topic'),
    publicationUrl: text('publication_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The user who asked (a journalist); null for an API key, or once the user is deleted. */
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** The API key it was asked with (null: a journalist's): revoking the key ends the grant's links. */
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id),
    /** The publication's name as the caller stated it (the organisation itself is organisation_id). */
    outlet: text('outlet'),
    headline: text('headline'),
    articleUrl: text('article_url'),
    preset: text('preset').notNull().default('large'),
    format: text('format').notNull().default('jpeg'),
    attribution: jsonb('attribution').$type<GrantAttribution>(),
    publicationReportedAt: timestamp('publication_reported_at', { withTimezone: true }),
    /** 'person' when the stated topic is a protective one that everyone pictured lifted themselves (portal). */
    topicLiftedBy: text('topic_lifted_by').$type<'person'>(),
  },
  (t) => [
    index('download_grants_photo_idx').on(t.photoId),
    index('download_grants_org_idx').on(t.organisationId),
    index('download_grants_org_created_idx').on(t.organisationId, t.createdAt, t.id),
    check(
      'download_grants_urls_check',
      sql`(${t.articleUrl} is null or ${t.articleUrl} ~* '^https?://') and (${t.publicationUrl} is null or ${t.publicationUrl} ~* '^https?://')`,
    ),
  ],
)

export const NOTICE_EVENTS = ['consent.withdrawn', 'consent.narrowed', 'consent.expiring', 'photo.takedown'] as const
export const NOTICE_STATES = ['queued', 'delivered', 'acknowledged'] as const

/** A takedown notice owed to one organisation; raised and delivered (webhook, e-mail) by modules/webhooks. */
export const takedownNotices = pgTable(
  'takedown_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    event: text('event').$type<(typeof NOTICE_EVENTS)[number]>().notNull(),
    /**
     * Which occurrence of the event: '' for the final ones (withdrawn, takedown: once per photo), the consent
     * version for a narrowing, the last valid day for an expiry warning. Narrowed twice → told twice.
     */
    key: text('key').notNull().default(''),
    /** What the organisation needs to act on: codes and dates only, never a name or pseudonym. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<(typeof NOTICE_STATES)[number]>().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    unique('takedown_notices_once').on(t.photoId, t.organisationId, t.event, t.key),
    check('takedown_notices_state_check', sql`${t.state} in ('queued', 'delivered', 'acknowledged')`),
    index('takedown_notices_org_idx').on(t.organisationId, t.state),
  ],
)
