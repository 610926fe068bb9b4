/**
 * The in-process index's filters, facets and order (search.index.ts): one pass over the matches applies
 * the filters and counts every facet disjunctively (a facet's counts with every *other* facet's filter
 * applied), then the first `top` hits are ordered by relevance or date.
 */
import { COLOURS, FACETS, ORIENTATIONS, type Facet, type SearchDocument } from './search.port.ts'
import type { IndexAnswer, IndexQuery } from './search.index.ts'
import type { Interned } from './search.index.terms.ts'
import { USES } from '../../../../contract/vocabulary.ts'

export const ORIENTATION_NO = new Map(ORIENTATIONS.map((o, i) => [o as string, i]))
export const COLOUR_NO = new Map(COLOURS.map((c, i) => [c as string, i + 1]))
export const USE_BIT = new Map(USES.map((u, i) => [u as string, 1 << i]))

/** The index's per-document facts, by document number (MemoryIndex's arrays, as they are at the call). */
export interface IndexFacts {
  docs: (SearchDocument | null)[]
  score: Float32Array
  published: Float64Array
  preview: Uint8Array
  /** combination() of each document. */
  combo: Int32Array
  uses: Uint8Array
  orientation: Uint8Array
  colour: Uint8Array
  series: Int32Array
  photographer: Int32Array
  /** The first and second collection of each document (-1: none), and any further ones. */
  collection1: Int32Array
  collection2: Int32Array
  collectionsMore: (Int32Array | null)[]
  seriesValues: Interned
  photographers: Interned
  collectionValues: Interned
}

/** The answer, with the document numbers of `docs` (`order`) for the index's memo. */
/** Combinations of uses (8 bits), orientation (2) and colour (4) in one number. */
const COMBOS = 1 << 14
const PUBLIC_PREVIEW = 1 << 14

/** A document's uses, orientation, colour and public preview in one number (bits 0–7, 8–9, 10–13, 14). */
export const combination = (uses: number, orientation: number, colour: number, preview: number) =>
  uses | (orientation << 8) | (colour << 10) | (preview ? PUBLIC_PREVIEW : 0)
// Scratch for one search at a time (searches are synchronous): counts per combination, cleared as read, and
// the combinations met (so the counts are read and cleared without visiting all 16,384 of them).
const combosScratch = new Int32Array(COMBOS)
const touchedScratch = new Int32Array(COMBOS)
// Whether each part of a combination passes its filter (uses byte, orientation, colour): a match's
// combination passes when all three do. Three small tables instead of one over every combination, which
// cost a pass of 16,384 steps per filtered search, whatever its number of matches.
const useOkScratch = new Uint8Array(256)
const orientationOkScratch = new Uint8Array(4)
const colourOkScratch = new Uint8Array(16)

