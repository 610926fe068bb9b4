/**
 * The Meilisearch engine behind the search port (DESIGN.md, "Search"). Used when MEILISEARCH_URL is set.
 *
 * Writes are done only when Meilisearch says so: every document addition or deletion is an asynchronous
 * task there, and `upsert`/`remove` resolve only once that task reports `succeeded` (a `failed` or
 * `canceled` task, a timeout or an unreachable server throws, so the outbox job retries with backoff).
 * Both are idempotent: documents are replaced by primary key `id`, and deleting a missing id is fine.
 *
 * `reindex` builds `<live>_<timestamp>` from scratch, applies the settings, adds the documents in batches,
 * then swaps it with the live index (swap-indexes, one atomic task) and deletes what was live before, so
 * the live index name never changes and searches never see a half-built index.
 *
 * Written against the Meilisearch 1.12 HTTP API (the version docker-compose.yml pins) through meilisearch-js
 * 0.62: no settings or parameters newer than 1.12 are sent (swap-indexes without `rename`, no granular
 * filterable attributes, no `disableOnNumbers`).
 */
import fs from 'node:fs'
import { Meilisearch, type EnqueuedTaskPromise, type Hit, type SearchParams, type Settings, type Task } from 'meilisearch'
import {
  FACETS,
  SearchCursorError,
  type Facet,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './search.port.ts'

export interface MeilisearchEngineOptions {
  url: string
  key?: string | undefined
  /** The live index name; stays constant across reindexes. */
  index?: string
  /** How long to wait for one task before giving up (the job is retried later). */
  taskTimeoutMs?: number
  /** Per HTTP request. */
  requestTimeoutMs?: number
  /** Documents per addDocuments call during reindex. */
  batchSize?: number
  /** Extra one-way synonyms (stigmatising term → preferred terms); default: language-guidance.json's. */
  guidance?: { term: string; preferred: string[] }[]
}

/** Thrown when Meilisearch reports a task as failed or canceled: the write did not happen. */
export class MeilisearchTaskError extends Error {
  constructor(
    readonly taskUid: number,
    readonly status: string,
    readonly code: string | undefined,
  ) {
    super(`meilisearch task ${taskUid} ${status}${code ? ` (${code})` : ''}`)
    this.name = 'MeilisearchTaskError'
  }
}

// Facet name in the port → attribute in the index.
const FACET_ATTRIBUTE: Record<Facet, string> = {
  use: 'uses',
  orientation: 'orientation',
  colour: 'colour',
  series: 'series',
  collection: 'collections',
  photographer: 'photographerId',
}
const TEXT_ATTRIBUTES = ['captionNl', 'captionEn', 'altNl', 'altEn', 'tags', 'tagsEn', 'series', 'credit'] as const
/** Highlight markers: private-use characters, so the text can be HTML-escaped before they become <mark>. */
const PRE = '\uE000'
const POST = '\uE001'
const MARKERS = /[\uE000\uE001]/g
/** Meilisearch's own bound on how deep offset pagination can go (pagination.maxTotalHits). */
export const MAX_TOTAL_HITS = 5000

const SYNONYMS_FILE = new URL('./search.synonyms.json', import.meta.url)
const GUIDANCE_FILE = new URL('./language-guidance.json', import.meta.url)

/**
 * The language-guidance list (search-core's language-guidance.json: { nl: [{ terms, preferred, note }], en })
 * as one-way synonyms. The service already rewrites such words before an engine sees them; the synonyms
 * make Meilisearch agree even when it is queried some other way. No file, no extra synonyms.
 */
export function guidanceTerms(file: URL = GUIDANCE_FILE): { term: string; preferred: string[] }[] {
  if (!fs.existsSync(file)) return []
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
  const out: { term: string; preferred: string[] }[] = []
  for (const lang of ['nl', 'en']) {
    const entries = Array.isArray(data[lang]) ? (data[lang] as { terms?: unknown; preferred?: unknown }[]) : []
    for (const e of entries) {
      const preferred = Array.isArray(e.preferred) ? e.preferred.filter((p): p is string => typeof p === 'string') : []
      for (const t of Array.isArray(e.terms) ? e.terms : []) if (typeof t === 'string' && preferred.length) out.push({ term: t, preferred })
    }
  }
  return out
}

/** Synonyms: nl↔en pairs are mutual; language-guidance terms lead one way, to the preferred words. */
export function buildSynonyms(guidance: { term: string; preferred: string[] }[] = []): Record<string, string[]> {
  const data = JSON.parse(fs.readFileSync(SYNONYMS_FILE, 'utf8')) as { pairs: string[][]; oneWay: Record<string, string[]> }
  const out = new Map<string, Set<string>>()
  const add = (from: string, to: string) => {
    const f = from.toLowerCase().trim()
    const t = to.toLowerCase().trim()
    if (!f || !t || f === t) return
    if (!out.has(f)) out.set(f, new Set())
    out.get(f)!.add(t)
  }
  for (const group of data.pairs) for (const a of group) for (const b of group) add(a, b)
  for (const [term, preferred] of Object.entries(data.oneWay)) for (const p of preferred) add(term, p)
  for (const g of guidance) for (const p of g.preferred) add(g.term, p)
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v].sort()]))
}

