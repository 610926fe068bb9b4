/**
 * The in-process index's filters, facets and order (search.index.ts): one pass over the matches applies
 * the filters, counts every facet disjunctively (a facet's counts with every *other* facet's filter
 * applied) and keeps the first `top` hits by relevance or date (TopK), turning most hits away with one
 * comparison.
 *
 * Every document has a profile: the facts filters and facets read (uses, orientation, colour, public
 * preview, series, photographer, collections), interned, so documents alike share one. The pass over the
 * matches counts profiles (one read and one increment per match), decides each profile's filters once, and
 * spreads the counts over the facets per profile afterwards: a photo bank has far fewer profiles than
 * photos, and where every photo is unlike every other, the work is what it was per match.
 */
import { COLOURS, FACETS, ORIENTATIONS, type Facet, type SearchDocument } from './search.port.ts'
import type { IndexAnswer, IndexQuery } from './search.index.ts'
import type { Matches } from './search.index.match.ts'
import { grow, type Interned } from './search.index.terms.ts'
import { USES } from '../../../../contract/vocabulary.ts'

export const ORIENTATION_NO = new Map(ORIENTATIONS.map((o, i) => [o as string, i]))
export const COLOUR_NO = new Map(COLOURS.map((c, i) => [c as string, i + 1]))
export const USE_BIT = new Map(USES.map((u, i) => [u as string, 1 << i]))

const PUBLIC_PREVIEW = 1 << 14

/** A document's uses, orientation, colour and public preview in one number (bits 0–7, 8–9, 10–13, 14). */
export const combination = (uses: number, orientation: number, colour: number, preview: number) =>
  uses | (orientation << 8) | (colour << 10) | (preview ? PUBLIC_PREVIEW : 0)

const NO_COLLECTIONS = new Int32Array(0)

/** The distinct profiles of the documents (combination, series, photographer, collections), numbered. */
export class Profiles {
  readonly #ids = new Map<string, number>()
  combo = new Int32Array(64)
  /** -1: no series. */
  series = new Int32Array(64)
  photographer = new Int32Array(64)
  collections: Int32Array[] = []

  get count() {
    return this.collections.length
  }

  /** The profile's number (a new one for facts not seen before). */
  id(combo: number, series: number, photographer: number, collections: readonly number[]): number {
    const key = `${combo}|${series}|${photographer}|${collections.join(',')}`
    let p = this.#ids.get(key)
    if (p !== undefined) return p
    p = this.collections.length
    this.#ids.set(key, p)
    this.combo = grow(this.combo, p + 1)
    this.series = grow(this.series, p + 1)
    this.photographer = grow(this.photographer, p + 1)
    this.combo[p] = combo
    this.series[p] = series
    this.photographer[p] = photographer
    this.collections.push(collections.length ? Int32Array.from(collections) : NO_COLLECTIONS)
    return p
  }
}

/** The index's per-document facts, by document number (MemoryIndex's arrays, as they are at the call). */
export interface IndexFacts {
  docs: (SearchDocument | null)[]
  published: Float64Array
  /** Each document's profile number. */
  profile: Int32Array
  profiles: Profiles
  seriesValues: Interned
  photographers: Interned
  collectionValues: Interned
}

// Scratch for one search at a time (searches are synchronous): matches per profile (cleared as read), each
// profile's failed filters (set when it is first met), and the profiles met.
let countScratch = new Int32Array(1024)
let failScratch = new Uint8Array(1024)
let touchedScratch = new Int32Array(1024)

const USE = 1
const ORI = 2
const COL = 4
const SER = 8
const COLL = 16
const PH = 32
/** A profile without a public preview where only those may be shown: counted nowhere. */
const HIDDEN = 128

