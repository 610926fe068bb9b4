/**
 * The search port (DESIGN.md, "Search"): what the rest of the app may ask of a search engine. Two adapters
 * implement it, PostgreSQL (default) and Meilisearch, and both pass one contract suite. An engine only
 * ranks and filters; it is never trusted with consent: every hit is re-checked against the gate by the
 * search service before it is returned, and a stale hit is dropped and queued for removal.
 */
import type { Use } from '../../../../contract/vocabulary.ts'

export const ORIENTATIONS = ['landscape', 'portrait', 'square'] as const
export type Orientation = (typeof ORIENTATIONS)[number]

/** Named colour families a dominant colour is sorted into (a filter and a facet). */
export const COLOURS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'brown', 'black', 'white', 'grey'] as const
export type Colour = (typeof COLOURS)[number]

export const FACETS = ['use', 'orientation', 'colour', 'series', 'collection', 'photographer'] as const
export type Facet = (typeof FACETS)[number]

/** One published, shown photo as the engines see it: public texts and filterable facts only, never people. */
export interface SearchDocument {
  id: string
  captionNl: string | null
  captionEn: string | null
  altNl: string | null
  altEn: string | null
  /** Keywords in Dutch, and in English (both searched). */
  tags: string[]
  tagsEn: string[]
  series: string | null
  credit: string
  /** The owner's user id: the `photographer` filter. */
  photographerId: string
  /** Collection and exhibition ids the photo is in. */
  collections: string[]
  orientation: Orientation
  colour: Colour | null
  /** The uses the effective permission allows right now (the `use` filter). */
  uses: Use[]
  /** Whether everyone pictured allows a small public preview for anonymous visitors. */
  publicPreview: boolean
  /** ISO date-time; the `newest` order. */
  publishedAt: string
}

export interface SearchFilters {
  use?: Use
  orientation?: Orientation
  colour?: Colour
  series?: string
  collection?: string
  photographer?: string
  /** Anonymous callers: only documents with publicPreview. */
  publicPreviewOnly?: boolean
}

export interface SearchQuery {
  /** Already normalised by the service (trimmed, language guidance applied); '' lists everything. */
  q: string
  /** The query's language when known; engines may weight that language's fields higher. */
  lang?: 'nl' | 'en'
  filters: SearchFilters
  sort: 'relevance' | 'newest'
  limit: number
  /** Opaque, engine-specific; from a previous result's nextCursor. */
  cursor?: string
}

export interface SearchHit {
  id: string
  /** Matched fragments with the match wrapped in <mark>…</mark> (text otherwise HTML-escaped). */
  highlights: Partial<Record<'caption' | 'alt' | 'tags' | 'series' | 'credit', string>>
}

export interface SearchResult {
  hits: SearchHit[]
  /** Counts per facet value over the whole filtered match set (not just this page). */
  facets: Record<Facet, Record<string, number>>
  /** Matches in all (exact or a lower bound; engines bound their work). */
  total: number
  nextCursor: string | null
}

/** A cursor this engine did not issue (or can no longer read): the service answers it with a 400 problem. */
export class SearchCursorError extends Error {
  constructor(message = 'The cursor is not valid for this search.') {
    super(message)
    this.name = 'SearchCursorError'
  }
}

export interface SearchEngine {
  readonly name: 'memory' | 'postgres' | 'meilisearch'
  /** Idempotent: the same document twice is one document. Resolves only once the engine has it. */
  upsert(docs: SearchDocument[]): Promise<void>
  /** Idempotent: removing what isn't there is fine. */
  remove(ids: string[]): Promise<void>
  /** Rejects with SearchCursorError for a cursor it can't read. */
  search(query: SearchQuery): Promise<SearchResult>
  /** Rebuilds from scratch out of the given documents into a new index and swaps it in. */
  reindex(docs: AsyncIterable<SearchDocument[]>): Promise<{ count: number }>
}
