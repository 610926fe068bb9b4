/** GET /v1/search as the gallery reads it (api/src/modules/search/search.schemas.ts is the contract). */
import { withQuery, type Json, type RequestOptions } from '../../api.ts'

export type SearchResponse = Json<'/v1/search', 'get'>
export type SearchHit = SearchResponse['hits'][number]

export const FILTERS = ['use', 'orientation', 'colour', 'series', 'collection'] as const
export type Filter = (typeof FILTERS)[number]

/**
 * The last search (path and query) of this tab, so "back to the search results" returns to the same query
 * and filters even after a reload of the photo page or a link followed from related photos.
 */
const LAST_SEARCH = 'eb:last-search'
export function rememberSearch(href: string) {
  try {
    sessionStorage.setItem(LAST_SEARCH, href)
  } catch {
    // Storage refused (private mode, quota): back goes to an empty search.
  }
}
export function lastSearch(): string {
  try {
    const v = sessionStorage.getItem(LAST_SEARCH)
    // Only our own search page: never a stored value that would lead elsewhere.
    return v && /^\/(\?|$)/.test(v) ? v : '/'
  } catch {
    return '/'
  }
}

/**
 * The first page of results the server put into the page (api/src/platform/gallery.ts: anonymous visitors,
 * through the same GET /v1/search), so the photos needn't wait for the script to ask. It answers only the
 * request with exactly its parameters, and only once: `peekFirstSearch` for the first render,
 * `takeFirstSearch` when the page would fetch (then it is spent, whether it matched or not).
 */
let embedded: { query: string; answer: SearchResponse } | null | undefined
const canonical = (qs: string) => {
  const p = new URLSearchParams(qs)
  p.sort()
  return p.toString()
}
export function peekFirstSearch(query: RequestOptions['query']): SearchResponse | null {
  if (embedded === undefined) {
    embedded = null
    try {
      const text = document.getElementById('first-search')?.textContent
      if (text) embedded = JSON.parse(text) as { query: string; answer: SearchResponse }
    } catch {
      // Not ours or damaged: ask the API as usual.
    }
  }
  return embedded && canonical(embedded.query) === canonical(withQuery('', query).replace(/^\?/, '')) ? embedded.answer : null
}
export function takeFirstSearch(query: RequestOptions['query']): SearchResponse | null {
  const answer = peekFirstSearch(query)
  embedded = null
  return answer
}
