import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { subjects } from '../consent/consent.table.ts'

/**
 * What identifies a person: legal name, contact details, the result of an age check (never the ID
 * document itself). Encrypted per record (AES-256-GCM, data key wrapped by the master key); erasing a
 * person destroys the wrapped key, which makes the ciphertext unreadable for good.
 */
export const vaultRecords = pgTable('vault_records', {
  subjectId: uuid('subject_id')
    .primaryKey()
    .references(() => subjects.id),
  wrappedKey: text('wrapped_key').notNull(),
  /** base64 of MAGIC|IV|ciphertext|tag (platform/crypto.ts). */
  ciphertext: text('ciphertext').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Signed release forms: encrypted blobs, each with its own data key. */
export const vaultDocuments = pgTable(
  'vault_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => subjects.id),
    blobKey: text('blob_key').notNull(),
    wrappedKey: text('wrapped_key').notNull(),
    mediaType: text('media_type').notNull(),
    bytes: integer('bytes').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vault_documents_subject_idx').on(t.subjectId)],
)
