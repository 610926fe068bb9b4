/**
 * Where someone without an account, a password or a portal link turns (issue 14): who makes accounts, and
 * the bank's contact address from the server's configuration (CONTACT_EMAIL).
 */
import { useEffect, useState } from 'react'
import { api, type Json } from '../api.ts'
import { useTitle } from '../components/useTitle.ts'
import { help } from '../i18n/help.ts'
import { useT } from '../i18n/index.tsx'
import { Link, type PageProps } from '../router.tsx'

export default function AccountHelpPage(_props: PageProps) {
  const t = useT(help)
  const [contact, setContact] = useState<string | null | undefined>(undefined)
  useTitle(t('title'))
  useEffect(() => {
    api<Json<'/v1/auth/help', 'get'>>('/v1/auth/help').then(
      (r) => setContact(r.contactEmail),
      () => setContact(null),
    )
  }, [])
  return (
    <section className="narrow card auth-card">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <h2>{t('journalistTitle')}</h2>
      <p>{t('journalistText')}</p>
      <h2>{t('passwordTitle')}</h2>
      <p>{t('passwordText')}</p>
      <h2>{t('portalTitle')}</h2>
      <p>{t('portalText')}</p>
      <h2>{t('contactTitle')}</h2>
      {contact === undefined ? (
        <p aria-busy="true">…</p>
      ) : contact ? (
        <p>
          {t('contactText')} <a href={`mailto:${contact}`}>{contact}</a>
        </p>
      ) : (
        <p>{t('contactNone')}</p>
      )}
      <p>
        <Link href="/login">{t('backToLogin')}</Link>
      </p>
    </section>
  )
}
