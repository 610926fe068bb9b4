/**
 * The download dialog (a native modal <dialog>: focus stays inside, Escape closes, focus returns to the
 * button that opened it). The journalist states use, channel, topic, outlet and headline; the API decides
 * against the consent of everyone pictured and either answers with a short-lived file link and the
 * attribution (copy buttons for plain text and HTML), or refuses with a reason shown in the user's language.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { CHANNEL_USES, CHANNELS, DEFAULT_USES, TOPIC_LABELS, TOPICS, USE_LABELS, type Use } from '../../../../contract/vocabulary.ts'
import { api } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useLang, useT } from '../../i18n/index.tsx'
import { common } from '../../i18n/common.ts'
import { CHANNEL_KEYS, DOWNLOAD_REFUSALS, journalist } from '../../i18n/journalist.ts'
import { sizesOf, type DownloadResponse, type Photo } from './photo.ts'
import { PURPOSE } from './PhotoFacts.tsx'

function CopyField({
  label,
  buttonLabel,
  value,
  onCopied,
}: {
  label: string
  buttonLabel: string
  value: string
  onCopied: (ok: boolean, text: string) => void
}) {
  const id = useId()
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      onCopied(true, value)
    } catch {
      // No clipboard permission (or an old browser): select the text so it can be copied by hand.
      const el = document.getElementById(id) as HTMLTextAreaElement | null
      el?.focus()
      el?.select()
      onCopied(false, value)
    }
  }
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly value={value} rows={value.length > 120 ? 4 : 2} />
      <button type="button" onClick={() => void copy()}>
        {buttonLabel}
      </button>
    </div>
  )
}

export default function DownloadDialog({ photo, onClose }: { photo: Photo; onClose: () => void }) {
  const t = useT(journalist)
  const tc = useT(common)
  const { lang } = useLang()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [result, setResult] = useState<DownloadResponse | null>(null)
  const [copied, setCopied] = useState<string>('')

  // No close() in a cleanup: StrictMode's second effect run would fire 'close' and unmount the dialog.
  // Removing an open modal dialog from the document ends it anyway.
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])

  const uses: Use[] = photo.permittedUses?.map((u) => u.use as Use) ?? [...DEFAULT_USES]
  const [use, setUse] = useState<Use>(uses[0] ?? 'editorial')
  // Only the channels that can carry the chosen use (the API refuses the others anyway).
  const channels = CHANNELS.filter((c) => CHANNEL_USES[c].includes(use))
  // Every size a grant gives (the API lists them for a desk: previews stop at medium, downloads do not).
  const sizes = sizesOf(photo)

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const text = (k: string) => String(f.get(k) ?? '').trim() || undefined
    setBusy(true)
    setError(null)
    try {
      const r = await api<DownloadResponse>(`/v1/photos/${photo.id}/downloads`, {
        method: 'POST',
        body: {
          use: f.get('use'),
          channel: f.get('channel'),
          topic: text('topic') ?? null,
          outlet: text('outlet'),
          headline: text('headline'),
          format: 'jpeg',
          preset: text('preset'),
        },
      })
      setResult(r)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const attribution = result?.attribution[lang]
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{result ? t('downloadReady') : t('downloadTitle')}</h2>
      {!result ? (
        <form onSubmit={submit} className="stack">
          <p>{t('downloadIntro')}</p>
          <label>
            {t('fieldUse')}
            <select name="use" required value={use} onChange={(e) => setUse(e.target.value as Use)}>
              {uses.map((u) => (
                <option key={u} value={u}>
                  {USE_LABELS[u]?.[lang] ?? u}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fieldChannel')}
            <select name="channel" required key={use} defaultValue={channels.includes('web') ? 'web' : channels[0]}>
              {channels.map((c) => (
                <option key={c} value={c}>
                  {t(CHANNEL_KEYS[c])}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fieldSize')}
            <select name="preset" defaultValue={sizes.some((d) => d.preset === 'large') ? 'large' : 'full'}>
              {sizes.map((d) => (
                <option key={d.preset} value={d.preset}>
                  {t(d.preset === 'full' ? 'sizeFull' : (PURPOSE[d.preset] ?? 'sizeOther'))}: {d.width} × {d.height}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fieldTopic')}
            <select name="topic" defaultValue="">
              <option value="">{t('topicNone')}</option>
              {TOPICS.map((x) => (
                <option key={x} value={x}>
                  {TOPIC_LABELS[x][lang]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('fieldOutlet')}
            <input name="outlet" type="text" maxLength={200} autoComplete="organization" />
          </label>
          <label>
            {t('fieldHeadline')}
            <input name="headline" type="text" maxLength={300} />
          </label>
          {error != null && (
            <div className="refusal">
              <h3>{t('refused')}</h3>
              <ProblemMessage error={error} extra={DOWNLOAD_REFUSALS} />
            </div>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('downloadBusy') : t('downloadSubmit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('downloadCancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="stack">
          <p>
            <a className="button primary" href={result.url} download>
              {t('downloadFile')}
            </a>
          </p>
          <p className="hint">
            {t('downloadExpires', {
              time: new Date(result.expiresAt).toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }),
            })}
          </p>
          <h3>{t('attributionTitle')}</h3>
          {attribution && (
            <>
              <CopyField
                label={t('attributionPlain')}
                buttonLabel={t('copyPlain')}
                value={attribution.text}
                onCopied={(ok, text) => setCopied(ok ? t('copied', { text }) : t('copyFailed'))}
              />
              <CopyField
                label={t('attributionHtml')}
                buttonLabel={t('copyHtml')}
                value={attribution.html}
                onCopied={(ok, text) => setCopied(ok ? t('copied', { text }) : t('copyFailed'))}
              />
            </>
          )}
          <p role="status" aria-live="polite" className="copied">
            {copied}
          </p>
          <h3>{t('captionNoteTitle')}</h3>
          <p>{t('captionNoteIntro')}</p>
          <blockquote>{result.captionNote[lang]}</blockquote>
          <div className="actions">
            <button type="button" onClick={onClose}>
              {tc('close')}
            </button>
          </div>
        </div>
      )}
    </dialog>
  )
}
