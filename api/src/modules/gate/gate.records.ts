/**
 * Photo records: a photo row with everything the gate decides on (who is in it, their current consent)
 * and its derivatives, read in one batch for many photos, and kept in memory between requests. The gate's
 * read model: nothing outside modules/gate reads it (they ask the gate, which answers with the record).
 *
 * What is kept, and why it can never outrun consent (promise 1: nothing is served beyond the consent of
 * everyone in it):
 *  - The gate's INPUTS, per photo, and the consent verdict on a record per day (the verdict memo). A record
 *    never changes: a change to any input makes a new record, so a memo can only ever belong to the inputs
 *    it was computed from, and an end date passing is a new day, so a new verdict.
 *  - Any change to those inputs, by anyone (this process, another replica, the CLI, psql), is announced by
 *    database triggers on commit (migration 0014, channel eb_photo_changed; heard by Gate.listen). A photo
 *    is forgotten the moment its id is heard.
 *  - The cache is only used while the listener is known to hear: with PostgreSQL it sends itself a
 *    heartbeat through the server every two seconds and drops the cache, and bypasses it, the moment a
 *    heartbeat is late or the connection is lost, until it hears one again.
 *  - A read that started before an invalidation is never stored (a generation counter), so a slow read
 *    cannot put an old record back after the change was heard.
 *  - Every write request through this process's HTTP API empties it before its response leaves
 *    (gate.feed.ts), so a client that withdraws and then looks sees the withdrawal, without waiting for the
 *    message.
 *  - With a PostgreSQL server, before each read from memory a one-lookup check applies every change
 *    committed before the request began, whether or not its message has come (gate.freshness.ts): another
 *    replica's withdrawal is seen on the very next request, also while the listener is stalled. A request
 *    that misses the cache sends that check in the statement that reads its records (one round trip), and
 *    takes its other records from memory only after that statement's changes are applied.
 *  - Entries also age out after `maxAgeMs` whatever happens.
 *  - Who the caller is, is never kept here: the rules (gate.rules.ts) run on every request.
 */
import type { DbOrTx } from '../../db/client.ts'
import { PRESETS } from '../media/index.ts'
import type { DerivativeRow, PhotoRow } from '../photos/index.ts'
import { todayUtc, type GateInputs, type GateVerdict } from './gate.consent.ts'
import * as gateRepo from './gate.records.repo.ts'

/** Reads who is in each photo and their current consent (the consent module's tables). */
export type GateInputsReader = (tx: DbOrTx, ids: string[]) => Promise<Map<string, GateInputs>>

export interface PhotoRecord {
  readonly photo: PhotoRow
  readonly gate: GateInputs
  readonly derivatives: readonly DerivativeRow[]
}

export interface PhotoRecordsOptions {
  /** Reads the records of these photos from the database (absent ids: no such photo). */
  load(ids: string[]): Promise<Map<string, PhotoRecord>>
  /** The consent verdict (the gate's), on a record's inputs for one day. */
  verdict(photo: PhotoRow, inputs: GateInputs, today: string): GateVerdict
  /** 0 turns the cache off: every read goes to the database. */
  maxAgeMs: number
  maxEntries?: number
  /** Other callers join a statement while it has fewer ids than this (default 12): a burst's misses go out side by side (#load). */
  maxBatch?: number
  now?: () => number
  /**
   * Applies every change committed before the call (another replica's, whose message may not have come
   * yet): awaited before each read from memory (gate.freshness.ts). Absent: the messages suffice.
   */
  fresh?: () => Promise<void>
  /**
   * `load` with the `fresh` check in the same statement (one round trip for a request that misses the
   * cache): the records, and `apply`, which applies the changes that statement saw. Only with `fresh`.
   */
  loadFresh?: (ids: string[]) => Promise<{ records: Map<string, PhotoRecord>; apply: () => void }>
}

/** The change feed behind the cache (db/client.ts Listener), for sync(). */
export interface ChangeFeed {
  sync(): Promise<void>
}

export class PhotoRecords {
  readonly #entries = new Map<string, { at: number; record: PhotoRecord }>()
  /** The gate's verdict per record and day: a record's inputs never change (a change makes a new record). */
  readonly #verdicts = new WeakMap<PhotoRecord, { today: string; verdict: GateVerdict }>()
  #generation = 0
  #live = false
  #hits = 0
  #misses = 0

