/**
 * /my-downloads: the journalist's organisation's downloads, each with its terms, and any takedown notice
 * about it with its deadline (48 hours) and a "removed" button: the same acknowledgement the webhooks'
 * ack URL records, which the person pictured sees in their portal.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { api, type Json } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { messages, useLang, useT } from '../../i18n/index.tsx'
import type { PageProps } from '../../router.tsx'
import { useSession } from '../../session.tsx'

type Grants = Json<'/v1/organisations/{id}/grants', 'get'>
type Notices = Json<'/v1/webhooks/notices', 'get'>
type Grant = Grants['items'][number]
type Notice = Notices['items'][number]

/** Takedown within 48 hours of the notice (DESIGN.md, promise 4). */
const DEADLINE_HOURS = 48

const words = messages({
  nl: {
    title: 'Mijn downloads',
    intro:
      'Alle foto’s die uw redactie downloadde, met de voorwaarden. Trekt iemand op een foto de toestemming in, dan staat hier het bericht: verwijder de foto binnen 48 uur en bevestig het hier.',
    none: 'Uw redactie heeft nog niets gedownload.',
    noOrg: 'Uw account hoort niet bij een redactie. Vraag de beheerder van uw organisatie om u toe te voegen.',
    loading: 'Laden…',
    grant: 'Download van {date}',
    terms: 'Licentie {licence}, gebruik: {use}, kanaal: {channel}{topic}; formaat {preset} ({format})',
    topic: ', onderwerp: {topic}',
    article: 'Artikel: {headline}{outlet}',
    outletIn: ' ({outlet})',
    notice: 'Bericht: {event}',
    'event_consent.withdrawn': 'de toestemming is ingetrokken. Verwijder de foto.',
    'event_consent.narrowed': 'de toestemming is beperkt. Controleer uw gebruik.',
    'event_consent.expiring': 'de toestemming loopt af.',
    'event_photo.takedown': 'de foto moet worden verwijderd.',
    deadline: 'Uiterlijk verwijderen op {date}.',
    overdue: 'De termijn van 48 uur is verstreken ({date}).',
    ack: 'Verwijderd',
    ackLabel: 'Verwijderd: bevestig dat de foto van {date} is verwijderd',
    acked: 'Bevestigd op {date}.',
    ackedNow: 'Bedankt: de verwijdering is bevestigd.',
  },
  en: {
    title: 'My downloads',
    intro:
      'Every photo your outlet downloaded, with its terms. When someone in a photo withdraws consent, the notice appears here: remove the photo within 48 hours and confirm it here.',
    none: 'Your outlet has not downloaded anything yet.',
    noOrg: 'Your account does not belong to an outlet. Ask your organisation’s admin to add you.',
    loading: 'Loading…',
    grant: 'Download of {date}',
    terms: 'Licence {licence}, use: {use}, channel: {channel}{topic}; size {preset} ({format})',
    topic: ', topic: {topic}',
    article: 'Article: {headline}{outlet}',
    outletIn: ' ({outlet})',
    notice: 'Notice: {event}',
    'event_consent.withdrawn': 'consent was withdrawn. Remove the photo.',
    'event_consent.narrowed': 'consent was narrowed. Check your use.',
    'event_consent.expiring': 'consent is expiring.',
    'event_photo.takedown': 'the photo must be taken down.',
    deadline: 'Remove it by {date}.',
    overdue: 'The 48-hour period has passed ({date}).',
    ack: 'Removed',
    ackLabel: 'Removed: confirm that the photo of {date} was removed',
    acked: 'Confirmed on {date}.',
    ackedNow: 'Thank you: the removal is confirmed.',
  },
})

export default function MyDownloadsPage(_props: PageProps) {
  const t = useT(words)
  const { lang } = useLang()
  const { me } = useSession()
  const uid = useId()
  useTitle(t('title'))
  const org = me?.organisationId ?? null
  const [grants, setGrants] = useState<Grant[] | null>(null)
  const [notices, setNotices] = useState<Notice[]>([])
  const [error, setError] = useState<unknown>(null)
  const [said, setSaid] = useState('')
  const load = useCallback(async () => {
    if (!org) return
    try {
      const [g, n] = await Promise.all([
        api<Grants>(`/v1/organisations/${org}/grants`, { query: { limit: 200 } }),
        api<Notices>('/v1/webhooks/notices', { query: { limit: 500 } }),
      ])
      setGrants(g.items)
      setNotices(n.items)
    } catch (err) {
      setError(err)
    }
  }, [org])
  useEffect(() => void load(), [load])

  const date = (iso: string) => new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' })
  return (
    <section className="my-downloads">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <ProblemMessage error={error} />
      <p role="status">{said}</p>
      {!org ? (
        <p>{t('noOrg')}</p>
      ) : grants === null ? (
        !error && <p aria-busy="true">{t('loading')}</p>
      ) : grants.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="grant-list">
          {grants.map((g) => {
            const about = notices.filter((n) => n.photoId === g.photoId)
            return (
              <li key={g.id}>
                <article aria-labelledby={`${uid}-${g.id}`} className="grant">
                  <h2 id={`${uid}-${g.id}`}>{t('grant', { date: date(g.createdAt) })}</h2>
                  <p>
                    {t('terms', {
                      licence: g.licence,
                      use: g.use,
                      channel: g.channel,
                      topic: g.topic ? t('topic', { topic: g.topic }) : '',
                      preset: g.preset,
                      format: g.format,
                    })}
                  </p>
                  {g.headline && <p>{t('article', { headline: g.headline, outlet: g.outlet ? t('outletIn', { outlet: g.outlet }) : '' })}</p>}
                  {about.map((n) => {
                    const deadline = new Date(new Date(n.createdAt).getTime() + DEADLINE_HOURS * 3_600_000)
                    const key = `event_${n.event}` as keyof (typeof words)['nl']
                    return (
                      <div key={n.id} className={n.acknowledgedAt ? 'notice acked' : 'notice refusal'}>
                        <p>
                          <strong>{t('notice', { event: key in words.nl ? t(key) : n.event })}</strong>
                        </p>
                        {n.acknowledgedAt ? (
                          <p>{t('acked', { date: date(n.acknowledgedAt) })}</p>
                        ) : (
                          <>
                            <p>
                              {deadline.getTime() < Date.now()
                                ? t('overdue', { date: date(deadline.toISOString()) })
                                : t('deadline', { date: date(deadline.toISOString()) })}
                            </p>
                            <button
                              type="button"
                              className="primary"
                              aria-label={t('ackLabel', { date: date(g.createdAt) })}
                              onClick={async () => {
                                setError(null)
                                try {
                                  await api(`/v1/webhooks/notices/${n.id}/ack`, { method: 'POST' })
                                  setSaid(t('ackedNow'))
                                  await load()
                                } catch (err) {
                                  setError(err)
                                }
                              }}
                            >
                              {t('ack')}
                            </button>
                          </>
                        )}
                      </div>
                    )
                  })}
                </article>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
