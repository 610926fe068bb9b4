/**
 * Dutch by default, English on request (remembered in localStorage, reflected in <html lang>). Each area
 * keeps its own messages in `i18n/<area>.ts` as `{ nl: {...}, en: {...} }` (same keys in both: the type
 * says so), and reads them with `useT(messages)`. `{name}` in a message is filled from `vars`.
 */
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react'

export type Lang = 'nl' | 'en'
export const LANGS: readonly Lang[] = ['nl', 'en']
const STORAGE_KEY = 'eb.lang'

/** An area's messages: the English keys must be exactly the Dutch ones. */
export type Messages<K extends string> = { nl: Record<K, string>; en: Record<K, string> }
export const messages = <K extends string>(m: Messages<K>): Messages<K> => m

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY)
    if (stored === 'nl' || stored === 'en') return stored
  } catch {
    // Storage can be blocked (private mode, policy): Dutch it is.
  }
  return 'nl'
}

interface LangState {
  lang: Lang
  setLang: (lang: Lang) => void
}
const LangContext = createContext<LangState>({ lang: 'nl', setLang: () => {} })

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang()
    document.documentElement.lang = l
    return l
  })
  const setLang = useCallback((l: Lang) => {
    setLangState(l)
    document.documentElement.lang = l
    try {
      localStorage.setItem(STORAGE_KEY, l)
    } catch {
      // Not remembered; still switched for this page.
    }
  }, [])
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang])
  return <LangContext value={value}>{children}</LangContext>
}

export const useLang = () => use(LangContext)

export function format(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m))
}

/** `const t = useT(searchMessages); t('title')` — typed keys, the current language. */
export function useT<K extends string>(m: Messages<K>) {
  const { lang } = useLang()
  return useCallback((key: K, vars?: Record<string, string | number>) => format(m[lang][key], vars), [m, lang])
}

/** Picks the current language from an `{ nl, en }` pair from the API, falling back to the other one. */
export function useBilingual() {
  const { lang } = useLang()
  return useCallback(
    (pair: { nl: string | null; en: string | null } | null | undefined): string => {
      if (!pair) return ''
      const other: Lang = lang === 'nl' ? 'en' : 'nl'
      return pair[lang] ?? pair[other] ?? ''
    },
    [lang],
  )
}
