import type { ReactNode } from 'react'
import type { Role } from '../api.ts'
import { common } from '../i18n/common.ts'
import { useT } from '../i18n/index.tsx'
import { Link, useLocation } from '../router.tsx'
import { hasRole, useSession } from '../session.tsx'

/** Shows `children` only to the given roles; otherwise a way to log in (or a plain "not for you"). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { me } = useSession()
  const t = useT(common)
  const { path, query } = useLocation()
  if (me === undefined) return <p aria-busy="true">{t('loading')}</p>
  if (hasRole(me, ...roles)) return <>{children}</>
  const next = encodeURIComponent(path + (query.size ? `?${query}` : ''))
  return (
    <section className="notice">
      <h1>{me ? t('roleNeeded') : t('loginNeeded')}</h1>
      {!me && (
        <p>
          <Link href={`/login?next=${next}`}>{t('login')}</Link>
        </p>
      )}
    </section>
  )
}
