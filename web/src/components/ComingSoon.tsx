import { common } from '../i18n/common.ts'
import { useT } from '../i18n/index.tsx'
import { useTitle } from './useTitle.ts'

/** Placeholder for a page another branch is building. */
export function ComingSoon({ title }: { title: string }) {
  const t = useT(common)
  useTitle(title)
  return (
    <section>
      <h1>{title}</h1>
      <p>{t('comingSoon')}</p>
    </section>
  )
}
