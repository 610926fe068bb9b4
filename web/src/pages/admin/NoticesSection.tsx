/**
 * /admin/notices: the outbox as the admin sees it. Every takedown notice per outlet, each channel's state in
 * words with its reason (the last answer, the number of attempts), and "send again" for a delivery that
 * gave up or is still retrying. An e-mail without a mail server says so plainly: nothing will deliver it,
 * so the bank contacts the outlet itself.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { adminProblems, deadends2 } from '../../i18n/deadends2.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { Link } from '../../router.tsx'
import { adminApi, type AdminNotice, type Delivery, type DeliveryChannel, type DeliveryState } from './admin.api.ts'

const open = (n: AdminNotice) => n.state === 'queued' && n.deliveries.some((d) => d.state !== 'delivered' && d.state !== 'cancelled')

export function NoticesSection() {
  const d = useT(deadends2)
  const { lang } = useLang()
  useTitle(d('noticesTitle'))
  const id = useId()
  const [items, setItems] = useState<AdminNotice[] | null>(null)
  const [onlyOpen, setOnlyOpen] = useState(true)
  const [error, setError] = useState<unknown>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const load = useCallback(async () => {
    try {
      setItems((await adminApi.notices()).items)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])
  const date = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
  const eventWords = (e: string) => {
    const key = `event_${e.replace('.', '_')}` as Parameters<typeof d>[0]
    return key in deadends2.nl ? d(key) : e
  }

  const retry = async (n: AdminNotice, x: Delivery) => {
    setActionError(null)
    setStatus('')
    try {
      await adminApi.retryDelivery(x.id)
      setStatus(d('retried', { org: n.organisation.name }))
      await load()
    } catch (err) {
      setActionError(err)
    }
  }

  const shown = items?.filter((n) => !onlyOpen || open(n)) ?? []
  return (
    <section className="admin-section notices" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{d('noticesTitle')}</h1>
      <p>{d('noticesIntro')}</p>
      <p className="check">
        <input id={`${id}-open`} type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
        <label htmlFor={`${id}-open`}>{d('noticesOnlyOpen')}</label>
      </p>
      <ProblemMessage error={error} />
      <p role="status">{status}</p>
      <ProblemMessage error={actionError} extra={adminProblems} />
      {items && shown.length === 0 && <p>{items.length === 0 ? d('noticesNoneAtAll') : d('noticesNone')}</p>}
      <ul className="org-list">
        {shown.map((n) => (
          <li key={n.id}>
            <article className="org-card" aria-labelledby={`${id}-${n.id}`} data-notice-id={n.id}>
              <h2 id={`${id}-${n.id}`}>{d('noticeFor', { event: eventWords(n.event), org: n.organisation.name })}</h2>
              <p>
                {d('noticeMade', { date: date(n.createdAt) })} · <Link href={`/photos/${n.photoId}`}>{d('noticePhoto')}</Link>
              </p>
              <ul className="deliveries">
                {n.deliveries.map((x) => {
                  const channel = d(`channel_${x.channel as DeliveryChannel}`)
                  const stateWords =
                    x.state === 'delivered' && x.deliveredAt ? d('dstate_delivered', { date: date(x.deliveredAt) }) : d(`dstate_${x.state as DeliveryState}`)
                  const canRetry = x.state === 'dead' || x.state === 'pending'
                  return (
                    <li key={x.id} className={`delivery state-${x.state}`}>
                      <strong>{channel}</strong>: {stateWords}
                      {x.attempts > 0 && <> · {x.attempts === 1 ? d('attemptsOne') : d('attempts', { n: x.attempts })}</>}
                      {x.lastResult && <> · {d('lastResult', { result: x.lastResult })}</>}
                      {x.retriedAt && <> · {d('retriedAt', { date: date(x.retriedAt) })}</>}
                      {canRetry && (
                        <>
                          {' '}
                          <button type="button" onClick={() => void retry(n, x)} aria-label={d('retryDelivery', { channel, org: n.organisation.name })}>
                            {d('retryDeliveryShort')}
                          </button>
                        </>
                      )}
                    </li>
                  )
                })}
              </ul>
            </article>
          </li>
        ))}
      </ul>
    </section>
  )
}
