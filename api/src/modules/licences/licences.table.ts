import { sql } from 'drizzle-orm'
import { check, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Every licence version this deployment has seen published, with the hash of its content. Rows are only
 * ever inserted: a published version is immutable (DESIGN.md, "Licences"), and this is how a start-up
 * knows that the files on disk still say what they said when the version was first served.
 */
export const licenceVersions = pgTable(
  'licence_versions',
  {
    id: text('id').notNull(),
    version: text('version').notNull(),
    /** SHA-256 over the version's canonical content (licences.hash.ts). */
    sha256: text('sha256').notNull(),
    /** SHA-256 per file, so that a refused start can name the file that changed. */
    fileHashes: jsonb('file_hashes').$type<Record<string, string>>().notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] }), check('licence_versions_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`)],
)
