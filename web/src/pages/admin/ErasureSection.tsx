/** Open erasure requests from the portal; the consent officer carries each out after a confirmation. */
import { useCallback, useEffect, useId, useState } from 'react'
import { ConfirmDialog } from '../../components/consent/ConfirmDialog.tsx'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { admin } from '../../i18n/admin.ts'
import { common } from '../../i18n/common.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { describeProblem } from '../../i18n/problems.ts'
import { adminApi, type ErasureRequest } from './admin.api.ts'

export function ErasureSection() {
  const t = useT(admin)
  const tc = useT(common)
  const { lang } = useLang()
  const id = useId()
  const [items, setItems] = useState<ErasureRequest[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [target, setTarget] = useState<ErasureRequest | null>(null)
  const [busy, setBusy] = useState(false)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const [done, setDone] = useState('')
  const load = useCallback(async () => {
    try {
      setItems((await adminApi.erasureRequests()).items)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  return (
    <section aria-labelledby={`${id}-h`} className="admin-section">
      <h2 id={`${id}-h`}>{t('erasureHeading')}</h2>
      <ProblemMessage error={error} />
      <p role="status">{done}</p>
      {items?.length === 0 && <p>{t('erasureEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="admin-list">
          {items.map((r) => (
            <li key={r.id}>
              <span>{t('erasureLine', { name: r.pseudonym, date: date(r.requestedAt), photos: r.photos, shared: r.sharedPhotos })}</span>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setDialogError(null)
                  setTarget(r)
                }}
              >
                {t('erasureCarryOut', { name: r.pseudonym })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={target !== null}
        title={target ? t('erasureCarryOut', { name: target.pseudonym }) : ''}
        consequence={target ? t('erasureConfirm', { name: target.pseudonym }) : ''}
        checkLabel={t('erasureConfirm', { name: target?.pseudonym ?? '' })}
        confirmLabel={target ? t('erasureCarryOut', { name: target.pseudonym }) : ''}
        cancelLabel={tc('close')}
        busy={busy}
        error={dialogError}
        onClose={() => setTarget(null)}
        onConfirm={async () => {
          if (!target) return
          setBusy(true)
          try {
            const r = await adminApi.carryOut(target.id)
            setDone(t('erasureDone', { photos: r.photosWithdrawn }))
            setTarget(null)
            await load()
          } catch (err) {
            setDialogError(describeProblem(err, lang))
          } finally {
            setBusy(false)
          }
        }}
      />
    </section>
  )
}
