/** Shared by the portal page and its photo cards (kept apart so the two don't import each other). */
import type { useT } from '../../i18n/index.tsx'
import type { portal } from '../../i18n/portal.ts'

export type PortalT = ReturnType<typeof useT<keyof (typeof portal)['nl']>>

export function formatDate(iso: string, lang: 'nl' | 'en') {
  const d = /^\d{4}-\d\d-\d\d$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(iso)
  return d.toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
