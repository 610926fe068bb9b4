/**
 * People in photos, by pseudonym: make (or revoke) their personal portal link, shown once; open their
 * vault record. Every vault read is audited by the server, so it is opened only on an explicit click.
 */
import { useCallback, useEffect, useId, useState } from 'react'
import { ProblemMessage } from '../../components/ProblemMessage.tsx'
import { admin } from '../../i18n/admin.ts'
import { useLang, useT } from '../../i18n/index.tsx'
import { CopyField } from './CopyField.tsx'
import { ConfirmButton } from '../../components/ConfirmButton.tsx'
import { deadends } from '../../i18n/deadends.ts'
import { deadends2 } from '../../i18n/deadends2.ts'
import { adminApi, type LinkStatus, type Subject, type VaultView } from './admin.api.ts'

export function SubjectsSection() {
  const t = useT(admin)
  const d = useT(deadends)
  const id = useId()
  const [items, setItems] = useState<Subject[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [link, setLink] = useState<{ subject: Subject; url: string } | null>(null)
  const [vault, setVault] = useState<{ subject: Subject; view: VaultView } | null>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [status, setStatus] = useState('')
  const [links, setLinks] = useState<Record<string, LinkStatus>>({})
  const loadLink = useCallback(async (subjectId: string) => {
    try {
      const s = await adminApi.linkStatus(subjectId)
      setLinks((old) => ({ ...old, [subjectId]: s }))
    } catch {
      // The status line is left out; the actions still work and report their own problems.
    }
  }, [])
  useEffect(() => {
    for (const s of items ?? []) void loadLink(s.id)
  }, [items, loadLink])
  const load = useCallback(async () => {
    try {
      setItems((await adminApi.subjects()).items)
    } catch (err) {
      setError(err)
    }
  }, [])
  useEffect(() => void load(), [load])

  const act = async (fn: () => Promise<void>) => {
    setActionError(null)
    setStatus('')
    try {
      await fn()
    } catch (err) {
      setActionError(err)
    }
  }

  return (
    <section aria-labelledby={`${id}-h`} className="admin-section">
      <h2 id={`${id}-h`}>{t('peopleHeading')}</h2>
      <p>{t('peopleIntro')}</p>
      <ProblemMessage error={error} />
      {items?.length === 0 && <p>{t('peopleEmpty')}</p>}
      {link && <CopyField label={t('linkFor', { name: link.subject.pseudonym })} value={link.url} warning={t('linkShownOnce')} />}
      <p role="status">{status}</p>
      <ProblemMessage error={actionError} />
      {items && items.length > 0 && (
        <ul className="admin-list subjects">
          {items.map((s) => (
            <li key={s.id}>
              <div>
                <strong>{s.pseudonym}</strong>
                {links[s.id] && <LinkLine status={links[s.id]!} />}
              </div>
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    void act(async () => {
                      const r = await adminApi.makeLink(s.id)
                      // The server knows its public URL when configured; otherwise the link is relative.
                      setLink({ subject: s, url: new URL(r.url, window.location.origin).href })
                      await loadLink(s.id)
                    })
                  }
                >
                  {t('makeLink', { name: s.pseudonym })}
                </button>
                <ConfirmButton
                  label={t('revokeLink', { name: s.pseudonym })}
                  title={d('revokeLinkTitle', { name: s.pseudonym })}
                  consequence={d('revokeLinkConsequence', { name: s.pseudonym })}
                  confirmLabel={d('revokeLinkConfirm')}
                  onConfirm={async () => {
                    await adminApi.revokeLink(s.id)
                    setLink(null)
                    await loadLink(s.id)
                    setStatus(d('linkRevokedOne'))
                  }}
                />
                <button type="button" className="link-button" onClick={() => void act(async () => setVault({ subject: s, view: await adminApi.vault(s.id) }))}>
                  {t('openVault', { name: s.pseudonym })}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {vault && <VaultPanel subject={vault.subject} view={vault.view} onClose={() => setVault(null)} />}
    </section>
  )
}

/** Whether the person's latest portal link works, since and until when, and whether it was ever used. */
function LinkLine({ status }: { status: LinkStatus }) {
  const d = useT(deadends2)
  const { lang } = useLang()
  const date = (iso: string | null) =>
    iso ? new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : ''
  const state =
    status.state === 'active'
      ? d('linkStatusActive', { created: date(status.createdAt), expires: date(status.expiresAt) })
      : status.state === 'expired'
        ? d('linkStatusExpired', { expires: date(status.expiresAt) })
        : status.state === 'revoked'
          ? d('linkStatusRevoked', { revoked: date(status.revokedAt) })
          : d('linkStatusNone')
  return (
    <p className={`link-status link-${status.state}`}>
      {state} {status.state !== 'none' && (status.lastUsedAt ? d('linkUsed', { date: date(status.lastUsedAt) }) : d('linkNeverUsed'))}
    </p>
  )
}

export function VaultPanel({ subject, view, onClose }: { subject: Subject; view: VaultView; onClose: () => void }) {
  const t = useT(admin)
  const { lang } = useLang()
  const id = useId()
  const e = view.entry
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
  return (
    <section className="vault-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('vaultHeading', { name: subject.pseudonym })}</h3>
      <p className="hint">{t('vaultWarning')}</p>
      {!e && view.documents.length === 0 ? (
        <p>{t('vaultEmpty')}</p>
      ) : (
        <dl>
          {e && (
            <>
              <dt>{t('vaultLegalName')}</dt>
              <dd>{e.legalName}</dd>
              {e.contact && (
                <>
                  <dt>{t('vaultContact')}</dt>
                  <dd>{[e.contact.email, e.contact.phone, e.contact.address, e.contact.note].filter(Boolean).join(' · ')}</dd>
                </>
              )}
              {e.ageCheck && (
                <>
                  <dt>{t('vaultAgeCheck')}</dt>
                  <dd>{`${e.ageCheck.result}, ${e.ageCheck.checkedOn}, ${e.ageCheck.method}`}</dd>
                </>
              )}
              {e.note && (
                <>
                  <dt>{t('vaultNote')}</dt>
                  <dd>{e.note}</dd>
                </>
              )}
            </>
          )}
          {view.documents.length > 0 && (
            <>
              <dt>{t('vaultDocuments')}</dt>
              <dd>
                <ul>
                  {view.documents.map((d) => (
                    <li key={d.id}>
                      <a href={adminApi.vaultDocumentUrl(subject.id, d.id)} download>
                        {t('vaultDocument', { date: date(d.createdAt), type: d.mediaType, kb: Math.ceil(d.bytes / 1024) })}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      <button type="button" onClick={onClose}>
        {t('vaultClose')}
      </button>
    </section>
  )
}
