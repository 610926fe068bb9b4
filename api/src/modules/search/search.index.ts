/**
 * The in-process search index (search.memory.ts wires it to the database). Compact on purpose: one
 * posting is one 32-bit number (document number << 4 | the fields the term is in), and every filterable
 * fact is a typed array indexed by document number, so a search over a million photos touches flat memory
 * only. What it does, in the order a query meets it:
 *
 *  - Terms, stems, prefixes and typos: search.index.terms.ts (a word that matches nothing is widened with
 *    its nearest words, found through a deletion index instead of scanning the vocabulary).
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
import type { Facet, SearchDocument, SearchFilters } from './search.port.ts'
import { COLOUR_NO, combination, filterAndCount, ORIENTATION_NO, Profiles, USE_BIT } from './search.index.facets.ts'
import { IndexMemo, type WordGroup } from './search.index.memo.ts'
import { match, type Matches, type MatchScratch } from './search.index.match.ts'
import {
  damerau,
  deletions,
  EN,
  EXACT,
  grow,
  Interned,
  isStopWord,
  NL,
  Postings,
  PREFIX,
  PREFIX_TERMS,
  STEM,
  stemEn,
  stemNl,
  STOP_EN,
  STOP_NL,
  termsOf,
  TYPO,
  TYPO_NEIGHBOURS,
  typosFor,
  variants,
  words,
} from './search.index.terms.ts'

export { damerau, isStopWord, typosFor }

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

export class MemoryIndex {
  readonly #terms = new Map<string, Postings>()
  /** Deletion variant → the words it comes from (the typo lookup). */
  readonly #deletes = new Map<string, string[]>()
  /** Plain words, sorted (the prefix lookup); rebuilt when a word came or went. */
  #sorted: string[] | null = []
  readonly #byId = new Map<string, number>()
  #docs: (SearchDocument | null)[] = []
  #alive = new Uint8Array(1024)
  /** Each document's profile (search.index.facets.ts): its uses, orientation, colour, preview, series, photographer and collections. */
  #profile = new Int32Array(1024)
  #profiles = new Profiles()
  #published = new Float64Array(1024)
  readonly #seriesValues = new Interned()
  readonly #photographers = new Interned()
  readonly #collectionValues = new Interned()
  #live = 0
  #dead = 0
  // Scratch space for one search (searches are synchronous, so one set is enough).
  #seen = new Uint8Array(1024)
  #best = new Float32Array(1024)
  /** Document numbers of the current matches and the next word's (typed, reused: no array per search). */
  #listA = new Int32Array(1024)
  #listB = new Int32Array(1024)
  #scoreA = new Float32Array(1024)
  #scoreB = new Float32Array(1024)
  /** Per word and per single-word answer, until the next change (search.index.memo.ts). */
  readonly #memo = new IndexMemo()

  get size() {
    return this.#live
  }

  has(id: string) {
    return this.#byId.has(id)
  }

  upsert(docs: Iterable<SearchDocument>) {
    this.#memo.clear()
    for (const d of docs) {
      this.#drop(d.id)
      this.#add(d)
    }
    if (this.#dead > 1000 && this.#dead > this.#live) this.#compact()
  }

  remove(ids: Iterable<string>) {
    this.#memo.clear()
    for (const id of ids) this.#drop(id)
    if (this.#dead > 1000 && this.#dead > this.#live) this.#compact()
  }

  #add(d: SearchDocument) {
    const n = this.#docs.length
    const size = n + 1
    this.#alive = grow(this.#alive, size)
    this.#profile = grow(this.#profile, size)
    this.#published = grow(this.#published, size)
    this.#docs.push(d)
    this.#byId.set(d.id, n)
    this.#alive[n] = 1
    let uses = 0
    for (const u of d.uses) uses |= USE_BIT.get(u) ?? 0
    const combo = combination(uses, ORIENTATION_NO.get(d.orientation) ?? 0, d.colour ? (COLOUR_NO.get(d.colour) ?? 0) : 0, d.publicPreview ? 1 : 0)
    this.#profile[n] = this.#profiles.id(
      combo,
      d.series === null ? -1 : this.#seriesValues.id(d.series),
      this.#photographers.id(d.photographerId),
      [...new Set(d.collections)].map((c) => this.#collectionValues.id(c)),
    )
    this.#published[n] = Date.parse(d.publishedAt)
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
    this.#profiles = new Profiles()
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
    const groups = kept.map((w, i) => this.#group(w, i === kept.length - 1 && w === tokens[tokens.length - 1]))
    const terms = groups.flatMap((g) => g.terms)
    // A single word (or none) without filters: its exact counts and best documents are kept until the index
    // changes (search.index.memo.ts); with filters or more words, they are counted over the matches.
    const f = query.filters
    const plain = !f.use && !f.orientation && !f.colour && f.series === undefined && f.collection === undefined && f.photographer === undefined
    const key = plain && groups.length <= 1 ? `${groups[0]?.key ?? ''}|${f.publicPreviewOnly === true ? 1 : 0}` : null
    const known = key === null ? undefined : this.#memo.answer(key)
    const order = known?.top.get(query.sort)
    const k = Math.max(0, query.top)
    if (known && order && (order.length >= k || order.length === known.total)) {
      const docs: SearchDocument[] = []
      for (let i = 0; i < k && i < order.length; i++) docs.push(this.#docs[order[i]!]!)
      return { docs, total: known.total, facets: known.facets, terms }
    }
    this.#scratch()
    const matches = groups.length ? match(this.#matchScratch(), groups) : this.#everything()
    const answer = this.#filterAndCount(matches, query)
    if (key !== null) {
      const memo = known ?? { total: answer.total, facets: answer.facets, top: new Map() }
      memo.top.set(query.sort, Int32Array.from(answer.order))
      if (!known) this.#memo.addAnswer(key, memo)
    }
    return { docs: answer.docs, total: answer.total, facets: answer.facets, terms }
  }

  /** A typed word's alternatives, rarity and terms: worked out once until the index changes (the memo). */
  #group(w: string, last: boolean): WordGroup {
    const key = last ? `${w}\u0000` : w
    const known = this.#memo.group(key)
    if (known) return known
    const terms: string[] = []
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
    const idf = Math.log(1 + this.#live / Math.max(1, Math.max(...alts.map((a) => a.p.df), 1)))
    const g: WordGroup = { key, alts, postings, idf, terms, union: null, asked: 0 }
    this.#memo.addGroup(g)
    return g
  }

  #scratch() {
    const size = this.#docs.length
    if (this.#seen.length < size) {
      this.#seen = new Uint8Array(size * 2)
      this.#best = new Float32Array(size * 2)
      this.#listA = new Int32Array(size * 2)
      this.#listB = new Int32Array(size * 2)
      this.#scoreA = new Float32Array(size * 2)
      this.#scoreB = new Float32Array(size * 2)
    }
  }

  /** Every live document, each scored 0 (the scores are scoreB, cleared). */
  #everything(): Matches {
    const out = this.#listA
    let k = 0
    for (let n = 0; n < this.#docs.length; n++) if (this.#alive[n]) out[k++] = n
    const scores = this.#scoreB.subarray(0, k)
    scores.fill(0)
    return { docs: out.subarray(0, k), scores, scale: 1 }
  }

  #matchScratch(): MatchScratch {
    return {
      alive: this.#alive,
      seen: this.#seen,
      best: this.#best,
      listA: this.#listA,
      listB: this.#listB,
      scoreA: this.#scoreA,
      scoreB: this.#scoreB,
      memo: this.#memo,
    }
  }

  #filterAndCount(matches: Matches, query: IndexQuery): Omit<IndexAnswer, 'terms'> & { order: number[] } {
    return filterAndCount(
      {
        docs: this.#docs,
        published: this.#published,
        profile: this.#profile,
        profiles: this.#profiles,
        seriesValues: this.#seriesValues,
        photographers: this.#photographers,
        collectionValues: this.#collectionValues,
      },
      matches,
      query,
    )
  }
}
