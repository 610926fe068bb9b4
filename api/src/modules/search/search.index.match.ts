/**
 * Matching for the in-process index (search.index.ts): the documents matching every typed word (AND), with
 * their scores, in the index's scratch arrays (valid until its next search; searches are synchronous).
 *
 * Matches are kept as a list of document numbers with each one's score beside it, in ascending order
 * wherever a word's kept list is to be merged with them. A word's union (search.index.memo.ts) is in that
 * order, so adding a word asked for before is a merge of two sorted lists, and where the matches so far
 * are few against the word's documents, a galloping search through the word's list: a rare word next to
 * "werk" costs its own few documents, not werk's 75,000. A long kept list (4,096 documents or more) met by
 * matches not far fewer is looked up by document number instead (Union.dense, made once and kept with it):
 * one read per match, where a merge steps through both lists.
 */
import type { IndexMemo, Union, WordGroup } from './search.index.memo.ts'
import { WEIGHT } from './search.index.terms.ts'

/**
 * Documents matching every word, each once, with its score beside it: `scale × scores[i]` (rounded to 32
 * bits) for `docs[i]`. Views of scratch space or of a word's kept list: read-only, valid until the next
 * search (searches are synchronous).
 */
export interface Matches {
  docs: Int32Array
  scores: Float32Array
  scale: number
}

/** The index's arrays a search works in (MemoryIndex's, as they are at the call). */
export interface MatchScratch {
  alive: Uint8Array
  seen: Uint8Array
  best: Float32Array
  listA: Int32Array
  listB: Int32Array
  /** Scores beside listA and listB. */
  scoreA: Float32Array
  scoreB: Float32Array
  memo: IndexMemo
}

/**
 * The live documents in any of `alts`' postings, once each, into `list` (their count returned), with each
 * one's best weight × quality in `best` and `seen` set. Called only while `seen` is clear.
 */
function collect(x: MatchScratch, alts: WordGroup['alts'], list: Int32Array): number {
  const { seen, best, alive } = x
  let n = 0
  for (const { p, quality } of alts) {
    const data = p.data
    const len = p.n
    for (let k = 0; k < len; k++) {
      const v = data[k]!
      const d = v >>> 4
      if (!alive[d]) continue
      const s = WEIGHT[v & 15]! * quality
      if (seen[d] === 0) {
        seen[d] = 1
        best[d] = s
        list[n++] = d
      } else if (s > best[d]!) best[d] = s
    }
  }
  return n
}

/** The list in ascending order: one word's postings are in document order already, several are sorted. */
function ascending(list: Int32Array): Int32Array {
  for (let k = 1; k < list.length; k++) if (list[k]! < list[k - 1]!) return list.sort()
  return list
}

/**
 * The live documents a word matches through any of its alternatives, once each and in ascending order, with
 * the best weight × quality among them. Uses `seen` and `best` as scratch: called only while they are clear.
 */
export function union(x: MatchScratch, g: WordGroup): Union {
  if (g.union) return g.union
  const seen = x.seen
  const best = x.best
  const n = collect(x, g.alts, x.listB)
  const docs = ascending(x.listB.slice(0, n))
  const bests = new Float32Array(n)
  for (let k = 0; k < n; k++) {
    const d = docs[k]!
    bests[k] = best[d]!
    seen[d] = 0
  }
  g.union = { docs, best: bests }
  x.memo.unionAdded(g)
  return g.union
}

/**
 * The matches so far (`aN` documents, ascending, scores `aScore` × `aScale`) that are also in `u`, into
 * `out`/`outScore` (their count returned), each score plus idf × its best in `u`. A merge of the two lists,
 * or a galloping search through `u` where the matches are far fewer. Scores are rounded to 32 bits at
 * each step, as the index keeps them.
 */
function intersect(
  x: MatchScratch,
  g: WordGroup,
  a: Int32Array,
  aScore: Float32Array,
  aN: number,
  aScale: number,
  u: Union,
  idf: number,
  out: Int32Array,
  outScore: Float32Array,
): number {
  const b = u.docs
  const bBest = u.best
  const bN = b.length
  let o = 0
  let j = 0
  // A large union against matches not far fewer: one look-up per match in the union's lookup by document
  // number, instead of a merge stepping through both lists.
  if (bN >= DENSE_FROM && aN * 16 >= bN) {
    const dense = denseOf(x, g, u)
    if (dense) {
      const values = u.values!
      for (let i = 0; i < aN; i++) {
        const d = a[i]!
        const c = dense[d]!
        if (c !== 0) {
          out[o] = d
          outScore[o++] = Math.fround(aScale * aScore[i]!) + idf * values[c]!
        }
      }
      return o
    }
  }
  if (aN * 16 < bN) {
    for (let i = 0; i < aN && j < bN; i++) {
      const d = a[i]!
      if (b[j]! < d) {
        j = seek(b, j, bN, d, 0)
        if (j >= bN) break
      }
      if (b[j] === d) {
        out[o] = d
        outScore[o++] = Math.fround(aScale * aScore[i]!) + idf * bBest[j]!
        j++
      }
    }
    return o
  }
  let i = 0
  while (i < aN && j < bN) {
    const d = a[i]!
    const e = b[j]!
    if (d < e) i++
    else if (d > e) j++
    else {
      out[o] = d
      outScore[o++] = Math.fround(aScale * aScore[i]!) + idf * bBest[j]!
      i++
      j++
    }
  }
  return o
}

/**
 * The first position from `from` on in an ascending list of documents whose document is not below `d`
 * (the one at `from` is below it): doubling the step until past d, then halving back. Each entry's document
 * is the entry shifted right by `shift`: 0 in a kept list (document numbers), 4 in a term's postings
 * (document << 4 | fields).
 */
