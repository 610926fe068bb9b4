/**
 * One photo: the image with its alt text, caption and credit, the licence in plain words, a short
 * "before you use this photo" checklist, schema.org ImageObject data for search engines, and (for a
 * journalist of an enabled newsroom) the download dialog.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { api, ApiError } from '../../api.ts'
import { Picture } from '../../components/Picture.tsx'
import { ErrorState, PageLoading, StateBlock } from '../../components/State.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useBilingual, useLang, useT } from '../../i18n/index.tsx'
import { journalist } from '../../i18n/journalist.ts'
import { Link, useLocation, type PageProps } from '../../router.tsx'
import { hasRole, useSession } from '../../session.tsx'
import { LicenceChoice } from '../../components/LicenceChoice.tsx'
import type { Photo } from './photo.ts'
import { CreditLine, licenceName, RelatedPhotos, ReleaseStatus, SizesTable } from './PhotoFacts.tsx'
import { lastSearch } from './search.ts'
import { parseLicenceRef } from '../../../../contract/licence-ref.ts'

const DownloadDialog = lazy(() => import('./DownloadDialog.tsx'))

/** schema.org ImageObject (https://schema.org/ImageObject; Google's "licensable" image metadata fields). */
function imageObject(photo: Photo, lang: 'nl' | 'en', pick: (b: Photo['caption']) => string) {
  const origin = window.location.origin
  const best = [...photo.derivatives].filter((d) => d.format === 'jpeg').sort((a, b) => b.width - a.width)[0]
  const deed = photo.licenceUrl ?? deedUrl(photo.licence)
  const attribution = photo.attribution?.[lang]
  return {
    '@context': 'https://schema.org',
    '@type': 'ImageObject',
    name: pick(photo.caption) || undefined,
    caption: pick(photo.caption) || undefined,
    description: pick(photo.alt) || undefined,
    contentUrl: best ? new URL(best.url, origin).href : undefined,
    thumbnailUrl: undefined,
    // The size of the image named by contentUrl, never the original's.
    width: best?.width,
    height: best?.height,
    creator: { '@type': 'Person', name: photo.credit },
    creditText: `${photo.credit} / Eerlijk Beeld`,
    copyrightNotice: `© ${photo.publishedAt ? `${photo.publishedAt.slice(0, 4)} ` : ''}${photo.credit}`,
    license: deed,
    acquireLicensePage: `${origin}/photos/${photo.id}`,
    datePublished: photo.publishedAt ?? undefined,
  }
}

/** 'rsw-editorial@1.0' → the deed URL the licence files use, when the API sent no terms. */
const deedUrl = (ref: string) => {
  const parsed = parseLicenceRef(ref)
  return parsed ? `https://eerlijkbeeld.nl/licenties/${parsed.id}/${parsed.version}` : 'https://eerlijkbeeld.nl/licenties/'
}

