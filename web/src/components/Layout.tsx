/**
 * The frame of every page: a skip link, the header with the main menu (what the user's role may do),
 * the language switch and log in/out, the <main> landmark the skip link and navigation focus, a footer.
 */
import { useEffect, useRef, type ReactNode } from 'react'
import { common } from '../i18n/common.ts'
import { useLang, useT } from '../i18n/index.tsx'
import { Link, navigate, useLocation } from '../router.tsx'
import { hasRole, useSession } from '../session.tsx'
import { OfflineBanner } from './State.tsx'

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const { path } = useLocation()
  const current = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const t = useT(common)
  const { lang, setLang } = useLang()
  const { me, logout } = useSession()
  const { path } = useLocation()
  const main = useRef<HTMLElement>(null)
  const shown = useRef(path)

  // After a client-side navigation, move focus to the new page (as a full page load would), so keyboard
  // and screen-reader users start at the content instead of somewhere in the old page.
  // (Compared with the last path, not a first-render flag: StrictMode runs effects twice on mount.)
  useEffect(() => {
    if (shown.current === path) return
    shown.current = path
    main.current?.focus()
  }, [path])

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div className="brand">
            <Link href="/" className="brand-name">
              <span className="brand-mark" aria-hidden="true">
                EB
              </span>
              {t('siteName')}
            </Link>
            <span className="tagline">{t('tagline')}</span>
          </div>
          <nav aria-label={t('mainNav')} className="site-nav">
            <ul className="nav-list">
              <NavLink href="/">{t('navSearch')}</NavLink>
              {hasRole(me, 'journalist') && <NavLink href="/my-downloads">{lang === 'nl' ? 'Mijn downloads' : 'My downloads'}</NavLink>}
              {hasRole(me, 'photographer') && <NavLink href="/upload">{t('navUpload')}</NavLink>}
              {hasRole(me, 'photographer') && <NavLink href="/my-photos">{t('navMyPhotos')}</NavLink>}
              {hasRole(me, 'curator', 'admin') && <NavLink href="/review">{t('navReview')}</NavLink>}
              {hasRole(me, 'curator', 'admin') && <NavLink href="/collections">{t('navCollections')}</NavLink>}
              {hasRole(me, 'admin') && <NavLink href="/admin">{t('navAdmin')}</NavLink>}
            </ul>
          </nav>
          <div className="header-tools">
            {lang === 'nl' ? (
              <button type="button" className="link-button" lang="en" onClick={() => setLang('en')}>
                {t('switchToEnglish')}
              </button>
            ) : (
              <button type="button" className="link-button" lang="nl" onClick={() => setLang('nl')}>
                {t('switchToDutch')}
              </button>
            )}
            {me ? (
              <>
                <span className="who">{t('loggedInAs', { name: me.user.displayName })}</span>
                <button type="button" className="link-button" onClick={() => void logout().then(() => navigate('/'))}>
                  {t('logout')}
                </button>
              </>
            ) : (
              me === null && path !== '/login' && path !== '/portal' && <Link href={`/login?next=${encodeURIComponent(path)}`}>{t('login')}</Link>
            )}
          </div>
        </div>
      </header>
      <OfflineBanner />
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t('footerText')}</p>
          <p>
            <a href="/docs">{t('apiDocs')}</a>
          </p>
        </div>
      </footer>
    </>
  )
}
