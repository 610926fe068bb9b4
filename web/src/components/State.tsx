/**
 * The designed states every page shares: loading (skeletons shaped like what is coming), empty (what to try
 * instead), offline (the browser says so, or a request could not reach the server) and error (what went
 * wrong, and a way on). Words are Dutch first, English second, like every page.
 */
import { useSyncExternalStore, type ReactNode } from 'react'
import { ApiError } from '../api.ts'
import { common } from '../i18n/common.ts'
import { useT } from '../i18n/index.tsx'
import { ProblemMessage } from './ProblemMessage.tsx'

const ICONS = {
  search: 'M11 4a7 7 0 1 0 4.2 12.6l4.1 4.1 1.4-1.4-4.1-4.1A7 7 0 0 0 11 4zm0 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10z',
  // Material Icons "wifi_off" (Apache-2.0)
  offline:
    'M23.64 7c-.45-.34-4.93-4-11.64-4-1.5 0-2.89.19-4.15.48L18.18 13.8 23.64 7zm-6.6 8.22L3.27 1.44 2 2.72l2.05 2.06C1.91 5.76.59 6.82.36 7l11.63 14.49.01.01.01-.01 3.9-4.86 3.32 3.32 1.27-1.27-3.46-3.46z',
  error: 'M12 2 1 21h22zm0 4.5L19.5 19h-15zM11 10v5h2v-5zm0 6v2h2v-2z',
  image: 'M4 4h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v9.6l4-4 3 3 5-5 4 4V6zm4 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
} as const

export function Icon({ name }: { name: keyof typeof ICONS }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d={ICONS[name]} />
    </svg>
  )
}

/** A designed empty, offline or error block: an icon, a heading, a sentence and optional actions. */
export function StateBlock({
  kind,
  title,
  text,
  children,
  role,
}: {
  kind: 'empty' | 'offline' | 'error'
  title: string
  text?: ReactNode
  children?: ReactNode
  role?: 'alert' | 'status'
}) {
  return (
    <div className={`state ${kind}`} role={role}>
      <Icon name={kind === 'empty' ? 'search' : kind === 'offline' ? 'offline' : 'error'} />
      <h2>{title}</h2>
      {text && <p>{text}</p>}
      {children && <div className="actions">{children}</div>}
    </div>
  )
}

/** Skeleton rows for a page still loading (announced once as busy). */
export function PageLoading({ label }: { label: string }) {
  return (
    <div className="page-loading" aria-busy="true" role="status" aria-label={label}>
      <div className="skeleton line" />
      <div className="skeleton line short" />
      <div className="skeleton block" />
    </div>
  )
}

/** Skeleton tiles in the shape of the photo grid. */
export function GridSkeleton({ n = 8 }: { n?: number }) {
  return (
    <div className="grid-skeleton" aria-hidden="true">
      {Array.from({ length: n }, (_, i) => (
        <div key={i} className="skeleton" style={{ flexGrow: [1.5, 1, 1.33, 0.75][i % 4] }} />
      ))}
    </div>
  )
}

const subscribe = (cb: () => void) => {
  window.addEventListener('online', cb)
  window.addEventListener('offline', cb)
  return () => {
    window.removeEventListener('online', cb)
    window.removeEventListener('offline', cb)
  }
}
export const useOnline = () =>
  useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  )

/** A line under the header while the browser is offline. */
export function OfflineBanner() {
  const t = useT(common)
  const online = useOnline()
  if (online) return null
  return (
    <p className="offline-banner" role="status">
      {t('offlineBanner')}
    </p>
  )
}

/** An error from a request as a designed block: offline when the server could not be reached. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(common)
  const offline = error instanceof ApiError && error.status === 0
  return (
    <StateBlock
      kind={offline ? 'offline' : 'error'}
      title={offline ? t('offlineTitle') : t('errorTitle')}
      text={offline ? t('offlineText') : undefined}
      role="alert"
    >
      {!offline && <ProblemMessage error={error} />}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </StateBlock>
  )
}