export function filterAndCount(facts: IndexFacts, matches: Int32Array, query: IndexQuery): Omit<IndexAnswer, 'terms'> & { order: number[] } {
  const f = query.filters
  const want = {
    use: f.use ? (USE_BIT.get(f.use) ?? -1) : 0,
    orientation: f.orientation ? (ORIENTATION_NO.get(f.orientation) ?? -1) : -2,
    colour: f.colour ? (COLOUR_NO.get(f.colour) ?? -1) : -2,
    series: f.series !== undefined ? (facts.seriesValues.ids.get(f.series) ?? -3) : -2,
    collection: f.collection !== undefined ? (facts.collectionValues.ids.get(f.collection) ?? -3) : -2,
    photographer: f.photographer !== undefined ? (facts.photographers.ids.get(f.photographer) ?? -3) : -2,
  }
  // Per combination of uses (a byte of bits), spread over the uses after the loop: one increment per match.
  const useMasks = new Int32Array(256)
  const orientationCounts = new Int32Array(ORIENTATIONS.length)
  const colourCounts = new Int32Array(COLOURS.length + 1)
  const seriesCounts = new Int32Array(facts.seriesValues.values.length)
  const photographerCounts = new Int32Array(facts.photographers.values.length)
  const collectionCounts = new Int32Array(facts.collectionValues.values.length)
  // The hits, in place of the matches already read (a hit is never ahead of the match being read); the
  // matches are the index's scratch space, valid until its next search.
  const hits = matches
  let hitN = 0
  const USE = 1
  const ORI = 2
  const COL = 4
  const SER = 8
  const COLL = 16
  const PH = 32
  // Locals, not fields, in the loop over every match (the hot path of a common word).
  const preview = facts.preview
  const comboOf = facts.combo
  const usesOf = facts.uses
  const orientationOf = facts.orientation
  const colourOf = facts.colour
  const seriesOf = facts.series
  const photographerOf = facts.photographer
  const collection1 = facts.collection1
  const collection2 = facts.collection2
  const collectionsMore = facts.collectionsMore
  /** Counts a document's collections (the first two are typed; more are rare). */
  const countCollections = (d: number) => {
    const a = collection1[d]!
    if (a < 0) return
    collectionCounts[a]!++
    const b = collection2[d]!
    if (b < 0) return
    collectionCounts[b]!++
    const more = collectionsMore[d]
    if (more != null) for (let k = 0; k < more.length; k++) collectionCounts[more[k]!]!++
  }
  const inCollection = (d: number, c: number) => {
    if (collection1[d] === c || collection2[d] === c) return true
    const more = collectionsMore[d]
    return more != null && more.indexOf(c) >= 0
  }
  const previewOnly = f.publicPreviewOnly === true
  const { use, orientation, colour, series, collection, photographer } = want
  // Uses, orientation and colour are packed into one number per match (a combination): filters on them are
  // one look-up per match, and their (disjunctive) counts are spread over the combinations after the loop.
  const combined = series === -2 && collection === -2 && photographer === -2
  const total = matches.length
  if (combined) {
    const filtered = use !== 0 || orientation !== -2 || colour !== -2
    const useOk = useOkScratch
    const orientationOk = orientationOkScratch
    const colourOk = colourOkScratch
    for (let m = 0; m < 256; m++) useOk[m] = use === 0 || (use > 0 && (m & use) !== 0) ? 1 : 0
    for (let o = 0; o < 4; o++) orientationOk[o] = orientation === -2 || o === orientation ? 1 : 0
    for (let c = 0; c < 16; c++) colourOk[c] = colour === -2 || c === colour ? 1 : 0
    /** The filters a combination fails, from the same three tables. */
    const failOf = (k: number) => (useOk[k & 255] ? 0 : USE) | (orientationOk[(k >> 8) & 3] ? 0 : ORI) | (colourOk[k >> 10] ? 0 : COL)
    const combos = combosScratch
    const touched = touchedScratch
    let touchedN = 0
    for (let i = 0; i < total; i++) {
      const d = matches[i]!
      const packed = comboOf[d]!
      if (previewOnly && (packed & PUBLIC_PREVIEW) === 0) continue
      const k = packed & (COMBOS - 1)
      if (combos[k]!++ === 0) touched[touchedN++] = k
      if (filtered && (useOk[k & 255]! & orientationOk[(k >> 8) & 3]! & colourOk[k >> 10]!) === 0) continue
      hits[hitN++] = d
      const s = seriesOf[d]!
      if (s >= 0) seriesCounts[s]!++
      if (collection1[d]! >= 0) countCollections(d)
      photographerCounts[photographerOf[d]!]!++
    }
    for (let t = 0; t < touchedN; t++) {
      const k = touched[t]!
      const c = combos[k]!
      combos[k] = 0 // the scratch is clear again for the next search
      const fail = filtered ? failOf(k) : 0
      if (fail === 0 || fail === USE) useMasks[k & 255]! += c
      if (fail === 0 || fail === ORI) orientationCounts[(k >> 8) & 3]! += c
      if (fail === 0 || fail === COL) colourCounts[k >> 10]! += c
    }
  }
  for (let i = 0; i < (combined ? 0 : total); i++) {
    const d = matches[i]!
    if (previewOnly && preview[d] === 0) continue
    const u = usesOf[d]!
    const o = orientationOf[d]!
    const c = colourOf[d]!
    const s = seriesOf[d]!
    const ph = photographerOf[d]!
    let fail = 0
    if (use !== 0 && (use < 0 || (u & use) === 0)) fail |= USE
    if (orientation !== -2 && o !== orientation) fail |= ORI
    if (colour !== -2 && c !== colour) fail |= COL
    if (series !== -2 && s !== series) fail |= SER
    if (collection !== -2 && (collection < 0 || !inCollection(d, collection))) fail |= COLL
    if (photographer !== -2 && ph !== photographer) fail |= PH
    if (fail !== 0 && (fail & (fail - 1)) !== 0) continue // fails two filters: counts nowhere
    if (fail === 0) hits[hitN++] = d
    if (fail === 0 || fail === USE) useMasks[u]!++
    if (fail === 0 || fail === ORI) orientationCounts[o]!++
    if (fail === 0 || fail === COL) colourCounts[c]!++
    if ((fail === 0 || fail === SER) && s >= 0) seriesCounts[s]!++
    if ((fail === 0 || fail === COLL) && collection1[d]! >= 0) countCollections(d)
    if (fail === 0 || fail === PH) photographerCounts[ph]!++
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
  const order = top(facts, hits.subarray(0, hitN), query)
  return { docs: order.map((d) => facts.docs[d]!), total: hitN, facets, order }
}

/** The first `top` hits in order: relevance (score, then newest) or newest; ties by id, descending. */
function top(facts: IndexFacts, hits: Int32Array, query: IndexQuery): number[] {
  const score = facts.score
  const published = facts.published
  const docs = facts.docs
  const relevance = query.sort === 'relevance'
  const before = (a: number, b: number): number => {
    if (relevance && score[a] !== score[b]) return score[b]! - score[a]!
    if (published[a] !== published[b]) return published[b]! - published[a]!
    const x = docs[a]!.id
    const y = docs[b]!.id
    return x < y ? 1 : x > y ? -1 : 0
  }
  const k = Math.max(0, query.top)
  if (hits.length <= k * 2) return Array.from(hits.sort(before).subarray(0, k))
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
  for (let i = 0; i < hits.length; i++) {
    const d = hits[i]!
    if (heap.length < k) {
      heap.push(d)
      up(heap.length - 1)
      continue
    }
    if (k === 0) break
    // Most matches are plainly worse than the worst of the best k: ruled out without the full comparison.
    const w = heap[0]!
    if (relevance ? score[d]! < score[w]! : published[d]! < published[w]!) continue
    if (before(d, w) < 0) {
      heap[0] = d
      down(0)
    }
  }
  return heap.sort(before)
}
