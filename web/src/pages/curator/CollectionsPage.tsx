/** Placeholder: the gallery-roles branch replaces this page. */
import { ComingSoon } from '../../components/ComingSoon.tsx'
import { common } from '../../i18n/common.ts'
import { useT } from '../../i18n/index.tsx'
import type { PageProps } from '../../router.tsx'

export default function CollectionsPage(_props: PageProps) {
  const t = useT(common)
  return <ComingSoon title={t('navCollections')} />
}