/** The index settings: ranked searchable attributes, filters, sort, synonyms, typos, languages, facets. */
export function indexSettings(guidance?: { term: string; preferred: string[] }[]): Settings {
  return {
    // Ranked: a word in a caption counts more than in the tags, the alt text, the series or the credit.
    searchableAttributes: ['captionNl', 'captionEn', 'tags', 'tagsEn', 'altNl', 'altEn', 'series', 'credit'],
    filterableAttributes: ['uses', 'orientation', 'colour', 'series', 'collections', 'photographerId', 'publicPreview'],
    sortableAttributes: ['publishedAt'],
    // `sort` first: with sort=newest the order is by date; without a sort parameter the rule does nothing,
    // and relevance (words, typos, proximity, attribute, exactness) decides.
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    synonyms: buildSynonyms(guidance),
    typoTolerance: {
      enabled: true,
      // "hnod" (4) and "workr" (5) may have one typo (a swapped pair of letters is one), "sexwerker" (9)
      // two; shorter words must be exact. The in-process engine allows the same.
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      // Ids are exact.
      disableOnAttributes: ['photographerId', 'collections'],
    },
    localizedAttributes: [
      { attributePatterns: ['captionNl', 'altNl'], locales: ['nld'] },
      { attributePatterns: ['captionEn', 'altEn', 'tagsEn'], locales: ['eng'] },
    ],
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  }
}

/** What is stored: the port's document with markers stripped and the date as a number (sortable). */
function toMeili(doc: SearchDocument): Record<string, unknown> {
  const clean = (s: string | null) => (s === null ? null : s.replace(MARKERS, ''))
  return {
    id: doc.id,
    captionNl: clean(doc.captionNl),
    captionEn: clean(doc.captionEn),
    altNl: clean(doc.altNl),
    altEn: clean(doc.altEn),
    tags: doc.tags.map((t) => t.replace(MARKERS, '')),
    tagsEn: doc.tagsEn.map((t) => t.replace(MARKERS, '')),
    series: clean(doc.series),
    credit: clean(doc.credit),
    photographerId: doc.photographerId,
    collections: doc.collections,
    orientation: doc.orientation,
    colour: doc.colour,
    uses: doc.uses,
    publicPreview: doc.publicPreview,
    publishedAt: Date.parse(doc.publishedAt),
  }
}

