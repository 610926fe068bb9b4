/**
 * The review card's extra tools: a large view with zoom (to judge whether someone is recognisable), and
 * returning the photo to its photographer with a note.
 */
import { useEffect, useId, useRef, useState } from 'react'
import { api } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useT } from '../../i18n/index.tsx'
import { deadends } from '../../i18n/deadends.ts'
import type { Derivative } from '../photographer/photographer.api.ts'

const ORDER = ['thumb', 'small', 'medium', 'large']

export function ZoomView({ derivatives, alt, title }: { derivatives: Derivative[]; alt: string; title: string }) {
  const t = useT(deadends)
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [open, setOpen] = useState(false)
  const [full, setFull] = useState(false)
  const jpegs = derivatives.filter((d) => d.format === 'jpeg').sort((a, b) => ORDER.indexOf(b.preset) - ORDER.indexOf(a.preset))
  const largest = jpegs[0]
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    else if (!open && d.open) d.close()
  }, [open])
  if (!largest) return null
  return (
    <>
      <button type="button" onClick={() => (setFull(false), setOpen(true))}>
        {t('zoom', { title })}
      </button>
      <dialog ref={ref} className="dialog zoom-dialog" aria-labelledby={`${id}-t`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-t`}>
          {t('zoomTitle')}: {title}
        </h2>
        <div className={`zoom-frame ${full ? 'zoom-full' : 'zoom-fit'}`}>
          {open && <img src={largest.url} alt={alt} width={largest.width} height={largest.height} />}
        </div>
        <div className="actions">
          <button type="button" aria-pressed={full} onClick={() => setFull(!full)}>
            {full ? '100 % ✓' : '100 %'}
          </button>
          <button type="button" onClick={() => setOpen(false)} autoFocus>
            {t('zoomClose')}
          </button>
        </div>
      </dialog>
    </>
  )
}

export function ReturnForm({ photoId, title, onReturned }: { photoId: string; title: string; onReturned: () => void }) {
  const t = useT(deadends)
  const id = useId()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  return (
    <form
      className="return-form"
      aria-labelledby={`${id}-h`}
      onSubmit={async (e) => {
        e.preventDefault()
        if (!note.trim()) return
        setBusy(true)
        setError(null)
        try {
          await api(`/v1/photos/${photoId}/return`, { method: 'POST', body: { note: note.trim() } })
          onReturned()
        } catch (err) {
          setError(err)
        } finally {
          setBusy(false)
        }
      }}
    >
      <h3 id={`${id}-h`}>{t('returnHeading')}</h3>
      <p className="field">
        <label htmlFor={`${id}-note`}>{t('returnNote', { title })}</label>
        <textarea id={`${id}-note`} rows={3} maxLength={2000} required value={note} onChange={(e) => setNote(e.target.value)} />
      </p>
      <ProblemMessage error={error} />
      {/* The name is spelled out: a visually hidden span is absolutely positioned (so block-level), and Chromium
          then puts a space before its text ("Terugsturen : …"), which no one can find by its name. */}
      <button type="submit" disabled={busy || !note.trim()} aria-label={`${t('returnButton')}: ${title}`}>
        {t('returnButton')}
      </button>
    </form>
  )
}
