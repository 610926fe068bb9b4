/** Audit verification: one button, the same check as `npm run cli -- audit verify`, the result in words. */
import { useId, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { admin } from '../../i18n/admin.ts'
import { useT } from '../../i18n/index.tsx'
import { adminApi, type AuditResult } from './admin.api.ts'

const PROBLEMS = new Set(['changed', 'missing', 'reordered', 'broken-link'])

export function AuditSection() {
  const t = useT(admin)
  const id = useId()
  const [anchor, setAnchor] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<AuditResult | null>(null)
  const [error, setError] = useState<unknown>(null)
  return (
    <section aria-labelledby={`${id}-h`} className="admin-section audit">
      <h2 id={`${id}-h`}>{t('auditHeading')}</h2>
      <p>{t('auditIntro')}</p>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setBusy(true)
          setError(null)
          setResult(null)
          try {
            setResult(await adminApi.verifyAudit(anchor.trim() || undefined))
          } catch (err) {
            setError(err)
          } finally {
            setBusy(false)
          }
        }}
      >
        <p className="field">
          <label htmlFor={`${id}-anchor`}>{t('auditAnchor')}</label>
          <input
            id={`${id}-anchor`}
            type="text"
            value={anchor}
            onChange={(e) => setAnchor(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            pattern="[1-9][0-9]*:[0-9a-f]{64}"
          />
        </p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auditVerifying') : t('auditVerify')}
        </button>
      </form>
      <div aria-live="polite">
        {result?.ok && (
          <div className="audit-result ok" role="status">
            <p>
              <strong>{result.events === 1 ? t('auditOkOne') : t('auditOk', { n: result.events })}</strong>
            </p>
            <p>{t('auditHead')}</p>
            <code className="anchor">{`${result.head!.seq}:${result.head!.hash}`}</code>
          </div>
        )}
        {result && !result.ok && (
          <p className="audit-result problem" role="alert">
            {t('auditBroken', {
              seq: result.firstBad!.seq,
              n: result.events,
              problem: PROBLEMS.has(result.firstBad!.problem) ? t(`problem_${result.firstBad!.problem}` as 'problem_changed') : result.firstBad!.problem,
            })}
          </p>
        )}
      </div>
      <ProblemMessage error={error} />
    </section>
  )
}
