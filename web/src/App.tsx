import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react'
import { Layout } from './components/Layout.tsx'
import { RequireRole } from './components/RequireRole.tsx'
import { PageLoading, StateBlock } from './components/State.tsx'
import { useTitle } from './components/useTitle.ts'
import { common } from './i18n/common.ts'
import { LangProvider, useT } from './i18n/index.tsx'
import { ROUTES } from './routes.tsx'
import { Link, match, useLocation } from './router.tsx'
import { SessionProvider } from './session.tsx'

function NotFound() {
  const t = useT(common)
  useTitle(t('notFoundTitle'))
  return (
    <section>
      <h1 className="visually-hidden">{t('notFoundTitle')}</h1>
      <StateBlock kind="empty" title={t('notFoundTitle')} text={t('notFoundText')}>
        <Link href="/" className="button primary">
          {t('backToSearch')}
        </Link>
      </StateBlock>
    </section>
  )
}

function Loading() {
  const t = useT(common)
  return <PageLoading label={t('loading')} />
}

function Crashed() {
  const t = useT(common)
  return (
    <section>
      <h1 className="visually-hidden">{t('errorTitle')}</h1>
      <StateBlock kind="error" title={t('errorTitle')} text={t('errorText')} role="alert">
        <a href="/" className="button primary">
          {t('backToSearch')}
        </a>
      </StateBlock>
    </section>
  )
}

/** A page that throws while rendering (or a chunk that fails to load) shows a message, not a blank page. */
class Boundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  override state = { failed: false, key: this.props.resetKey }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack)
  }
  override render() {
    return this.state.failed ? <Crashed /> : this.props.children
  }
}

function CurrentPage() {
  const { path } = useLocation()
  for (const route of ROUTES) {
    const params = match(route.pattern, path)
    if (!params) continue
    const Page = route.page
    const page = <Page params={params} />
    return (
      <Boundary resetKey={path}>
        <Suspense fallback={<Loading />}>{route.roles ? <RequireRole roles={route.roles}>{page}</RequireRole> : page}</Suspense>
      </Boundary>
    )
  }
  return <NotFound />
}

export function App() {
  return (
    <LangProvider>
      <SessionProvider>
        <Layout>
          <CurrentPage />
        </Layout>
      </SessionProvider>
    </LangProvider>
  )
}