/** A filter value as a Meilisearch string literal (double quotes; backslash and quote escaped). */
export function quote(v: string): string {
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

export function filterOf(f: SearchQuery['filters']): string[] {
  const out: string[] = []
  if (f.use) out.push(`uses = ${quote(f.use)}`)
  if (f.orientation) out.push(`orientation = ${quote(f.orientation)}`)
  if (f.colour) out.push(`colour = ${quote(f.colour)}`)
  if (f.series) out.push(`series = ${quote(f.series)}`)
  if (f.collection) out.push(`collections = ${quote(f.collection)}`)
  if (f.photographer) out.push(`photographerId = ${quote(f.photographer)}`)
  if (f.publicPreviewOnly) out.push('publicPreview = true')
  return out
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
/** Meilisearch does not escape: escape the text, then turn the markers into <mark>. */
const markup = (s: string) => escapeHtml(s).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>')
const matched = (v: unknown): v is string => typeof v === 'string' && v.includes(PRE)

export function highlightsOf(formatted: Record<string, unknown> | undefined, lang: SearchQuery['lang']): SearchHit['highlights'] {
  const h: SearchHit['highlights'] = {}
  if (!formatted) return h
  const pick = (nl: unknown, en: unknown) => {
    const order = lang === 'en' ? [en, nl] : [nl, en]
    return order.find(matched)
  }
  const caption = pick(formatted.captionNl, formatted.captionEn)
  if (caption) h.caption = markup(caption)
  const alt = pick(formatted.altNl, formatted.altEn)
  if (alt) h.alt = markup(alt)
  // The matched keywords of the query's language, else those of the other one (as the caption).
  const keywords = (v: unknown) => (Array.isArray(v) ? v.filter(matched) : [])
  const tags = [keywords(formatted.tags), keywords(formatted.tagsEn)][lang === 'en' ? 1 : 0]!
  const chosen = tags.length ? tags : [keywords(formatted.tags), keywords(formatted.tagsEn)][lang === 'en' ? 0 : 1]!
  if (chosen.length) h.tags = chosen.map(markup).join(', ')
  if (matched(formatted.series)) h.series = markup(formatted.series)
  if (matched(formatted.credit)) h.credit = markup(formatted.credit)
  return h
}

/** Cursor: the offset of the next page, base64url of a small JSON object; anything else is refused. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ m: offset })).toString('base64url')
}
export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) throw new SearchCursorError()
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { m?: unknown }
    if (typeof v.m === 'number' && Number.isInteger(v.m) && v.m > 0 && v.m < MAX_TOTAL_HITS) return v.m
  } catch {
    /* fall through */
  }
  throw new SearchCursorError()
}

function emptyFacets(): SearchResult['facets'] {
  return Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
}