function seek(data: Int32Array, from: number, n: number, d: number, shift: 0 | 4): number {
  let lo = from
  let hi = from + 1
  let step = 1
  while (hi < n && data[hi]! >>> shift < d) {
    lo = hi
    step <<= 1
    hi = lo + step
  }
  if (hi > n) hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (data[mid]! >>> shift < d) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A union this large is looked up by document number (denseOf) rather than merged with. */
const DENSE_FROM = 4096

/**
 * The union's lookup by document number (Union.dense), made once and kept with it; null where the union's
 * bests take more distinct values than a byte can number (then it is merged with, as a smaller one is).
 */
function denseOf(x: MatchScratch, g: WordGroup, u: Union): Uint8Array | null {
  if (u.dense) return u.dense
  if (u.values) return null // tried before: too many distinct values
  const values: number[] = [0]
  const dense = new Uint8Array(x.alive.length)
  let last = Number.NaN
  let lastCode = 0
  for (let k = 0; k < u.docs.length; k++) {
    const v = u.best[k]!
    if (v !== last) {
      let c = values.indexOf(v, 1)
      if (c < 0) {
        if (values.length === 256) {
          u.values = new Float32Array(0)
          return null
        }
        c = values.push(v) - 1
      }
      last = v
      lastCode = c
    }
    dense[u.docs[k]!] = lastCode
  }
  u.dense = dense
  u.values = Float32Array.from(values)
  x.memo.denseAdded(g)
  return dense
}

/**
 * Documents matching every word (the rarest word first, so the set only shrinks), with their scores. The
 * matches are in no particular order (the caller orders the hits). A single word asked for before is its
 * kept list as it is: nothing is copied.
 */
export function match(x: MatchScratch, groups: WordGroup[]): Matches {
  if (groups.some((g) => g.alts.length === 0)) return { docs: new Int32Array(0), scores: new Float32Array(0), scale: 1 }
  // The rarest word first (by postings, as ever: the order scores are summed in stays the same).
  const ordered = [...groups].sort((a, b) => a.postings - b.postings)
  // A word asked for before is read from its union (made now, while the scratch is clear); a word asked for
  // the first time straight from its postings (a union costs more than one pass, and pays off from the second).
  const unions = ordered.map((g) => (g.asked++ > 0 ? union(x, g) : null))
  const seen = x.seen
  const best = x.best
  // The current matches with their scores (ascending where merged): in listA/scoreA or listB/scoreB, turn about.
  let cur = x.listA
  let curScore = x.scoreA
  let curN = 0
  let curScale = 1
  const u0 = unions[0]
  if (u0) {
    // Read in place: the first word's union is the matches so far, scores idf × best.
    cur = u0.docs
    curScore = u0.best
    curN = u0.docs.length
    curScale = ordered[0]!.idf
  } else {
    curN = collect(x, ordered[0]!.alts, cur)
    // Sorted only where a later word is merged with them (a word's postings are read in any order).
    if (unions.some((u, i) => i > 0 && u !== null)) ascending(cur.subarray(0, curN))
    const idf0 = ordered[0]!.idf
    for (let k = 0; k < curN; k++) {
      const d = cur[k]!
      curScore[k] = idf0 * best[d]!
      seen[d] = 0
    }
  }
  for (let i = 1; i < ordered.length && curN > 0; i++) {
    const out = cur === x.listA ? x.listB : x.listA
    const outScore = cur === x.listA ? x.scoreB : x.scoreA
    const u = unions[i]
    const idf = ordered[i]!.idf
    let outN = 0
    if (u) outN = intersect(x, ordered[i]!, cur, curScore, curN, curScale, u, idf, out, outScore)
    else {
      // A word asked for the first time: mark the matches so far, read its postings for the best match of
      // each, then keep the marked ones it reached (in their order) and clear the marks. Postings far longer
      // than the matches are not read through: each match is looked for in them (they are in document order).
      for (let k = 0; k < curN; k++) seen[cur[k]!] = 1
      let sorted: Int32Array | null = null
      for (const { p, quality } of ordered[i]!.alts) {
        const data = p.data
        const n = p.n
        if (curN * 16 < n) {
          sorted ??= ascending(cur.slice(0, curN))
          let j = 0
          for (let k = 0; k < curN && j < n; k++) {
            const d = sorted[k]!
            if (data[j]! >>> 4 < d) j = seek(data, j, n, d, 4)
            if (j < n && data[j]! >>> 4 === d) {
              const s = WEIGHT[data[j]! & 15]! * quality
              if (seen[d] === 1) {
                seen[d] = 2
                best[d] = s
              } else if (s > best[d]!) best[d] = s
              j++
            }
          }
          continue
        }
        for (let k = 0; k < n; k++) {
          const v = data[k]!
          const d = v >>> 4
          const at = seen[d]
          if (at === 1) {
            seen[d] = 2
            best[d] = WEIGHT[v & 15]! * quality
          } else if (at === 2) {
            const s = WEIGHT[v & 15]! * quality
            if (s > best[d]!) best[d] = s
          }
        }
      }
      for (let k = 0; k < curN; k++) {
        const d = cur[k]!
        if (seen[d] === 2) {
          out[outN] = d
          outScore[outN++] = Math.fround(curScale * curScore[k]!) + idf * best[d]!
        }
        seen[d] = 0
      }
    }
    cur = out
    curScore = outScore
    curN = outN
    curScale = 1
  }
  return { docs: cur.subarray(0, curN), scores: curScore.subarray(0, curN), scale: curScale }
}
