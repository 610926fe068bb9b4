import { useId, useState, type FormEvent } from 'react'
import type { Role } from '../api.ts'
import { ProblemMessage } from '../components/ProblemMessage.tsx'
import { useTitle } from '../components/useTitle.ts'
import { common } from '../i18n/common.ts'
import { useT } from '../i18n/index.tsx'
import { navigate, useLocation, type PageProps } from '../router.tsx'
import { useSession } from '../session.tsx'

const HOME: Record<Role, string> = { journalist: '/', photographer: '/my-photos', curator: '/review', admin: '/admin' }

/** Where to go after logging in: ?next= when it is a path on this site (never another origin), else home. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null
}

export function LoginPage(_props: PageProps) {
  const t = useT(common)
  const { login } = useSession()
  const { query } = useLocation()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()
  useTitle(t('loginTitle'))

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    setBusy(true)
    setError(null)
    try {
      const me = await login(String(form.get('email')), String(form.get('password')))
      navigate(safeNext(query.get('next')) ?? HOME[me.user.role], { replace: true })
    } catch (err) {
      setError(err)
      setBusy(false)
    }
  }

  return (
    <section className="narrow card auth-card">
      <h1>{t('loginTitle')}</h1>
      <p>{t('loginIntro')}</p>
      <form onSubmit={submit} className="stack" aria-describedby={error ? errorId : undefined}>
        <label>
          {t('email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <ProblemMessage error={error} id={errorId} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('loggingIn') : t('login')}
        </button>
      </form>
    </section>
  )
}
