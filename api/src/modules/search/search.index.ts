/**
 * The in-process search index (search.memory.ts wires it to the database). Compact on purpose: one
 * posting is one 32-bit number (document number << 4 | the fields the term is in), and every filterable
 * fact is a typed array indexed by document number, so a search over a million photos touches flat memory
 * only. What it does, in the order a query meets it:
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
 *  - Every word must match (AND); a document's score is the sum over words of the word's rarity times its
 *    best match (field weight: caption 1, alt text 0.4, tags and series 0.2, credit 0.1; times 1 for the
 *    word itself, 0.9 for a stem, 0.8 for a longer word, 0.6 for a typo), ties by newest.
 *  - Filters and facets in one pass over the matches. Facets are disjunctive: a facet's counts are taken
 *    over the matches with every *other* facet's filter applied, so choosing one orientation keeps the
 *    counts of the others. `total` and every count are exact.
 *
 * Removing a document takes its words out of the vocabulary when no other document has them (erasure must
 * leave nothing behind); its postings are skipped until the next compaction.
 */
import { stemmer as snowballNl } from '@orama/stemmers/dutch'
import { stemmer as snowballEn } from '@orama/stemmers/english'
import { COLOURS, FACETS, ORIENTATIONS, type Facet, type SearchDocument, type SearchFilters } from './search.port.ts'
import stopwords from './search.stopwords.json' with { type: 'json' }
import { fold } from './search.text.ts'
import { USES } from '../../../../contract/vocabulary.ts'

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
const stemNl = memo(snowballNl)
const stemEn = memo(snowballEn)

const STOP_NL = new Set(stopwords.nl)
const STOP_EN = new Set(stopwords.en)
const NL = '\u0001'
const EN = '\u0002'
const CAPTION = 8
const ALT = 4
const KEYWORDS = 2
const CREDIT = 1
/** The best field weight per field mask (the PostgreSQL engine's A/B/C/D weights). */
const WEIGHT = Float32Array.from({ length: 16 }, (_, m) => (m & CAPTION ? 1 : m & ALT ? 0.4 : m & KEYWORDS ? 0.2 : m & CREDIT ? 0.1 : 0))
const EXACT = 1
const STEM = 0.9
const PREFIX = 0.8
const TYPO = 0.6
/** Longer words a prefix stands for, at most (the most common ones). */
const PREFIX_TERMS = 64
const TYPO_NEIGHBOURS = 3
const MAX_WORD = 40

const words = (s: string | null | undefined): string[] =>
  s
    ? fold(s)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length > 0 && w.length <= MAX_WORD)
    : []

export const isStopWord = (w: string) => STOP_NL.has(w) || STOP_EN.has(w)

/** The terms of a document with the fields each is in. */
function termsOf(d: SearchDocument): Map<string, number> {
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

const deletions = (w: string): string[] => {
  const out = new Set<string>()
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1))
  return [...out]
}

/** The deletion variants a word is filed under: one deletion, and two for words of 8 letters and more. */
const variants = (w: string): string[] => {
  const one = deletions(w)
  if (w.length < 8) return one
  const out = new Set(one)
  for (const v of one) for (const x of deletions(v)) out.add(x)
  return [...out]
}

/** Typos allowed for a word of this length (as Meilisearch: none below 4 letters here, two from 9). */
export const typosFor = (len: number) => (len >= 9 ? 2 : len >= 4 ? 1 : 0)

class Postings {
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

function grow<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  if (size <= a.length) return a
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  next.set(a)
  return next
}

