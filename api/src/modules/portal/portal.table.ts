import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { subjects } from '../consent/consent.table.ts'

/**
 * A model's personal link into the portal: no account, no e-mail, no legal name. Only the token's hash is
 * stored; rotating makes a new link and revokes the old one; the admin can revoke.
 */
export const portalLinks = pgTable(
  'portal_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    tokenHash: text('token_hash').notNull().unique(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Links end by themselves, so a link forgotten in an old message stops working. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    // One live link per person: a new one revokes the old.
    uniqueIndex('portal_links_live_idx').on(t.subjectId).where(sql`${t.revokedAt} is null`),
    index('portal_links_subject_idx').on(t.subjectId),
  ],
)
