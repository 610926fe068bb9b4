/** Organisations (media outlets): create, enable or disable, their journalists, and their API keys (shown once). */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { admin } from '../../i18n/admin.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { CopyField } from './CopyField.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { deadends } from '../../i18n/deadends.ts'
import { adminApi, type ApiKey, type CreatedKey, type Member, type Organisation } from './admin.api.ts'

export function OrganisationsSection() {
  const t = useT(admin)
  const id = useId()
  const [items, setItems] = useState<Organisation[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [name, setName] = useState('')
  const [enable, setEnable] = useState(false)
  const [busy, setBusy] = useState(false)
  const [createError, setCreateError] = useState<unknown>(null)
  const [status, setStatus] = useState('')

  const load = useCallback(async () => {
    try {
      setItems((await adminApi.organisations()).items)
      setError(null)
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
      const o = await adminApi.createOrganisation(name.trim(), enable)
      setStatus(t('orgCreated', { name: o.name }))
      setName('')
      await load()
    } catch (err) {
      setCreateError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="admin-section">
      <h2 id={`${id}-h`}>{t('orgsHeading')}</h2>
      <ProblemMessage error={error} />
      {items?.length === 0 && <p>{t('orgsEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="org-list">
          {items.map((o) => (
            <li key={o.id}>
              <OrganisationCard org={o} onChanged={load} />
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={create} className="admin-form" aria-labelledby={`${id}-new`}>
        <h3 id={`${id}-new`}>{t('orgCreate')}</h3>
        <p className="field">
          <label htmlFor={`${id}-name`}>{t('orgName')}</label>
          <input id={`${id}-name`} type="text" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </p>
        <p className="check">
          <input id={`${id}-enable`} type="checkbox" checked={enable} onChange={(e) => setEnable(e.target.checked)} />
          <label htmlFor={`${id}-enable`}>{t('orgEnabled')}</label>
        </p>
        <ProblemMessage error={createError} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('orgCreate')}
          </button>
          <span role="status">{status}</span>
        </div>
      </form>
    </section>
  )
}

function OrganisationCard({ org, onChanged }: { org: Organisation; onChanged: () => Promise<void> }) {
  const t = useT(admin)
  const d = useT(deadends)
  const { lang } = useLang()
  const id = useId()
  const [open, setOpen] = useState(false)
  const [members, setMembers] = useState<Member[] | null>(null)
  const [keys, setKeys] = useState<ApiKey[] | null>(null)
  const [created, setCreated] = useState<CreatedKey | null>(null)
  const [initialPassword, setInitialPassword] = useState<{ name: string; password: string } | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const [keyName, setKeyName] = useState('')
  const [member, setMember] = useState({ email: '', displayName: '', password: '' })
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      const [m, k] = await Promise.all([adminApi.members(org.id), adminApi.keys(org.id)])
      setMembers(m.items)
      setKeys(k.items)
    } catch (err) {
      setError(err)
    }
  }, [org.id])
  useEffect(() => {
    if (open) void load()
  }, [open, load])

  const act = async (fn: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    setStatus('')
    try {
      await fn()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' })

  return (
    <article className="org-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>
        {org.name} <span className={`badge ${org.enabled ? 'on' : 'off'}`}>{org.enabled ? t('orgEnabled') : t('orgDisabled')}</span>
      </h3>
      <div className="actions">
        {org.enabled ? (
          <ConfirmButton
            className="secondary"
            disabled={busy}
            label={t('orgDisable', { name: org.name })}
            title={d('disableOrgTitle', { name: org.name })}
            consequence={d('disableOrgConsequence')}
            confirmLabel={d('disableOrgConfirm')}
            onConfirm={async () => {
              await adminApi.setEnabled(org.id, false)
              await onChanged()
            }}
          />
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                await adminApi.setEnabled(org.id, true)
                await onChanged()
              })
            }
          >
            {t('orgEnable', { name: org.name })}
          </button>
        )}
        <button type="button" className="link-button" aria-expanded={open} aria-controls={`${id}-more`} onClick={() => setOpen(!open)}>
          {t('orgMembers')} · {t('keysHeading')}
        </button>
      </div>
      <ProblemMessage error={error} />
      <p role="status">{status}</p>
      <div id={`${id}-more`} hidden={!open}>
        {created && <CopyField label={`${t('keyLabel')}: ${created.name}`} value={created.key} warning={t('keyShownOnce')} />}
        {initialPassword && (
          <CopyField label={`${t('memberPassword')}: ${initialPassword.name}`} value={initialPassword.password} warning={t('keyShownOnce')} />
        )}

        <h4>{t('orgMembers')}</h4>
        {members?.length === 0 && <p>{t('membersEmpty')}</p>}
        {members && members.length > 0 && (
          <ul>
            {members.map((m) => (
              <li key={m.userId}>{m.displayName}</li>
            ))}
          </ul>
        )}
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault()
            void act(async () => {
              const m = await adminApi.addMember(org.id, {
                email: member.email.trim(),
                displayName: member.displayName.trim(),
                ...(member.password ? { password: member.password } : {}),
              })
              if (m.initialPassword) setInitialPassword({ name: m.displayName, password: m.initialPassword })
              setMember({ email: '', displayName: '', password: '' })
              setStatus(t('memberAdded'))
              await load()
              await onChanged()
            })
          }}
        >
          <h5>{t('memberAdd')}</h5>
          <p className="field">
            <label htmlFor={`${id}-email`}>{t('memberEmail')}</label>
            <input
              id={`${id}-email`}
              type="email"
              required
              autoComplete="off"
              value={member.email}
              onChange={(e) => setMember({ ...member, email: e.target.value })}
            />
          </p>
          <p className="field">
            <label htmlFor={`${id}-dn`}>{t('memberName')}</label>
            <input
              id={`${id}-dn`}
              type="text"
              required
              maxLength={80}
              value={member.displayName}
              onChange={(e) => setMember({ ...member, displayName: e.target.value })}
            />
          </p>
          <p className="field">
            <label htmlFor={`${id}-pw`}>{t('memberPassword')}</label>
            <input
              id={`${id}-pw`}
              type="password"
              minLength={12}
              autoComplete="new-password"
              value={member.password}
              onChange={(e) => setMember({ ...member, password: e.target.value })}
            />
          </p>
          <button type="submit" disabled={busy}>
            {t('memberAdd')}
          </button>
        </form>

        <h4>{t('keysHeading')}</h4>
        {keys?.length === 0 && <p>{t('keysEmpty')}</p>}
        {keys && keys.length > 0 && (
          <ul className="admin-list">
            {keys.map((k) => (
              <li key={k.id}>
                <span>
                  <code>{k.prefix}…</code> {k.name} ·{' '}
                  {k.revokedAt ? t('keyRevoked') : k.lastUsedAt ? t('keyLastUsed', { date: date(k.lastUsedAt) }) : t('keyNeverUsed')}
                </span>
                {!k.revokedAt && (
                  <ConfirmButton
                    className="danger"
                    disabled={busy}
                    label={t('keyRevoke', { name: k.name || k.prefix })}
                    title={d('revokeKeyTitle', { name: k.name || k.prefix })}
                    consequence={d('revokeKeyConsequence')}
                    confirmLabel={d('revokeKeyConfirm')}
                    onConfirm={async () => {
                      await adminApi.revokeKey(org.id, k.id)
                      setCreated(null)
                      setStatus(t('keyRevokedDone'))
                      await load()
                      await onChanged()
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault()
            void act(async () => {
              setCreated(await adminApi.createKey(org.id, keyName.trim()))
              setKeyName('')
              await load()
              await onChanged()
            })
          }}
        >
          <p className="field">
            <label htmlFor={`${id}-keyname`}>{t('keyName')}</label>
            <input id={`${id}-keyname`} type="text" maxLength={100} value={keyName} onChange={(e) => setKeyName(e.target.value)} />
          </p>
          <button type="submit" disabled={busy}>
            {t('keyCreate')}
          </button>
        </form>
      </div>
    </article>
  )
}