/** Interned values of a facet (series, photographer, collection): value ↔ small number. */
class Interned {
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

export interface IndexQuery {
  q: string
  filters: SearchFilters
  sort: 'relevance' | 'newest'
  /** How many of the ordered matches to return (offset + page + 1). */
  top: number
}

export interface IndexAnswer {
  /** The first `top` matches in order. */
  docs: SearchDocument[]
  total: number
  facets: Record<Facet, Record<string, number>>
  /** The words a hit may show as matched (for highlights). */
  terms: string[]
}

const ORIENTATION_NO = new Map(ORIENTATIONS.map((o, i) => [o as string, i]))
const COLOUR_NO = new Map(COLOURS.map((c, i) => [c as string, i + 1]))
const USE_BIT = new Map(USES.map((u, i) => [u as string, 1 << i]))

export class MemoryIndex {
  readonly #terms = new Map<string, Postings>()
  /** Deletion variant → the words it comes from (the typo lookup). */
  readonly #deletes = new Map<string, string[]>()
  /** Plain words, sorted (the prefix lookup); rebuilt when a word came or went. */
  #sorted: string[] | null = []
  readonly #byId = new Map<string, number>()
  #docs: (SearchDocument | null)[] = []
  #alive = new Uint8Array(1024)
  #orientation = new Uint8Array(1024)
  #colour = new Uint8Array(1024)
  #uses = new Uint8Array(1024)
  #preview = new Uint8Array(1024)
  #series = new Int32Array(1024)
  #photographer = new Int32Array(1024)
  #published = new Float64Array(1024)
  #collections: (Int32Array | null)[] = []
  readonly #seriesValues = new Interned()
  readonly #photographers = new Interned()
  readonly #collectionValues = new Interned()
  #live = 0
  #dead = 0
  // Scratch space for one search (searches are synchronous, so one set is enough).
  #seen = new Uint8Array(1024)
  #best = new Float32Array(1024)
  #score = new Float32Array(1024)

  get size() {
    return this.#live
  }

  has(id: string) {
    return this.#byId.has(id)
  }

  upsert(docs: Iterable<SearchDocument>) {
    for (const d of docs) {
      this.#drop(d.id)
      this.#add(d)
    }
    if (this.#dead > 1000 && this.#dead > this.#live) this.#compact()
  }

  remove(ids: Iterable<string>) {
    for (const id of ids) this.#drop(id)
    if (this.#dead > 1000 && this.#dead > this.#live) this.#compact()
  }

  #add(d: SearchDocument) {
    const n = this.#docs.length
    const size = n + 1
    this.#alive = grow(this.#alive, size)
    this.#orientation = grow(this.#orientation, size)
    this.#colour = grow(this.#colour, size)
    this.#uses = grow(this.#uses, size)
    this.#preview = grow(this.#preview, size)
    this.#series = grow(this.#series, size)
    this.#photographer = grow(this.#photographer, size)
    this.#published = grow(this.#published, size)
    this.#docs.push(d)
    this.#byId.set(d.id, n)
    this.#alive[n] = 1
    this.#orientation[n] = ORIENTATION_NO.get(d.orientation) ?? 0
    this.#colour[n] = d.colour ? (COLOUR_NO.get(d.colour) ?? 0) : 0
    let uses = 0
    for (const u of d.uses) uses |= USE_BIT.get(u) ?? 0
    this.#uses[n] = uses
    this.#preview[n] = d.publicPreview ? 1 : 0
    this.#series[n] = d.series === null ? -1 : this.#seriesValues.id(d.series)
    this.#photographer[n] = this.#photographers.id(d.photographerId)
    this.#published[n] = Date.parse(d.publishedAt)
    this.#collections[n] = d.collections.length ? Int32Array.from(d.collections, (c) => this.#collectionValues.id(c)) : null
    for (const [term, fields] of termsOf(d)) {
      let p = this.#terms.get(term)
      if (!p) {
        this.#terms.set(term, (p = new Postings()))
        this.#addWord(term)
      }
      p.push((n << 4) | fields)
      p.df++
    }
    this.#live++
  }

  #drop(id: string) {
    const n = this.#byId.get(id)
    if (n === undefined) return
    const d = this.#docs[n]!
    this.#byId.delete(id)
    this.#alive[n] = 0
    this.#docs[n] = null
    this.#collections[n] = null
    this.#live--
    this.#dead++
    for (const term of termsOf(d).keys()) {
      const p = this.#terms.get(term)
      if (!p) continue
      p.df--
      if (p.df <= 0) {
        this.#terms.delete(term)
        this.#removeWord(term)
      }
    }
  }

  /** Files a term under its deletion variants (a stem's variants keep its language mark in front). */
  #addWord(term: string) {
    const [mark, w] = term.charCodeAt(0) <= 2 ? [term[0]!, term.slice(1)] : ['', term]
    if (mark === '') this.#sorted = null
    if (w.length < 3) return
    for (const v of variants(w)) {
      const list = this.#deletes.get(mark + v)
      if (list) list.push(term)
      else this.#deletes.set(mark + v, [term])
    }
  }

