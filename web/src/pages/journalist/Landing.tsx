/**
 * What the front page adds above and below the photos when nobody has searched yet: that this is a demo
 * with invented captions (while it is), curated entry points (the series and the published collections, each with
 * a cover photo and a count), what makes these photos different, and how to use them with the "before you use this photo"
 * checklist.
 */
import { useEffect, useState } from 'react'
import { HERO_COUNT, HERO_PRESETS, HERO_SIZES } from '../../../../contract/grid.ts'
import { api } from '../../api.ts'
import { useBilingual, useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { Picture } from '../../components/Picture.tsx'
import { Link } from '../../router.tsx'
import { usePublishedCollections } from './collections.ts'
import type { SearchHit, SearchResponse } from './search.ts'

/** The demo seed's photos carry "Demo-context (fictief)" in their captions (fixtures/README.md). */
export const isDemo = (hits: SearchHit[]) =>
  hits.some((h) => /Demo-context \(fictief\)|Demo context \(fictional\)/.test(`${h.caption.nl ?? ''} ${h.caption.en ?? ''}`))

export function DemoNote() {
  const t = useT(journalist)
  return (
    <aside className="demo-note" aria-label={t('demoNoteTitle')}>
      <p>
        <strong>{t('demoNoteTitle')}</strong>
        {t('demoNoteText')}
      </p>
    </aside>
  )
}

/** The cover of each entry: the first photo, in the bank's own order, of a search on that filter value. */
function useCovers(filter: 'series' | 'collection', values: string[]) {
  const { lang } = useLang()
  const key = values.join('|')
  const [covers, setCovers] = useState<Map<string, SearchHit>>(new Map())
  useEffect(() => {
    if (!key) return
    const ctrl = new AbortController()
    void Promise.all(
      key.split('|').map((v) =>
        api<SearchResponse>('/v1/search', { query: { q: '', lang, limit: 1, [filter]: v }, signal: ctrl.signal }).then(
          (r) => [v, r.hits[0]] as const,
          () => [v, undefined] as const,
        ),
      ),
    ).then((pairs) => {
      if (!ctrl.signal.aborted) setCovers(new Map(pairs.filter((p): p is readonly [string, SearchHit] => !!p[1])))
    })
    return () => ctrl.abort()
  }, [key, lang, filter])
  return covers
}

function EntryGrid({
  id,
  title,
  entries,
  filter,
}: {
  id: string
  title: string
  entries: { value: string; name: string; n: number }[]
  filter: 'series' | 'collection'
}) {
  const t = useT(journalist)
  const covers = useCovers(
    filter,
    entries.map((e) => e.value),
  )
  if (entries.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
      </div>
      <ul className="entry-grid">
        {entries.map(({ value, name, n }) => {
          const cover = covers.get(value)
          return (
            <li key={value}>
              <Link href={`/?${filter}=${encodeURIComponent(value)}`} className="entry">
                {cover && (
                  <Picture
                    previews={cover.previews}
                    presets={HERO_PRESETS}
                    alt=""
                    width={cover.width}
                    height={cover.height}
                    thumbhash={cover.thumbhash}
                    sizes="(min-width: 40rem) 30vw, 90vw"
                  />
                )}
                <span className="entry-text">
                  <span className="entry-title">{name}</span>
                  <span className="entry-count">{n === 1 ? t('resultsCountOne') : t('resultsCount', { n })}</span>
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

const byCount = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))

export function SeriesEntries({ result }: { result: SearchResponse | null }) {
  const t = useT(journalist)
  const entries = byCount(result?.facets.series ?? {}).map(([value, n]) => ({ value, name: value, n }))
  return <EntryGrid id="series-title" title={t('seriesTitle')} entries={entries} filter="series" />
}

/** The collections and exhibitions curators have published, by name, each with a cover and a count. */
export function CollectionEntries({ result }: { result: SearchResponse | null }) {
  const t = useT(journalist)
  const pick = useBilingual()
  const published = usePublishedCollections()
  const entries = byCount(result?.facets.collection ?? {}).flatMap(([value, n]) => {
    const c = published.find((x) => x.id === value)
    return c ? [{ value, name: pick(c.title), n }] : []
  })
  return <EntryGrid id="collections-title" title={t('collectionsTitle')} entries={entries} filter="collection" />
}

export function AboutSections() {
  const t = useT(journalist)
  return (
    <>
      <section aria-labelledby="values-title">
        <h2 id="values-title">{t('valuesTitle')}</h2>
        <ul className="values">
          <li>
            <h3>{t('value1Title')}</h3>
            <p>{t('value1Text')}</p>
          </li>
          <li>
            <h3>{t('value2Title')}</h3>
            <p>{t('value2Text')}</p>
          </li>
          <li>
            <h3>{t('value3Title')}</h3>
            <p>{t('value3Text')}</p>
          </li>
        </ul>
      </section>
      <section aria-labelledby="how-title" className="how-section">
        <h2 id="how-title">{t('howTitle')}</h2>
        <div className="how">
          <ol className="steps">
            <li>{t('step1')}</li>
            <li>{t('step2')}</li>
            <li>{t('step3')}</li>
            <li>{t('step4')}</li>
          </ol>
          <section className="checklist card" aria-labelledby="landing-checklist">
            <h3 id="landing-checklist">{t('checklistTitle')}</h3>
            <ul>
              <li>{t('checkAccurate')}</li>
              <li>{t('checkImpact')}</li>
              <li>{t('checkStereotype')}</li>
              <li>{t('checkSensational')}</li>
            </ul>
          </section>
        </div>
      </section>
    </>
  )
}

/** Three of the newest photos beside the front page's heading on a wide screen (decorative: the grid below has them). */
export function HeroMosaic({ hits }: { hits: SearchHit[] }) {
  const three = hits.slice(0, HERO_COUNT)
  return (
    <div className="hero-mosaic" aria-hidden="true">
      {three.map((h, i) => (
        <Picture
          key={h.id}
          previews={h.previews}
          presets={HERO_PRESETS}
          alt=""
          width={h.width}
          height={h.height}
          thumbhash={h.thumbhash}
          sizes={HERO_SIZES}
          className={`m${i}`}
          eager
        />
      ))}
    </div>
  )
}
