/**
 * The licence of one photo, chosen from GET /v1/licences (names and what each allows, Dutch first, English
 * second) and saved with PATCH /v1/photos/:id { licence }. The answer says what the change did to downloads
 * already made, as the gate decides (each keeps the licence it was made under; some may no longer hold).
 * Used by the photographer's editor, the curator's review card and the photo page for staff.
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { USE_LABELS, type Use } from '../../../contract/vocabulary.ts'
import { api, type Json } from '../api.ts'
import { useLang, useT } from '../i18n/index.tsx'
import { GRANT_ENDED, licenceProblems, licenceWords } from '../i18n/licences.ts'
import { ProblemMessage } from './ProblemMessage.tsx'

type Licences = Json<'/v1/licences', 'get'>
export type LicenceItem = Licences['items'][number]
/** What a licence change did to the downloads already made (PATCH /v1/photos/:id). */
export type GrantsHold = NonNullable<Json<'/v1/photos/{id}', 'patch'>['grants']>

// One request per page load: the published versions never change while the server runs.
let listed: Promise<LicenceItem[]> | null = null
const listLicences = () =>
  (listed ??= api<Licences>('/v1/licences').then(
    (r) => r.items,
    (err: unknown) => ((listed = null), Promise.reject(err)),
  ))

/** Ours first (for photos of people), then the open ones. */
const order = (a: LicenceItem, b: LicenceItem) => (a.kind === b.kind ? a.ref.localeCompare(b.ref) : a.kind === 'own' ? -1 : 1)

export function LicenceChoice<P extends { id: string; licence: string }>({
  photo,
  editable,
  lockedHint,
  onChanged,
  level = 2,
}: {
  photo: P
  /** The heading's level where it sits (a card's own heading is an h2: then 3). */
  level?: 2 | 3
  /** False: the choice is shown, not changeable (with `lockedHint` saying why). */
  editable: boolean
  lockedHint?: string
  onChanged?: (photo: P) => void
}) {
  const t = useT(licenceWords)
  const { lang } = useLang()
  const uid = useId()
  const [items, setItems] = useState<LicenceItem[] | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [chosen, setChosen] = useState(photo.licence)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [answer, setAnswer] = useState<{ name: string; grants: GrantsHold | null } | null>(null)

  useEffect(() => {
    listLicences().then((l) => setItems([...l].sort(order)), setLoadError)
  }, [])
  useEffect(() => setChosen(photo.licence), [photo.licence])

  const name = (l: LicenceItem | undefined, ref: string) => (l ? `${l.shortName[lang]} ${l.version}` : ref.replace('@', ' '))
  const uses = (l: LicenceItem) => l.permittedUses.map((u) => USE_LABELS[u as Use]?.[lang] ?? u).join(', ')

  const save = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    setAnswer(null)
    try {
      const p = await api<P & { grants?: GrantsHold }>(`/v1/photos/${photo.id}`, { method: 'PATCH', body: { licence: chosen } })
      setAnswer({
        name: name(
          items?.find((l) => l.ref === p.licence),
          p.licence,
        ),
        grants: p.grants ?? null,
      })
      onChanged?.(p)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="licence-choice" aria-labelledby={`${uid}-h`} data-testid="licence-choice">
      {level === 2 ? <h2 id={`${uid}-h`}>{t('heading')}</h2> : <h3 id={`${uid}-h`}>{t('heading')}</h3>}
      <p className="hint">{t('intro')}</p>
      {loadError ? <ProblemMessage error={loadError} /> : null}
      {!items && !loadError && <p aria-busy="true">{t('loading')}</p>}
      {items && (
        <form onSubmit={save}>
          <fieldset disabled={!editable || busy}>
            <legend>{t('legend')}</legend>
            {items.map((l) => (
              <p key={l.ref} className="licence-option">
                <input
                  type="radio"
                  id={`${uid}-${l.ref}`}
                  name={`${uid}-licence`}
                  value={l.ref}
                  checked={chosen === l.ref}
                  onChange={() => (setChosen(l.ref), setAnswer(null))}
                  aria-describedby={`${uid}-${l.ref}-d`}
                />
                <label htmlFor={`${uid}-${l.ref}`}>
                  <strong>{name(l, l.ref)}</strong> ({l.kind === 'own' ? t('own') : t('open')}){l.ref === photo.licence ? ` · ${t('current')}` : ''}
                </label>
                <span id={`${uid}-${l.ref}-d`} className="hint">
                  {t('mayBeUsedFor', { uses: uses(l) })}{' '}
                  <a href={l.url} target="_blank" rel="noreferrer license">
                    {t('deedLink', { name: name(l, l.ref) })}
                  </a>
                </span>
              </p>
            ))}
          </fieldset>
          {!editable && lockedHint && <p className="hint">{lockedHint}</p>}
          <ProblemMessage error={error} extra={licenceProblems} />
          {editable && (
            <div className="actions">
              <button type="submit" disabled={busy || chosen === photo.licence}>
                {busy ? t('saving') : t('save')}
              </button>
            </div>
          )}
        </form>
      )}
      <div role="status" className="licence-answer">
        {answer && (
          <>
            <p className="ok">{t('changed', { name: answer.name })}</p>
            {answer.grants &&
              (answer.grants.total === 0 ? (
                <p>{t('grantsNone')}</p>
              ) : (
                <p>{t('grantsHolding', { holding: answer.grants.holding, total: answer.grants.total })}</p>
              ))}
            {answer.grants?.ended.map((e) => (
              <p key={e.reason} className="problem">
                {t('grantsEnded', { count: e.count, why: GRANT_ENDED[e.reason]?.[lang] ?? (lang === 'en' ? e.detail : e.reason) })}
              </p>
            ))}
          </>
        )}
      </div>
    </section>
  )
}
