import { sql } from 'drizzle-orm'
import { PgTransaction } from 'drizzle-orm/pg-core'
import { rowsOf, type Db, type DbOrTx, type Tx } from '../../db/client.ts'
import {
  AuditEventError,
  GENESIS_HASH,
  hashEvent,
  isUuid,
  normaliseEvent,
  type AuditData,
  type AuditEvent,
  type AuditEventType,
  type NewAuditEvent,
  type NormalisedEvent,
} from './audit.event.ts'
import type { ActorKind } from './audit.table.ts'

export type AuditProblem = 'changed' | 'missing' | 'reordered' | 'broken-link'

export type VerifyResult =
  | { ok: true; events: number; head: { seq: number; hash: string } }
  | { ok: false; events: number; firstBad: { seq: number; problem: AuditProblem } }

export interface VerifyOptions {
  /** Rows per query; verify never holds more than one batch in memory. */
  batchSize?: number
  /**
   * A head recorded earlier outside the database (from a previous verify). Checks that this event is still
   * there with this hash, which catches a tail cut off together with audit_head, or a chain rewritten
   * consistently from some point on: things no check inside one database can see.
   */
  anchor?: { seq: number; hash: string }
}

export interface EventQuery {
  /** Only events after this seq (a cursor: pass the last seq of the previous page). */
  afterSeq?: number
  /** At most this many events (default 100, at most 1000), oldest first. */
  limit?: number
}

/**
 * Appends serialise on this transaction-scoped advisory lock: the second of two concurrent transactions
 * reads the head only after the first committed (or rolled back), so both can't chain onto one hash.
 * Distinct from the migration lock (7275020).
 */
const APPEND_LOCK = 7275021
const DEFAULT_BATCH = 1000
/** How far from its place verify looks for the seq an event was written with, to call it 'reordered'. */
const REORDER_WINDOW = 1000

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

/**
 * The hash-chained, append-only audit trail (DESIGN.md promise 6).
 *
 * What verify can and can't see: a changed row breaks its own hash; a deleted row leaves a gap in seq; a
 * row whose hash was recomputed after a change breaks the next row's link. Rows deleted from the end of
 * the chain leave no gap and no broken link, so the newest event's seq and hash are also kept in
 * audit_head, moved by a trigger in the same transaction as each append: a chain that ends before its
 * head was cut. Someone who can disable triggers can also move audit_head back, or rewrite every hash
 * from some point on (SHA-256 has no secret); only a head recorded outside the database catches that,
 * which is why verify returns the head and accepts an anchor.
 */
export class AuditLog {
  constructor(private readonly db: Db) {}

