/** /review: photos sent for review; publish, or see in plain words why publishing is refused. */
import { useCallback, useEffect, useId, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { Picture } from '../../components/Picture.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { curator, curatorProblems } from '../../i18n/curator.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import type { PageProps } from '../../router.tsx'
import { ConsentSummary } from '../photographer/PeopleSection.tsx'
import { curatorApi, refusalReasons, type Person, type Reason, type ReviewItem } from './curator.api.ts'
import { ReasonList } from './reasons.tsx'
import { ReturnForm, ZoomView } from './ReviewExtras.tsx'
import { LicenceChoice } from '../../components/LicenceChoice.tsx'
import { deadends } from '../../i18n/deadends.ts'
import './curator.css'

export default function ReviewPage(_props: PageProps) {
  const t = useT(curator)
  useTitle(t('reviewTitle'))
  const [items, setItems] = useState<ReviewItem[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const load = useCallback(async () => {
    try {
      setItems(await curatorApi.reviewQueue())
      setError(null)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])
  return (
    <section className="curator review-page">
      <h1>{t('reviewTitle')}</h1>
      <p className="lead">{t('reviewIntro')}</p>
      <ProblemMessage error={error} extra={curatorProblems} />
      {items === null && !error && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p>{t('reviewEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="review-list">
          {items.map((item) => (
            <li key={item.photo.id}>
              <ReviewCard item={item} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function ReviewCard({ item }: { item: ReviewItem }) {
  const t = useT(curator)
  const d = useT(deadends)
  const { lang } = useLang()
  const id = useId()
  const [photo, setPhoto] = useState(item.photo)
  const [people, setPeople] = useState<Person[] | null>(null)
  const [state, setState] = useState<'idle' | 'busy' | 'published' | 'returned'>('idle')
  const [reasons, setReasons] = useState<Reason[]>(item.publishable ? [] : item.reasons)
  const [error, setError] = useState<unknown>(null)
  const [attempted, setAttempted] = useState(false)

  useEffect(() => {
    curatorApi.people(photo.id).then(
      (r) => setPeople(r.items),
      () => setPeople([]),
    )
  }, [photo.id])

  const names = new Map((people ?? []).map((p) => [p.subjectId, p.pseudonym]))
  const caption = photo.caption[lang] ?? photo.caption.nl ?? photo.caption.en ?? ''
  const heading = caption || t('untitled')

  // Sizes still being made is a wait, not a refusal: publishing stays possible (and is retried).
  const blocked = reasons.some((r) => r.code !== 'derivatives-pending')
  const publish = async () => {
    setState('busy')
    setError(null)
    setAttempted(true)
    try {
      await curatorApi.publish(photo.id)
      setReasons([])
      setState('published')
    } catch (err) {
      const r = refusalReasons(err)
      if (r) setReasons(r)
      else setError(err)
      setState('idle')
    }
  }

  return (
    <article className="review-card" aria-labelledby={`${id}-h`} data-photo-id={photo.id}>
      <div className="review-preview">
        <Picture
          previews={photo.derivatives.filter((d) => d.preset === 'small' || d.preset === 'medium')}
          alt={photo.alt[lang] ?? photo.alt.nl ?? photo.alt.en ?? heading}
          width={photo.width}
          height={photo.height}
          thumbhash={photo.thumbhash}
          sizes="(max-width: 40rem) 100vw, 20rem"
        />
        <ZoomView derivatives={photo.derivatives} alt={photo.alt[lang] ?? photo.alt.nl ?? photo.alt.en ?? heading} title={heading} />
      </div>
      <div className="review-body">
        <h2 id={`${id}-h`}>{heading}</h2>
        <dl className="review-texts">
          <dt>{t('field_captionNl')}</dt>
          <dd lang="nl">{photo.caption.nl || '—'}</dd>
          <dt>{t('field_captionEn')}</dt>
          <dd lang="en">{photo.caption.en || '—'}</dd>
          <dt>{t('field_altNl')}</dt>
          <dd lang="nl">{photo.alt.nl || '—'}</dd>
          <dt>{t('field_altEn')}</dt>
          <dd lang="en">{photo.alt.en || '—'}</dd>
          <dt>{t('field_tagsNl')}</dt>
          <dd lang="nl">{photo.keywords.nl.join(', ') || '—'}</dd>
          <dt>{t('field_tagsEn')}</dt>
          <dd lang="en">{photo.keywords.en.join(', ') || '—'}</dd>
        </dl>
        {people === null ? (
          <p aria-busy="true">{t('loading')}</p>
        ) : people.length > 0 ? (
          <ul className="people">
            {people.map((p) => (
              <li key={p.subjectId}>
                <strong>{t('consentOf', { name: p.pseudonym })}</strong>: {p.consent ? <ConsentSummary consent={p.consent} /> : '—'}
              </li>
            ))}
          </ul>
        ) : (
          <p>{photo.noPeopleDeclared ? t('nobody') : t('nobodyUndeclared')}</p>
        )}
        <LicenceChoice photo={photo} level={3} editable={state !== 'published' && state !== 'returned'} onChanged={setPhoto} />
        {reasons.length > 0 && state !== 'published' && state !== 'returned' && (
          <div className="refusal" role={attempted ? 'alert' : undefined}>
            <h3>{t('refusedHeading')}</h3>
            <ReasonList reasons={reasons} names={names} id={`${id}-reasons`} />
          </div>
        )}
        <ProblemMessage error={error} extra={curatorProblems} />
        <div className="actions">
          {state === 'published' ? (
            <p role="status" className="ok">
              {t('published')}
            </p>
          ) : state === 'returned' ? (
            <p role="status" className="ok">
              {d('returned')}
            </p>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={state === 'busy' || blocked}
                aria-describedby={reasons.length ? `${id}-reasons` : undefined}
                onClick={() => void publish()}
              >
                {state === 'busy' ? t('publishing') : t('publish')}
                <span className="visually-hidden">: {heading}</span>
              </button>
              {blocked && <span className="hint">{d('publishDisabled')}</span>}
            </>
          )}
        </div>
        {state !== 'published' && state !== 'returned' && <ReturnForm photoId={photo.id} title={heading} onReturned={() => setState('returned')} />}
      </div>
    </article>
  )
}
