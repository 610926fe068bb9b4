/** /collections: collections and exhibitions; /collections/:id one of them (the route hands the id as params.rest). */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { curator, curatorProblems } from '../../i18n/curator.ts'
import { useBilingual, useT } from '../../i18n/index.tsx'
import { Link, navigate, type PageProps } from '../../router.tsx'
import { CollectionDetailView } from './CollectionDetail.tsx'
import { curatorApi, type CollectionKind, type CollectionSummary } from './curator.api.ts'
import './curator.css'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export default function CollectionsPage({ params }: PageProps) {
  if (params.rest && UUID.test(params.rest)) return <CollectionDetailView id={params.rest} />
  return <CollectionList />
}

function CollectionList() {
  const t = useT(curator)
  const pick = useBilingual()
  const id = useId()
  useTitle(t('collectionsTitle'))
  const [items, setItems] = useState<CollectionSummary[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [form, setForm] = useState({ kind: 'collection', titleNl: '', titleEn: '', notesNl: '', notesEn: '' })
  const [busy, setBusy] = useState(false)
  const [createError, setCreateError] = useState<unknown>(null)

  const load = useCallback(async () => {
    try {
      setItems((await curatorApi.collections()).items)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])

  const create = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setCreateError(null)
    try {
      const c = await curatorApi.create({
        kind: form.kind,
        titleNl: form.titleNl.trim(),
        titleEn: form.titleEn.trim() || null,
        notesNl: form.notesNl.trim() || null,
        notesEn: form.notesEn.trim() || null,
      })
      navigate(`/collections/${c.id}`)
    } catch (err) {
      setCreateError(err)
    } finally {
      setBusy(false)
    }
  }
  const input = (key: 'titleNl' | 'titleEn' | 'notesNl' | 'notesEn', label: string, area = false) => (
    <p className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {area ? (
        <textarea id={`${id}-${key}`} rows={3} maxLength={4000} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
      ) : (
        <input
          id={`${id}-${key}`}
          type="text"
          maxLength={200}
          required={key === 'titleNl'}
          value={form[key]}
          onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        />
      )}
    </p>
  )

  return (
    <section className="curator collections-page">
      <h1>{t('collectionsTitle')}</h1>
      <p className="lead">{t('collectionsIntro')}</p>
      <ProblemMessage error={error} extra={curatorProblems} />
      {items === null && !error && <p aria-busy="true">{t('loading')}</p>}
      {items?.length === 0 && <p>{t('collectionsEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="collection-list">
          {items.map((c) => (
            <li key={c.id}>
              <Link href={`/collections/${c.id}`}>{pick(c.title)}</Link> <span className="badge">{t(`kind_${c.kind as CollectionKind}`)}</span>{' '}
              <span className="hint">{c.itemCount === 1 ? t('photoCountOne') : t('photoCount', { n: c.itemCount })}</span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} aria-labelledby={`${id}-new`} className="new-collection">
        <h2 id={`${id}-new`}>{t('newCollection')}</h2>
        <fieldset>
          <legend>{t('kind')}</legend>
          {(['collection', 'exhibition'] as const).map((k) => (
            <p className="check" key={k}>
              <input
                type="radio"
                id={`${id}-kind-${k}`}
                name={`${id}-kind`}
                value={k}
                checked={form.kind === k}
                onChange={() => setForm({ ...form, kind: k })}
              />
              <label htmlFor={`${id}-kind-${k}`}>{t(`kind_${k}`)}</label>
            </p>
          ))}
        </fieldset>
        {input('titleNl', t('titleNl'))}
        {input('titleEn', t('titleEn'))}
        {input('notesNl', t('descriptionNl'), true)}
        {input('notesEn', t('descriptionEn'), true)}
        <ProblemMessage error={createError} extra={curatorProblems} />
        <button type="submit" className="primary" disabled={busy}>
          {t('create')}
        </button>
      </form>
    </section>
  )
}
