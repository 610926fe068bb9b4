/**
 * The in-process search engine (the default, on PGlite and on a PostgreSQL server): queries are answered
 * from an index in this process's memory (search.index.ts), so a search costs no database round trip at
 * all. The database stays the record: every write goes to `search_documents` first (through the
 * PostgreSQL engine's upsert, so its table, `search_words` and erasure work as before), then into memory.
 *
 * How every process stays in step with the table:
 *  - At start, `load()` reads the whole table into memory. The app listens meanwhile (`loadInBackground`):
 *    until the first load is complete, searches are answered by `fallback`, the PostgreSQL engine over the
 *    same table, so they are complete and gated from the first request (both page by offset cursors).
 *  - A trigger on `search_documents` (migration 0021_speed) sends `NOTIFY eb_search_changed <photo id>` on
 *    commit, whoever wrote it (this process, another replica, a separate worker, psql). `changed(id)` reads
 *    those ids back from the table (batched) and updates or removes them in memory.
 *  - When the listener was down (a lost connection), the whole table is read again once it is back.
 * A stale entry can't show anything the consent gate refuses: the search service re-checks every hit.
 */
import type { FastifyBaseLogger } from 'fastify'
import { SearchCursorError, type SearchDocument, type SearchEngine, type SearchHit, type SearchQuery, type SearchResult } from './search.port.ts'
import { MemoryIndex } from './search.index.ts'
import { highlights } from './search.postgres.repo.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** How deep pages reach (an offset cursor). */
export const MAX_OFFSET = 10_000
/** A full reload after the change feed was down happens at most this often. */
const RELOAD_EVERY_MS = 60_000

/** Where the documents are kept (the PostgreSQL engine's table). */
export interface SearchStore {
  upsert(docs: SearchDocument[]): Promise<void>
  remove(ids: string[]): Promise<void>
  reindex(docs: AsyncIterable<SearchDocument[]>): Promise<{ count: number }>
  /** Every stored document, in batches; or only the given ids. */
  documents(ids?: string[]): AsyncIterable<SearchDocument[]>
}

function encodeCursor(o: number): string {
  return Buffer.from(JSON.stringify({ o })).toString('base64url')
}

function decodeCursor(s: string): number {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as { o?: unknown }
    if (!c || typeof c !== 'object' || !Number.isInteger(c.o) || (c.o as number) < 1 || (c.o as number) >= MAX_OFFSET) throw new Error('bad cursor')
    return c.o as number
  } catch {
    throw new SearchCursorError()
  }
}

export class MemorySearchEngine implements SearchEngine {
  readonly name = 'memory' as const
  #index = new MemoryIndex()
  readonly #pending = new Set<string>()
  #flushing: Promise<void> | null = null
  #reloadAll = false
  #wasDown = false
  #loadedAt = 0
  #reloadTimer: NodeJS.Timeout | null = null
  #loaded = false
  #firstLoad: Promise<unknown> | null = null
  /** Ids heard on the feed while a load reads the table: read again once the fresh index is in. */
  #heardWhileLoading: Set<string> | null = null
  /** Called after changes heard on the feed are in memory (the answer cache in front of it forgets). */
  onApplied: (() => void) | null = null

  constructor(private readonly opts: { store?: SearchStore; log?: FastifyBaseLogger; fallback?: Pick<SearchEngine, 'search'> } = {}) {}

  get size() {
    return this.#index.size
  }

