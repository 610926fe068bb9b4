import type { Db, DbOrTx, Tx } from '../../db/client.ts'
import { AuditEventError, GENESIS_HASH, hashEvent, isUuid, normaliseEvent, type AuditEvent, type NewAuditEvent, type NormalisedEvent } from './audit.event.ts'
import * as repo from './audit.repo.ts'

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

const DEFAULT_BATCH = 1000
/** How far from its place verify looks for the seq an event was written with, to call it 'reordered'. */
const REORDER_WINDOW = 1000

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
    if (repo.isTransaction(tx)) return this.#append(tx, e)
    return (tx as Db).transaction((t) => this.#append(t, e))
  }

  async #append(tx: Tx, e: NormalisedEvent): Promise<{ seq: number; hash: string }> {
    // The lock and the head read must be separate statements: in READ COMMITTED each statement takes a new
    // snapshot, so the read after the lock sees whatever the previous holder committed.
    await repo.lockAppends(tx)
    // The clock of the database, read under the lock: one clock for every app replica.
    const head = await repo.headAndClock(tx)
    if (!head) throw new Error('audit_head is missing: the audit trail was tampered with (run `npm run cli -- audit verify`)')
    const event = { seq: head.seq + 1, at: head.at, ...e, prevHash: head.hash }
    const hash = hashEvent(event)
    const stored = await repo.insertEvent(tx, { ...event, hash })
    // Read back what was stored and hash that: an event that would fail verify later fails its transaction now.
    const { hash: _, ...back } = stored
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
      const rows = await repo.eventsAfter(this.db, lastSeq, batch)
      for (const ev of rows) {
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
      const end = await repo.headAndNewestSeq(this.db)
      if (end.max !== null && end.max > lastSeq) continue
      // No head at all: it can't be deleted without disabling triggers, and whatever followed the last
      // event we saw can't be vouched for.
      if (end.seq === null) return bad(lastSeq + 1, 'missing')
      const headSeq = end.seq
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
    const { after, limit } = page(opts)
    return repo.eventsOfPhotos(this.db, photoIds, after, limit)
  }

  /** Events about one subject (a person depicted, by pseudonymous id), oldest first. */
  async forSubject(subjectId: string, opts: EventQuery = {}): Promise<AuditEvent[]> {
    if (!isUuid(subjectId)) throw new AuditEventError('subject id must be a uuid')
    const { after, limit } = page(opts)
    return repo.eventsOfSubject(this.db, subjectId, after, limit)
  }
}

function page(opts: EventQuery): { after: number; limit: number } {
  return { limit: Math.min(Math.max(1, Math.trunc(opts.limit ?? 100)), 1000), after: Math.max(0, Math.trunc(opts.afterSeq ?? 0)) }
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
