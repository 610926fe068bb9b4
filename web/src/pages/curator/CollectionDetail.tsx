/**
 * One collection or exhibition: its photos in order (up/down buttons, so reordering works from the
 * keyboard and is announced), a note per photo, adding published photos, and the export links.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { Picture } from '../../components/Picture.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { curator, curatorProblems } from '../../i18n/curator.ts'
import { useBilingual, useLang, useT } from '../../i18n/index.tsx'
import { Link } from '../../router.tsx'
import { deadends } from '../../i18n/deadends.ts'
import { CandidatePicker, CollectionPublish } from './CandidatePicker.tsx'
import { curatorApi, type CollectionDetail, type CollectionItem, type CollectionKind } from './curator.api.ts'

export function CollectionDetailView({ id }: { id: string }) {
  const t = useT(curator)
  const d = useT(deadends)
  const pick = useBilingual()
  const uid = useId()
  const [c, setC] = useState<CollectionDetail | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [announce, setAnnounce] = useState('')
  const [busy, setBusy] = useState(false)
  useTitle(c ? pick(c.title) : t('collectionsTitle'))

  const load = useCallback(async () => {
    try {
      setC(await curatorApi.collection(id))
    } catch (err) {
      setError(err)
    }
  }, [id])
  useEffect(() => void load(), [load])

  const run = async (fn: () => Promise<CollectionDetail>, said?: (d: CollectionDetail) => string) => {
    setBusy(true)
    setActionError(null)
    try {
      const d = await fn()
      setC(d)
      if (said) setAnnounce(said(d))
      return true
    } catch (err) {
      setActionError(err)
      return false
    } finally {
      setBusy(false)
    }
  }

  if (error)
    return (
      <section className="curator">
        <ProblemMessage error={error} extra={curatorProblems} />
        <p>
          <Link href="/collections">{t('back')}</Link>
        </p>
      </section>
    )
  if (!c) return <p aria-busy="true">{t('loading')}</p>

  const name = (item: CollectionItem) => (item.photo ? pick(item.photo.caption) : '') || t('untitled')
  const move = (index: number, by: -1 | 1) => {
    const ids = c.items.map((i) => i.photoId)
    const [moved] = ids.splice(index, 1)
    ids.splice(index + by, 0, moved!)
    const item = c.items[index]!
    void run(
      () => curatorApi.reorder(c.id, ids),
      () => t('moved', { name: name(item), n: index + by + 1 }),
    ).then(() => {
      // Keep the keyboard where it was: on the same button of the moved photo, if it still exists.
      requestAnimationFrame(() => document.getElementById(`${uid}-${by < 0 ? 'up' : 'down'}-${item.photoId}`)?.focus())
    })
  }

  return (
    <section className="curator collection-detail">
      <p>
        <Link href="/collections">{t('back')}</Link>
      </p>
      <h1>
        {pick(c.title)} <span className="badge">{t(`kind_${c.kind as CollectionKind}`)}</span>
      </h1>
      <CollectionTexts c={c} onSaved={setC} />
      <CollectionPublish c={c} onChanged={setC} />

      <h2 id={`${uid}-items`}>{t('collectionPhotos')}</h2>
      <p role="status" className="visually-hidden">
        {announce}
      </p>
      <ProblemMessage error={actionError} extra={curatorProblems} />
      {c.items.length === 0 ? (
        <p>{t('collectionPhotosEmpty')}</p>
      ) : (
        <ol className="collection-items" aria-labelledby={`${uid}-items`}>
          {c.items.map((item, i) => (
            <li key={item.photoId} className={item.available ? undefined : 'unavailable'}>
              <div className="item-preview">
                {item.photo ? (
                  <Picture
                    previews={item.photo.derivatives.filter((d) => d.preset === 'thumb' || d.preset === 'small')}
                    alt={pick(item.photo.alt) || name(item)}
                    width={item.photo.width}
                    height={item.photo.height}
                    thumbhash={item.photo.thumbhash}
                    sizes="8rem"
                  />
                ) : null}
              </div>
              <div className="item-body">
                <p className="item-title">
                  <strong>{name(item)}</strong> <span className="hint">{t('position', { n: i + 1, total: c.items.length })}</span>
                </p>
                {!item.available && item.reasonWords && <p className="problem">{pick(item.reasonWords)}</p>}
                <ItemNote collectionId={c.id} item={item} label={name(item)} onSaved={setC} />
                <div className="actions">
                  <button type="button" id={`${uid}-up-${item.photoId}`} disabled={busy || i === 0} onClick={() => move(i, -1)}>
                    <span aria-hidden="true">↑</span> <span className="visually-hidden">{t('moveUp', { name: name(item) })}</span>
                  </button>
                  <button type="button" id={`${uid}-down-${item.photoId}`} disabled={busy || i === c.items.length - 1} onClick={() => move(i, 1)}>
                    <span aria-hidden="true">↓</span> <span className="visually-hidden">{t('moveDown', { name: name(item) })}</span>
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => curatorApi.removeItem(c.id, item.photoId),
                        () => t('removed'),
                      )
                    }
                  >
                    {t('removeFromCollection', { name: name(item) })}
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}

      <CandidatePicker c={c} onAdded={(d) => (setC(d), setAnnounce(t('addedPhoto')))} />

      <section aria-labelledby={`${uid}-export`}>
        <h2 id={`${uid}-export`}>{t('exportHeading')}</h2>
        {!c.items.some((i) => i.available) ? (
          <p className="hint">{d('exportEmpty')}</p>
        ) : (
          <ul>
            <li>
              <a href={curatorApi.zipUrl(c.id)} download>
                {t('exportZip')}
              </a>
            </li>
            <li>
              <a href={curatorApi.manifestUrl(c.id)} target="_blank" rel="noopener">
                {t('exportIiif')}
              </a>
            </li>
          </ul>
        )}
      </section>
    </section>
  )
}

function CollectionTexts({ c, onSaved }: { c: CollectionDetail; onSaved: (c: CollectionDetail) => void }) {
  const t = useT(curator)
  const id = useId()
  const [texts, setTexts] = useState({ titleNl: c.title.nl ?? '', titleEn: c.title.en ?? '', notesNl: c.notes.nl ?? '', notesEn: c.notes.en ?? '' })
  const [state, setState] = useState<'idle' | 'busy' | 'saved'>('idle')
  const [error, setError] = useState<unknown>(null)
  const set = (k: keyof typeof texts, v: string) => {
    setTexts({ ...texts, [k]: v })
    setState('idle')
  }
  return (
    <details className="collection-texts">
      <summary>{`${t('title')}, ${t('description').toLowerCase()}`}</summary>
      <form
        onSubmit={async (e) => {
          e.preventDefault()
          setState('busy')
          setError(null)
          try {
            onSaved(
              await curatorApi.update(c.id, {
                titleNl: texts.titleNl.trim(),
                titleEn: texts.titleEn.trim() || null,
                notesNl: texts.notesNl.trim() || null,
                notesEn: texts.notesEn.trim() || null,
              }),
            )
            setState('saved')
          } catch (err) {
            setError(err)
            setState('idle')
          }
        }}
      >
        {(['titleNl', 'titleEn'] as const).map((k) => (
          <p className="field" key={k}>
            <label htmlFor={`${id}-${k}`}>{t(k)}</label>
            <input id={`${id}-${k}`} type="text" maxLength={200} required={k === 'titleNl'} value={texts[k]} onChange={(e) => set(k, e.target.value)} />
          </p>
        ))}
        {(['notesNl', 'notesEn'] as const).map((k) => (
          <p className="field" key={k}>
            <label htmlFor={`${id}-${k}`}>{t(k === 'notesNl' ? 'descriptionNl' : 'descriptionEn')}</label>
            <textarea id={`${id}-${k}`} rows={3} maxLength={4000} value={texts[k]} onChange={(e) => set(k, e.target.value)} />
          </p>
        ))}
        <ProblemMessage error={error} extra={curatorProblems} />
        <div className="actions">
          <button type="submit" disabled={state === 'busy'}>
            {t('save')}
          </button>
          <span role="status">{state === 'saved' ? t('saved') : ''}</span>
        </div>
      </form>
    </details>
  )
}

function ItemNote({
  collectionId,
  item,
  label,
  onSaved,
}: {
  collectionId: string
  item: CollectionItem
  label: string
  onSaved: (c: CollectionDetail) => void
}) {
  const t = useT(curator)
  const { lang } = useLang()
  const id = useId()
  const field = lang === 'nl' ? 'noteNl' : 'noteEn'
  const [note, setNote] = useState(item.note[lang] ?? '')
  const [state, setState] = useState<'idle' | 'busy' | 'saved'>('idle')
  const [error, setError] = useState<unknown>(null)
  useEffect(() => setNote(item.note[lang] ?? ''), [item.note, lang])
  return (
    <form
      className="item-note"
      onSubmit={async (e) => {
        e.preventDefault()
        setState('busy')
        setError(null)
        try {
          onSaved(await curatorApi.updateItem(collectionId, item.photoId, { [field]: note.trim() || null }))
          setState('saved')
        } catch (err) {
          setError(err)
          setState('idle')
        }
      }}
    >
      <label htmlFor={`${id}-note`}>
        {t('note')} <span className="visually-hidden">({label})</span>
      </label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => {
          setNote(e.target.value)
          setState('idle')
        }}
      />
      <div className="actions">
        <button type="submit" disabled={state === 'busy'}>
          {t('saveNote')}
          <span className="visually-hidden"> ({label})</span>
        </button>
        <span role="status">{state === 'saved' ? t('noteSaved') : ''}</span>
      </div>
    </form>
  )
}
