import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'

/**
 * Media outlets (organisations), their journalists (members) and their API keys. What they downloaded is
 * modules/downloads' (downloads.table.ts); the takedown notices owed to them are modules/webhooks'.
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
