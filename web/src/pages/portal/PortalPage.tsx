/**
 * Placeholder: the gallery-roles branch replaces this page. The model's token arrives in the fragment
 * (/portal#ebp_…, made by POST /v1/subjects/:id/portal-link); it is sent as Authorization: Bearer through
 * api(..., { portalToken }) and never as a cookie.
 */
import { ComingSoon } from '../../components/ComingSoon.tsx'
import { portal } from '../../i18n/portal.ts'
import { useT } from '../../i18n/index.tsx'
import type { PageProps } from '../../router.tsx'

export default function PortalPage(_props: PageProps) {
  const t = useT(portal)
  return <ComingSoon title={t('title')} />
}
