/**
 * What the front page adds above and below the photos when nobody has searched yet: that this is a demo
 * with invented captions (while it is), curated entry points (the series, each with a cover photo and a
 * count), what makes these photos different, and how to use them with the "before you use this photo"
 * checklist.
 */
import { useEffect, useState } from 'react'
import { api } from '../../api.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { Picture } from '../../components/Picture.tsx'
import { Link } from '../../router.tsx'
import type { SearchHit, SearchResponse } from './search.ts'

/** The demo seed's photos carry "Demo-context (fictief)" in their captions (fixtures/README.md). */
export const isDemo = (hits: SearchHit[]) => hits.some((h) => /Demo-context \(fictief\)|Demo context \(fictional\)/.test(`${h.caption.nl ?? ''} ${h.caption.en ?? ''}`))

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

export function SeriesEntries({ result }: { result: SearchResponse | null }) {
  const t = useT(journalist)
  const { lang } = useLang()
  const series = Object.entries(result?.facets.series ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const names = series.map(([name]) => name).join('|')
  // The cover: the series' first photo in the bank's own order (a search hit carries no series).
  const [covers, setCovers] = useState<Map<string, SearchHit>>(new Map())
  useEffect(() => {
    if (!names) return
    const ctrl = new AbortController()
    void Promise.all(
      names.split('|').map((name) =>
        api<SearchResponse>('/v1/search', { query: { q: '', lang, limit: 1, series: name }, signal: ctrl.signal }).then(
          (r) => [name, r.hits[0]] as const,
          () => [name, undefined] as const,
        ),
      ),
    ).then((pairs) => {
      if (!ctrl.signal.aborted) setCovers(new Map(pairs.filter((p): p is readonly [string, SearchHit] => !!p[1])))
    })
    return () => ctrl.abort()
  }, [names, lang])
  if (series.length === 0) return null
  return (
    <section aria-labelledby="series-title">
      <div className="section-head">
        <h2 id="series-title">{t('seriesTitle')}</h2>
      </div>
      <ul className="entry-grid">
        {series.map(([name, n]) => {
          const cover = covers.get(name)
          return (
            <li key={name}>
              <Link href={`/?series=${encodeURIComponent(name)}`} className="entry">
                {cover && <Picture previews={cover.previews} presets={['small', 'medium']} alt="" width={cover.width} height={cover.height} thumbhash={cover.thumbhash} sizes="(min-width: 40rem) 30vw, 90vw" />}
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
  const three = hits.slice(0, 3)
  return (
    <div className="hero-mosaic" aria-hidden="true">
      {three.map((h, i) => (
        <Picture key={h.id} previews={h.previews} presets={['small', 'medium']} alt="" width={h.width} height={h.height} thumbhash={h.thumbhash} sizes="22rem" className={`m${i}`} eager />
      ))}
    </div>
  )
}
