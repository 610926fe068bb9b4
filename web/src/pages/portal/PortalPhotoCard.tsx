/** One photo in the model's portal: preview, consent in words, usage, notices, and the person's choices. */
import { useEffect, useId, useState } from 'react'
import { TOPIC_LABELS, USE_LABELS, type Topic, type Use } from '../../../../contract/vocabulary.ts'
import { useBilingual, useLang } from '../../i18n/index.tsx'
import { ConfirmDialog } from '../../components/consent/ConfirmDialog.tsx'
import { ConsentFields, choiceFrom, type ConsentChoice } from '../../components/consent/ConsentFields.tsx'
import type { PortalApi, PortalPhoto, PortalPhotoStatus } from './portal.api.ts'
import { formatDate, type PortalT } from './portal.format.ts'
import { useT } from '../../i18n/index.tsx'
import { deadends } from '../../i18n/deadends.ts'

const NOTICE_EVENTS = ['consent.withdrawn', 'consent.narrowed', 'consent.expiring', 'photo.takedown'] as const

const NOTICE_STATES = new Set(['pending', 'queued', 'sending', 'delivered', 'acknowledged', 'failed'])

export function PortalPhotoCard({
  photo,
  n,
  api,
  t,
  problemText,
  onChanged,
}: {
  photo: PortalPhoto
  n: number
  api: PortalApi
  t: PortalT
  problemText: (err: unknown) => string
  onChanged: () => void
}) {
  const { lang } = useLang()
  const pick = useBilingual()
  const id = useId()
  const d = useT(deadends)
  const [src, setSrc] = useState<string | null>(null)
  const [previewFailed, setPreviewFailed] = useState(false)
  const [editing, setEditing] = useState(false)
  const [choice, setChoice] = useState<ConsentChoice | null>(photo.consent ? choiceFrom(photo.consent) : null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [withdrawOpen, setWithdrawOpen] = useState(false)
  const [withdrawError, setWithdrawError] = useState<string | null>(null)

  useEffect(() => {
    if (!photo.preview) {
      setSrc(null)
      return
    }
    let url: string | null = null
    let live = true
    // The overview's URL may carry the server's public origin; the token is only ever sent to this origin.
    const path = new URL(photo.preview, window.location.origin).pathname
    setPreviewFailed(false)
    api.preview(path).then(
      (u) => {
        if (live) setSrc((url = u))
        else URL.revokeObjectURL(u)
      },
      () => {
        if (live) setSrc(null), setPreviewFailed(true)
      },
    )
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [api, photo.preview])

  useEffect(() => setChoice(photo.consent ? choiceFrom(photo.consent) : null), [photo.consent])

  const caption = pick(photo.caption)
  const alt = pick(photo.alt)
  const withdrawn = photo.status === 'withdrawn' || photo.consent?.state === 'withdrawn'
  const heading = `${t('photoHeading', { n })}${caption ? `: ${caption}` : ''}`

  async function act(fn: () => Promise<unknown>, done: string) {
    setBusy(true)
    setProblem(null)
    setMessage(null)
    try {
      await fn()
      setMessage(done)
      onChanged()
      return true
    } catch (err) {
      setProblem(problemText(err))
      return false
    } finally {
      setBusy(false)
    }
  }

  return (
    <article className={`portal-photo${withdrawn ? ' is-withdrawn' : ''}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{heading}</h2>
      <div className="portal-preview">
        {src ? (
          <img src={src} alt={alt ? t('previewAlt', { alt }) : t('previewAltNone')} onError={() => (setSrc(null), setPreviewFailed(true))} />
        ) : (
          <p className="no-preview">{previewFailed ? d('previewFailed') : photo.preview ? t('loading') : t('noPreview')}</p>
        )}
      </div>
      <p className={`status status-${photo.status}`}>{t(`status_${photo.status as PortalPhotoStatus}`)}</p>

      <section aria-labelledby={`${id}-consent`}>
        <h3 id={`${id}-consent`}>{t('consentHeading')}</h3>
        <p>{photo.consentInWords ? photo.consentInWords[lang] : t('consentNone')}</p>
      </section>

      {photo.renewal && !withdrawn && (
        <section aria-labelledby={`${id}-renew`} className="renewal">
          <h3 id={`${id}-renew`}>{t('renewalHeading')}</h3>
          <p>{photo.renewal.inWords[lang]}</p>
          <button type="button" disabled={busy} onClick={() => void act(() => api.renew(photo.id), t('renewed'))}>
            {t('renew')}
          </button>
        </section>
      )}

      {!withdrawn && (photo.proposals?.length ?? 0) > 0 && (
        <section aria-labelledby={`${id}-proposals`} className="proposals">
          <h3 id={`${id}-proposals`}>{t('proposalsHeading')}</h3>
          <ul>
            {photo.proposals!.map((p) => (
              <li key={p.id} className={`proposal proposal-${p.state}`}>
                <p>
                  <strong>{t(`proposal_${p.state}`, { date: formatDate(p.decidedAt ?? p.createdAt, lang) })}</strong>
                </p>
                <p>{p.widensInWords[lang]}</p>
                {p.state === 'pending' && (
                  <>
                    <p>
                      {t('proposalWouldBe')} {p.inWords[lang]}
                    </p>
                    <div className="actions">
                      <button type="button" disabled={busy} onClick={() => void act(() => api.acceptProposal(p.id), t('proposalAccepted'))}>
                        {t('proposalAccept')}
                      </button>
                      <button type="button" disabled={busy} onClick={() => void act(() => api.declineProposal(p.id), t('proposalDeclined'))}>
                        {t('proposalDecline')}
                      </button>
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby={`${id}-usage`}>
        <h3 id={`${id}-usage`}>{t('usageHeading')}</h3>
        {photo.usage.length === 0 ? (
          <p>{t('usageNone')}</p>
        ) : (
          <ul className="usage">
            {photo.usage.map((u, i) => (
              <li key={i}>
                {t('usageLine', {
                  org: u.organisation,
                  use: USE_LABELS[u.use as Use]?.[lang] ?? u.use,
                  topic: u.topic ? t('usageTopic', { topic: TOPIC_LABELS[u.topic as Topic]?.[lang] ?? u.topic }) : '',
                  date: formatDate(u.at, lang),
                })}
                {u.outlet ? ` ${d('usageOutlet', { outlet: u.outlet })}` : ''}
                {u.headline ? ` ${d('usageHeadline', { headline: u.headline })}` : ''}
                {u.publicationUrl && /^https?:\/\//i.test(u.publicationUrl) && (
                  <>
                    {' — '}
                    <a href={u.publicationUrl} rel="noopener noreferrer nofollow" target="_blank">
                      {t('publicationLink')}
                      <span className="visually-hidden"> ({u.organisation})</span>
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {NOTICE_EVENTS.map((event) => {
        // One line per outlet and event (the latest), under a heading that says what happened.
        const latest = new Map<string, PortalPhoto['notices'][number]>()
        for (const nt of photo.notices) if (nt.event === event) latest.set(nt.organisation, nt)
        if (latest.size === 0) return null
        return (
          <section key={event} aria-labelledby={`${id}-notices-${event}`}>
            <h3 id={`${id}-notices-${event}`}>{d(`notices_${event}`)}</h3>
            <ul className="notices">
              {[...latest.values()].map((nt) => (
                <li key={nt.organisation}>
                  {nt.organisation}:{' '}
                  {nt.state !== 'acknowledged' && nt.state !== 'delivered' && nt.reachable === false
                    ? d('noticeManual')
                    : NOTICE_STATES.has(nt.state)
                      ? t(`notice_${nt.state}` as Parameters<PortalT>[0])
                      : t('notice_unknown', { state: nt.state })}{' '}
                  (<time dateTime={nt.at}>{formatDate(nt.at, lang)}</time>)
                </li>
              ))}
            </ul>
          </section>
        )
      })}

      <div aria-live="polite" className="live">
        {message && <p role="status">{message}</p>}
      </div>
      {problem && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}

      {!withdrawn && photo.consent && choice && (
        <div className="portal-actions">
          {editing ? (
            <form
              className="consent-change"
              aria-labelledby={`${id}-change`}
              onSubmit={async (e) => {
                e.preventDefault()
                const ok = await act(() => api.changeConsent(photo.id, { ...choice }), t('changed'))
                if (ok) setEditing(false)
              }}
            >
              <h3 id={`${id}-change`}>{t('changeHeading')}</h3>
              <p>{t('changeIntro')}</p>
              <ConsentFields
                value={choice}
                onChange={setChoice}
                disabled={busy}
                identifiableFixed
                labels={{
                  usesLegend: t('usesLegend'),
                  topicsLegend: t('topicsLegend'),
                  identifiable: t('identifiable'),
                  identifiabilityAgreed: t('identifiabilityAgreed'),
                  publicPreview: t('publicPreview'),
                }}
              />
              <div className="actions">
                <button type="submit" disabled={busy}>
                  {busy ? t('saving') : t('saveChange')}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(false)
                    setChoice(choiceFrom(photo.consent!))
                  }}
                >
                  {t('cancel')}
                </button>
              </div>
            </form>
          ) : (
            <button type="button" onClick={() => setEditing(true)}>
              {t('changeHeading')}
            </button>
          )}
          <button
            type="button"
            className="danger"
            onClick={() => {
              setWithdrawError(null)
              setWithdrawOpen(true)
            }}
          >
            {t('withdrawButton')}
          </button>
          <ConfirmDialog
            open={withdrawOpen}
            title={t('withdrawTitle')}
            consequence={t('withdrawConsequence')}
            checkLabel={t('withdrawConfirmCheck')}
            confirmLabel={busy ? t('withdrawing') : t('withdrawConfirm')}
            cancelLabel={t('cancel')}
            busy={busy}
            error={withdrawError}
            onClose={() => setWithdrawOpen(false)}
            onConfirm={async () => {
              setBusy(true)
              try {
                await api.withdraw(photo.id)
                setWithdrawOpen(false)
                setMessage(t('withdrawn'))
                onChanged()
              } catch (err) {
                setWithdrawError(problemText(err))
              } finally {
                setBusy(false)
              }
            }}
          />
        </div>
      )}
    </article>
  )
}
