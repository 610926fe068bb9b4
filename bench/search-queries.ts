/**
 * The varied query stream for `npm run bench -- search` (issue 17): thousands of distinct queries drawn
 * from the captions' own vocabulary, the way journalists type them: single words and pairs from one
 * caption, in Dutch and English (sometimes with `lang`), typos (a swapped pair of letters, a letter
 * missing, doubled or wrong), prefixes (search as you type), filters alone and with words, newest first.
 * Deterministic (seeded), so two runs send the same stream.
 */
import { COLOURS, ORIENTATIONS, type SearchFilters, type SearchQuery } from '../api/src/modules/search/search.port.ts'
import { isStopWord } from '../api/src/modules/search/search.index.ts'
import { fold } from '../api/src/modules/search/search.text.ts'
import { rng, type SearchPhotoText } from '../fixtures/search/generate.ts'

const USES = ['editorial', 'education', 'exhibition', 'social'] as const

export interface VariedQuery {
  kind: 'word' | 'pair' | 'typo' | 'prefix' | 'filter' | 'list'
  /** The query string for GET /v1/search. */
  qs: string
  /** The same search as the engine sees it (an anonymous caller: public previews only). */
  engine: SearchQuery
}

const wordsOf = (s: string) =>
  fold(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !isStopWord(w))

export function variedQueries(texts: SearchPhotoText[], count = 3000, seed = 1717): VariedQuery[] {
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  const captions = texts
    .flatMap((t) => [
      { lang: 'nl' as const, words: wordsOf(`${t.captionNl} ${t.altNl} ${t.tags.join(' ')}`) },
      { lang: 'en' as const, words: wordsOf(`${t.captionEn} ${t.altEn}`) },
    ])
    .filter((c) => c.words.length > 0)
  const typo = (w: string): string => {
    const i = Math.floor(random() * (w.length - 1))
    switch (Math.floor(random() * 4)) {
      case 0:
        return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) // swapped letters
      case 1:
        return w.slice(0, i) + w.slice(i + 1) // a letter missing
      case 2:
        return w.slice(0, i) + w[i] + w.slice(i) // a letter doubled
      default:
        return w.slice(0, i) + pick([...'abcdefghijklmnoprstuvwz']) + w.slice(i + 1) // a wrong letter
    }
  }
  const filters = (): SearchFilters => {
    const f: SearchFilters = {}
    const r = random()
    if (r < 0.4) f.orientation = pick(ORIENTATIONS)
    else if (r < 0.7) f.colour = pick(COLOURS)
    else f.use = pick(USES)
    if (random() < 0.3) f.use = pick(USES)
    return f
  }
  const out = new Map<string, VariedQuery>()
  let guard = 0
  while (out.size < count && guard++ < count * 50) {
    const c = pick(captions)
    const w = pick(c.words)
    const r = random()
    let kind: VariedQuery['kind']
    let q = ''
    let f: SearchFilters = {}
    let sort: 'relevance' | 'newest' = 'relevance'
    if (r < 0.3) (kind = 'word'), (q = w)
    else if (r < 0.5) (kind = 'pair'), (q = `${w} ${pick(c.words)}`)
    else if (r < 0.65) (kind = 'typo'), (q = w.length >= 5 ? typo(w) : `${w} ${typo(pick(c.words))}`)
    else if (r < 0.8) (kind = 'prefix'), (q = w.slice(0, 3 + Math.floor(random() * Math.max(1, w.length - 3))))
    else if (r < 0.95) (kind = 'filter'), (q = random() < 0.8 ? w : ''), (f = filters())
    else (kind = 'list'), (f = random() < 0.5 ? filters() : {}), (sort = 'newest')
    if (kind !== 'list' && random() < 0.1) sort = 'newest'
    const lang = random() < 0.3 ? c.lang : undefined
    const params = new URLSearchParams()
    if (q) params.set('q', q)
    if (lang) params.set('lang', lang)
    for (const [k, v] of Object.entries(f)) params.set(k, String(v))
    if (sort === 'newest') params.set('sort', 'newest')
    const qs = params.toString()
    if (out.has(qs)) continue
    out.set(qs, { kind, qs, engine: { q, ...(lang ? { lang } : {}), filters: { ...f, publicPreviewOnly: true }, sort, limit: 24 } })
  }
  return [...out.values()]
}
