/**
 * Adding photos to a collection or exhibition: only the photos that may be added (for an exhibition: the
 * consent and licence cover exhibitions), each with its thumbnail and an "add" button, and below them the
 * others with the reason in words, so the curator never picks a photo that would be refused.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { api, type Json } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { deadends } from '../../i18n/deadends.ts'
import { useBilingual, useT } from '../../i18n/index.tsx'
import type { CollectionDetail } from './curator.api.ts'

type Candidates = Json<'/v1/collections/{id}/candidates', 'get'>
type Candidate = Candidates['eligible'][number]

export function CandidatePicker({ c, onAdded }: { c: CollectionDetail; onAdded: (d: CollectionDetail) => void }) {
  const t = useT(deadends)
  const pick = useBilingual()
  const uid = useId()
  const [list, setList] = useState<Candidates | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    try {
      setList(await api<Candidates>(`/v1/collections/${c.id}/candidates`))
    } catch (err) {
      setError(err)
    }
  }, [c.id])
  // Reloaded whenever the collection's items change (an added photo is no longer a candidate).
  useEffect(() => void load(), [load, c.items.length])

  const title = (p: Candidate) => pick(p.caption) || p.credit
  const thumb = (p: Candidate) => (p.thumbnail ? <img src={p.thumbnail} alt={pick(p.alt) || title(p)} loading="lazy" width={320} height={240} /> : null)
  return (
    <section className="add-photo" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('pickerHeading')}</h2>
      <ProblemMessage error={error} />
      {list === null ? (
        <p aria-busy="true">…</p>
      ) : (
        <>
          <h3 id={`${uid}-ok`}>{t('pickerEligible')}</h3>
          {list.eligible.length === 0 ? (
            <p>{t('pickerNone')}</p>
          ) : (
            <ul className="picker-grid" aria-labelledby={`${uid}-ok`}>
              {list.eligible.map((p) => (
                <li key={p.id} data-photo-id={p.id}>
                  {thumb(p)}
                  <span>{title(p)}</span>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={async () => {
                      setBusy(true)
                      setError(null)
                      try {
                        const added = await api<CollectionDetail>(`/v1/collections/${c.id}/items`, { method: 'POST', body: { photoId: p.id } })
                        // Gone from the list at once: until the reload answers, the stale list would offer the
                        // same photo again, and adding it twice is refused.
                        setList((l) => (l ? { ...l, eligible: l.eligible.filter((x) => x.id !== p.id) } : l))
                        onAdded(added)
                      } catch (err) {
                        setError(err)
                      } finally {
                        setBusy(false)
                      }
                    }}
                  >
                    {t('pickerAdd', { title: title(p) })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {list.ineligible.length > 0 && (
            <details>
              <summary>
                {t('pickerIneligible')} ({list.ineligible.length})
              </summary>
              <ul className="picker-grid ineligible">
                {list.ineligible.map((p) => (
                  <li key={p.id} data-photo-id={p.id}>
                    {thumb(p)}
                    <span>{title(p)}</span>
                    <span className="hint">{pick(p.words)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  )
}

/** Private working set or published (journalists can filter on it): the curator decides. */
export function CollectionPublish({ c, onChanged }: { c: CollectionDetail & { publishedAt?: string | null }; onChanged: (d: CollectionDetail) => void }) {
  const t = useT(deadends)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const published = !!c.publishedAt
  return (
    <div className="collection-publish">
      <p role="status">{published ? t('collectionPublic') : t('collectionPrivate')}</p>
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true)
          setError(null)
          try {
            onChanged(await api<CollectionDetail>(`/v1/collections/${c.id}/${published ? 'unpublish' : 'publish'}`, { method: 'POST' }))
          } catch (err) {
            setError(err)
          } finally {
            setBusy(false)
          }
        }}
      >
        {published ? t('unpublishCollection') : t('publishCollection')}
      </button>
      <ProblemMessage error={error} />
    </div>
  )
}
