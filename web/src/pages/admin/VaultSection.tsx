/**
 * /admin/vault: the consent officer's way into the vault. Choose a person by pseudonym; opening reads the
 * record (the server audits every read); an empty vault is a state, not an error. The form records or
 * replaces the entry (PUT: the server stores it encrypted and echoes nothing back).
 */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { ApiError } from '../../api.ts'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { deadends2 } from '../../i18n/deadends2.ts'
import { useT } from '../../i18n/index.tsx'
import { adminApi, type Subject, type VaultEntry, type VaultView } from './admin.api.ts'
import { VaultPanel } from './SubjectsSection.tsx'

type Form = {
  legalName: string
  email: string
  phone: string
  ageResult: '' | 'adult-verified' | 'not-verified'
  checkedOn: string
  method: string
  note: string
}
const EMPTY: Form = { legalName: '', email: '', phone: '', ageResult: '', checkedOn: '', method: '', note: '' }

const formOf = (e: VaultEntry | null): Form =>
  e
    ? {
        legalName: e.legalName,
        email: e.contact?.email ?? '',
        phone: e.contact?.phone ?? '',
        ageResult: (e.ageCheck?.result as Form['ageResult']) ?? '',
        checkedOn: e.ageCheck?.checkedOn ?? '',
        method: e.ageCheck?.method ?? '',
        note: e.note ?? '',
      }
    : EMPTY

function entryOf(f: Form, keep: VaultEntry | null): VaultEntry {
  const contact = { ...keep?.contact, email: f.email.trim() || undefined, phone: f.phone.trim() || undefined }
  const hasContact = Object.values(contact).some(Boolean)
  return {
    legalName: f.legalName.trim(),
    ...(hasContact ? { contact: Object.fromEntries(Object.entries(contact).filter(([, v]) => v)) } : {}),
    ...(f.ageResult && f.checkedOn && f.method.trim() ? { ageCheck: { result: f.ageResult, checkedOn: f.checkedOn, method: f.method.trim() } } : {}),
    ...(f.note.trim() ? { note: f.note.trim() } : {}),
  }
}

export function VaultSection() {
  const d = useT(deadends2)
  useTitle(d('vaultTitle'))
  const id = useId()
  const [subjects, setSubjects] = useState<Subject[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [open, setOpen] = useState<{ subject: Subject; view: VaultView | null } | null>(null)
  const [form, setForm] = useState<Form>(EMPTY)
  const [error, setError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  useEffect(() => {
    adminApi.subjects().then((r) => setSubjects(r.items), setError)
  }, [])

  const openVault = async (subjectId: string) => {
    const subject = subjects?.find((s) => s.id === subjectId)
    if (!subject) return
    setError(null)
    setStatus('')
    try {
      const view = await adminApi.vault(subject.id)
      setOpen({ subject, view })
      setForm(formOf(view.entry))
    } catch (err) {
      // Nothing recorded yet is a state of this person, not a failure.
      if (err instanceof ApiError && err.slug === 'vault-record-not-found') {
        setOpen({ subject, view: null })
        setForm(EMPTY)
      } else setError(err)
    }
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!open) return
    setError(null)
    setStatus('')
    if (!form.legalName.trim()) return setStatus(d('vaultNeedName'))
    try {
      await adminApi.putVault(open.subject.id, entryOf(form, open.view?.entry ?? null))
      setStatus(d('vaultSaved'))
      await openVault(open.subject.id)
      setStatus(d('vaultSaved'))
    } catch (err) {
      setError(err)
    }
  }

  const field = (key: keyof Form, label: string, type = 'text') => (
    <p className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type={type} autoComplete="off" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </p>
  )

  return (
    <section className="admin-section" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{d('vaultTitle')}</h1>
      <p>{d('vaultIntro')}</p>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault()
          void openVault(chosen)
        }}
      >
        <p className="field">
          <label htmlFor={`${id}-who`}>{d('vaultPerson')}</label>
          <select id={`${id}-who`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{d('vaultChoose')}</option>
            {subjects?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.pseudonym}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" disabled={!chosen}>
          {d('vaultOpen')}
        </button>
      </form>
      <ProblemMessage error={error} />
      <p role="status">{status}</p>
      {open && (
        <>
          {open.view ? (
            <VaultPanel subject={open.subject} view={open.view} onClose={() => setOpen(null)} />
          ) : (
            <p className="vault-empty">{d('vaultNothing', { name: open.subject.pseudonym })}</p>
          )}
          <form className="admin-form vault-form" aria-labelledby={`${id}-edit`} onSubmit={(e) => void save(e)} noValidate>
            <h2 id={`${id}-edit`}>
              {d('vaultEditHeading')}: {open.subject.pseudonym}
            </h2>
            {field('legalName', d('vaultLegalNameField'))}
            {field('email', d('vaultEmailField'), 'email')}
            {field('phone', d('vaultPhoneField'), 'tel')}
            <p className="field">
              <label htmlFor={`${id}-age`}>{d('vaultAgeResult')}</label>
              <select id={`${id}-age`} value={form.ageResult} onChange={(e) => setForm({ ...form, ageResult: e.target.value as Form['ageResult'] })}>
                <option value="">{d('vaultAgeNone')}</option>
                <option value="adult-verified">{d('vaultAgeAdult')}</option>
                <option value="not-verified">{d('vaultAgeNot')}</option>
              </select>
            </p>
            {form.ageResult && field('checkedOn', d('vaultAgeDate'), 'date')}
            {form.ageResult && field('method', d('vaultAgeMethod'))}
            <p className="field">
              <label htmlFor={`${id}-note`}>{d('vaultNoteField')}</label>
              <textarea id={`${id}-note`} rows={3} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
            </p>
            <button type="submit" className="primary">
              {d('vaultSave')}
            </button>
          </form>
        </>
      )}
    </section>
  )
}
