/**
 * The people in a photo: each by pseudonym with their consent in plain words; add someone (an earlier
 * pseudonym or a new one) with their consent, or declare that nobody is pictured.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { TOPIC_LABELS, USE_LABELS, type Topic, type Use } from '../../../../contract/vocabulary.ts'
import { ApiError } from '../../api.ts'
import { ConsentFields, defaultChoice, type ConsentChoice } from '../../components/consent/ConsentFields.tsx'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { deadends } from '../../i18n/deadends.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { photographer, photographerProblems } from '../../i18n/photographer.ts'
import { photographerApi, type Consent, type OwnPhoto, type Person, type Subject } from './photographer.api.ts'

export function ConsentSummary({ consent }: { consent: Consent }) {
  const { lang } = useLang()
  const uses = consent.uses.map((u) => USE_LABELS[u as Use]?.[lang] ?? u).join(', ')
  const topics = consent.excludedTopics.map((x) => TOPIC_LABELS[x as Topic]?.[lang] ?? x).join(', ')
  const nothing = lang === 'nl' ? 'niets' : 'nothing'
  const until = new Date(`${consent.validUntil}T00:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  })
  if (consent.state === 'withdrawn') return <span>{lang === 'nl' ? 'Toestemming ingetrokken.' : 'Consent withdrawn.'}</span>
  return lang === 'nl' ? (
    <span>
      Mag gebruikt worden voor: {uses || nothing}. Niet bij: {topics || nothing}.{' '}
      {consent.identifiable
        ? consent.identifiabilityAgreed
          ? 'Herkenbaar, en dat is afgesproken.'
          : 'Herkenbaar, maar dat is NIET afgesproken.'
        : 'Niet herkenbaar.'}{' '}
      Geldig tot en met {until}.
    </span>
  ) : (
    <span>
      May be used for: {uses || nothing}. Not with: {topics || nothing}.{' '}
      {consent.identifiable
        ? consent.identifiabilityAgreed
          ? 'Recognisable, and that was agreed.'
          : 'Recognisable, but that was NOT agreed.'
        : 'Not recognisable.'}{' '}
      Valid until {until} inclusive.
    </span>
  )
}

export function PeopleSection({ photo, onChanged, reload }: { photo: OwnPhoto; onChanged: (p?: OwnPhoto) => void; reload: () => Promise<void> }) {
  const t = useT(photographer)
  const d = useT(deadends)
  const { lang } = useLang()
  const id = useId()
  // Before publication a person linked by mistake can be removed; after it only consent changes (the gate's rules).
  const removable = photo.status !== 'published' && photo.status !== 'withdrawn'
  const [people, setPeople] = useState<Person[] | null>(null)
  const [subjects, setSubjects] = useState<Subject[]>([])
  const [existing, setExisting] = useState('')
  const [pseudonym, setPseudonym] = useState('')
  const [choice, setChoice] = useState<ConsentChoice>(defaultChoice)
  const [validUntil, setValidUntil] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [message, setMessage] = useState('')
  const [declared, setDeclared] = useState<boolean | null>(null)
  const editable = photo.status !== 'withdrawn'

  const load = useCallback(async () => {
    try {
      const [p, s] = await Promise.all([photographerApi.people(photo.id), photographerApi.subjects()])
      setPeople(p.items)
      setSubjects(s.items)
    } catch (err) {
      setError(err)
    }
  }, [photo.id])
  useEffect(() => void load(), [load])

  const add = async (e: FormEvent) => {
    e.preventDefault()
    setError(null)
    setMessage('')
    const name = pseudonym.trim()
    if (!existing && !name) {
      setError(new ApiError({ type: '/problems/person-missing', title: t('personMissing'), detail: t('personMissing'), status: 400 }))
      return
    }
    setBusy(true)
    try {
      const subject = existing ? subjects.find((s) => s.id === existing)! : await photographerApi.createSubject(name)
      const added = await photographerApi.addPerson(photo.id, subject.id, { ...choice, ...(validUntil ? { validUntil } : {}) })
      setMessage(t(added.proposal ? 'addedWithProposal' : 'added', { name: subject.pseudonym }))
      setExisting('')
      setPseudonym('')
      setChoice(defaultChoice())
      setValidUntil('')
      await load()
      await reload()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  const linked = new Set(people?.map((p) => p.subjectId))
  const choosable = subjects.filter((s) => !linked.has(s.id))

  return (
    <section aria-labelledby={`${id}-h`} className="people-section">
      <h2 id={`${id}-h`}>{t('peopleHeading')}</h2>
      <p>{t('peopleIntro')}</p>
      {people === null ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : people.length === 0 ? (
        <p>{t('peopleNone')}</p>
      ) : (
        <ul className="people">
          {people.map((p) => (
            <li key={p.subjectId}>
              <strong>{p.pseudonym}</strong>: {p.consent ? <ConsentSummary consent={p.consent} /> : t('consentNone')}
              {removable && (
                <>
                  {' '}
                  <ConfirmButton
                    label={d('removePerson', { name: p.pseudonym })}
                    title={d('removePersonTitle', { name: p.pseudonym })}
                    consequence={d('removePersonConsequence', { name: p.pseudonym })}
                    confirmLabel={d('removeConfirm')}
                    onConfirm={async () => {
                      await photographerApi.removePerson(photo.id, p.subjectId)
                      setMessage(d('removed', { name: p.pseudonym }))
                      await load()
                      await reload()
                    }}
                  />
                </>
              )}
              {(p.proposals?.length ?? 0) > 0 && (
                <ul className="proposals" aria-label={t('proposalsLabel', { name: p.pseudonym })}>
                  {p.proposals!.map((x) => (
                    <li key={x.id} className={`proposal proposal-${x.state}`}>
                      {t('proposalLine', {
                        state: t(`proposal_${x.state}`),
                        date: new Date(x.createdAt).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', {
                          day: 'numeric',
                          month: 'long',
                          year: 'numeric',
                          timeZone: 'UTC',
                        }),
                        widens: x.widens.map((w) => t(`widen_${w}` as Parameters<typeof t>[0])).join(', '),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}

      {people?.length === 0 && editable && (
        <p className="check">
          <input
            type="checkbox"
            id={`${id}-nopeople`}
            checked={declared ?? photo.noPeopleDeclared}
            disabled={busy}
            onChange={async (e) => {
              // The tick shows at once (a controlled box would spring back until the server answers); it is
              // undone when the server refuses.
              const next = e.target.checked
              setDeclared(next)
              setBusy(true)
              setError(null)
              try {
                onChanged(await photographerApi.patch(photo.id, { noPeople: next }))
                setMessage(next ? t('noPeopleSaved') : '')
              } catch (err) {
                setError(err)
              } finally {
                setDeclared(null)
                setBusy(false)
              }
            }}
          />
          <label htmlFor={`${id}-nopeople`}>{t('noPeople')}</label>
        </p>
      )}

      {editable && (
        <form onSubmit={add} aria-labelledby={`${id}-add`} className="add-person">
          <h3 id={`${id}-add`}>{t('addPerson')}</h3>
          {choosable.length > 0 && (
            <p className="field">
              <label htmlFor={`${id}-existing`}>{t('personExisting')}</label>
              <select id={`${id}-existing`} value={existing} onChange={(e) => setExisting(e.target.value)} disabled={busy}>
                <option value="">{t('personChoose')}</option>
                {choosable.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.pseudonym}
                  </option>
                ))}
              </select>
            </p>
          )}
          <p className="field">
            <label htmlFor={`${id}-pseudonym`}>{t('personNew')}</label>
            <input
              id={`${id}-pseudonym`}
              type="text"
              maxLength={60}
              autoComplete="off"
              value={pseudonym}
              disabled={busy || !!existing}
              onChange={(e) => setPseudonym(e.target.value)}
              aria-describedby={`${id}-pseudonym-hint`}
            />
            <span id={`${id}-pseudonym-hint`} className="hint">
              {t('personNewHint')}
            </span>
          </p>
          <h4>{t('consentHeading')}</h4>
          <ConsentFields
            value={choice}
            onChange={setChoice}
            disabled={busy}
            labels={{
              usesLegend: t('usesLegend'),
              topicsLegend: t('topicsLegend'),
              identifiable: t('identifiable'),
              identifiabilityAgreed: t('identifiabilityAgreed'),
              publicPreview: t('publicPreview'),
            }}
          />
          <p className="field">
            <label htmlFor={`${id}-until`}>{t('validUntil')}</label>
            <input
              id={`${id}-until`}
              type="date"
              value={validUntil}
              disabled={busy}
              onChange={(e) => setValidUntil(e.target.value)}
              aria-describedby={`${id}-until-hint`}
            />
            <span id={`${id}-until-hint`} className="hint">
              {t('validUntilHint')}
            </span>
          </p>
          <p className="hint">{t('portalNote')}</p>
          <ProblemMessage error={error} extra={photographerProblems} />
          <div className="actions">
            <button type="submit" disabled={busy}>
              {t('addWithConsent')}
            </button>
            <span role="status">{message}</span>
          </div>
        </form>
      )}
    </section>
  )
}
