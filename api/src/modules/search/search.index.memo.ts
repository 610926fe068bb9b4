/**
 * What the in-process index (search.index.ts) works out once per word and keeps until the index changes
 * (issue 17: a varied stream repeats words far more often than whole queries):
 *
 *  - per typed word (and whether it was typed last, which adds the words it begins): the terms it matches
 *    (itself, stems, longer words, near words), its rarity, and from its second search on the union of their
 *    postings as one deduplicated list of live documents with each one's best match weight;
 *  - per single word without filters (or no words at all), for public or all previews: the exact total and
 *    facet counts, and the best documents in each order, as far as they were asked for.
 *
 * Exact, never approximate: both are computed by the same code as without them, from the index as it is,
 * and the whole memo is dropped by every change to the index (upsert, remove, compaction). Bounded: the
 * unions by the postings they hold, the answers by count (the least recently used words, and the oldest answers, go first).
 */
import type { Facet } from './search.port.ts'
import type { Postings } from './search.index.terms.ts'

/** One typed word, as the index matches it. */
export interface WordGroup {
  /** The word and whether it was typed last (the memo's key). */
  key: string
  alts: { p: Postings; quality: number }[]
  /** Postings over all alternatives (the order words are intersected in). */
  postings: number
  idf: number
  /** The words a hit may show as matched for this word (highlights). */
  terms: string[]
  /** The live documents matching any alternative, once, with the best weight × quality (lazily). */
  union: Union | null
  /** Searches that matched this word so far (its union is made on the second). */
  asked: number
}

/** A word's matches as one list: each live document once, with its best weight × quality. */
export interface Union {
  docs: Int32Array
  best: Float32Array
  /**
   * The same by document number, for a large union (made the first time a word is intersected with it):
   * 0 where the document is not in it, else 1 + the index of its best in `values`. Undefined until made.
   */
  dense?: Uint8Array
  values?: Float32Array
}

/** A single word's (or no word's) answer without filters: exact counts, and the best documents per order. */
export interface PlainAnswer {
  total: number
  facets: Record<Facet, Record<string, number>>
  /** Document numbers in order, the first `length` of them (all of them when length === total). */
  top: Map<'relevance' | 'newest', Int32Array>
}

/**
 * Postings kept in unions at most: 8 bytes each (document number and weight), so 128 MB; a union's lookup by
 * document number counts as one posting per 8 of its bytes. Measured (issue 17, the bench's varied stream at
 * 100k photos): at 4M, unions were dropped and made again for one word in eight, and a two-word search spent
 * more time remaking them than matching; at 16M the stream's words all stay.
 */
const MAX_UNION_POSTINGS = 16_000_000
const MAX_GROUPS = 20_000
const MAX_ANSWERS = 2_000

export class IndexMemo {
  readonly #groups = new Map<string, WordGroup>()
  readonly #answers = new Map<string, PlainAnswer>()
  #unionPostings = 0

  clear() {
    this.#groups.clear()
    this.#answers.clear()
    this.#unionPostings = 0
  }

  /** A word worked out before; asking for it makes it the most recently used (the last to be dropped). */
  group(key: string): WordGroup | undefined {
    const g = this.#groups.get(key)
    if (g) {
      this.#groups.delete(key)
      this.#groups.set(key, g)
    }
    return g
  }

  addGroup(g: WordGroup) {
    if (this.#groups.size >= MAX_GROUPS) this.#dropOldestGroup()
    this.#groups.set(g.key, g)
  }

  /** Accounts for a union just computed for a kept group; drops the least recently used groups past the budget. */
  unionAdded(g: WordGroup) {
    if (this.#groups.get(g.key) !== g || !g.union) return
    this.#unionPostings += g.union.docs.length
    while (this.#unionPostings > MAX_UNION_POSTINGS && this.#groups.size > 1) this.#dropOldestGroup()
  }

  /** Accounts for a union's lookup just made (its bytes, as postings of 8 bytes). */
  denseAdded(g: WordGroup) {
    if (this.#groups.get(g.key) !== g || !g.union?.dense) return
    this.#unionPostings += g.union.dense.length >> 3
    while (this.#unionPostings > MAX_UNION_POSTINGS && this.#groups.size > 1) this.#dropOldestGroup()
  }

  #dropOldestGroup() {
    const [key, g] = this.#groups.entries().next().value!
    this.#groups.delete(key)
    if (g.union) this.#unionPostings -= g.union.docs.length + ((g.union.dense?.length ?? 0) >> 3)
  }

  answer(key: string): PlainAnswer | undefined {
    return this.#answers.get(key)
  }

  addAnswer(key: string, a: PlainAnswer) {
    if (this.#answers.size >= MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!)
    this.#answers.set(key, a)
  }
}
