/**
 * /upload: many files at once, by drag and drop or the file input (the keyboard's way in), each with its
 * own progress bar and, once stored, its privacy report in plain words: what private data the file
 * carried and that it was removed.
 */
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react'
import { ApiError } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { photographer, photographerProblems, privacyKinds } from '../../i18n/photographer.ts'
import { deadends2 } from '../../i18n/deadends2.ts'
import { Link, type PageProps } from '../../router.tsx'
import { uploadPhoto, type Uploaded } from './photographer.api.ts'
import './photographer.css'

/** Two at a time: the server's pipeline queue is small, and the machine is shared. */
const PARALLEL = 2
const ACCEPT = 'image/jpeg,image/png,image/webp,image/tiff,.jpg,.jpeg,.png,.webp,.tif,.tiff'

type Item = {
  key: number
  file: File
  state: 'waiting' | 'uploading' | 'processing' | 'done' | 'failed'
  progress: number
  result?: Uploaded
  error?: unknown
}

let nextKey = 1

/**
 * Whether another attempt with the same file can succeed: the connection, a busy or restarting server, a
 * rate limit. A file the server refused for what it is (its type, size, pixels, damage, a duplicate) fails
 * the same way every time, so it gets no retry button, only what to do instead.
 */
function retryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  const s = error.status
  return s === 0 || s === 408 || s === 429 || s >= 500
}

