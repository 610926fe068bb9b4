/**
 * Language guidance (DESIGN.md, "Search"): a query with a stigmatising or outdated word is never blocked.
 * The word is replaced by the preferred word before the engine sees it, so the query finds exactly what the
 * preferred word finds, and the response carries a one-line note in the language of the list the word came
 * from (or the caller's `lang` when the word is in both). The words live in language-guidance.json, which
 * a person must review (see its "review" note).
 *
 * Matching is on whole words, accent- and case-insensitive, with simple plurals (nl: -s, -en, -'s;
 * en: -s, -es), and multi-word terms ("call girl", "rosse buurt") match as a sequence.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { tokenize } from './search.text.ts'

type Lang = 'nl' | 'en'

interface Entry {
  terms: string[]
  preferred: string[]
  note: string
}

interface GuidanceFile {
  review: string
  nl: Entry[]
  en: Entry[]
}

export interface LanguageNote {
  lang: Lang
  terms: string[]
  preferred: string[]
  note: string
}

export interface Guided {
  /** The query with each guided word replaced by its first preferred word. */
  q: string
  languageNote: LanguageNote | null
}

const FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'language-guidance.json')
const PLURALS: Record<Lang, string[]> = { nl: ['', 's', 'en', 'n'], en: ['', 's', 'es'] }

interface Compiled {
  lang: Lang
  words: string[]
  entry: Entry
}

export class LanguageGuidance {
  readonly #compiled: Compiled[]

  constructor(file: GuidanceFile = JSON.parse(fs.readFileSync(FILE, 'utf8')) as GuidanceFile) {
    const all: Compiled[] = []
    for (const lang of ['nl', 'en'] as const) {
      for (const entry of file[lang]) for (const t of entry.terms) all.push({ lang, words: tokenize(t), entry })
    }
    // Longer terms first, so "call girl" wins over a shorter term inside it.
    this.#compiled = all.sort((a, b) => b.words.length - a.words.length)
  }

  apply(q: string, lang?: Lang): Guided {
    const tokens = tokenize(q, 32)
    const out: string[] = []
    const found: { c: Compiled; typed: string }[] = []
    for (let i = 0; i < tokens.length; ) {
      const hit = this.#match(tokens, i)
      if (!hit) {
        out.push(tokens[i]!)
        i++
        continue
      }
      found.push({ c: hit, typed: tokens.slice(i, i + hit.words.length).join(' ') })
      out.push(...tokenize(hit.entry.preferred[0]!))
      i += hit.words.length
    }
    if (found.length === 0) return { q, languageNote: null }
    const langs = new Set(found.map((f) => f.c.lang))
    const noteLang: Lang = lang && langs.has(lang) ? lang : found[0]!.c.lang
    const mine = found.filter((f) => f.c.lang === noteLang)
    const uniq = <T>(xs: T[]) => [...new Set(xs)]
    return {
      q: out.join(' '),
      languageNote: {
        lang: noteLang,
        terms: uniq(found.map((f) => f.typed)),
        preferred: uniq(mine.flatMap((f) => f.c.entry.preferred)),
        note: uniq(mine.map((f) => f.c.entry.note)).join(' '),
      },
    }
  }

  #match(tokens: string[], i: number): Compiled | null {
    for (const c of this.#compiled) {
      const n = c.words.length
      if (i + n > tokens.length) continue
      let ok = true
      for (let k = 0; k < n && ok; k++) {
        const tok = tokens[i + k]!
        const w = c.words[k]!
        ok = k < n - 1 ? tok === w : PLURALS[c.lang].some((s) => tok === w + s)
      }
      if (ok) return c
    }
    return null
  }
}
