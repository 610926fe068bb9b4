/**
 * A button for a step that can't be undone (revoke a key, disable an organisation, revoke a portal link,
 * delete a draft, remove a person): it opens a modal <dialog> (the browser traps focus and closes it on
 * Escape) that says what will happen, with Cancel focused first. The action runs only on "confirm".
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { useLang } from '../i18n/index.tsx'
import { describeProblem, type ProblemWords } from '../i18n/problems.ts'

export function ConfirmButton({
  label,
  title,
  consequence,
  confirmLabel,
  onConfirm,
  className,
  disabled,
  problems,
  children,
}: {
  /** The button's accessible name (what it does, and to what). */
  label: string
  title: string
  consequence: string
  confirmLabel: string
  /** Runs on confirm; a thrown error is shown in the dialog, in the user's language. */
  onConfirm: () => Promise<void>
  className?: string
  disabled?: boolean
  problems?: ProblemWords
  children?: ReactNode
}) {
  const { lang } = useLang()
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    else if (!open && d.open) d.close()
  }, [open])

  return (
    <>
      <button type="button" className={className ?? 'link-button'} disabled={disabled} aria-label={label} onClick={() => (setError(null), setOpen(true))}>
        {children ?? label}
      </button>
      <dialog ref={ref} className="dialog confirm-dialog" aria-labelledby={`${id}-t`} aria-describedby={`${id}-c`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-t`}>{title}</h2>
        <p id={`${id}-c`}>{consequence}</p>
        {error ? (
          <p role="alert" className="problem">
            {describeProblem(error, lang, problems)}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" autoFocus onClick={() => setOpen(false)}>
            {lang === 'nl' ? 'Annuleren' : 'Cancel'}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true)
              setError(null)
              try {
                await onConfirm()
                setOpen(false)
              } catch (err) {
                setError(err)
              } finally {
                setBusy(false)
              }
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  )
}
