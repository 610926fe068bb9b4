/** GET /v1/search as the gallery reads it (api/src/modules/search/search.schemas.ts is the contract). */
import type { Bilingual } from '../../api.ts'
import type { Preview } from '../../components/Picture.tsx'

export interface SearchHit {
  id: string
  caption: Bilingual
  alt: Bilingual
  credit: string
  width: number
  height: number
  thumbhash: string | null
  colour: string | null
  previews: Preview[]
  highlights: Partial<Record<'caption' | 'alt' | 'tags' | 'series' | 'credit', string>>
}

export const FILTERS = ['use', 'orientation', 'colour', 'series', 'collection'] as const
export type Filter = (typeof FILTERS)[number]

export interface SearchResponse {
  hits: SearchHit[]
  facets: Record<Filter | 'photographer', Record<string, number>>
  languageNote: null | { lang: 'nl' | 'en'; terms: string[]; preferred: string[]; note: string }
  total: number
  nextCursor: string | null
}

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
