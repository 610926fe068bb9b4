/**
 * Search as you type: the query and filters live in the URL (so back, reload and sharing work), the
 * request is debounced and the previous one aborted, results are a grid of links to the photo pages with
 * thumbhash placeholders and srcset, and "more" follows nextCursor.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { GRID_EAGER } from '../../../../contract/grid.ts'
import { api, isAbort } from '../../api.ts'
import { PhotoGrid } from '../../components/PhotoGrid.tsx'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { ErrorState, GridSkeleton, StateBlock } from '../../components/State.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { Link, navigate, useLocation, type PageProps } from '../../router.tsx'
import { ActiveFilters, FilterDrawer, FilterGroups } from './Filters.tsx'
import { AboutSections, CollectionEntries, DemoNote, HeroMosaic, isDemo, SeriesEntries } from './Landing.tsx'
import { FILTERS, peekFirstSearch, rememberSearch, takeFirstSearch, type Filter, type SearchHit, type SearchResponse } from './search.ts'

const DEBOUNCE_MS = 250
const PAGE_SIZE = 24

function queryString(q: string, filters: Partial<Record<Filter, string>>) {
  const p = new URLSearchParams()
  if (q) p.set('q', q)
  for (const f of FILTERS) if (filters[f]) p.set(f, filters[f]!)
  const s = p.toString()
  return s ? `/?${s}` : '/'
}

export function SearchPage(_props: PageProps) {
  const t = useT(journalist)
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

  const request = { q: q.trim(), lang, limit: PAGE_SIZE, ...filters }
  // What is typed shows at once; the URL (and so the search) follows after a pause.
  const [typed, setTyped] = useState(q)
  // The first results may have come with the page itself (peekFirstSearch): then they show at once.
  const [first] = useState(() => peekFirstSearch(request))
  const [result, setResult] = useState<SearchResponse | null>(first)
  const [hits, setHits] = useState<SearchHit[]>(first?.hits ?? [])
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(!first)
  const [loadingMore, setLoadingMore] = useState(false)
  const [drawer, setDrawer] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const moreFrom = useRef(0)
  const resultsRef = useRef<HTMLUListElement>(null)
  useTitle(q ? `${q} – ${t('searchTitle')}` : t('searchTitle'))

  // Someone went back/forward: the field shows the URL's query.
  useEffect(() => setTyped(q), [q])
  // The photo page's "back to the results" comes back to exactly this.
  useEffect(() => rememberSearch(queryString(q, filters)), [q, filterKey]) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (typed === q) return
    const timer = setTimeout(() => navigate(queryString(typed.trim() ? typed : '', filters), { replace: true }), DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed])

  useEffect(() => {
    if (takeFirstSearch(request)) return
    const ctrl = new AbortController()
    setLoading(true)
    setError(null)
    api<SearchResponse>('/v1/search', { query: request, signal: ctrl.signal })
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
  }, [q, filterKey, lang, attempt])

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

  const anyFilter = FILTERS.some((f) => filters[f])
  const landing = !q.trim() && !anyFilter
  const status = loading
    ? t('resultsLoading')
    : result
      ? result.total === 1
        ? t('resultsCountOne')
        : result.total === 0
          ? t('resultsNone')
          : t('resultsCount', { n: result.total })
      : ''
  const clearFilters = () => navigate(queryString(q, {}), { replace: true })
  const activeCount = FILTERS.filter((f) => filters[f]).length
  const groups = <FilterGroups facets={result?.facets} filters={filters} onChange={setFilter} />

  return (
    <div className={`search-page${landing ? ' is-landing' : ''}`}>
      <div className={landing ? 'hero search-top' : 'search-top'}>
        <h1 className={landing ? undefined : 'visually-hidden'}>{t('searchTitle')}</h1>
        {landing && <p className="lead">{t('heroLead')}</p>}
        <form role="search" className="search-form" onSubmit={(e) => (e.preventDefault(), navigate(queryString(typed.trim(), filters), { replace: true }))}>
          <label htmlFor={searchId} className="visually-hidden">
            {t('searchLabel')}
          </label>
          <svg className="field-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M11 4a7 7 0 1 0 4.2 12.6l4.1 4.1 1.4-1.4-4.1-4.1A7 7 0 0 0 11 4zm0 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10z" />
          </svg>
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
        {landing && <HeroMosaic hits={hits} />}
        {landing && (
          <ul className="chips suggestions" aria-label={t('suggestions')}>
            {SUGGESTIONS[lang].map((s) => (
              <li key={s}>
                <Link href={queryString(s, {})} className="chip">
                  {s}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>

      {landing && result && isDemo(hits) && <DemoNote />}
      {landing && <SeriesEntries result={result} />}
      {landing && <CollectionEntries result={result} />}

      <div className="search-layout">
        <aside className="filters-panel" aria-label={t('filters')}>
          {groups}
        </aside>
        <div className="search-results">
          {landing && <h2 className="latest-title">{t('latestTitle')}</h2>}
          <div className="results-head">
            <p id={statusId} className="results-status" role="status" aria-live="polite">
              {status}
            </p>
            <button type="button" className="filters-button" onClick={() => setDrawer(true)} aria-haspopup="dialog">
              {activeCount ? t('filtersButtonCount', { n: activeCount }) : t('filtersButton')}
            </button>
          </div>
          <ActiveFilters filters={filters} onChange={setFilter} onClear={clearFilters} />

          {result?.languageNote && (
            <aside className="language-note" aria-labelledby={`${searchId}-note`} lang={result.languageNote.lang}>
              <h2 id={`${searchId}-note`}>{t('languageNoteTitle')}</h2>
              <p>{result.languageNote.note}</p>
              {result.languageNote.preferred.length > 0 && <p>{t('languageNotePreferred', { words: result.languageNote.preferred.join(', ') })}</p>}
            </aside>
          )}

          {error !== null && !loading && hits.length === 0 ? (
            <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />
          ) : (
            <ProblemMessage error={error} />
          )}

          {!landing && <h2 className="visually-hidden">{t('results')}</h2>}
          {loading && hits.length === 0 && !error && <GridSkeleton />}
          {!loading && result && result.total === 0 && !error && (
            <StateBlock kind="empty" title={t('emptyTitle')} text={t('emptyText')}>
              {anyFilter && (
                <button type="button" onClick={clearFilters}>
                  {t('clearFilters')}
                </button>
              )}
              {SUGGESTIONS[lang].slice(0, 3).map((s) => (
                <Link key={s} href={queryString(s, {})} className="chip">
                  {s}
                </Link>
              ))}
            </StateBlock>
          )}
          <div aria-busy={loading}>
            <PhotoGrid photos={hits} eager={GRID_EAGER} listRef={resultsRef} />
          </div>
          {result?.nextCursor && (
            <p className="more">
              <button type="button" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? t('loadingMore') : t('more')}
              </button>
            </p>
          )}
        </div>
      </div>

      {landing && <AboutSections />}

      <FilterDrawer open={drawer} onClose={() => setDrawer(false)} total={result?.total ?? null}>
        {groups}
      </FilterDrawer>
    </div>
  )
}

/** Entry words on the front page: what the bank is for, in the reader's language. */
const SUGGESTIONS = { nl: ['sekswerker', 'werkplek', 'onderweg', 'thuis', 'fiets'], en: ['sex worker', 'workplace', 'on the way', 'home', 'bicycle'] } as const
