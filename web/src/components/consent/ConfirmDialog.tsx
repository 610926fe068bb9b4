/**
 * A confirmation for a step that can't be undone (withdrawing consent, asking for erasure): a modal
 * <dialog> (the browser traps focus and closes it on Escape), the consequence in words, and a confirm
 * button that stays disabled until the person ticks that they understand.
 */
import { useEffect, useId, useRef, useState } from 'react'
import './consent.css'

export function ConfirmDialog({
  open,
  title,
  consequence,
  checkLabel,
  confirmLabel,
  cancelLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean
  title: string
  consequence: string
  checkLabel: string
  confirmLabel: string
  cancelLabel: string
  busy?: boolean
  error?: string | null
  onConfirm: () => void
  onClose: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [understood, setUnderstood] = useState(false)

  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) {
      setUnderstood(false)
      d.showModal()
    } else if (!open && d.open) d.close()
  }, [open])

  return (
    <dialog ref={ref} className="dialog confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          if (understood && !busy) onConfirm()
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{consequence}</p>
        <p className="check">
          <input type="checkbox" id={`${id}-check`} checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
          <label htmlFor={`${id}-check`}>{checkLabel}</label>
        </p>
        {error && (
          <p role="alert" className="problem">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            {cancelLabel}
          </button>
          <button type="submit" className="danger" disabled={!understood || busy} aria-disabled={!understood || busy}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  )
}
