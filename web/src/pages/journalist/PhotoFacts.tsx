/**
 * The photo page's facts, each a small piece: the credit with a copy button, the release status in words,
 * the licence in one line with "what may / may not" behind it, the sizes and what each is for, and related
 * photos from the same series.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { api } from '../../api.ts'
import { PhotoGrid } from '../../components/PhotoGrid.tsx'
import { useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { sizesOf, type Photo } from './photo.ts'
import type { SearchHit, SearchResponse } from './search.ts'
import { parseLicenceId } from '../../../../contract/licence-ref.ts'

/** A button that copies a text and says (politely, for screen readers too) whether it worked. */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const t = useT(journalist)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  return (
    <>
      <button
        type="button"
        className={className ?? 'small'}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text)
            setState('copied')
          } catch {
            setState('failed')
          }
        }}
      >
        {label}
      </button>
      <span role="status" className={state === 'copied' ? 'copied' : 'hint'}>
        {state === 'copied' ? t('creditCopied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  )
}

export function CreditLine({ photo }: { photo: Photo }) {
  const t = useT(journalist)
  const { lang } = useLang()
  const text = photo.attribution?.[lang].text ?? t('credit', { credit: photo.credit })
  return (
    <div className="credit-line">
      <span className="credit">{t('credit', { credit: photo.credit.split(' / ')[0]! })}</span>
      <CopyButton text={text} label={t('copyCredit')} />
    </div>
  )
}

/** The licence's short name for the one line (licences/<id>/<version>/licence.json, shortName); else its id. */
const SHORT_NAMES: Record<string, { nl: string; en: string }> = {
  'rsw-editorial': { nl: 'RSW-redactielicentie', en: 'RSW editorial licence' },
  'rsw-education': { nl: 'RSW-onderwijslicentie', en: 'RSW education licence' },
  'rsw-exhibition': { nl: 'RSW-tentoonstellingslicentie', en: 'RSW exhibition licence' },
}
export function licenceName(ref: string, lang: 'nl' | 'en'): string {
  const parsed = parseLicenceId(ref)
  const name = (parsed && SHORT_NAMES[parsed.id]?.[lang]) ?? parsed?.id ?? ref
  return parsed?.version ? `${name} ${parsed.version}` : name
}

const CHECK = 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z'

/** "Niemand herkenbaar in beeld" or "Mensen in beeld: toestemming vastgelegd tot …". */
export function ReleaseStatus({ photo }: { photo: Photo }) {
  const t = useT(journalist)
  const { lang } = useLang()
  let title: string
  let detail: ReactNode
  if (photo.noPeopleDeclared) {
    title = t('releaseNobody')
    detail = t('releaseNobodyDetail')
  } else {
    const n = photo.peopleCount
    title = n === 1 ? t('releasePeopleOne') : n ? t('releasePeopleMany', { n }) : t('releasePeople')
    detail = photo.consentValidUntil
      ? t('releaseUntil', {
          date: new Date(`${photo.consentValidUntil}T12:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          }),
        })
      : t('releaseChecked')
  }
  return (
    <p className="release">
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path fill="currentColor" d={CHECK} />
      </svg>
      <span>
        <strong>{title}</strong>
        <span>{detail}</span>
      </span>
    </p>
  )
}

export const PURPOSE: Record<string, keyof (typeof journalist)['nl']> = { thumb: 'sizeThumb', small: 'sizeSmall', medium: 'sizeMedium', large: 'sizeLarge' }

/** The sizes there are (JPEG; WebP and AVIF too, for the web) and what each is for. */
export function SizesTable({ photo }: { photo: Photo }) {
  const t = useT(journalist)
  const sizes = sizesOf(photo)
  if (sizes.length === 0) return null
  return (
    <section aria-labelledby="sizes-title">
      <h2 id="sizes-title">{t('sizesTitle')}</h2>
      <table className="sizes">
        <tbody>
          {sizes.map((d) => (
            <tr key={d.preset}>
              <th scope="row">{t(d.preset === 'full' ? 'sizeFull' : (PURPOSE[d.preset] ?? 'sizeOther'))}</th>
              <td className="num">
                {d.width} × {d.height}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('sizesNote')}</p>
    </section>
  )
}

/** Other photos from the same series (the series filter of search), without this one. */
export function RelatedPhotos({ photo }: { photo: Photo }) {
  const t = useT(journalist)
  const { lang } = useLang()
  const [hits, setHits] = useState<SearchHit[]>([])
  useEffect(() => {
    if (!photo.series) return
    const ctrl = new AbortController()
    api<SearchResponse>('/v1/search', { query: { q: '', lang, limit: 13, series: photo.series }, signal: ctrl.signal }).then(
      (r) => setHits(r.hits.filter((h) => h.id !== photo.id).slice(0, 12)),
      () => setHits([]),
    )
    return () => ctrl.abort()
  }, [photo.id, photo.series, lang])
  if (!photo.series || hits.length === 0) return null
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title">{t('relatedTitle', { series: photo.series })}</h2>
      <PhotoGrid photos={hits} />
    </section>
  )
}
