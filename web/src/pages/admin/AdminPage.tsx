/**
 * /admin: the consent officer's pages, with their own navigation: organisations and people (the overview),
 * users, the vault and the notices. Every section reports its own problems; a missing module says so.
 */
import { useTitle } from '../../components/useTitle.ts'
import { admin } from '../../i18n/admin.ts'
import { deadends2 } from '../../i18n/deadends2.ts'
import { useT } from '../../i18n/index.tsx'
import { Link, type PageProps, useLocation } from '../../router.tsx'
import { AuditSection } from './AuditSection.tsx'
import { ErasureSection } from './ErasureSection.tsx'
import { OrganisationsSection } from './OrganisationsSection.tsx'
import { SubjectsSection } from './SubjectsSection.tsx'
import { NoticesSection } from './NoticesSection.tsx'
import { UsersSection } from './UsersSection.tsx'
import { VaultSection } from './VaultSection.tsx'
import './admin.css'

const AREAS = [
  ['/admin', 'navOverview'],
  ['/admin/users', 'navUsers'],
  ['/admin/vault', 'navVault'],
  ['/admin/notices', 'navNotices'],
] as const

function AdminNav() {
  const d = useT(deadends2)
  const { path } = useLocation()
  return (
    <nav aria-label={d('adminNav')} className="admin-nav">
      <ul>
        {AREAS.map(([href, key]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? 'page' : undefined}>
              {d(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

export default function AdminPage({ params }: PageProps) {
  const area = params.rest ?? ''
  return (
    <section className="admin-page">
      <AdminNav />
      {area === 'users' ? <UsersSection /> : area === 'vault' ? <VaultSection /> : area === 'notices' ? <NoticesSection /> : <Overview />}
    </section>
  )
}

function Overview() {
  const t = useT(admin)
  useTitle(t('title'))
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <OrganisationsSection />
      <SubjectsSection />
      <ErasureSection />
      <AuditSection />
    </>
  )
}
