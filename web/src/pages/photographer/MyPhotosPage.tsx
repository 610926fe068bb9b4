/** /my-photos: the photographer's own photos; /my-photos/:id edits one (the route hands the id as params.rest). */
import { useCallback, useEffect, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { Picture } from '../../components/Picture.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useBilingual, useT } from '../../i18n/index.tsx'
import { photographer, photographerProblems } from '../../i18n/photographer.ts'
import { Link, type PageProps } from '../../router.tsx'
import { deadends2 } from '../../i18n/deadends2.ts'
import { BulkTexts } from './BulkTexts.tsx'
import { PhotoEditor } from './PhotoEditor.tsx'
import { photographerApi, type OwnPhoto, type StatusName } from './photographer.api.ts'
import './photographer.css'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default function MyPhotosPage({ params }: PageProps) {
  const id = params.rest
  if (id && UUID.test(id)) return <PhotoEditor id={id} />
  return <MyPhotosList />
}

function MyPhotosList() {
  const t = useT(photographer)
  const pick = useBilingual()
  useTitle(t('myPhotosTitle'))
  const [items, setItems] = useState<OwnPhoto[] | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const [selected, setSelected] = useState<string[]>([])
  const d = useT(deadends2)
  const toggle = (photoId: string, on: boolean) =>
    setSelected((old) => (on ? [...old.filter((x) => x !== photoId), photoId] : old.filter((x) => x !== photoId)))
  const titleOf = (photoId: string) => {
    const p = items?.find((x) => x.id === photoId)
    return (p && pick(p.caption)) || t('untitled')
  }

  const load = useCallback(async (after?: string) => {
    setBusy(true)
    setError(null)
    try {
      const page = await photographerApi.list(after)
      setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items))
      setCursor(page.nextCursor)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }, [])
  useEffect(() => void load(), [load])

  return (
    <section className="photographer my-photos">
      <h1>{t('myPhotosTitle')}</h1>
      <p>
        <Link href="/upload">{t('uploadMore')}</Link>
      </p>
      <ProblemMessage error={error} extra={photographerProblems} />
      {items === null && !error && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p>{t('myPhotosEmpty')}</p>}
      {items && items.length > 0 && (
        <>
          <BulkTexts selected={selected} titleOf={titleOf} onDone={() => void load()} />
          <p className="bulk-choose">
            <button type="button" onClick={() => setSelected(items.filter((p) => p.status === 'draft' || p.status === 'returned').map((p) => p.id))}>
              {d('bulkSelectAllDrafts')}
            </button>{' '}
            <button type="button" onClick={() => setSelected([])}>
              {d('bulkSelectNone')}
            </button>
          </p>
        </>
      )}
      {items && items.length > 0 && (
        <ul className="own-grid">
          {items.map((p) => {
            const caption = pick(p.caption)
            const status = t(`status_${p.status as StatusName}`)
            return (
              <li key={p.id} className="own-item">
                <label className="bulk-pick">
                  <input type="checkbox" checked={selected.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
                  <span className="visually-hidden">{d('bulkSelect', { title: caption || t('untitled') })}</span>
                </label>
                <Link href={`/my-photos/${p.id}`} className="own-card">
                  <Picture
                    previews={p.derivatives.filter((d) => d.preset === 'thumb' || d.preset === 'small')}
                    alt={pick(p.alt) || caption || t('untitled')}
                    width={p.width}
                    height={p.height}
                    thumbhash={p.thumbhash}
                    sizes="(max-width: 40rem) 50vw, 16rem"
                  />
                  <span className="caption">{caption || t('untitled')}</span>
                  <span className={`badge status-${p.status}`}>{t('statusLabel', { status })}</span>
                </Link>
              </li>
            )
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" disabled={busy} onClick={() => void load(cursor)}>
          {busy ? t('loading') : t('loadMore')}
        </button>
      )}
    </section>
  )
}