  /** Reads every stored document into a fresh index and swaps it in. */
  async load(): Promise<number> {
    const store = this.opts.store
    if (!store) return this.#index.size
    const fresh = new MemoryIndex()
    const heard = (this.#heardWhileLoading = new Set())
    // Batch by batch, with the event loop free in between (requests go on being served from the old index).
    for await (const batch of store.documents()) {
      fresh.upsert(batch)
      await new Promise((r) => setImmediate(r))
    }
    this.#index = fresh
    this.#loaded = true
    this.#loadedAt = Date.now()
    if (this.#heardWhileLoading === heard) this.#heardWhileLoading = null
    for (const id of heard) this.changed(id)
    return fresh.size
  }

  /** The first load, not waited for: `search()` asks the fallback until it is done (and after a failure). */
  loadInBackground(done: (documents: number, ms: number) => void, failed: (err: unknown) => void): void {
    if (this.#firstLoad) return // once, however often the server starts listening
    const startedAt = Date.now()
    this.#firstLoad = this.load().then((n) => {
      // Answers cached from the fallback give way to the index's own (the same photos, its ranking).
      this.onApplied?.()
      done(n, Date.now() - startedAt)
    }, failed)
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return
    await this.opts.store?.upsert(docs)
    this.#index.upsert(docs)
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.opts.store?.remove(ids)
    this.#index.remove(ids)
  }

  async reindex(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    const store = this.opts.store
    if (store) {
      const result = await store.reindex(batches)
      await this.load()
      return result
    }
    const fresh = new MemoryIndex()
    let count = 0
    for await (const batch of batches) {
      fresh.upsert(batch)
      count += batch.length
    }
    this.#index = fresh
    return { count }
  }

  /** A change heard on the feed: the photo's entry is read back from the store ('*': everything). */
  changed(id: string) {
    if (id === '*') this.#reloadAll = true
    else if (UUID.test(id)) {
      this.#pending.add(id)
      this.#heardWhileLoading?.add(id)
    } else return // not a photo id: reading it back would fail the whole batch
    this.#flushing ??= Promise.resolve().then(() => this.#flush())
  }

  /** The feed is connected again: anything may have been missed while it was not. */
  up() {
    // A late heartbeat on a busy machine also counts as down: read everything again, but at most once every
    // RELOAD_EVERY_MS (the gate checks every hit meanwhile, so a stale entry never shows what it must not).
    if (this.#wasDown && !this.#reloadTimer) {
      const wait = Math.max(0, this.#loadedAt + RELOAD_EVERY_MS - Date.now())
      this.#reloadTimer = setTimeout(() => {
        this.#reloadTimer = null
        this.changed('*')
      }, wait)
      this.#reloadTimer.unref()
    }
    this.#wasDown = false
  }

  down() {
    this.#wasDown = true
    if (this.#reloadTimer) clearTimeout(this.#reloadTimer)
    this.#reloadTimer = null
  }

  /** Resolves once every change heard so far is in memory. */
  async settled(): Promise<void> {
    await this.#firstLoad
    while (this.#flushing) await this.#flushing
  }

  async #flush(): Promise<void> {
    try {
      while (this.#reloadAll || this.#pending.size) {
        if (this.#reloadAll) {
          this.#reloadAll = false
          this.#pending.clear()
          await this.load()
          this.onApplied?.()
          continue
        }
        const ids = [...this.#pending].slice(0, 1000)
        for (const id of ids) this.#pending.delete(id)
        const found = new Set<string>()
        for await (const batch of this.opts.store!.documents(ids)) {
          this.#index.upsert(batch)
          for (const d of batch) found.add(d.id)
        }
        this.#index.remove(ids.filter((id) => !found.has(id)))
        this.onApplied?.()
      }
    } catch (err) {
      // The next change or reconnect tries again; meanwhile the gate still checks every hit.
      this.#wasDown = true
      this.opts.log?.warn({ err }, 'search index: reading changes failed')
    } finally {
      this.#flushing = null
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    if (!this.#loaded && this.opts.fallback) return this.opts.fallback.search(query)
    const offset = query.cursor ? decodeCursor(query.cursor) : 0
    const limit = Math.max(1, Math.min(query.limit, MAX_OFFSET))
    const answer = this.#index.search({ q: query.q, filters: query.filters, sort: query.sort, top: offset + limit + 1 })
    const page = answer.docs.slice(offset, offset + limit + 1)
    const more = page.length > limit
    const marked = new Map<string, string | null>() // the page's texts, each marked once (highlights())
    const hits: SearchHit[] = page.slice(0, limit).map((d) => ({
      id: d.id,
      highlights: highlights(
        {
          caption_nl: d.captionNl,
          caption_en: d.captionEn,
          alt_nl: d.altNl,
          alt_en: d.altEn,
          tags: d.tags,
          tags_en: d.tagsEn,
          series: d.series,
          credit: d.credit,
        },
        answer.terms,
        query.lang,
        marked,
      ),
    }))
    return { hits, facets: answer.facets, total: answer.total, nextCursor: more && offset + limit < MAX_OFFSET ? encodeCursor(offset + limit) : null }
  }
}
