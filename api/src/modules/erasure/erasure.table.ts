import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'
import { subjects } from '../consent/consent.table.ts'

/** A model's request to be erased: recorded by the portal, carried out by the consent officer. */
export const erasureRequests = pgTable('erasure_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectId: uuid('subject_id')
    .notNull()
    .references(() => subjects.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  doneAt: timestamp('done_at', { withTimezone: true }),
})
