/**
 * A short-lived cache of engine answers in front of any engine (a decorator on the port). Safe by design:
 * it only ever holds what the engine ranked — ids, highlights, facet counts — and the search service still
 * puts every hit through the consent gate on every request, so a cached answer can never show a photo whose
 * consent has ended (promise 1); at worst it misses a photo published in the last few seconds.
 *
 * Any write through this engine (the outbox's sync jobs, reindex) empties it at once in this process; other
 * processes (replicas, a separate worker) see the change within `ttlMs`. Bounded in entries (oldest out).
 */
import type { SearchDocument, SearchEngine, SearchQuery, SearchResult } from './search.port.ts'

export class CachedSearchEngine implements SearchEngine {
  readonly #entries = new Map<string, { at: number; generation: number; value: Promise<SearchResult> }>()
  #generation = 0

  constructor(
    private readonly inner: SearchEngine,
    private readonly opts: { ttlMs: number; maxEntries?: number; now?: () => number },
  ) {}

  get name() {
    return this.inner.name
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    try {
      await this.inner.upsert(docs)
    } finally {
      this.clear()
    }
  }

  async remove(ids: string[]): Promise<void> {
    try {
      await this.inner.remove(ids)
    } finally {
      this.clear()
    }
  }

  async reindex(docs: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    try {
      return await this.inner.reindex(docs)
    } finally {
      this.clear()
    }
  }

  search(query: SearchQuery): Promise<SearchResult> {
    if (this.opts.ttlMs <= 0) return this.inner.search(query)
    const now = (this.opts.now ?? Date.now)()
    const key = JSON.stringify([query.q, query.lang ?? null, query.filters, query.sort, query.limit, query.cursor ?? null])
    const hit = this.#entries.get(key)
    if (hit && hit.generation === this.#generation && now - hit.at < this.opts.ttlMs) return hit.value
    const generation = this.#generation
    // The promise is shared, so identical searches arriving together cost one engine query.
    const value = this.inner.search(query)
    this.#entries.delete(key)
    this.#entries.set(key, { at: now, generation, value })
    // A failed search is not remembered.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key)
    })
    const max = this.opts.maxEntries ?? 1000
    while (this.#entries.size > max) this.#entries.delete(this.#entries.keys().next().value!)
    return value
  }

  /** Forget every answer (a write happened). Searches already under way keep their old generation. */
  clear() {
    this.#generation++
    this.#entries.clear()
  }
}