export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const
  readonly client: Meilisearch
  readonly indexName: string
  readonly #taskTimeoutMs: number
  readonly #batchSize: number
  readonly #settings: Settings
  #ready: Promise<void> | undefined

  constructor(opts: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: opts.url, apiKey: opts.key, timeout: opts.requestTimeoutMs ?? 10_000 })
    this.indexName = opts.index ?? 'photos'
    if (!/^[A-Za-z0-9_-]{1,200}$/.test(this.indexName)) throw new Error('invalid Meilisearch index name')
    this.#taskTimeoutMs = opts.taskTimeoutMs ?? 30_000
    this.#batchSize = opts.batchSize ?? 1000
    this.#settings = indexSettings(opts.guidance ?? guidanceTerms())
  }

  /** Waits for a task and throws unless it succeeded: a write is done only when Meilisearch says so. */
  async #done(p: EnqueuedTaskPromise, allow: (t: Task) => boolean = () => false): Promise<Task> {
    const enqueued = await p
    const task = await this.client.tasks.waitForTask(enqueued.taskUid, { timeout: this.#taskTimeoutMs, interval: 50 })
    if (task.status !== 'succeeded' && !allow(task)) throw new MeilisearchTaskError(task.uid, task.status, task.error?.code)
    return task
  }

  /** Creates an index with primary key `id` and applies the settings; an index that exists already is fine. */
  async #prepare(uid: string): Promise<void> {
    await this.#done(this.client.createIndex(uid, { primaryKey: 'id' }), (t) => t.status === 'failed' && t.error?.code === 'index_already_exists')
    await this.#done(this.client.index(uid).updateSettings(this.#settings))
  }

  /** Once per engine (and again after a failure): the live index exists, with the current settings. */
  ensureIndex(): Promise<void> {
    this.#ready ??= this.#prepare(this.indexName).catch((err: unknown) => {
      this.#ready = undefined
      throw err
    })
    return this.#ready
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length === 0) return
    await this.ensureIndex()
    const index = this.client.index(this.indexName)
    for (let i = 0; i < docs.length; i += this.#batchSize) {
      await this.#done(index.addDocuments(docs.slice(i, i + this.#batchSize).map(toMeili)))
    }
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await this.ensureIndex()
    const index = this.client.index(this.indexName)
    for (let i = 0; i < ids.length; i += this.#batchSize) {
      await this.#done(index.deleteDocuments(ids.slice(i, i + this.#batchSize)))
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const offset = decodeCursor(query.cursor)
    const limit = Math.max(1, Math.min(query.limit, MAX_TOTAL_HITS - offset))
    const params: SearchParams = {
      offset,
      // One more than asked: whether it comes back says whether there is a next page.
      limit: limit + 1,
      filter: filterOf(query.filters),
      facets: FACETS.map((f) => FACET_ATTRIBUTE[f]),
      attributesToRetrieve: ['id', ...TEXT_ATTRIBUTES],
      attributesToHighlight: [...TEXT_ATTRIBUTES],
      attributesToCrop: ['captionNl', 'captionEn', 'altNl', 'altEn'],
      cropLength: 40,
      cropMarker: '…',
      highlightPreTag: PRE,
      highlightPostTag: POST,
    }
    // Listing everything, or asked for newest: by date. Otherwise relevance (ranking rules).
    if (query.sort === 'newest' || query.q.trim() === '') params.sort = ['publishedAt:desc']
    let res: Awaited<ReturnType<ReturnType<Meilisearch['index']>['search']>>
    try {
      res = await this.client.index(this.indexName).search<Record<string, unknown>>(query.q, params)
    } catch (err) {
      // Before the first write the index may not exist yet: that is an empty result, not an error.
      if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') {
        return { hits: [], facets: emptyFacets(), total: 0, nextCursor: null }
      }
      throw err
    }
    // Disjunctive facets: a facet that is filtered on is counted with every *other* filter applied, so
    // choosing one orientation keeps the counts of the others (one extra count-only search per such facet).
    const disjunctive = await Promise.all(
      FACETS.filter((f) => query.filters[f] !== undefined).map(async (f) => {
        const r = await this.client
          .index(this.indexName)
          .search(query.q, { limit: 0, filter: filterOf({ ...query.filters, [f]: undefined }), facets: [FACET_ATTRIBUTE[f]] })
        return [f, r.facetDistribution?.[FACET_ATTRIBUTE[f]] ?? {}] as const
      }),
    )
    const rows = res.hits as Hit<Record<string, unknown>>[]
    const hits: SearchHit[] = rows
      .slice(0, limit)
      .map((h) => ({ id: String(h.id), highlights: highlightsOf(h._formatted as Record<string, unknown> | undefined, query.lang) }))
    const facets = emptyFacets()
    for (const f of FACETS) {
      const dist = res.facetDistribution?.[FACET_ATTRIBUTE[f]]
      if (dist) facets[f] = { ...dist }
    }
    const next = offset + limit
    // estimatedTotalHits is an estimate for keyword searches; facet counts are exact over the same
    // candidates, and every document has exactly one orientation, so their sum is the exact total.
    const counted = Object.values(facets.orientation).reduce((a, b) => a + b, 0)
    for (const [f, dist] of disjunctive) facets[f] = { ...dist }
    return {
      hits,
      facets,
      total: res.facetDistribution?.orientation ? counted : (res.estimatedTotalHits ?? hits.length),
      nextCursor: rows.length > limit && next < MAX_TOTAL_HITS ? encodeCursor(next) : null,
    }
  }

  async reindex(batches: AsyncIterable<SearchDocument[]>): Promise<{ count: number }> {
    const building = `${this.indexName}_${Date.now()}`
    let count = 0
    try {
      await this.#prepare(building)
      const index = this.client.index(building)
      // Enqueue every batch, then wait: Meilisearch batches consecutive additions into one indexing run.
      const pending: EnqueuedTaskPromise[] = []
      for await (const batch of batches) {
        for (let i = 0; i < batch.length; i += this.#batchSize) {
          const part = batch.slice(i, i + this.#batchSize)
          const p = index.addDocuments(part.map(toMeili))
          p.catch(() => {}) // awaited below; don't let an early rejection go unhandled meanwhile
          pending.push(p)
          count += part.length
        }
      }
      for (const p of pending) await this.#done(p)
      // Swapping needs both indexes; the live one may not exist yet on a fresh server.
      await this.ensureIndex()
      // Meilisearch 1.12's swap takes only `indexes` (`rename` came later): send exactly that.
      await this.#done(this.client.swapIndexes([{ indexes: [this.indexName, building] }] as unknown as Parameters<Meilisearch['swapIndexes']>[0]))
    } catch (err) {
      await this.#done(this.client.deleteIndex(building)).catch(() => {})
      throw err
    }
    // `building` now holds the old contents.
    await this.#done(this.client.deleteIndex(building))
    return { count }
  }
}