export function filterAndCount(facts: IndexFacts, matches: Matches, query: IndexQuery): Omit<IndexAnswer, 'terms'> & { order: number[] } {
  const f = query.filters
  const use = f.use ? (USE_BIT.get(f.use) ?? -1) : 0
  const orientation = f.orientation ? (ORIENTATION_NO.get(f.orientation) ?? -1) : -2
  const colour = f.colour ? (COLOUR_NO.get(f.colour) ?? -1) : -2
  const series = f.series !== undefined ? (facts.seriesValues.ids.get(f.series) ?? -3) : -2
  const collection = f.collection !== undefined ? (facts.collectionValues.ids.get(f.collection) ?? -3) : -2
  const photographer = f.photographer !== undefined ? (facts.photographers.ids.get(f.photographer) ?? -3) : -2
  const previewOnly = f.publicPreviewOnly === true
  const profiles = facts.profiles
  const pCombo = profiles.combo
  const pSeries = profiles.series
  const pPhotographer = profiles.photographer
  const pCollections = profiles.collections
  if (countScratch.length < profiles.count) {
    countScratch = new Int32Array(profiles.count * 2)
    failScratch = new Uint8Array(profiles.count * 2)
    touchedScratch = new Int32Array(profiles.count * 2)
  }
  const counts = countScratch
  const fails = failScratch
  const touched = touchedScratch
  /** The filters a profile fails (HIDDEN: none of it may be shown to this caller). */
  const failOf = (p: number): number => {
    const k = pCombo[p]!
    if (previewOnly && (k & PUBLIC_PREVIEW) === 0) return HIDDEN
    let fail = 0
    if (use !== 0 && (use < 0 || (k & 255 & use) === 0)) fail |= USE
    if (orientation !== -2 && ((k >> 8) & 3) !== orientation) fail |= ORI
    if (colour !== -2 && ((k >> 10) & 15) !== colour) fail |= COL
    if (series !== -2 && pSeries[p] !== series) fail |= SER
    if (collection !== -2 && (collection < 0 || pCollections[p]!.indexOf(collection) < 0)) fail |= COLL
    if (photographer !== -2 && pPhotographer[p] !== photographer) fail |= PH
    return fail
  }
  // One pass: each match's profile counted, and each hit (a match passing every filter) offered to the best
  // `top` so far (TopK), most of them turned away by one comparison with the worst of those.
  const best = new TopK(facts, query)
  const relevance = query.sort === 'relevance'
  const published = facts.published
  let hitN = 0
  let touchedN = 0
  const profileOf = facts.profile
  const { docs, scores, scale } = matches
  const total = docs.length
  // The worst of the best kept so far (once there are `top` of them): a hit below it is turned away here.
  let full = best.full
  let worstS = best.worstS
  let worstP = best.worstP
  for (let i = 0; i < total; i++) {
    const d = docs[i]!
    const p = profileOf[d]!
    if (counts[p]!++ === 0) {
      touched[touchedN++] = p
      fails[p] = failOf(p)
    }
    if (fails[p] !== 0) continue
    hitN++
    const s = Math.fround(scale * scores[i]!)
    if (full) {
      if (relevance) {
        if (s < worstS) continue
        if (s === worstS && !best.beatsWorst(d)) continue
      } else {
        const pd = published[d]!
        if (pd < worstP || (pd === worstP && !best.beatsWorst(d))) continue
      }
    }
    best.offer(d, s)
    full = best.full
    worstS = best.worstS
    worstP = best.worstP
  }
  // Per combination of uses (a byte of bits), spread over the uses below.
  const useMasks = new Int32Array(256)
  const orientationCounts = new Int32Array(ORIENTATIONS.length)
  const colourCounts = new Int32Array(COLOURS.length + 1)
  const seriesCounts = new Int32Array(facts.seriesValues.values.length)
  const photographerCounts = new Int32Array(facts.photographers.values.length)
  const collectionCounts = new Int32Array(facts.collectionValues.values.length)
  for (let t = 0; t < touchedN; t++) {
    const p = touched[t]!
    const c = counts[p]!
    counts[p] = 0 // the scratch is clear again for the next search
    const fail = fails[p]!
    // A profile that fails two filters counts nowhere; one that fails one counts in that facet only.
    if (fail === HIDDEN || (fail & (fail - 1)) !== 0) continue
    const k = pCombo[p]!
    if (fail === 0 || fail === USE) useMasks[k & 255]! += c
    if (fail === 0 || fail === ORI) orientationCounts[(k >> 8) & 3]! += c
    if (fail === 0 || fail === COL) colourCounts[(k >> 10) & 15]! += c
    const s = pSeries[p]!
    if ((fail === 0 || fail === SER) && s >= 0) seriesCounts[s]! += c
    if (fail === 0 || fail === COLL) {
      const cs = pCollections[p]!
      for (let j = 0; j < cs.length; j++) collectionCounts[cs[j]!]! += c
    }
    if (fail === 0 || fail === PH) photographerCounts[pPhotographer[p]!]! += c
  }
  const useCounts = new Int32Array(8)
  for (let m = 1; m < 256; m++) {
    const c = useMasks[m]!
    if (c !== 0) for (let b = 0; b < 8; b++) if (m & (1 << b)) useCounts[b]! += c
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
    series: named(seriesCounts, (i) => facts.seriesValues.values[i]!),
    collection: named(collectionCounts, (i) => facts.collectionValues.values[i]!),
    photographer: named(photographerCounts, (i) => facts.photographers.values[i]!),
  }
  for (const k of FACETS) facets[k] ??= {}
  const order = best.ordered()

  return { docs: order.map((d) => facts.docs[d]!), total: hitN, facets, order }
}