export default function UploadPage(_props: PageProps) {
  const t = useT(photographer)
  useTitle(t('uploadTitle'))
  const id = useId()
  const [items, setItems] = useState<Item[]>([])
  const [over, setOver] = useState(false)
  const [credit, setCredit] = useState('')
  const running = useRef(new Map<number, () => void>())
  const input = useRef<HTMLInputElement>(null)

  const update = useCallback((key: number, change: Partial<Item>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i))), [])

  // Starts waiting files while fewer than PARALLEL run.
  useEffect(() => {
    const active = items.filter((i) => i.state === 'uploading' || i.state === 'processing').length
    const next = items.filter((i) => i.state === 'waiting').slice(0, Math.max(0, PARALLEL - active))
    for (const item of next) {
      update(item.key, { state: 'uploading', progress: 0 })
      const h = uploadPhoto(item.file, { credit: credit.trim() }, (f) => update(item.key, f >= 1 ? { state: 'processing', progress: 1 } : { progress: f }))
      running.current.set(item.key, h.abort)
      h.done
        .then(
          (result) => update(item.key, { state: 'done', result }),
          (error) => {
            if (error instanceof DOMException && error.name === 'AbortError') return
            update(item.key, { state: 'failed', error })
          },
        )
        .finally(() => running.current.delete(item.key))
    }
  }, [items, credit, update])

  useEffect(
    () => () => {
      for (const abort of running.current.values()) abort()
    },
    [],
  )

  const add = (files: FileList | null) => {
    if (!files?.length) return
    const added = [...files].map((file): Item => ({ key: nextKey++, file, state: 'waiting', progress: 0 }))
    setItems((list) => [...list, ...added])
  }

  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    add(e.dataTransfer.files)
  }

  return (
    <section className="photographer upload-page" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('uploadTitle')}</h1>
      <p>{t('uploadIntro')}</p>
      <p className="field">
        <label htmlFor={`${id}-credit`}>{t('creditLabel')}</label>
        <input
          id={`${id}-credit`}
          type="text"
          maxLength={120}
          value={credit}
          onChange={(e) => setCredit(e.target.value)}
          aria-describedby={`${id}-credit-hint`}
        />
        <span id={`${id}-credit-hint`} className="hint">
          {t('creditHint')}
        </span>
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target for the mouse; the labelled file button inside is the keyboard's way in */}
      <div
        className={`drop-zone${over ? ' is-over' : ''}`}
        onDragEnter={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragOver={(e) => {
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
        }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false)
        }}
        onDrop={drop}
      >
        <p aria-hidden="true">{over ? t('dropZoneActive') : t('dropZone')}</p>
        <label htmlFor={`${id}-files`} className="button primary">
          {t('chooseFiles')}
        </label>
        <input
          ref={input}
          id={`${id}-files`}
          className="file-input"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(e) => {
            add(e.target.files)
            e.target.value = ''
          }}
        />
      </div>

      {items.length > 0 && (
        <section aria-labelledby={`${id}-files-h`}>
          <h2 id={`${id}-files-h`}>{t('filesHeading')}</h2>
          <Summary items={items} />
          <ul className="upload-list">
            {items.map((item) => (
              <UploadRow
                key={item.key}
                item={item}
                onRetry={() => update(item.key, { state: 'waiting', progress: 0, error: undefined })}
                onRemove={() => {
                  running.current.get(item.key)?.()
                  setItems((list) => list.filter((i) => i.key !== item.key))
                }}
              />
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}

/** How many are stored and how many failed, once none is still on its way (a polite live region). */
function Summary({ items }: { items: Item[] }) {
  const d = useT(deadends2)
  const busy = items.some((i) => i.state !== 'done' && i.state !== 'failed')
  const failed = items.filter((i) => i.state === 'failed').length
  return (
    <p className="upload-summary" aria-live="polite">
      {busy || failed === 0 ? '' : d('uploadSummary', { done: items.filter((i) => i.state === 'done').length, total: items.length, failed })}
    </p>
  )
}

function UploadRow({ item, onRetry, onRemove }: { item: Item; onRetry: () => void; onRemove: () => void }) {
  const t = useT(photographer)
  const d = useT(deadends2)
  const { lang } = useLang()
  const id = useId()
  const pct = Math.round(item.progress * 100)
  const name = item.file.name
  const report = item.result?.privacyReport
  const kinds = (list: string[]) => list.map((k) => privacyKinds[k]?.[lang] ?? k).join(', ')
  const duplicateOf = item.error instanceof ApiError && item.error.slug === 'duplicate-photo' ? (item.error.problem.photoId as string | undefined) : undefined
  const stateText =
    item.state === 'waiting'
      ? t('stateWaiting')
      : item.state === 'uploading'
        ? t('stateUploading', { pct })
        : item.state === 'processing'
          ? t('stateProcessing')
          : item.state === 'done'
            ? t('stateDone')
            : t('stateFailed')
  return (
    <li className={`upload-item state-${item.state}`} aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="file-name">
        {name}
      </h3>
      <div className="progress-row">
        {/* A failed file shows no bar: a full bar beside "failed" would say the opposite. */}
        {item.state !== 'failed' && (
          <label htmlFor={`${id}-progress`} className="visually-hidden">
            {t('progressLabel', { name })}
          </label>
        )}
        {item.state === 'failed' ? null : item.state === 'processing' ? (
          <progress id={`${id}-progress`} max={100} />
        ) : (
          <progress id={`${id}-progress`} max={100} value={item.state === 'done' ? 100 : item.state === 'waiting' ? 0 : pct} />
        )}
        <span className="state" role="status">
          {stateText}
        </span>
      </div>
      {item.state === 'failed' && (
        <div className="failed">
          <ProblemMessage error={item.error} extra={photographerProblems} />
          {duplicateOf ? (
            <Link href={`/my-photos/${duplicateOf}`}>{t('duplicateOpen')}</Link>
          ) : retryable(item.error) ? (
            <button type="button" onClick={onRetry} aria-label={d('retryFileName', { name })}>
              {d('retryFile')}
            </button>
          ) : (
            <p className="hint">{d('failedFinal')}</p>
          )}
        </div>
      )}
      {report && item.result && (
        <section className="privacy-report" aria-labelledby={`${id}-privacy`}>
          <h4 id={`${id}-privacy`}>{t('privacyHeading')}</h4>
          <p className="summary">{report.summary[lang]}</p>
          {report.removed.length > 0 && (
            <details>
              <summary>{report.removed.length === 1 ? t('privacyAsListOne') : t('privacyAsList', { n: report.removed.length })}</summary>
              <ul className="removed">
                {report.removed.map((k) => (
                  <li key={k}>{privacyKinds[k]?.[lang] ?? k}</li>
                ))}
              </ul>
            </details>
          )}
          {report.found.length > 0 && report.kept.length > 0 && (
            <p className="kept">
              {t('privacyKept')}: {kinds(report.kept)}
            </p>
          )}
          <p>
            <Link href={`/my-photos/${item.result.id}`}>{t('editThis')}</Link>
          </p>
        </section>
      )}
      {item.state !== 'done' && (
        <button type="button" className="link-button" onClick={onRemove}>
          {t('remove')} <span className="visually-hidden">({name})</span>
        </button>
      )}
    </li>
  )
}
