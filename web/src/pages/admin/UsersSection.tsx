/**
 * /admin/users: every account with its role and state; add a staff account (its first password shown
 * once), disable or enable one, give one a new password. Disabling and a new password ask first.
 */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { useTitle } from '../../components/useTitle.ts'
import { adminProblems, deadends2 } from '../../i18n/deadends2.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { adminApi, type StaffRole, type UserRow } from './admin.api.ts'
import { CopyField } from './CopyField.tsx'

const ROLES: StaffRole[] = ['photographer', 'curator', 'admin']

export function UsersSection() {
  const d = useT(deadends2)
  const { lang } = useLang()
  useTitle(d('usersTitle'))
  const id = useId()
  const [items, setItems] = useState<UserRow[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [formError, setFormError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const [secret, setSecret] = useState<{ name: string; password: string } | null>(null)
  const [form, setForm] = useState({ email: '', displayName: '', role: 'photographer' as StaffRole })
  const load = useCallback(async () => {
    try {
      setItems((await adminApi.users()).items)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

  const add = async (e: FormEvent) => {
    e.preventDefault()
    setFormError(null)
    setStatus('')
    try {
      const created = await adminApi.addUser(form)
      if (created.initialPassword) setSecret({ name: created.displayName, password: created.initialPassword })
      setStatus(d('userAdded', { name: created.displayName }))
      setForm({ email: '', displayName: '', role: form.role })
      await load()
    } catch (err) {
      setFormError(err)
    }
  }

  return (
    <section className="admin-section" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{d('usersTitle')}</h1>
      <p>{d('usersIntro')}</p>
      <form className="admin-form" aria-labelledby={`${id}-add`} onSubmit={(e) => void add(e)}>
        <h2 id={`${id}-add`}>{d('usersAddHeading')}</h2>
        <p className="field">
          <label htmlFor={`${id}-email`}>{d('userEmail')}</label>
          <input id={`${id}-email`} type="email" required autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </p>
        <p className="field">
          <label htmlFor={`${id}-name`}>{d('userName')}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={80}
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        </p>
        <p className="field">
          <label htmlFor={`${id}-role`}>{d('userRole')}</label>
          <select id={`${id}-role`} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as StaffRole })}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {d(`role_${r}`)}
              </option>
            ))}
          </select>
        </p>
        <button type="submit" className="primary">
          {d('userAdd')}
        </button>
        <ProblemMessage error={formError} extra={adminProblems} />
      </form>
      <p role="status">{status}</p>
      {secret && <CopyField label={d('userPassword', { name: secret.name })} value={secret.password} warning={d('userPasswordOnce')} />}
      <ProblemMessage error={error} extra={adminProblems} />
      {items && (
        <ul className="admin-list users" aria-label={d('usersTitle')}>
          {items.map((u) => (
            <li key={u.id} data-user-id={u.id}>
              <div>
                <strong>{u.displayName}</strong> <span className="email">{u.email}</span>
                <br />
                <span className="badge">{d(`role_${u.role}`)}</span>{' '}
                <span className={`badge ${u.disabledAt ? 'off' : 'on'}`}>
                  {u.disabledAt ? d('userDisabled', { date: date(u.disabledAt) }) : d('userActive')}
                </span>
                {u.organisation && <> {d('userOrg', { org: u.organisation.name })}</>}
              </div>
              <div className="actions">
                {u.disabledAt ? (
                  <button
                    type="button"
                    onClick={() =>
                      void adminApi
                        .setUserDisabled(u.id, false)
                        .then(load)
                        .catch((err) => setError(err))
                    }
                  >
                    {d('userEnable', { name: u.displayName })}
                  </button>
                ) : (
                  <ConfirmButton
                    label={d('userDisable', { name: u.displayName })}
                    title={d('userDisableTitle', { name: u.displayName })}
                    consequence={d('userDisableConsequence', { name: u.displayName })}
                    confirmLabel={d('userDisableConfirm')}
                    problems={adminProblems}
                    onConfirm={async () => {
                      await adminApi.setUserDisabled(u.id, true)
                      await load()
                    }}
                  />
                )}
                <ConfirmButton
                  label={d('userReset', { name: u.displayName })}
                  title={d('userResetTitle', { name: u.displayName })}
                  consequence={d('userResetConsequence', { name: u.displayName })}
                  confirmLabel={d('userResetConfirm')}
                  problems={adminProblems}
                  onConfirm={async () => {
                    const r = await adminApi.resetPassword(u.id)
                    setSecret({ name: u.displayName, password: r.initialPassword })
                  }}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
