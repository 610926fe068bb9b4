/**
 * Search as you type: the query and filters live in the URL (so back, reload and sharing work), the
 * request is debounced and the previous one aborted, results are a grid of links to the photo pages with
 * thumbhash placeholders and srcset, and "more" follows nextCursor.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { USE_LABELS, type Use } from '../../../../api/src/modules/consent/vocabulary.ts'
import { api, isAbort } from '../../api.ts'
import { Highlighted, plainText } from '../../components/Highlighted.tsx'
import { Picture } from '../../components/Picture.tsx'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useBilingual, useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { Link, navigate, useLocation, type PageProps } from '../../router.tsx'
import { FILTERS, type Filter, type SearchHit, type SearchResponse } from './search.ts'

const DEBOUNCE_MS = 250
const PAGE_SIZE = 24
// Three columns from 60rem, two from 36rem, one below (styles.css, .results).
const GRID_SIZES = '(min-width: 60rem) 20rem, (min-width: 36rem) 50vw, 100vw'

function queryString(q: string, filters: Partial<Record<Filter, string>>) {
  const p = new URLSearchParams()
  if (q) p.set('q', q)
  for (const f of FILTERS) if (filters[f]) p.set(f, filters[f]!)
  const s = p.toString()
  return s ? `/?${s}` : '/'
}

export function SearchPage(_props: PageProps) {
  const t = useT(journalist)
  const pick = useBilingual()
  const { lang } = useLang()
  const { query } = useLocation()
  const searchId = useId()
  const statusId = useId()

  const q = query.get('q') ?? ''
  const filters: Partial<Record<Filter, string>> = {}
  for (const f of FILTERS) {
    const v = query.get(f)
    if (v) filters[f] = v
  }
  const filterKey = FILTERS.map((f) => filters[f] ?? '').join('|')

  // What is typed shows at once; the URL (and so the search) follows after a pause.
  const [typed, setTyped] = useState(q)
  const [result, setResult] = useState<SearchResponse | null>(null)
  const [hits, setHits] = useState<SearchHit[]>([])
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const moreFrom = useRef(0)
  const resultsRef = useRef<HTMLUListElement>(null)
  useTitle(q ? `${q} – ${t('searchTitle')}` : t('searchTitle'))

  // Someone went back/forward: the field shows the URL's query.
  useEffect(() => setTyped(q), [q])

  useEffect(() => {
    if (typed === q) return
    const timer = setTimeout(() => navigate(queryString(typed.trim() ? typed : '', filters), { replace: true }), DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])

  useEffect(() => {
    const ctrl = new AbortController()
    setLoading(true)
    setError(null)
    api<SearchResponse>('/v1/search', { query: { q: q.trim(), lang, limit: PAGE_SIZE, ...filters }, signal: ctrl.signal })
      .then((r) => {
        setResult(r)
        setHits(r.hits)
        setLoading(false)
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return
        setError(err)
        setLoading(false)
      })
    return () => ctrl.abort()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, filterKey, lang])

  const loadMore = async () => {
    if (!result?.nextCursor) return
    setLoadingMore(true)
    moreFrom.current = hits.length
    try {
      const r = await api<SearchResponse>('/v1/search', { query: { q: q.trim(), lang, limit: PAGE_SIZE, cursor: result.nextCursor, ...filters } })
      setHits((h) => [...h, ...r.hits.filter((x) => !h.some((y) => y.id === x.id))])
      setResult((prev) => (prev ? { ...prev, nextCursor: r.nextCursor } : r))
      // Keyboard users continue at the first new photo instead of back at the button.
      requestAnimationFrame(() => resultsRef.current?.querySelectorAll('a')[moreFrom.current]?.focus())
    } catch (err) {
      setError(err)
    } finally {
      setLoadingMore(false)
    }
  }

  const setFilter = (f: Filter, value: string) => navigate(queryString(q, { ...filters, [f]: value || undefined }), { replace: true })

  const facetLabel = (f: Filter, value: string): string => {
    if (f === 'use') return USE_LABELS[value as Use]?.[lang] ?? value
    if (f === 'orientation' || f === 'colour') return value in journalist.nl ? t(value as keyof typeof journalist.nl) : value
    return value
  }
  const filterLabel: Record<Filter, string> = {
    use: t('filterUse'),
    orientation: t('filterOrientation'),
    colour: t('filterColour'),
    series: t('filterSeries'),
    collection: t('filterCollection'),
  }

  const status = loading ? t('resultsLoading') : result ? (result.total === 1 ? t('resultsCountOne') : result.total === 0 ? t('resultsNone') : t('resultsCount', { n: result.total })) : ''
  const anyFilter = FILTERS.some((f) => filters[f])

  return (
    <div className="search-page">
      <h1>{t('searchTitle')}</h1>
      <p className="lead">{t('searchIntro')}</p>
      <form role="search" className="search-form" onSubmit={(e) => (e.preventDefault(), navigate(queryString(typed.trim(), filters), { replace: true }))}>
        <label htmlFor={searchId}>{t('searchLabel')}</label>
        <input
          id={searchId}
          type="search"
          name="q"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('searchPlaceholder')}
          autoComplete="off"
          aria-describedby={statusId}
          maxLength={200}
        />
      </form>

      <fieldset className="filters">
        <legend>{t('filters')}</legend>
        {FILTERS.map((f) => {
          const counts = result?.facets[f] ?? {}
          const values = Object.keys(counts)
          if (f === 'collection' || f === 'series') if (values.length === 0 && !filters[f]) return null
          const id = `${searchId}-${f}`
          return (
            <div className="filter" key={f}>
              <label htmlFor={id}>{filterLabel[f]}</label>
              <select id={id} value={filters[f] ?? ''} onChange={(e) => setFilter(f, e.target.value)}>
                <option value="">{t('filterAll')}</option>
                {filters[f] && !(filters[f]! in counts) && <option value={filters[f]}>{facetLabel(f, filters[f]!)}</option>}
                {values
                  .sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b))
                  .map((v) => (
                    <option key={v} value={v}>
                      {facetLabel(f, v)} ({counts[v]})
                    </option>
                  ))}
              </select>
            </div>
          )
        })}
        {anyFilter && (
          <button type="button" className="link-button" onClick={() => navigate(queryString(q, {}), { replace: true })}>
            {t('clearFilters')}
          </button>
        )}
      </fieldset>

      {result?.languageNote && (
        <aside className="language-note" aria-labelledby={`${searchId}-note`} lang={result.languageNote.lang}>
          <h2 id={`${searchId}-note`}>{t('languageNoteTitle')}</h2>
          <p>{result.languageNote.note}</p>
          {result.languageNote.preferred.length > 0 && <p>{t('languageNotePreferred', { words: result.languageNote.preferred.join(', ') })}</p>}
        </aside>
      )}

      <p id={statusId} className="results-status" role="status" aria-live="polite">
        {status}
      </p>
      <ProblemMessage error={error} />

      <h2 className="visually-hidden">{t('results')}</h2>
      <ul className="results" ref={resultsRef} aria-busy={loading}>
        {hits.map((hit, i) => {
          const alt = pick(hit.alt) || pick(hit.caption)
          return (
            <li key={hit.id}>
              <Link href={`/photos/${hit.id}`} className="result">
                <Picture previews={hit.previews} presets={['thumb', 'small', 'medium']} alt={alt} width={hit.width} height={hit.height} thumbhash={hit.thumbhash} sizes={GRID_SIZES} eager={i < 6} />
                <span className="result-caption">{captionHighlight(hit, pick(hit.caption)) ? <Highlighted html={hit.highlights.caption!} /> : pick(hit.caption)}</span>
                <span className="result-credit">{hit.credit}</span>
              </Link>
            </li>
          )
        })}
      </ul>
      {result?.nextCursor && (
        <p className="more">
          <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? t('loadingMore') : t('more')}
          </button>
        </p>
      )}
    </div>
  )
}

/** A highlight is in whichever language matched: use it only when it is a piece of the caption on screen. */
function captionHighlight(hit: SearchHit, shown: string): boolean {
  const h = hit.highlights.caption
  if (!h || !h.includes('<mark>')) return false
  const plain = plainText(h).replace(/^…|…$/g, '').trim()
  return plain.length > 0 && shown.includes(plain)
}