  #removeWord(term: string) {
    const [mark, w] = term.charCodeAt(0) <= 2 ? [term[0]!, term.slice(1)] : ['', term]
    if (mark === '') this.#sorted = null
    if (w.length < 3) return
    for (const v of variants(w)) {
      const list = this.#deletes.get(mark + v)
      if (!list) continue
      const i = list.indexOf(term)
      if (i >= 0) list.splice(i, 1)
      if (list.length === 0) this.#deletes.delete(mark + v)
    }
  }

  /** Renumbers the live documents (postings of removed ones are dropped). */
  #compact() {
    const live = this.#docs.filter((d): d is SearchDocument => d !== null)
    this.#terms.clear()
    this.#deletes.clear()
    this.#byId.clear()
    this.#docs = []
    this.#collections = []
    this.#live = 0
    this.#dead = 0
    this.#sorted = null
    for (const d of live) this.#add(d)
  }

  #words(): string[] {
    if (!this.#sorted) this.#sorted = [...this.#terms.keys()].filter((t) => t.charCodeAt(0) > 2).sort()
    return this.#sorted
  }

  /** Longer words that begin with w, the most common first. */
  #prefixed(w: string): string[] {
    const all = this.#words()
    let lo = 0
    let hi = all.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (all[mid]! < w) lo = mid + 1
      else hi = mid
    }
    const out: string[] = []
    for (let i = lo; i < all.length && all[i]!.startsWith(w); i++) if (all[i] !== w) out.push(all[i]!)
    if (out.length <= PREFIX_TERMS) return out
    return out.sort((a, b) => this.#terms.get(b)!.df - this.#terms.get(a)!.df).slice(0, PREFIX_TERMS)
  }

  /**
   * The nearest known terms within the typos the word's length allows (fewest typos, then most common):
   * plain words, and stems near the word's own stems (so "dgos" finds what "dogs" finds even where only
   * "dog" was ever written). Stems come back with their language mark.
   */
  typos(w: string): string[] {
    const max = typosFor(w.length)
    if (max === 0) return []
    const found = new Map<string, number>()
    const near = (mark: string, x: string) => {
      // A term within the allowed typos shares a deletion variant (or itself) with a deletion variant of the
      // typed word (or the word itself): a few dozen map lookups, however large the vocabulary.
      for (const k of [x, ...(max >= 2 ? variants(x) : deletions(x))]) {
        const candidates = [...(this.#deletes.get(mark + k) ?? [])]
        if (this.#terms.has(mark + k)) candidates.push(mark + k)
        for (const c of candidates) {
          if (found.has(c) || c === mark + x) continue
          const dist = damerau(x, c.slice(mark.length), max)
          if (dist <= max) found.set(c, dist)
        }
      }
    }
    near('', w)
    if (!STOP_NL.has(w)) near(NL, stemNl(w))
    if (!STOP_EN.has(w)) near(EN, stemEn(w))
    return [...found]
      .sort((a, b) => a[1] - b[1] || this.#terms.get(b[0])!.df - this.#terms.get(a[0])!.df || (a[0] < b[0] ? -1 : 1))
      .slice(0, TYPO_NEIGHBOURS)
      .map(([c]) => c)
  }

  /** What a word typed as it is matches: the word, its stems, and (the last word) the words it begins. */
  #alternatives(w: string, last: boolean, factor: number, out: { p: Postings; quality: number }[]) {
    const add = (term: string, quality: number) => {
      const p = this.#terms.get(term)
      if (p && p.df > 0) out.push({ p, quality: quality * factor })
    }
    add(w, EXACT)
    if (!STOP_NL.has(w)) add(NL + stemNl(w), STEM)
    if (!STOP_EN.has(w)) add(EN + stemEn(w), STEM)
    if (last && w.length >= 2) for (const longer of this.#prefixed(w)) add(longer, PREFIX)
  }

  #addTerm(term: string, quality: number, out: { p: Postings; quality: number }[]) {
    const p = this.#terms.get(term)
    if (p && p.df > 0) out.push({ p, quality })
  }

  search(query: IndexQuery): IndexAnswer {
    const tokens = words(query.q).slice(0, 12)
    let kept = tokens.filter((t) => !isStopWord(t))
    if (kept.length === 0) kept = tokens
    const terms: string[] = []
    const groups = kept.map((w, i) => {
      const last = i === kept.length - 1 && w === tokens[tokens.length - 1]
      const alts: { p: Postings; quality: number }[] = []
      this.#alternatives(w, false, 1, alts)
      // A word that is no word of its own (nor a stem) is widened with its nearest words, also when, typed
      // last, it begins longer words: "workr" begins "workroom" but was meant as "worker".
      const whole = alts.length > 0
      if (last && w.length >= 2) for (const longer of this.#prefixed(w)) this.#addTerm(longer, PREFIX, alts)
      terms.push(w)
      if (!whole) {
        for (const near of this.typos(w)) {
          if (near.charCodeAt(0) > 2) this.#alternatives(near, last, TYPO, alts)
          else {
            const p = this.#terms.get(near)
            if (p && p.df > 0) alts.push({ p, quality: TYPO * STEM })
          }
          terms.push(near.charCodeAt(0) > 2 ? near : near.slice(1))
        }
      }
      const postings = alts.reduce((n, a) => n + a.p.n, 0)
      return { alts, postings, idf: Math.log(1 + this.#live / Math.max(1, Math.max(...alts.map((a) => a.p.df), 1))) }
    })
    this.#scratch()
    const matches = groups.length ? this.#match(groups) : this.#everything()
    return { ...this.#filterAndCount(matches, query), terms }
  }

  #scratch() {
    const size = this.#docs.length
    if (this.#seen.length < size) {
      this.#seen = new Uint8Array(size * 2)
      this.#best = new Float32Array(size * 2)
      this.#score = new Float32Array(size * 2)
    }
  }

  #everything(): Int32Array {
    const out = new Int32Array(this.#live)
    let k = 0
    for (let n = 0; n < this.#docs.length; n++) if (this.#alive[n]) out[k++] = n
    for (let i = 0; i < k; i++) this.#score[out[i]!] = 0
    return out.subarray(0, k)
  }

  /** Documents matching every word (the rarest word first, so the set only shrinks), with their scores. */
  #match(groups: { alts: { p: Postings; quality: number }[]; postings: number; idf: number }[]): Int32Array {
    if (groups.some((g) => g.alts.length === 0)) return new Int32Array(0)
    const ordered = [...groups].sort((a, b) => a.postings - b.postings)
    const seen = this.#seen
    const best = this.#best
    const score = this.#score
    const alive = this.#alive
    let current: number[] = []
    const first: number[] = []
    for (let i = 0; i < ordered.length; i++) {
      const g = ordered[i]!
      for (const { p, quality } of g.alts) {
        const data = p.data
        for (let k = 0; k < p.n; k++) {
          const v = data[k]!
          const d = v >>> 4
          const s = WEIGHT[v & 15]! * quality
          if (i === 0) {
            if (!alive[d]) continue
            if (seen[d] === 0) {
              seen[d] = 1
              best[d] = s
              first.push(d)
            } else if (s > best[d]!) best[d] = s
          } else if (seen[d] === i) {
            seen[d] = i + 1
            best[d] = s
          } else if (seen[d] === i + 1 && s > best[d]!) best[d] = s
        }
      }
      const from = i === 0 ? first : current
      const next: number[] = []
      for (const d of from) {
        if (seen[d] !== i + 1) continue
        score[d] = (i === 0 ? 0 : score[d]!) + g.idf * best[d]!
        next.push(d)
      }
      current = next
    }
    for (const d of first) seen[d] = 0
    return Int32Array.from(current)
  }

  #filterAndCount(matches: Int32Array, query: IndexQuery): Omit<IndexAnswer, 'terms'> {
    const f = query.filters
    const want = {
      use: f.use ? (USE_BIT.get(f.use) ?? -1) : 0,
      orientation: f.orientation ? (ORIENTATION_NO.get(f.orientation) ?? -1) : -2,
      colour: f.colour ? (COLOUR_NO.get(f.colour) ?? -1) : -2,
      series: f.series !== undefined ? (this.#seriesValues.ids.get(f.series) ?? -3) : -2,
      collection: f.collection !== undefined ? (this.#collectionValues.ids.get(f.collection) ?? -3) : -2,
      photographer: f.photographer !== undefined ? (this.#photographers.ids.get(f.photographer) ?? -3) : -2,
    }
    const useCounts = new Int32Array(8)
    const orientationCounts = new Int32Array(ORIENTATIONS.length)
    const colourCounts = new Int32Array(COLOURS.length + 1)
    const seriesCounts = new Int32Array(this.#seriesValues.values.length)
    const photographerCounts = new Int32Array(this.#photographers.values.length)
    const collectionCounts = new Int32Array(this.#collectionValues.values.length)
    const hits: number[] = []
    const USE = 1
    const ORI = 2
    const COL = 4
    const SER = 8
    const COLL = 16
    const PH = 32
    // Locals, not fields, in the loop over every match (the hot path of a common word).
    const preview = this.#preview
    const usesOf = this.#uses
    const orientationOf = this.#orientation
    const colourOf = this.#colour
    const seriesOf = this.#series
    const photographerOf = this.#photographer
    const collectionsOf = this.#collections
    const previewOnly = f.publicPreviewOnly === true
    const { use, orientation, colour, series, collection, photographer } = want
    const useCount = USES.length
    for (let i = 0; i < matches.length; i++) {
      const d = matches[i]!
      if (previewOnly && preview[d] === 0) continue
      const u = usesOf[d]!
      const o = orientationOf[d]!
      const c = colourOf[d]!
      const s = seriesOf[d]!
      const ph = photographerOf[d]!
      const cs = collectionsOf[d]
      let fail = 0
      if (use !== 0 && (use < 0 || (u & use) === 0)) fail |= USE
      if (orientation !== -2 && o !== orientation) fail |= ORI
      if (colour !== -2 && c !== colour) fail |= COL
      if (series !== -2 && s !== series) fail |= SER
      if (collection !== -2 && (cs == null || cs.indexOf(collection) < 0)) fail |= COLL
      if (photographer !== -2 && ph !== photographer) fail |= PH
      if (fail !== 0 && (fail & (fail - 1)) !== 0) continue // fails two filters: counts nowhere
      if (fail === 0) hits.push(d)
      if (fail === 0 || fail === USE) for (let b = 0; b < useCount; b++) if (u & (1 << b)) useCounts[b]!++
      if (fail === 0 || fail === ORI) orientationCounts[o]!++
      if (fail === 0 || fail === COL) colourCounts[c]!++
      if ((fail === 0 || fail === SER) && s >= 0) seriesCounts[s]!++
      if ((fail === 0 || fail === COLL) && cs != null) for (let k = 0; k < cs.length; k++) collectionCounts[cs[k]!]!++
      if (fail === 0 || fail === PH) photographerCounts[ph]!++
    }
    const named = (counts: Int32Array, name: (i: number) => string | null) => {
      const out: Record<string, number> = {}
      for (let i = 0; i < counts.length; i++) {
        const key = name(i)
        if (counts[i]! > 0 && key !== null) out[key] = counts[i]!
      }
      return out
    }
    const facets: Record<Facet, Record<string, number>> = {
      use: named(useCounts, (i) => USES[i] ?? null),
      orientation: named(orientationCounts, (i) => ORIENTATIONS[i] ?? null),
      colour: named(colourCounts, (i) => (i === 0 ? null : COLOURS[i - 1]!)),
      series: named(seriesCounts, (i) => this.#seriesValues.values[i]!),
      collection: named(collectionCounts, (i) => this.#collectionValues.values[i]!),
      photographer: named(photographerCounts, (i) => this.#photographers.values[i]!),
    }
    for (const k of FACETS) facets[k] ??= {}
    return { docs: this.#top(hits, query).map((d) => this.#docs[d]!), total: hits.length, facets }
  }

  /** The first `top` hits in order: relevance (score, then newest) or newest; ties by id, descending. */
  #top(hits: number[], query: IndexQuery): number[] {
    const score = this.#score
    const published = this.#published
    const docs = this.#docs
    const relevance = query.sort === 'relevance'
    const before = (a: number, b: number): number => {
      if (relevance && score[a] !== score[b]) return score[b]! - score[a]!
      if (published[a] !== published[b]) return published[b]! - published[a]!
      const x = docs[a]!.id
      const y = docs[b]!.id
      return x < y ? 1 : x > y ? -1 : 0
    }
    const k = Math.max(0, query.top)
    if (hits.length <= k * 4 || hits.length < 512) return hits.sort(before).slice(0, k)
    // A bounded heap (the worst of the best k on top): n log k instead of sorting every match.
    const heap: number[] = []
    const worse = (a: number, b: number) => before(a, b) > 0
    const up = (i: number) => {
      while (i > 0) {
        const p = (i - 1) >> 1
        if (!worse(heap[i]!, heap[p]!)) break
        ;[heap[i], heap[p]] = [heap[p]!, heap[i]!]
        i = p
      }
    }
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l
        if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r
        if (m === i) return
        ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
        i = m
      }
    }
    for (const d of hits) {
      if (heap.length < k) {
        heap.push(d)
        up(heap.length - 1)
      } else if (k > 0 && before(d, heap[0]!) < 0) {
        heap[0] = d
        down(0)
      }
    }
    return heap.sort(before)
  }
}
