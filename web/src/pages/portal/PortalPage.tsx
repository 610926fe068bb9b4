/**
 * The model's portal (/portal, opened from the personal link /portal#ebp_…). Made for a phone first:
 * one column, large controls, nothing that needs a hover. The person sees every photo they are in, their
 * consent in plain words, who used each photo and whether takedown notices arrived, and can change,
 * renew or withdraw consent, or ask to be erased.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useLang, useT } from '../../i18n/index.tsx'
import { portal, portalProblems } from '../../i18n/portal.ts'
import { describeProblem } from '../../i18n/problems.ts'
import { ApiError } from '../../api.ts'
import type { PageProps } from '../../router.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { ConfirmDialog } from '../../components/consent/ConfirmDialog.tsx'
import { claimToken, forgetToken, portalApi, type PortalEvent, type PortalOverview } from './portal.api.ts'
import { PortalPhotoCard } from './PortalPhotoCard.tsx'
import { formatDate, type PortalT } from './portal.format.ts'
import './portal.css'

export function PortalPage(_props: PageProps) {
  const t = useT(portal)
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

  useTitle(t('title'))
  const problemText = useCallback((err: unknown) => describeProblem(err, lang, portalProblems), [lang])

  const load = useCallback(async () => {
    if (!api) return
    setError(null)
    try {
      const [o, e] = await Promise.all([api.overview(), api.events()])
      setOverview(o)
      setEvents(e.items)
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        forgetToken()
        setLinkDead(true)
      }
      setError(problemText(err))
    }
  }, [api, problemText])

  useEffect(() => {
    void load()
  }, [load])

  if (!token || linkDead) {
    return (
      <div className="portal">
        <h1>{t('title')}</h1>
        <p role="alert">{linkDead ? t('badLink') : t('noLink')}</p>
      </div>
    )
  }

  const number = new Map(overview?.photos.map((p, i) => [p.id, i + 1]))

  return (
    <div className="portal">
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
              <PortalPhotoCard photo={p} n={i + 1} api={api} t={t} problemText={problemText} onChanged={() => void load()} />
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
                  <time dateTime={e.at}>{formatDate(e.at, lang)}</time> {eventText(t, e.type)}
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
            <button
              type="button"
              className="danger"
              onClick={() => {
                setErasureError(null)
                setErasureOpen(true)
              }}
            >
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
                setErasureError(problemText(err))
              } finally {
                setErasureBusy(false)
              }
            }}
          />
        </section>
      )}
    </div>
  )
}

const KNOWN_EVENTS = new Set([
  'consent.created',
  'consent.changed',
  'consent.withdrawn',
  'consent.proposed',
  'consent.proposal-accepted',
  'consent.proposal-declined',
  'consent.proposal-superseded',
  'photo.published',
  'download.granted',
])
function eventText(t: PortalT, type: string) {
  return KNOWN_EVENTS.has(type) ? t(`event_${type}` as Parameters<PortalT>[0]) : t('event_other', { type })
}
const KNOWN_BY = new Set(['you', 'someone-else-in-the-photo', 'eerlijk-beeld', 'system', 'organisation'])
function byText(t: PortalT, by: string) {
  return KNOWN_BY.has(by) ? t(`by_${by}` as Parameters<PortalT>[0]) : by
}

export default PortalPage
