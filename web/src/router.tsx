/**
 * A small router on the History API: `useLocation()` for the current path and query, `navigate()`,
 * `<Link>` (a real <a href>, so it works with the keyboard, a middle click and without JavaScript's help),
 * and `match()` for patterns like '/photos/:id' or '/collections/*'.
 */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react'

const listeners = new Set<() => void>()
const notify = () => {
  for (const l of listeners) l()
}
window.addEventListener('popstate', notify)

function subscribe(l: () => void) {
  listeners.add(l)
  return () => listeners.delete(l)
}
const snapshot = () => window.location.pathname + window.location.search

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot)
  const i = href.indexOf('?')
  return { path: i < 0 ? href : href.slice(0, i), query: new URLSearchParams(i < 0 ? '' : href.slice(i)) }
}

/** Goes to `to` (path with optional query). `replace` for state that shouldn't fill the back button. */
export function navigate(to: string, opts: { replace?: boolean } = {}) {
  if (to === snapshot() + window.location.hash) return
  if (opts.replace) history.replaceState(null, '', to)
  else {
    history.pushState(null, '', to)
    window.scrollTo(0, 0)
  }
  notify()
}

export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
    if (rest.target && rest.target !== '_self') return
    e.preventDefault()
    navigate(href)
  }
  return <a href={href} onClick={click} {...rest} />
}

/**
 * Matches a path against a pattern: ':name' takes one segment, a trailing '*' takes the rest (as `rest`).
 * Returns the decoded parameters, or null.
 */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean)
  const s = path.split('/').filter(Boolean)
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!
    if (part === '*') {
      params.rest = s.slice(i).map(decodeURIComponent).join('/')
      return params
    }
    const seg = s[i]
    if (seg === undefined) return null
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(seg)
      } catch {
        return null
      }
    } else if (part !== seg) return null
  }
  return s.length === p.length ? params : null
}

/** What every page component receives from the route table: the pattern's parameters (and `rest`). */
export interface PageProps {
  params: Record<string, string>
}
