/**
 * Where a photo stands, for its photographer: the curator's notes (why it was returned), the checklist
 * before sending, and every reason publishing would be refused now, in the user's language.
 */
import { useId } from 'react'
import { api, type Json } from '../../api.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { deadends } from '../../i18n/deadends.ts'

export type PhotoStatus = Json<'/v1/photos/{id}/status', 'get'>

export const photoStatus = (id: string) => api<PhotoStatus>(`/v1/photos/${id}/status`)

export function PhotoStatusPanel({ status }: { status: PhotoStatus }) {
  const t = useT(deadends)
  const { lang } = useLang()
  const id = useId()
  const date = (iso: string) => new Date(iso).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })
  const open = status.status !== 'published' && status.status !== 'withdrawn'
  return (
    <section aria-labelledby={`${id}-h`} className="photo-status">
      <h2 id={`${id}-h`}>{t('statusHeading')}</h2>
      {status.notes.length > 0 && (
        <div className="curator-notes" role={status.status === 'returned' ? 'note' : undefined}>
          <h3>{t('notesHeading')}</h3>
          <ul>
            {status.notes.map((n) => (
              <li key={n.id}>
                <blockquote>{n.body}</blockquote>
                <p className="hint">{t('noteBy', { author: n.author, date: date(n.createdAt) })}</p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {open && (
        <>
          <h3>{t('checklistHeading')}</h3>
          <ul className="checklist">
            {status.checklist.map((c) => (
              <li key={c.code} className={c.done ? 'done' : 'missing'}>
                <span aria-hidden="true">{c.done ? '✓' : '✗'}</span> {c.words[lang]}{' '}
                <span className="visually-hidden">({c.done ? t('checkDone') : t('checkMissing')})</span>
              </li>
            ))}
          </ul>
          <h3>{t('notPublishedHeading')}</h3>
          {status.reasons.length ? (
            <ul className="reasons">
              {status.reasons.map((r, i) => (
                <li key={`${r.code}-${r.field ?? r.subjectId ?? i}`}>{r.words[lang]}</li>
              ))}
            </ul>
          ) : (
            <p>{t('publishableNow')}</p>
          )}
        </>
      )}
    </section>
  )
}
