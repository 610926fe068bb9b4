/** /my-photos/:id: captions, alt text and keywords in both languages (Dutch first), the people in the photo, send for review. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { Picture } from '../../components/Picture.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useBilingual, useT } from '../../i18n/index.tsx'
import { photographer, photographerProblems } from '../../i18n/photographer.ts'
import { Link, navigate } from '../../router.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { LicenceChoice } from '../../components/LicenceChoice.tsx'
import { licenceWords } from '../../i18n/licences.ts'
import { deadends } from '../../i18n/deadends.ts'
import { PeopleSection } from './PeopleSection.tsx'
import { photoStatus, PhotoStatusPanel, type PhotoStatus } from './PhotoStatusPanel.tsx'
import { photographerApi, type OwnPhoto, type StatusName } from './photographer.api.ts'

type Texts = {
  captionNl: string
  captionEn: string
  altNl: string
  altEn: string
  tags: string
  tagsEn: string
  credit: string
  placeCity: string
  series: string
}
const textsOf = (p: OwnPhoto): Texts => ({
  captionNl: p.caption.nl ?? '',
  captionEn: p.caption.en ?? '',
  altNl: p.alt.nl ?? '',
  altEn: p.alt.en ?? '',
  tags: p.keywords.nl.join(', '),
  tagsEn: p.keywords.en.join(', '),
  credit: p.credit ?? '',
  placeCity: p.placeCity ?? '',
  series: p.series ?? '',
})

export function PhotoEditor({ id }: { id: string }) {
  const t = useT(photographer)
  const d = useT(deadends)
  const lw = useT(licenceWords)
  const pick = useBilingual()
  const [standing, setStanding] = useState<PhotoStatus | null>(null)
  const uid = useId()
  useTitle(t('editTitle'))
  const [photo, setPhoto] = useState<OwnPhoto | null>(null)
  const [texts, setTexts] = useState<Texts | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [saveError, setSaveError] = useState<unknown>(null)
  const [submitState, setSubmitState] = useState<'idle' | 'busy' | 'done'>('idle')
  const [submitError, setSubmitError] = useState<unknown>(null)

  const load = useCallback(async () => {
    try {
      const [p, st] = await Promise.all([photographerApi.get(id), photoStatus(id).catch(() => null)])
      setPhoto(p)
      setStanding(st)
      setTexts((old) => old ?? textsOf(p))
    } catch (err) {
      setLoadError(err)
    }
  }, [id])
  useEffect(() => void load(), [load])

  // While the sizes are being made, look again now and then (the preview appears when they are ready).
  useEffect(() => {
    if (!photo || photo.derivativesState === 'ready' || photo.status === 'withdrawn') return
    const timer = setTimeout(() => void load(), 1500)
    return () => clearTimeout(timer)
  }, [photo, load])

  if (loadError)
    return (
      <section className="photographer">
        <h1>{t('editTitle')}</h1>
        <ProblemMessage error={loadError} extra={photographerProblems} />
        <p>
          <Link href="/my-photos">{t('back')}</Link>
        </p>
      </section>
    )
  if (!photo || !texts) return <p aria-busy="true">{t('loading')}</p>

  const editable = photo.status !== 'withdrawn'
  const save = async (e: FormEvent) => {
    e.preventDefault()
    setSaveState('saving')
    setSaveError(null)
    try {
      const list = (s: string) => [
        ...new Set(
          s
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean),
        ),
      ]
      const p = await photographerApi.patch(photo.id, {
        captionNl: texts.captionNl.trim(),
        captionEn: texts.captionEn.trim(),
        altNl: texts.altNl.trim(),
        altEn: texts.altEn.trim(),
        tags: list(texts.tags),
        tagsEn: list(texts.tagsEn),
        ...(texts.credit.trim() ? { credit: texts.credit.trim() } : {}),
        placeCity: texts.placeCity.trim(),
        series: texts.series.trim(),
      })
      setPhoto(p)
      setTexts(textsOf(p))
      setStanding(await photoStatus(p.id).catch(() => null))
      setSaveState('saved')
    } catch (err) {
      setSaveError(err)
      setSaveState('idle')
    }
  }
  const field = (key: keyof Texts, label: string, multiline: boolean, max: number) => (
    <p className="field">
      <label htmlFor={`${uid}-${key}`}>{label}</label>
      {multiline ? (
        <textarea
          id={`${uid}-${key}`}
          rows={3}
          maxLength={max}
          value={texts[key]}
          disabled={!editable}
          onChange={(e) => {
            setTexts({ ...texts, [key]: e.target.value })
            setSaveState('idle')
          }}
        />
      ) : (
        <input
          id={`${uid}-${key}`}
          type="text"
          maxLength={max}
          value={texts[key]}
          disabled={!editable}
          onChange={(e) => {
            setTexts({ ...texts, [key]: e.target.value })
            setSaveState('idle')
          }}
          {...(key === 'tags' || key === 'tagsEn' ? { 'aria-describedby': `${uid}-${key}-hint`, lang: key === 'tags' ? 'nl' : 'en' } : {})}
        />
      )}
      {(key === 'tags' || key === 'tagsEn') && (
        <span id={`${uid}-${key}-hint`} className="hint">
          {t(key === 'tags' ? 'tagsHint' : 'tagsEnHint')}
        </span>
      )}
    </p>
  )
  const status = t(`status_${photo.status as StatusName}`)
  const sendable = photo.status === 'draft' || photo.status === 'returned'

  return (
    <section className="photographer photo-editor">
      <p>
        <Link href="/my-photos">{t('back')}</Link>
      </p>
      <h1>{t('editTitle')}</h1>
      <p className={`badge status-${photo.status}`}>{t('statusLabel', { status })}</p>
      <div className="editor-preview">
        {photo.derivatives.length ? (
          <Picture
            previews={photo.derivatives.filter((d) => d.preset === 'small' || d.preset === 'medium')}
            alt={t('previewAlt', { alt: pick(photo.alt) || pick(photo.caption) || t('untitled') })}
            width={photo.width}
            height={photo.height}
            thumbhash={photo.thumbhash}
            sizes="(max-width: 40rem) 100vw, 24rem"
            eager
          />
        ) : (
          <p>{t('previewPending')}</p>
        )}
      </div>

      <form onSubmit={save} aria-labelledby={`${uid}-texts`} className="texts-form">
        <h2 id={`${uid}-texts`}>{t('textsHeading')}</h2>
        <p className="hint">{t('textsHint')}</p>
        {field('captionNl', t('captionNl'), true, 2000)}
        {field('captionEn', t('captionEn'), true, 2000)}
        {field('altNl', t('altNl'), true, 1000)}
        {field('altEn', t('altEn'), true, 1000)}
        {field('tags', t('tags'), false, 2000)}
        {field('tagsEn', t('tagsEn'), false, 2000)}
        <h3>{d('detailsHeading')}</h3>
        {field('credit', d('credit'), false, 120)}
        {field('placeCity', d('placeCity'), false, 120)}
        {field('series', d('series'), false, 160)}
        <ProblemMessage error={saveError} extra={photographerProblems} />
        <div className="actions">
          <button type="submit" disabled={!editable || saveState === 'saving'}>
            {saveState === 'saving' ? t('saving') : t('save')}
          </button>
          <span role="status">{saveState === 'saved' ? t('saved') : ''}</span>
        </div>
      </form>

      {/* The photographer chooses until it is published; then a curator does. */}
      <LicenceChoice
        photo={photo}
        editable={photo.status !== 'published' && photo.status !== 'withdrawn'}
        lockedHint={photo.status === 'published' ? lw('lockedPublished') : undefined}
        onChanged={(p) => (setPhoto(p), void photoStatus(p.id).then(setStanding, () => null))}
      />

      {standing && <PhotoStatusPanel status={standing} />}

      <PeopleSection photo={photo} onChanged={(p) => (setPhoto(p ?? photo), void load())} reload={load} />

      <section aria-labelledby={`${uid}-submit`} className="submit-section">
        <h2 id={`${uid}-submit`}>{t('submitHeading')}</h2>
        <p>{t('submitIntro')}</p>
        {sendable ? (
          <button
            type="button"
            disabled={submitState === 'busy'}
            onClick={async () => {
              setSubmitState('busy')
              setSubmitError(null)
              try {
                await photographerApi.submit(photo.id)
                setSubmitState('done')
                await load()
              } catch (err) {
                setSubmitError(err)
                setSubmitState('idle')
              }
            }}
          >
            {photo.status === 'returned' ? d('resubmit') : t('submit')}
          </button>
        ) : (
          <p>{submitState === 'done' ? '' : t('notDraft', { status })}</p>
        )}
        <p role="status">{submitState === 'done' ? t('submitted') : ''}</p>
        <ProblemMessage error={submitError} extra={photographerProblems} />
        {sendable && (
          <p>
            <ConfirmButton
              className="danger"
              label={d('deleteDraft')}
              title={d('deleteDraftTitle')}
              consequence={d('deleteDraftConsequence')}
              confirmLabel={d('deleteConfirm')}
              onConfirm={async () => {
                await photographerApi.remove(photo.id)
                navigate('/my-photos')
              }}
            />
          </p>
        )}
      </section>
    </section>
  )
}