  /**
   * Records an event in the caller's transaction: it commits with the change it records, or not at all.
   * Given the database instead of a transaction, it runs in a transaction of its own. Call it from READ
   * COMMITTED transactions (the default): under REPEATABLE READ a snapshot taken before the lock shows an
   * old head, and the append fails (unique seq) rather than fork the chain.
   */
  async append(tx: DbOrTx, event: NewAuditEvent): Promise<{ seq: number; hash: string }> {
    const e = normaliseEvent(event)
    if (tx instanceof PgTransaction) return this.#append(tx as Tx, e)
    return (tx as Db).transaction((t) => this.#append(t, e))
  }

  async #append(tx: Tx, e: NormalisedEvent): Promise<{ seq: number; hash: string }> {
    // The lock and the head read must be separate statements: in READ COMMITTED each statement takes a new
    // snapshot, so the read after the lock sees whatever the previous holder committed.
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(APPEND_LOCK))})`)
    // The clock of the database, read under the lock: one clock for every app replica.
    const head = rowsOf<{ seq: number | string; hash: string; at: string }>(
      await tx.execute(
        sql`select seq, hash, to_char(date_trunc('milliseconds', clock_timestamp()) at time zone 'UTC', ${sql.raw(ISO_MS)}) as at from audit_head`,
      ),
    )[0]
    if (!head) throw new Error('audit_head is missing: the audit trail was tampered with (run `npm run cli -- audit verify`)')
    const event = { seq: Number(head.seq) + 1, at: head.at, ...e, prevHash: head.hash }
    const hash = hashEvent(event)
    const stored = rowsOf<Row>(
      await tx.execute(sql`
        insert into audit_events (seq, at, type, actor_kind, actor_id, photo_id, subject_id, data, prev_hash, hash)
        values (${event.seq}, ${event.at}::timestamptz, ${event.type}, ${event.actor.kind}, ${event.actor.id}, ${event.photoId}::uuid,
                ${event.subjectId}::uuid, ${JSON.stringify(event.data)}::jsonb, ${event.prevHash}, ${hash})
        returning ${COLUMNS}`),
    )[0]!
    // Read back what was stored and hash that: an event that would fail verify later fails its transaction now.
    const { hash: _, ...back } = fromRow(stored)
    if (hashEvent(back) !== hash) throw new AuditEventError(`audit event ${event.seq} does not read back as it was hashed`)
    return { seq: event.seq, hash }
  }

  /**
   * Walks the whole chain in seq order, a batch at a time, and names the first event that is wrong:
   * 'missing' (a gap in seq, or the chain ends before its head), 'changed' (its content no longer matches
   * its hash), 'reordered' (an intact event stored under another seq than it was written with), or
   * 'broken-link' (its prevHash is not the previous event's hash).
   */
  async verify(opts: VerifyOptions = {}): Promise<VerifyResult> {
    const batch = opts.batchSize ?? DEFAULT_BATCH
    if (!Number.isInteger(batch) || batch < 1) throw new RangeError('batchSize must be a positive integer')
    const anchor = opts.anchor
    if (anchor && (!Number.isInteger(anchor.seq) || anchor.seq < 1)) throw new RangeError('anchor seq must be a positive integer')
    let lastSeq = 0
    let lastHash = GENESIS_HASH
    const bad = (seq: number, problem: AuditProblem): VerifyResult => ({ ok: false, events: lastSeq, firstBad: { seq, problem } })

    for (;;) {
      const rows = rowsOf<Row>(await this.db.execute(sql`select ${COLUMNS} from audit_events where seq > ${lastSeq} order by seq limit ${batch}`))
      for (const row of rows) {
        const ev = fromRow(row)
        const expected = lastSeq + 1
        // Only possible for a seq below 1, which the check constraint forbids: not part of any chain.
        if (ev.seq < expected) return bad(ev.seq, 'broken-link')
        if (ev.seq > expected) return bad(expected, 'missing')
        const { hash, ...content } = ev
        if (hashEvent(content) !== hash) return bad(ev.seq, writtenAsAnotherSeq(ev) ? 'reordered' : 'changed')
        if (ev.prevHash !== lastHash) return bad(ev.seq, 'broken-link')
        if (anchor && anchor.seq === ev.seq && anchor.hash !== ev.hash) return bad(ev.seq, 'changed')
        lastSeq = ev.seq
        lastHash = ev.hash
      }
      if (rows.length === batch) continue
      // The head and the newest seq in one statement, so one snapshot: events appended while we walked
      // are walked too, instead of looking like events past the head.
      const end = rowsOf<{ seq: number | string | null; hash: string | null; max: number | string | null }>(
        await this.db.execute(sql`select h.seq, h.hash, (select max(seq) from audit_events) as max from (select 1) one left join audit_head h on true`),
      )[0]!
      if (end.max !== null && Number(end.max) > lastSeq) continue
      // No head at all: it can't be deleted without disabling triggers, and whatever followed the last
      // event we saw can't be vouched for.
      if (end.seq === null) return bad(lastSeq + 1, 'missing')
      const headSeq = Number(end.seq)
      if (headSeq > lastSeq) return bad(lastSeq + 1, 'missing')
      if (headSeq < lastSeq) return bad(headSeq + 1, 'broken-link')
      if (end.hash !== lastHash) return bad(lastSeq, 'changed')
      if (anchor && anchor.seq > lastSeq) return bad(lastSeq + 1, 'missing')
      return { ok: true, events: lastSeq, head: { seq: lastSeq, hash: lastHash } }
    }
  }

  /** Events about any of these photos, oldest first (what a model may see about their own photos). */
  async forPhotos(photoIds: string[], opts: EventQuery = {}): Promise<AuditEvent[]> {
    if (photoIds.length === 0) return []
    for (const id of photoIds) if (!isUuid(id)) throw new AuditEventError('photo ids must be uuids')
    // A validated array literal, as in the jobs queue: drizzle would spread a JS array into a list of params.
    return this.#query(sql`photo_id = any(${`{${photoIds.join(',')}}`}::uuid[])`, opts)
  }

  /** Events about one subject (a person depicted, by pseudonymous id), oldest first. */
  async forSubject(subjectId: string, opts: EventQuery = {}): Promise<AuditEvent[]> {
    if (!isUuid(subjectId)) throw new AuditEventError('subject id must be a uuid')
    return this.#query(sql`subject_id = ${subjectId}::uuid`, opts)
  }

  async #query(where: ReturnType<typeof sql>, opts: EventQuery): Promise<AuditEvent[]> {
    const limit = Math.min(Math.max(1, Math.trunc(opts.limit ?? 100)), 1000)
    const after = Math.max(0, Math.trunc(opts.afterSeq ?? 0))
    const rows = rowsOf<Row>(await this.db.execute(sql`select ${COLUMNS} from audit_events where ${where} and seq > ${after} order by seq limit ${limit}`))
    return rows.map(fromRow)
  }
}

/**
 * For the first bad event only: is it intact, but stored under another seq than the one it was hashed
 * with (rows swapped or moved)? Tries the seqs around it; a move further than the window reads as 'changed'.
 */
function writtenAsAnotherSeq(ev: AuditEvent): boolean {
  const { hash, ...content } = ev
  for (let s = Math.max(1, ev.seq - REORDER_WINDOW); s <= ev.seq + REORDER_WINDOW; s++) {
    if (s !== ev.seq && hashEvent({ ...content, seq: s }) === hash) return true
  }
  return false
}
