import { sql } from 'drizzle-orm'
import { bigint, boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { ActorKind } from './audit.kinds.ts'

/**
 * The audit trail (DESIGN.md promise 6). Rows are only ever inserted: a trigger refuses UPDATE, DELETE and
 * TRUNCATE (migration audit_append_only), and another checks that every new row continues the chain.
 * Each row's hash covers its content and the previous row's hash, so a change anywhere shows up in
 * `npm run cli -- audit verify`.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /**
     * Assigned by AuditLog.append as the head's seq + 1 under an advisory lock, not by a sequence: a
     * sequence value taken by a transaction that rolls back is lost, and that gap would look exactly like a
     * deleted event.
     */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    /** Millisecond precision, so what is stored is exactly what was hashed (JS and the hash use ms). */
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    type: text('type').notNull(),
    actorKind: text('actor_kind').$type<ActorKind>().notNull(),
    actorId: text('actor_id'),
    photoId: uuid('photo_id'),
    subjectId: uuid('subject_id'),
    /** Ids and codes only, never personal data: erasure leaves the trail alone, so it must hold nothing to erase. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    // No foreign keys on purpose: the trail outlives the photos and people it mentions (erasure removes
    // them; their events stay, as ids and hashes).
    index('audit_events_photo_idx').on(t.photoId, t.seq),
    index('audit_events_subject_idx').on(t.subjectId, t.seq),
    check('audit_events_seq_check', sql`${t.seq} >= 1`),
    check('audit_events_actor_kind_check', sql`${t.actorKind} in ('user', 'subject', 'system', 'organisation')`),
    check('audit_events_hash_check', sql`${t.hash} ~ '^[0-9a-f]{64}$' and ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
  ],
)

/**
 * The chain's head: one row, the seq and hash of the newest event, moved forward by a trigger in the same
 * transaction as each insert. Without it, deleting the newest events would leave a shorter chain that is
 * still perfectly linked; with it, verify sees that the chain ends before its head. Its own trigger only
 * lets it move one event forward, onto an event that exists.
 */
export const auditHead = pgTable(
  'audit_head',
  {
    id: boolean('id').primaryKey().default(true),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_head_single_row', sql`${t.id}`)],
)
