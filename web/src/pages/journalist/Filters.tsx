/**
 * Search filters as chips with counts: a column beside the results on a wide screen, a drawer (a modal
 * <dialog>: the browser keeps focus inside and closes it on Escape) on a phone. Chips are toggle buttons
 * (aria-pressed); the active filters also show as removable chips above the results.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { USE_LABELS, type Use } from '../../../../contract/vocabulary.ts'
import { common } from '../../i18n/common.ts'
import { useBilingual, useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { usePublishedCollections } from './collections.ts'
import { FILTERS, type Filter, type SearchResponse } from './search.ts'

const SWATCH: Record<string, string> = {
  red: '#c62828',
  orange: '#ef6c00',
  yellow: '#f9d71c',
  green: '#2e7d32',
  blue: '#1565c0',
  purple: '#6a1b9a',
  pink: '#e91e63',
  brown: '#795548',
  black: '#111111',
  white: '#ffffff',
  grey: '#9e9e9e',
}

export type Filters = Partial<Record<Filter, string>>

export function useFacetLabels() {
  const t = useT(journalist)
  const { lang } = useLang()
  const pick = useBilingual()
  const collections = usePublishedCollections()
  const facetLabel = (f: Filter, value: string): string => {
    if (f === 'use') return USE_LABELS[value as Use]?.[lang] ?? value
    if (f === 'orientation' || f === 'colour') return value in journalist.nl ? t(value as keyof typeof journalist.nl) : value
    // A published collection by its name; an id that is not (or no longer) published only as "Collectie".
    if (f === 'collection') return pick(collections.find((c) => c.id === value)?.title) || t('filterCollection')
    return value
  }
  const filterLabel: Record<Filter, string> = {
    use: t('filterUse'),
    orientation: t('filterOrientation'),
    colour: t('filterColour'),
    series: t('filterSeries'),
    collection: t('filterCollection'),
  }
  const named = new Set(collections.map((c) => c.id))
  return { facetLabel, filterLabel, named }
}

/** The chip groups, one per filter with values (collections: the published ones, by name). */
export function FilterGroups({
  facets,
  filters,
  onChange,
}: {
  facets: SearchResponse['facets'] | undefined
  filters: Filters
  onChange: (f: Filter, value: string) => void
}) {
  const { facetLabel, filterLabel, named } = useFacetLabels()
  const id = useId()
  return (
    <>
      {FILTERS.map((f) => {
        const counts = facets?.[f] ?? {}
        // Collections by name, and only the published ones (the list the API gives to everyone).
        const values = Object.keys(counts)
          .filter((v) => f !== 'collection' || named.has(v))
          .sort((a, b) => counts[b]! - counts[a]! || a.localeCompare(b))
        if (filters[f] && !values.includes(filters[f]!)) values.unshift(filters[f]!)
        if (values.length === 0) return null
        return (
          <div className="filter-group" key={f} role="group" aria-labelledby={`${id}-${f}`}>
            <h3 id={`${id}-${f}`}>{filterLabel[f]}</h3>
            <ul className="chips">
              {values.map((v) => {
                const on = filters[f] === v
                return (
                  <li key={v}>
                    <button type="button" className="chip" aria-pressed={on} onClick={() => onChange(f, on ? '' : v)}>
                      {f === 'colour' && <span className="swatch" style={{ background: SWATCH[v] ?? v }} aria-hidden="true" />}
                      {facetLabel(f, v)}
                      {counts[v] !== undefined && <span className="count">{counts[v]}</span>}
                    </button>
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </>
  )
}

/** The active filters as chips that remove themselves. */
export function ActiveFilters({ filters, onChange, onClear }: { filters: Filters; onChange: (f: Filter, value: string) => void; onClear: () => void }) {
  const t = useT(journalist)
  const { facetLabel, filterLabel } = useFacetLabels()
  const active = FILTERS.filter((f) => filters[f])
  if (active.length === 0) return null
  return (
    <ul className="chips active-filters" aria-label={t('activeFilters')}>
      {active.map((f) => (
        <li key={f}>
          <button
            type="button"
            className="chip active"
            onClick={() => onChange(f, '')}
            aria-label={t('removeFilter', { name: `${filterLabel[f]}: ${facetLabel(f, filters[f]!)}` })}
          >
            {facetLabel(f, filters[f]!)}
            <span className="remove" aria-hidden="true">
              ×
            </span>
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="link-button" onClick={onClear}>
          {t('clearFilters')}
        </button>
      </li>
    </ul>
  )
}

/** The phone's filter drawer: a bottom sheet with the same chip groups and a button showing the count. */
export function FilterDrawer({ open, onClose, total, children }: { open: boolean; onClose: () => void; total: number | null; children: ReactNode }) {
  const t = useT(journalist)
  const c = useT(common)
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    else if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={ref} className="dialog drawer" aria-labelledby={`${id}-title`} onClose={onClose}>
      <div className="dialog-head">
        <h2 id={`${id}-title`}>{t('filters')}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {c('close')}
        </button>
      </div>
      {children}
      <button type="button" className="primary" style={{ width: '100%' }} onClick={onClose}>
        {total === null ? t('showResults') : total === 1 ? t('showResultsCountOne') : t('showResultsCount', { n: total })}
      </button>
    </dialog>
  )
}
