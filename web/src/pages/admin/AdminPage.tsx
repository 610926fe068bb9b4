/** /admin: the consent officer's page. Every section reports its own problems; a missing module says so. */
import { useTitle } from '../../components/useTitle.ts'
import { admin } from '../../i18n/admin.ts'
import { useT } from '../../i18n/index.tsx'
import type { PageProps } from '../../router.tsx'
import { AuditSection } from './AuditSection.tsx'
import { ErasureSection } from './ErasureSection.tsx'
import { OrganisationsSection } from './OrganisationsSection.tsx'
import { SubjectsSection } from './SubjectsSection.tsx'
import './admin.css'

export default function AdminPage(_props: PageProps) {
  const t = useT(admin)
  useTitle(t('title'))
  return (
    <section className="admin-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <OrganisationsSection />
      <SubjectsSection />
      <ErasureSection />
      <AuditSection />
    </section>
  )
}
