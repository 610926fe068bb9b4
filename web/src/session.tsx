/**
 * Who is logged in (GET /v1/auth/me through the session cookie), login and logout. The session token
 * itself is HttpOnly and never reaches the page; only the CSRF cookie is readable (see api.ts).
 */
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api, ApiError, csrfToken, type Me, type Role } from './api.ts'

interface SessionState {
  /** undefined while loading, null when nobody is logged in. */
  me: Me | null | undefined
  login: (email: string, password: string) => Promise<Me>
  logout: () => Promise<void>
  refresh: () => Promise<void>
}

const SessionContext = createContext<SessionState | null>(null)

async function fetchMe(): Promise<Me | null> {
  // The readable CSRF cookie is set with the session cookie and expires with it: without it nobody is
  // logged in here, and an anonymous visitor needn't ask (nor see a 401 in the console).
  if (!csrfToken()) return null
  try {
    return await api<Me>('/v1/auth/me')
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null
    throw err
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined)
  const refresh = useCallback(async () => {
    try {
      setMe(await fetchMe())
    } catch {
      setMe(null)
    }
  }, [])
  useEffect(() => void refresh(), [refresh])
  const login = useCallback(async (email: string, password: string) => {
    await api('/v1/auth/login', { method: 'POST', body: { email, password } })
    const m = await fetchMe()
    if (!m) throw new ApiError({ type: '/problems/unauthenticated', title: 'Authentication required', status: 401 })
    setMe(m)
    return m
  }, [])
  const logout = useCallback(async () => {
    try {
      await api('/v1/auth/logout', { method: 'POST' })
    } finally {
      setMe(null)
    }
  }, [])
  const value = useMemo(() => ({ me, login, logout, refresh }), [me, login, logout, refresh])
  return <SessionContext value={value}>{children}</SessionContext>
}

export function useSession(): SessionState {
  const s = use(SessionContext)
  if (!s) throw new Error('useSession outside SessionProvider')
  return s
}

export const hasRole = (me: Me | null | undefined, ...roles: Role[]) => !!me && roles.includes(me.user.role)