/**
 * The first `top` hits in order: relevance (score, then newest) or newest; ties by id, descending. A bounded
 * heap with the worst of the best on top (n log k instead of sorting every hit), in typed arrays; a hit no
 * better than that worst is turned away by comparing its score (or date) with the worst's, kept beside the heap.
 * Scores are rounded to 32 bits, as the index keeps them.
 */
export class TopK {
  readonly #k: number
  readonly #relevance: boolean
  readonly #published: Float64Array
  readonly #docs: IndexFacts['docs']
  readonly #d: Int32Array
  readonly #s: Float32Array
  readonly #p: Float64Array
  #n = 0
  /** The worst kept hit's score and date (the heap's top), once the heap is full. */
  #worstS = 0
  #worstP = 0

  constructor(facts: Pick<IndexFacts, 'published' | 'docs'>, query: Pick<IndexQuery, 'top' | 'sort'>) {
    this.#k = Math.max(0, query.top)
    this.#relevance = query.sort === 'relevance'
    this.#published = facts.published
    this.#docs = facts.docs
    this.#d = new Int32Array(this.#k)
    this.#s = new Float32Array(this.#k)
    this.#p = new Float64Array(this.#k)
  }

  /** Whether kept entry i comes after kept entry j in the order (is worse). */
  #worse(i: number, j: number): boolean {
    if (this.#relevance && this.#s[i] !== this.#s[j]) return this.#s[i]! < this.#s[j]!
    if (this.#p[i] !== this.#p[j]) return this.#p[i]! < this.#p[j]!
    return this.#docs[this.#d[i]!]!.id < this.#docs[this.#d[j]!]!.id
  }

  #swap(i: number, j: number) {
    const d = this.#d[i]!
    const s = this.#s[i]!
    const p = this.#p[i]!
    this.#d[i] = this.#d[j]!
    this.#s[i] = this.#s[j]!
    this.#p[i] = this.#p[j]!
    this.#d[j] = d
    this.#s[j] = s
    this.#p[j] = p
  }

  /** Whether the heap holds `top` hits (then a hit goes in only when it beats the worst of them). */
  get full() {
    return this.#n === this.#k
  }

  /** The worst kept hit's score and date (meaningful once full; nothing beats them when `top` is 0). */
  get worstS() {
    return this.#k === 0 ? Number.POSITIVE_INFINITY : this.#worstS
  }

  get worstP() {
    return this.#k === 0 ? Number.POSITIVE_INFINITY : this.#worstP
  }

  /** Whether a hit with the worst kept hit's score (relevance) and date comes before it: by id. */
  beatsWorst(d: number): boolean {
    if (this.#k === 0) return false
    const p = this.#published[d]!
    if (p !== this.#worstP) return p > this.#worstP
    return this.#docs[d]!.id > this.#docs[this.#d[0]!]!.id
  }

  /** Keeps a hit: while not full, any; once full, only one that beats the worst kept (the caller checks). */
  offer(d: number, score: number) {
    const k = this.#k
    if (k === 0) return
    if (this.#n < k) {
      let i = this.#n++
      this.#d[i] = d
      this.#s[i] = score
      this.#p[i] = this.#published[d]!
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!this.#worse(i, parent)) break
        this.#swap(i, parent)
        i = parent
      }
      if (this.#n === k) {
        this.#worstS = this.#s[0]!
        this.#worstP = this.#p[0]!
      }
      return
    }
    this.#d[0] = d
    this.#s[0] = score
    this.#p[0] = this.#published[d]!
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < k && this.#worse(l, m)) m = l
      if (r < k && this.#worse(r, m)) m = r
      if (m === i) break
      this.#swap(i, m)
      i = m
    }
    this.#worstS = this.#s[0]!
    this.#worstP = this.#p[0]!
  }

  /** The kept hits' document numbers, best first. */
  ordered(): number[] {
    const idx = Array.from({ length: this.#n }, (_, i) => i)
    idx.sort((a, b) => (this.#worse(a, b) ? 1 : this.#worse(b, a) ? -1 : 0))
    return idx.map((i) => this.#d[i]!)
  }
}
