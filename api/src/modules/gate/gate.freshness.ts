/**
 * Freshness of the photo record cache across replicas (issue 18): before a request reads a record from
 * memory, this process makes sure it has applied every change committed before that request began, by
 * any writer, whether or not its NOTIFY has arrived yet (it may be on its way, or stuck in a stalled
 * listener connection).
 *
 * How: database triggers (migrations 0014 and 0019) write one row per change into `photo_changes` with the
 * writing transaction's id. Each check is one statement on the pool: the current snapshot, and the rows of
 * transactions that were not yet visible in the snapshot of the previous check (an index range from that
 * snapshot's xmin). Every photo named is dropped from the cache; the new snapshot becomes the next check's
 * base. A row is visible to exactly the checks that follow its commit, so none is missed: a transaction
 * invisible to the previous snapshot had an id at or above its xmin (PostgreSQL's snapshot rules).
 *
 * Cost: one indexed lookup returning no rows while nothing changes. Checks are shared: a request waits for
 * a check that STARTED after it arrived (the one in flight may have begun before a change it must see), so
 * under load there is at most one check in flight and one waiting, whatever the number of requests.
 *
 * A read that misses the cache carries the check in its own statement instead (`read`, issue 17: one round
 * trip): the records and the change log are read in one snapshot, taken after the request arrived, so the
 * same rule holds for it and for whatever the same request then takes from memory (gate.records.ts).
 *
 * Guarantee, honestly: a change committed before a request began is seen by that request, on every
 * replica, provided the triggers fired. They are ENABLE ALWAYS (also under session_replication_role =
 * replica); a change written after `ALTER TABLE … DISABLE TRIGGER` by the table's owner leaves no row and no
 * message, and is seen only when its record ages out (PHOTO_CACHE_SECONDS).
 *
 * With the embedded database (one process, messages delivered before the writing query returns) no check
 * is needed and none is made.
 */
import type { Db } from '../../db/client.ts'
import type { PhotoRecord } from './gate.records.ts'
import { changesSince, photoRecordsSince, pruneChanges, type ChangesRow } from './gate.records.repo.ts'

/** More changes than this since the last check: forget everything rather than drop them one by one. */
const MAX_ROWS = 500
/** A base snapshot older than this is not trusted (rows may have been pruned since): start afresh. */
const STALE_MS = 5 * 60_000
/** How often old rows are pruned: those of transactions finished before the previous prune. */
const PRUNE_MS = 10 * 60_000

export interface FreshnessTarget {
  /** Drops one photo's record ('*': every record). */
  changed(photoId: string): void
}

export class PhotoFreshness {
  #snapshot: string | null = null
  #checkedAt = 0
  #running: Promise<void> | null = null
  #next: Promise<void> | null = null
  #pruneHorizon: string | null = null
  #prunedAt: number
  #checks = 0

  constructor(
    private readonly db: Db,
    private readonly target: FreshnessTarget,
    private readonly now: () => number = Date.now,
  ) {
    this.#prunedAt = now()
  }

  get stats() {
    return { checks: this.#checks }
  }

  /** Resolves once every change committed before this call has been applied to the target. */
  check(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#run().finally(() => (this.#running = null))
      return this.#running
    }
    // The check in flight may have taken its snapshot before a change this caller must see: wait for the next.
    return (this.#next ??= this.#running
      .catch(() => {})
      .then(() => {
        this.#next = null
        return this.check()
      }))
  }

  /** Forgets the base snapshot (the cache was emptied or can't be trusted): the next check starts afresh. */
  reset() {
    this.#snapshot = null
  }

  async #run(): Promise<void> {
    this.#checks++
    const sent = this.now()
    const base = this.#base(sent)
    try {
      this.#apply(await changesSince(this.db, base, MAX_ROWS), base, sent)
    } catch (err) {
      this.#failed()
      throw err
    }
  }

  /**
   * These photos' records read with the check in the same statement. `apply` applies what that statement saw
   * of the change log (gate.records.ts calls it once it has decided whether the records may be kept).
   */
  async read(ids: string[]): Promise<{ records: Map<string, PhotoRecord>; apply: () => void }> {
    const sent = this.now()
    const base = this.#base(sent)
    try {
      const { records, feed } = await photoRecordsSince(this.db, ids, base, MAX_ROWS)
      return { records, apply: () => this.#apply(feed, base, sent) }
    } catch (err) {
      this.#failed()
      throw err
    }
  }

  /** The snapshot the next check reads changes since (null: none to trust, start afresh). */
  #base(now: number): string | null {
    const base = this.#snapshot
    return base && now - this.#checkedAt > STALE_MS ? null : base
  }

  /** Drops every photo the change log named since `base`; the check's snapshot becomes the next one's base. */
  #apply(row: ChangesRow | undefined, base: string | null, sent: number) {
    if (!row) {
      this.#failed()
      throw new Error('no snapshot')
    }
    const changes = row.changes ?? []
    if (!base || changes.length > MAX_ROWS) this.target.changed('*')
    else for (const [, id] of changes) this.target.changed(id ?? '*')
    // Any applied check's snapshot is a safe base, also one older than the current base (checks carried by
    // reads may come back out of order): the next check then names a few photos again, nothing is missed.
    this.#snapshot = row.snapshot
    this.#checkedAt = sent
    if (sent - this.#prunedAt > PRUNE_MS) void this.#prune(row.xmin)
  }

  /** Unknown: trust nothing in memory; the read goes to the database (and fails there if it is down). */
  #failed() {
    this.#snapshot = null
    this.target.changed('*')
  }

  /** Deletes the rows of transactions that had finished before the previous prune, 10 minutes ago at least. */
  async #prune(xmin: string) {
    this.#prunedAt = this.now()
    const horizon = this.#pruneHorizon
    this.#pruneHorizon = xmin
    if (!horizon) return
    await pruneChanges(this.db, horizon).catch(() => {})
  }
}
