/**
 * Texts for many photos at once (PATCH /v1/photos): captions, alt text and tags for the photos chosen in
 * the list, and Dutch and English tags added to each photo's own. All or nothing on the server, so a refusal lists each photo that was refused and nothing
 * changed; empty fields are left out and stay as each photo has them.
 */
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { bulkProblems, deadends2 } from '../../i18n/deadends2.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { describeProblem } from '../../i18n/problems.ts'
import { photographerApi } from './photographer.api.ts'

type Failure = { id: string; type: string; status: number; title: string }
const FIELDS = ['captionNl', 'captionEn', 'altNl', 'altEn'] as const
const LABEL = { captionNl: 'bulkCaptionNl', captionEn: 'bulkCaptionEn', altNl: 'bulkAltNl', altEn: 'bulkAltEn' } as const

export function BulkTexts({ selected, titleOf, onDone }: { selected: string[]; titleOf: (id: string) => string; onDone: () => void }) {
  const d = useT(deadends2)
  const { lang } = useLang()
  const id = useId()
  const [values, setValues] = useState<Record<string, string>>({})
  const [tags, setTags] = useState('')
  const [tagsEn, setTagsEn] = useState('')
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [failures, setFailures] = useState<Failure[]>([])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setStatus('')
    setError(null)
    setFailures([])
    const set: Record<string, unknown> = {}
    for (const f of FIELDS) if (values[f]?.trim()) set[f] = values[f]!.trim()
    const list = (v: string) =>
      v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    if (list(tags).length) set.addTags = list(tags)
    if (list(tagsEn).length) set.addTagsEn = list(tagsEn)
    if (selected.length === 0) return setStatus(d('bulkNoneSelected'))
    if (Object.keys(set).length === 0) return setStatus(d('bulkNothing'))
    setBusy(true)
    try {
      const { items } = await photographerApi.bulkPatch(selected, set)
      setStatus(items.length === 1 ? d('bulkDoneOne') : d('bulkDone', { n: items.length }))
      setValues({})
      setTags('')
      setTagsEn('')
      onDone()
    } catch (err) {
      if (err instanceof ApiError && err.slug === 'bulk-edit-refused' && Array.isArray(err.problem.failures)) setFailures(err.problem.failures as Failure[])
      else setError(err)
    } finally {
      setBusy(false)
    }
  }

  const words = (f: Failure) => {
    const slug = f.type.replace(/^.*\/problems\//, '')
    return describeProblem(new ApiError({ type: f.type, title: f.title, status: f.status }), lang, {
      [slug]: bulkProblems[slug as keyof typeof bulkProblems] ?? { nl: f.title, en: f.title },
    })
  }

  return (
    <form className="bulk-texts" aria-labelledby={`${id}-h`} onSubmit={(e) => void submit(e)} noValidate>
      <h2 id={`${id}-h`}>{d('bulkHeading')}</h2>
      <p>{d('bulkIntro')}</p>
      <p className="bulk-count" aria-live="polite">
        {selected.length === 1 ? d('bulkSelectedOne') : d('bulkSelected', { n: selected.length })}
      </p>
      <div className="bulk-fields">
        {FIELDS.map((f) => (
          <p className="field" key={f}>
            <label htmlFor={`${id}-${f}`}>{d(LABEL[f])}</label>
            {f.startsWith('caption') ? (
              <textarea id={`${id}-${f}`} rows={2} maxLength={2000} value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            ) : (
              <input id={`${id}-${f}`} type="text" maxLength={1000} value={values[f] ?? ''} onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
            )}
          </p>
        ))}
        <p className="field">
          <label htmlFor={`${id}-tags`}>{d('bulkTags')}</label>
          <input id={`${id}-tags`} type="text" lang="nl" value={tags} onChange={(e) => setTags(e.target.value)} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-tags-en`}>{d('bulkTagsEn')}</label>
          <input id={`${id}-tags-en`} type="text" lang="en" value={tagsEn} onChange={(e) => setTagsEn(e.target.value)} />
        </p>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {d('bulkApply')}
      </button>
      <p role="status">{status}</p>
      <ProblemMessage error={error} extra={bulkProblems} />
      {failures.length > 0 && (
        <div role="alert" className="problem">
          <p>{d('bulkRefused')}</p>
          <ul>
            {failures.map((f) => (
              <li key={f.id}>
                <strong>{titleOf(f.id)}</strong>: {words(f)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  )
}
