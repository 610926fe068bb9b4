/**
 * The model's portal (/portal, opened from the personal link /portal#ebp_…). Made for a phone first:
 * one column, large controls, nothing that needs a hover. The person sees every photo they are in, their
 * consent in plain words, who used each photo and whether takedown notices arrived, and can change,
 * renew or withdraw consent, or ask to be erased.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLang, useT } from '../../i18n/index.tsx'
import { portalMessages } from '../../i18n/portal.ts'
import { ConfirmDialog } from '../../components/consent/ConfirmDialog.tsx'
import { claimToken, forgetToken, portalApi, PortalProblem, type PortalEvent, type PortalOverview } from './portal.api.ts'
import { PortalPhotoCard } from './PortalPhotoCard.tsx'
import './portal.css'

export type PortalT = ReturnType<typeof useT<keyof (typeof portalMessages)['nl']>>

/** A problem from the portal API in the person's language. */
export function portalProblemText(t: PortalT, err: unknown): string {
  if (!(err instanceof PortalProblem)) return t('problem_other', { status: '?' })
  if (err.status === 0) return t('problem_network')
  if (err.status === 401) return t('badLink')
  if (err.status === 429) return t('tooMany', { s: err.retryAfter ?? 60 })
  switch (err.slug) {
    case 'consent-withdrawn':
    case 'consent-expired':
    case 'photo-not-found':
      return t(`problem_${err.slug}`)
    case 'validation-failed':
      return t('problem_validation-failed', { detail: err.detail ?? err.title })
    default:
      return t('problem_other', { status: err.status })
  }
}

export function formatDate(iso: string, lang: 'nl' | 'en') {
  const d = /^\d{4}-\d\d-\d\d$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso)
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

export function PortalPage() {
  const t = useT(portalMessages)
  const { lang } = useLang()
  // Claimed during the first render, before any effect: the token leaves the address bar at once.
  const [token] = useState(() => claimToken())
  const api = useMemo(() => (token ? portalApi(token) : null), [token])
  const [overview, setOverview] = useState<PortalOverview | null>(null)
  const [events, setEvents] = useState<PortalEvent[]>([])
  const [error, setError] = useState<string | null>(null)
  const [linkDead, setLinkDead] = useState(false)
  const [erasureOpen, setErasureOpen] = useState(false)
  const [erasureBusy, setErasureBusy] = useState(false)
  const [erasureError, setErasureError] = useState<string | null>(null)
  const [erasureAt, setErasureAt] = useState<string | null>(null)

  const load = useCallback(async () => {
    if (!api) return
    setError(null)
    try {
      const [o, e] = await Promise.all([api.overview(), api.events()])
      setOverview(o)
      setEvents(e.items)
    } catch (err) {
      if (err instanceof PortalProblem && err.status === 401) {
        forgetToken()
        setLinkDead(true)
      }
      setError(portalProblemText(t, err))
    }
  }, [api, t])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    document.title = `${t('title')} — Eerlijk Beeld`
  }, [t])

  if (!token || linkDead) {
    return (
      <main id="main" className="portal">
        <h1>{t('title')}</h1>
        <p role="alert">{linkDead ? t('badLink') : t('noLink')}</p>
      </main>
    )
  }

  const number = new Map(overview?.photos.map((p, i) => [p.id, i + 1]))

  return (
    <main id="main" className="portal">
      <h1>{overview ? t('hello', { name: overview.pseudonym }) : t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="note">{t('privacyNote')}</p>
      {error && (
        <div role="alert" className="problem">
          <p>{error}</p>
          <button type="button" onClick={() => void load()}>
            {t('retry')}
          </button>
        </div>
      )}
      {!overview && !error && <p aria-live="polite">{t('loading')}</p>}
      {overview && overview.photos.length === 0 && <p>{t('noPhotos')}</p>}
      {overview && api && (
        <ol className="portal-photos">
          {overview.photos.map((p, i) => (
            <li key={p.id}>
              <PortalPhotoCard photo={p} n={i + 1} api={api} t={t} onChanged={() => void load()} />
            </li>
          ))}
        </ol>
      )}

      {overview && (
        <section aria-labelledby="portal-history">
          <h2 id="portal-history">{t('historyHeading')}</h2>
          {events.length === 0 ? (
            <p>{t('historyNone')}</p>
          ) : (
            <ol className="portal-history">
              {[...events].reverse().map((e, i) => (
                <li key={`${e.at}-${i}`}>
                  <time dateTime={e.at}>{formatDate(e.at, lang)}</time>{' '}
                  {eventText(t, e.type)}
                  {e.photoId && number.has(e.photoId) ? ` (${t('eventPhoto', { n: number.get(e.photoId)! })})` : ''}
                  {', '}
                  {byText(t, e.by)}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}

      {overview && (
        <section aria-labelledby="portal-erasure" className="erasure">
          <h2 id="portal-erasure">{t('erasureHeading')}</h2>
          <p>{t('erasureIntro')}</p>
          {erasureAt ? (
            <p role="status">{t('erasureRequested', { date: formatDate(erasureAt, lang) })}</p>
          ) : (
            <button type="button" className="danger" onClick={() => { setErasureError(null); setErasureOpen(true) }}>
              {t('erasureButton')}
            </button>
          )}
          <ConfirmDialog
            open={erasureOpen}
            title={t('erasureTitle')}
            consequence={t('erasureConsequence')}
            checkLabel={t('erasureConfirmCheck')}
            confirmLabel={t('erasureConfirm')}
            cancelLabel={t('cancel')}
            busy={erasureBusy}
            error={erasureError}
            onClose={() => setErasureOpen(false)}
            onConfirm={async () => {
              if (!api) return
              setErasureBusy(true)
              try {
                const r = await api.erasure()
                setErasureAt(r.requestedAt)
                setErasureOpen(false)
              } catch (err) {
                setErasureError(portalProblemText(t, err))
              } finally {
                setErasureBusy(false)
              }
            }}
          />
        </section>
      )}
    </main>
  )
}

const KNOWN_EVENTS = new Set(['consent.created', 'consent.changed', 'consent.withdrawn', 'photo.published', 'download.granted'])
function eventText(t: PortalT, type: string) {
  return KNOWN_EVENTS.has(type) ? t(`event_${type}` as Parameters<PortalT>[0]) : t('event_other', { type })
}
const KNOWN_BY = new Set(['you', 'someone-else-in-the-photo', 'eerlijk-beeld', 'system', 'organisation'])
function byText(t: PortalT, by: string) {
  return KNOWN_BY.has(by) ? t(`by_${by}` as Parameters<PortalT>[0]) : by
}

export default PortalPage