  #feed: ChangeFeed | null = null
  /** The read being gathered for the event loop's next turn (#load). */
  #batch: { ids: Set<string>; read: Promise<Map<string, PhotoRecord>> | null } | null = null

  constructor(private readonly opts: PhotoRecordsOptions) {}

  /** The listener whose messages keep this cache true (Gate.listen attaches it once it exists). */
  attach(feed: ChangeFeed) {
    this.#feed = feed
  }

  /**
   * Waits until every change committed before this call has been heard (and its records dropped): for a
   * writer in this process that reads back at once without going through an HTTP write request.
   */
  async sync(): Promise<void> {
    await this.#feed?.sync()
  }

  /** Whether records are being kept (the change listener is up and the cache is not turned off). */
  get live() {
    return this.#live && this.opts.maxAgeMs > 0
  }

  get stats() {
    return { entries: this.#entries.size, hits: this.#hits, misses: this.#misses, live: this.live }
  }

  /** The change listener hears: start keeping records (anything from before is dropped). */
  up() {
    this.clear()
    this.#live = true
  }

  /** The change listener may have missed something: forget everything and read from the database. */
  down() {
    this.#live = false
    this.clear()
  }

  /** A change to one photo was heard ('*': to an unknown set of photos). */
  changed(photoId: string) {
    if (photoId === '*') return this.clear()
    this.#generation++
    this.#entries.delete(photoId)
  }

  clear() {
    this.#generation++
    this.#entries.clear()
  }

  async get(ids: readonly string[]): Promise<Map<string, PhotoRecord>> {
    const wanted = new Set(ids)
    const out = new Map<string, PhotoRecord>()
    if (this.live && this.opts.fresh) {
      // Other writers share the database: nothing is taken from memory before a check sent after this call.
      const cold = this.opts.loadFresh ? [...wanted].filter((id) => !this.#cached(id)) : []
      if (cold.length === 0) await this.opts.fresh().catch(() => {})
      else {
        // The misses' read carries the check; what was in memory is looked at again once it is applied.
        pick(out, cold, await this.#load(cold))
        for (const id of cold) wanted.delete(id)
        this.#misses += cold.length
      }
    }
    const missing: string[] = []
    for (const id of wanted) {
      const record = this.#cached(id)
      if (record) out.set(id, record)
      else missing.push(id)
    }
    this.#hits += wanted.size - missing.length
    this.#misses += missing.length
    if (missing.length === 0) return out
    pick(out, missing, await this.#load(missing))
    return out
  }

  /** A record kept in memory and not too old (none while not live). */
  #cached(id: string): PhotoRecord | undefined {
    if (!this.live) return undefined
    const e = this.#entries.get(id)
    return e && (this.opts.now ?? Date.now)() - e.at < this.opts.maxAgeMs ? e.record : undefined
  }

  /**
   * Reads records from the database, coalesced: the misses asked for before the event loop's next turn (all
   * the requests that came in together) go out together, in statements of about `maxBatch` ids each (a
   * caller's ids are never split). A caller joins only a read that has not been sent yet, so a read never
   * started before the request that gets its answer (read your own writes, and gate.freshness.ts's
   * guarantee, hold as for a read of its own).
   *
   * Why a bound: with one statement for everything, every request of a burst waited for the same statement
   * and the process sat idle while the server built it, then had them all to answer at once (lock step).
   * Statements of 12 run side by side on the pool and come back one after another, so answering the first
   * overlaps reading the next (bench api, random photos out of 100k: ~1,610 → ~1,860 req/s; 8 and 16 alike).
   */
  #load(ids: readonly string[]): Promise<Map<string, PhotoRecord>> {
    let batch = this.#batch
    // A caller's own ids always go out together (a page of search hits is one statement); others join a
    // statement only while it has fewer than maxBatch ids.
    if (!batch || batch.ids.size >= (this.opts.maxBatch ?? 12)) {
      const b: { ids: Set<string>; read: Promise<Map<string, PhotoRecord>> | null } = { ids: new Set(), read: null }
      b.read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // A full batch may have been followed by another already: only this one is no longer open.
        if (this.#batch === b) this.#batch = null
        return this.#read([...b.ids])
      })
      this.#batch = batch = b
    }
    for (const id of ids) batch.ids.add(id)
    return batch.read!
  }

  /**
   * One read from the database, kept only if nothing changed while it was under way. With a shared
   * database it carries the freshness check (loadFresh), whose changes are applied before it returns.
   */
  async #read(ids: string[]): Promise<Map<string, PhotoRecord>> {
    const generation = this.#generation
    const live = this.live
    const now = (this.opts.now ?? Date.now)()
    let loaded: Map<string, PhotoRecord>
    let apply = () => {}
    if (live && this.opts.fresh && this.opts.loadFresh) ({ records: loaded, apply } = await this.opts.loadFresh(ids))
    else loaded = await this.opts.load(ids)
    // Kept only if nothing changed while it was read, and the listener was up all along.
    const keep = live && this.live && generation === this.#generation
    // The changes this read's own snapshot saw: the records it read already have them.
    apply()
    if (keep) {
      for (const [id, record] of loaded) {
        this.#entries.delete(id)
        this.#entries.set(id, { at: now, record })
      }
      // 20,000 records: about 2.4 kB each (measured on the 100k bench set), so ~50 MB at most. A search
      // stream's first pages touch a few thousand photos (5,550 for the bench's 3,000 queries); a bound
      // just under what is asked for turns the least-recently-used order into a miss on nearly every read.
      const max = this.opts.maxEntries ?? 20_000
      while (this.#entries.size > max) this.#entries.delete(this.#entries.keys().next().value!)
    }
    return loaded
  }

  /** The gate's verdict on this record today; computed once per record and day. */
  verdict(record: PhotoRecord, today = todayUtc()): GateVerdict {
    let memo = this.#verdicts.get(record)
    if (memo?.today !== today) this.#verdicts.set(record, (memo = { today, verdict: this.opts.verdict(record.photo, record.gate, today) }))
    return memo.verdict
  }

  async one(id: string): Promise<PhotoRecord | undefined> {
    return (await this.get([id])).get(id)
  }
}

/** These ids' records from a read that may have been shared with other callers. */
function pick(out: Map<string, PhotoRecord>, ids: readonly string[], loaded: Map<string, PhotoRecord>) {
  for (const id of ids) {
    const record = loaded.get(id)
    if (record) out.set(id, record)
  }
}

/** Derivatives in presentation order: by preset (small to large), then jpeg, webp, avif. */
export function inPresetOrder<D extends { preset: string; format: string }>(ds: readonly D[]): D[] {
  const order = (d: D) => PRESETS.findIndex((x) => x.name === d.preset) * 10 + ['jpeg', 'webp', 'avif'].indexOf(d.format)
  return [...ds].sort((a, b) => order(a) - order(b))
}

/** A derivative's versioned URL (the bytes behind it never change: see sendDerivative). */
export const mediaUrl = (base: string, photoId: string, d: { preset: string; format: string; etag: string }) =>
  `${base}/v1/photos/${photoId}/media/${d.preset}.${d.format}?v=${d.etag}`

/**
 * The database read behind the cache in three queries for any number of photos (the consent module reads its
 * own tables). The gate reads with photoRecordReader (one round trip); this one is its reference in tests.
 */
export function photoRecordLoader(db: DbOrTx, gateInputs: GateInputsReader) {
  return async (ids: string[]): Promise<Map<string, PhotoRecord>> => {
    const [{ rows, ds }, inputs] = await Promise.all([gateRepo.photosWithDerivatives(db, ids), gateInputs(db, ids)])
    const byPhoto = new Map<string, DerivativeRow[]>()
    for (const d of ds) byPhoto.set(d.photoId, [...(byPhoto.get(d.photoId) ?? []), d])
    return new Map(
      rows.map((photo) => [
        photo.id,
        { photo, gate: inputs.get(photo.id) ?? { subjectIds: [], consents: new Map() }, derivatives: byPhoto.get(photo.id) ?? [] },
      ]),
    )
  }
}

/**
 * The gate's database read (for the cache, and inside a transaction) in ONE round trip for any number of
 * photos (gate.records.repo.ts photoRecords).
 */
export function photoRecordReader(db: DbOrTx) {
  return (ids: string[]): Promise<Map<string, PhotoRecord>> => gateRepo.photoRecords(db, ids)
}
