/**
 * audit's data access: the only file that queries audit_events and audit_head (raw SQL: `at` is read and
 * written as text in one format on both drivers). No rules here: the log hashes, chains and verifies.
 */
import { sql, type SQL } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import { rowsOf, type DbOrTx, type Tx } from '../../db/client.ts'
import type { AuditData, AuditEvent, AuditEventType } from './audit.event.ts'
import type { ActorKind } from './audit.kinds.ts'

/**
 * Appends serialise on this transaction-scoped advisory lock: the second of two concurrent transactions
 * reads the head only after the first committed (or rolled back), so both can't chain onto one hash.
 * Distinct from the migration lock (7275020).
 */
const APPEND_LOCK = 7275021

// `at` is read and written as text in one format on both drivers: node-postgres and PGlite turn
// timestamptz into a Date differently (and a Date would lose nothing here only by luck).
const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`
const COLUMNS = sql.raw(
  `seq, to_char(at at time zone 'UTC', ${ISO_MS}) as at, type, actor_kind, actor_id, photo_id::text as photo_id, subject_id::text as subject_id, data, prev_hash, hash`,
)

interface Row {
  seq: number | string
  at: string
  type: string
  actor_kind: string
  actor_id: string | null
  photo_id: string | null
  subject_id: string | null
  data: AuditData
  prev_hash: string
  hash: string
}

function fromRow(r: Row): AuditEvent {
  return {
    seq: Number(r.seq),
    at: r.at,
    type: r.type as AuditEventType,
    actor: { kind: r.actor_kind as ActorKind, id: r.actor_id },
    photoId: r.photo_id,
    subjectId: r.subject_id,
    data: r.data,
    prevHash: r.prev_hash,
    hash: r.hash,
  }
}

/** True when the handle is a transaction (not the database itself). */
export function isTransaction(db: DbOrTx): db is Tx {
  return db instanceof PgTransaction
}

/** Takes the appenders' advisory lock for the rest of this transaction. */
export async function lockAppends(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(APPEND_LOCK))})`)
}

/** The chain's head, with the database clock (to the millisecond, as ISO text) read in the same statement. */
export async function headAndClock(tx: Tx): Promise<{ seq: number; hash: string; at: string } | undefined> {
  const head = rowsOf<{ seq: number | string; hash: string; at: string }>(
    await tx.execute(
      sql`select seq, hash, to_char(date_trunc('milliseconds', clock_timestamp()) at time zone 'UTC', ${sql.raw(ISO_MS)}) as at from audit_head`,
    ),
  )[0]
  return head && { seq: Number(head.seq), hash: head.hash, at: head.at }
}

/** Inserts one event as given, and returns it as stored (read back). */
export async function insertEvent(tx: Tx, event: AuditEvent): Promise<AuditEvent> {
  const stored = rowsOf<Row>(
    await tx.execute(sql`
      insert into audit_events (seq, at, type, actor_kind, actor_id, photo_id, subject_id, data, prev_hash, hash)
      values (${event.seq}, ${event.at}::timestamptz, ${event.type}, ${event.actor.kind}, ${event.actor.id}, ${event.photoId}::uuid,
              ${event.subjectId}::uuid, ${JSON.stringify(event.data)}::jsonb, ${event.prevHash}, ${event.hash})
      returning ${COLUMNS}`),
  )[0]!
  return fromRow(stored)
}

/** At most `limit` events after this seq, in seq order. */
export async function eventsAfter(db: DbOrTx, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  return rowsOf<Row>(await db.execute(sql`select ${COLUMNS} from audit_events where seq > ${afterSeq} order by seq limit ${limit}`)).map(fromRow)
}

/** The head (null when it is missing) and the newest seq, in one statement, so one snapshot. */
export async function headAndNewestSeq(db: DbOrTx): Promise<{ seq: number | null; hash: string | null; max: number | null }> {
  const end = rowsOf<{ seq: number | string | null; hash: string | null; max: number | string | null }>(
    await db.execute(sql`select h.seq, h.hash, (select max(seq) from audit_events) as max from (select 1) one left join audit_head h on true`),
  )[0]!
  return { seq: end.seq === null ? null : Number(end.seq), hash: end.hash, max: end.max === null ? null : Number(end.max) }
}

/** Events about any of these photos (validated uuids), after a seq, oldest first. */
export async function eventsOfPhotos(db: DbOrTx, photoIds: string[], afterSeq: number, limit: number): Promise<AuditEvent[]> {
  // A validated array literal, as in the jobs queue: drizzle would spread a JS array into a list of params.
  return eventsWhere(db, sql`photo_id = any(${`{${photoIds.join(',')}}`}::uuid[])`, afterSeq, limit)
}

/** Events about one subject (a validated uuid), after a seq, oldest first. */
export async function eventsOfSubject(db: DbOrTx, subjectId: string, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  return eventsWhere(db, sql`subject_id = ${subjectId}::uuid`, afterSeq, limit)
}

async function eventsWhere(db: DbOrTx, where: SQL, afterSeq: number, limit: number): Promise<AuditEvent[]> {
  return rowsOf<Row>(await db.execute(sql`select ${COLUMNS} from audit_events where ${where} and seq > ${afterSeq} order by seq limit ${limit}`)).map(fromRow)
}
