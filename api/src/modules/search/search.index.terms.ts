/**
 * The in-process index's words (search.index.ts): how a document's texts become terms (folded words, Dutch
 * and English stems, field marks), the typo machinery (Damerau–Levenshtein distance, SymSpell deletion
 * variants), and the compact containers terms and facets are kept in (postings, interned values).
 *
 *  - Terms. Every text is folded (lower case, no accents) and split into words. A word is indexed as itself
 *    (prefixes and typos are looked up on these), plus its Dutch stem for the Dutch texts and its English
 *    stem for the English ones (Snowball, @orama/stemmers), both for the keywords (Dutch and English) and series. The languages'
 *    stop words get no stem (the lists PostgreSQL uses), as in the PostgreSQL engine.
 *  - A query word matches its own word, its stems, and, for the last word, every word it begins (search as
 *    you type). A word that matches nothing is widened with its nearest words by Damerau–Levenshtein
 *    distance (a swapped pair of letters is one typo): one typo from 4 letters, two from 9, found through
 *    a deletion index (SymSpell) instead of scanning the vocabulary, and each such word then matches what
 *    it would match when typed.
 */
import { stemmer as snowballNl } from '@orama/stemmers/dutch'
import { stemmer as snowballEn } from '@orama/stemmers/english'
import type { SearchDocument } from './search.port.ts'
import stopwords from './search.stopwords.json' with { type: 'json' }
import { fold } from './search.text.ts'

/** Stems are asked for the same few thousand words again and again: remembered (bounded). */
function memo(stem: (w: string) => string): (w: string) => string {
  const known = new Map<string, string>()
  return (w) => {
    let s = known.get(w)
    if (s === undefined) {
      if (known.size >= 200_000) known.clear()
      known.set(w, (s = stem(w)))
    }
    return s
  }
}
export const stemNl = memo(snowballNl)
export const stemEn = memo(snowballEn)

export const STOP_NL = new Set(stopwords.nl)
export const STOP_EN = new Set(stopwords.en)
export const NL = '\u0001'
export const EN = '\u0002'
const CAPTION = 8
const ALT = 4
const KEYWORDS = 2
const CREDIT = 1
/** The best field weight per field mask (the PostgreSQL engine's A/B/C/D weights). */
export const WEIGHT = Float32Array.from({ length: 16 }, (_, m) => (m & CAPTION ? 1 : m & ALT ? 0.4 : m & KEYWORDS ? 0.2 : m & CREDIT ? 0.1 : 0))
export const EXACT = 1
export const STEM = 0.9
export const PREFIX = 0.8
export const TYPO = 0.6
/** Longer words a prefix stands for, at most (the most common ones). */
export const PREFIX_TERMS = 64
export const TYPO_NEIGHBOURS = 3
export const MAX_WORD = 40

export const words = (s: string | null | undefined): string[] =>
  s
    ? fold(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0 && w.length <= MAX_WORD)
    : []

export const isStopWord = (w: string) => STOP_NL.has(w) || STOP_EN.has(w)

/** The terms of a document with the fields each is in. */
export function termsOf(d: SearchDocument): Map<string, number> {
  const out = new Map<string, number>()
  const add = (t: string, field: number) => out.set(t, (out.get(t) ?? 0) | field)
  const text = (s: string | null, field: number, nl: boolean, en: boolean) => {
    for (const w of words(s)) {
      add(w, field)
      if (nl && !STOP_NL.has(w)) add(NL + stemNl(w), field)
      if (en && !STOP_EN.has(w)) add(EN + stemEn(w), field)
    }
  }
  text(d.captionNl, CAPTION, true, false)
  text(d.captionEn, CAPTION, false, true)
  text(d.altNl, ALT, true, false)
  text(d.altEn, ALT, false, true)
  // Keywords in either language get both stems, as before (a Dutch list often holds English words too).
  text([d.tags.join(' '), d.tagsEn.join(' '), d.series ?? ''].join(' '), KEYWORDS, true, true)
  text(d.credit, CREDIT, false, false)
  return out
}

/** Damerau–Levenshtein (optimal string alignment) distance, or max + 1 once it is certainly above max. */
export function damerau(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = b.length
  let prev2 = new Array<number>(n + 1).fill(0)
  let prev = Array.from({ length: n + 1 }, (_, j) => j)
  let cur = new Array<number>(n + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    let best = i
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur[j] = v
      if (v < best) best = v
    }
    if (best > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return prev[n]!
}

export const deletions = (w: string): string[] => {
  const out = new Set<string>()
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1))
  return [...out]
}

/** The deletion variants a word is filed under: one deletion, and two for words of 8 letters and more. */
export const variants = (w: string): string[] => {
  const one = deletions(w)
  if (w.length < 8) return one
  const out = new Set(one)
  for (const v of one) for (const x of deletions(v)) out.add(x)
  return [...out]
}

/** Typos allowed for a word of this length (as Meilisearch: none below 4 letters here, two from 9). */
export const typosFor = (len: number) => (len >= 9 ? 2 : len >= 4 ? 1 : 0)

export class Postings {
  data = new Int32Array(4)
  n = 0
  /** Live documents with this term. */
  df = 0
  push(v: number) {
    if (this.n === this.data.length) {
      const next = new Int32Array(this.data.length * 2)
      next.set(this.data)
      this.data = next
    }
    this.data[this.n++] = v
  }
}

export function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) return a
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  next.set(a)
  return next
}

/** Interned values of a facet (series, photographer, collection): value ↔ small number. */
export class Interned {
  readonly ids = new Map<string, number>()
  readonly values: string[] = []
  id(v: string): number {
    let i = this.ids.get(v)
    if (i === undefined) {
      i = this.values.length
      this.ids.set(v, i)
      this.values.push(v)
    }
    return i
  }
}