export function PhotoPage({ params }: PageProps) {
  const t = useT(journalist)
  const pick = useBilingual()
  const { lang } = useLang()
  const { me } = useSession()
  const { path } = useLocation()
  const id = params.id!
  const [photo, setPhoto] = useState<Photo | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [dialog, setDialog] = useState(false)

  // The server put the same ImageObject into the HTML for crawlers; the page renders its own from here on.
  useEffect(() => document.getElementById('server-jsonld')?.remove(), [])

  useEffect(() => {
    const ctrl = new AbortController()
    setPhoto(null)
    setError(null)
    api<Photo>(`/v1/photos/${encodeURIComponent(id)}`, { signal: ctrl.signal }).then(setPhoto, (err: unknown) => {
      if (!ctrl.signal.aborted) setError(err)
    })
    return () => ctrl.abort()
  }, [id, me?.user.id])

  const caption = photo ? pick(photo.caption) : ''
  useTitle(photo ? caption || t('photoTitleFallback') : error ? t('photoGone') : null)

  if (error) {
    const gone = error instanceof ApiError && (error.status === 410 || error.status === 404)
    return (
      <section>
        <h1 className="visually-hidden">{gone ? t('photoGone') : t('photoTitleFallback')}</h1>
        {gone ? (
          <StateBlock kind="empty" title={t('photoGone')} text={t('photoGoneText')} role="alert">
            <Link href={lastSearch()} className="button primary">
              {t('backToResults')}
            </Link>
          </StateBlock>
        ) : (
          <ErrorState error={error} />
        )}
      </section>
    )
  }
  if (!photo) return <PageLoading label={t('photoLoading')} />

  const canDownload = me?.user.role === 'journalist'
  // Every topic this photo may not illustrate (the licence's and the consent's, with labels).
  const topics = photo.prohibitedContexts?.topics ?? []
  const jsonLd = JSON.stringify(imageObject(photo, lang, pick)).replace(/</g, '\\u003c')

  return (
    <article className="photo-page">
      <p className="back">
        <Link href={lastSearch()}>{t('backToResults')}</Link>
      </p>
      <div className="photo-layout">
        <figure className="photo-figure">
          <Picture
            previews={photo.derivatives}
            alt={pick(photo.alt) || caption}
            width={photo.width}
            height={photo.height}
            thumbhash={photo.thumbhash}
            sizes="(min-width: 64rem) calc(100vw - 30rem), 100vw"
            eager
          />
        </figure>
        <div className="photo-info">
          <h1>{caption || t('photoTitleFallback')}</h1>
          <CreditLine photo={photo} />
          {(photo.series || photo.placeCity) && (
            <ul className="facts">
              {photo.series && <li>{t('series', { series: photo.series })}</li>}
              {photo.placeCity && <li>{t('place', { place: photo.placeCity })}</li>}
            </ul>
          )}
          <ReleaseStatus photo={photo} />

          <section className="download-box" aria-labelledby="download-title">
            <h2 id="download-title">{t('downloadTitle')}</h2>
            {canDownload ? (
              me?.organisationId ? (
                <button type="button" className="primary" onClick={() => setDialog(true)}>
                  {t('downloadOpen')}
                </button>
              ) : (
                <p>{t('downloadNoOrganisation')}</p>
              )
            ) : (
              <p>
                <Link href={`/login?next=${encodeURIComponent(path)}`} className="button primary">
                  {t('downloadLoginFirst')}
                </Link>
              </p>
            )}
          </section>

          <section aria-labelledby="licence-title" className="licence">
            <h2 id="licence-title">{t('licenceTitle')}</h2>
            <p className="licence-line">
              <strong>{licenceName(photo.licence, lang)}</strong> · {t('licenceLineTail')}
            </p>
            <details>
              <summary>{t('licenceMore')}</summary>
              {photo.licenceSummary && <p>{photo.licenceSummary[lang]}</p>}
              {photo.permittedUses && (
                <>
                  <h3>{t('licenceAllowed')}</h3>
                  <ul className="allowed">
                    {photo.permittedUses.map((u) => (
                      <li key={u.use}>{u.label[lang]}</li>
                    ))}
                  </ul>
                </>
              )}
              <h3>{t('licenceNotAllowed')}</h3>
              <ul className="not-allowed">
                {photo.prohibitedContexts?.text && <li>{photo.prohibitedContexts.text[lang]}</li>}
                {topics.length > 0 && <li>{t('licenceNotAllowedTopics', { topics: topics.map((x) => x.label[lang]).join(', ') })}</li>}
                <li>{t('licenceNoAlteration')}</li>
                <li>{t('licenceNoOther')}</li>
              </ul>
              <h3>{t('captionNoteTitle')}</h3>
              <p>{t('captionNoteShort')}</p>
            </details>
            <p className="licence-line">
              <a href={photo.licenceUrl ?? deedUrl(photo.licence)} rel="license">
                {t('licenceDeed', { name: photo.licence.replace('@', ' ') })}
              </a>
            </p>
          </section>

          {/* The staff change a published photo's licence here; the page then shows the new terms. */}
          {hasRole(me, 'curator', 'admin') && (
            <LicenceChoice
              photo={photo}
              editable={photo.status !== 'withdrawn'}
              onChanged={() => void api<Photo>(`/v1/photos/${encodeURIComponent(id)}`).then(setPhoto, setError)}
            />
          )}

          <SizesTable photo={photo} />

          <section aria-labelledby="checklist-title" className="checklist">
            <h2 id="checklist-title">{t('checklistTitle')}</h2>
            <ul>
              <li>{t('checkAccurate')}</li>
              <li>{t('checkImpact')}</li>
              <li>{t('checkStereotype')}</li>
              <li>{t('checkSensational')}</li>
            </ul>
          </section>
        </div>
      </div>
      <RelatedPhotos photo={photo} />
      {/* Data, not a script: it never executes, so the CSP's script-src does not apply to it. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      {dialog && (
        <Suspense fallback={null}>
          <DownloadDialog photo={photo} onClose={() => setDialog(false)} />
        </Suspense>
      )}
    </article>
  )
}
