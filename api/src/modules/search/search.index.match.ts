/**
 * Matching for the in-process index (search.index.ts): the documents matching every typed word (AND), with
 * their scores, in the index's scratch arrays (valid until its next search; searches are synchronous).
 */
import type { IndexMemo, Union, WordGroup } from './search.index.memo.ts'
import { WEIGHT } from './search.index.terms.ts'

/** The index's arrays a search works in (MemoryIndex's, as they are at the call). */
export interface MatchScratch {
  alive: Uint8Array
  seen: Uint8Array
  best: Float32Array
  score: Float32Array
  listA: Int32Array
  listB: Int32Array
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

/**
 * The live documents a word matches through any of its alternatives, once each, with the best weight ×
 * quality among them (what #match used to work out per search). Uses `seen` and `best` as scratch: called
 * only while they are clear.
 */
export function union(x: MatchScratch, g: WordGroup): Union {
  if (g.union) return g.union
  const seen = x.seen
  const best = x.best
  const n = collect(x, g.alts, x.listB)
  const docs = x.listB.slice(0, n)
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
 * Documents matching every word (the rarest word first, so the set only shrinks), with their scores. The
 * result is a view of scratch space: valid until the next search (searches are synchronous).
 */
export function match(x: MatchScratch, groups: WordGroup[]): Int32Array {
  if (groups.some((g) => g.alts.length === 0)) return new Int32Array(0)
  // The rarest word first (by postings, as ever: the order scores are summed in stays the same).
  const ordered = [...groups].sort((a, b) => a.postings - b.postings)
  // A word asked for before is read from its union (made now, while the scratch is clear); a word asked for
  // the first time straight from its postings (a union costs more than one pass, and pays off from the second).
  const unions = ordered.map((g) => (g.asked++ > 0 ? union(x, g) : null))
  const score = x.score
  const only = ordered.length === 1 ? unions[0] : null
  if (only) {
    // One word, read from its union: its documents are the matches as they are (once each), scored by its
    // rarity times their best match; no intersection, so no marks to set and clear.
    const { docs, best } = only
    const out = x.listA
    const idf = ordered[0]!.idf
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k]!
      out[k] = d
      score[d] = idf * best[k]!
    }
    return out.subarray(0, docs.length)
  }
  const seen = x.seen
  const best = x.best
  // The first word's matches (kept whole, to clear `seen` after), then each later word's survivors in the
  // other list (filtered in place from the third word on: survivors never outrun the reading position).
  const first = x.listA
  let firstN = 0
  const firstU = unions[0]
  if (firstU) {
    firstN = firstU.docs.length
    for (let k = 0; k < firstN; k++) {
      const d = firstU.docs[k]!
      seen[d] = 1
      first[k] = d
      best[d] = firstU.best[k]!
    }
  } else firstN = collect(x, ordered[0]!.alts, first)
  const idf0 = ordered[0]!.idf
  for (let k = 0; k < firstN; k++) {
    const d = first[k]!
    score[d] = idf0 * best[d]!
  }
  let current = first
  let currentN = firstN
  for (let i = 1; i < ordered.length; i++) {
    const was = i
    const now = i + 1
    const u = unions[i]
    const idf = ordered[i]!.idf
    if (u) {
      const { docs, best: bests } = u
      for (let k = 0; k < docs.length; k++) {
        const d = docs[k]!
        if (seen[d] === was) {
          seen[d] = now
          best[d] = bests[k]!
        }
      }
    } else
      for (const { p, quality } of ordered[i]!.alts) {
        const data = p.data
        const n = p.n
        for (let k = 0; k < n; k++) {
          const v = data[k]!
          const d = v >>> 4
          const at = seen[d]
          if (at === was) {
            seen[d] = now
            best[d] = WEIGHT[v & 15]! * quality
          } else if (at === now) {
            const s = WEIGHT[v & 15]! * quality
            if (s > best[d]!) best[d] = s
          }
        }
      }
    const out = x.listB
    let outN = 0
    for (let k = 0; k < currentN; k++) {
      const d = current[k]!
      if (seen[d] !== now) continue
      score[d] = score[d]! + idf * best[d]!
      out[outN++] = d
    }
    current = out
    currentN = outN
  }
  for (let k = 0; k < firstN; k++) seen[first[k]!] = 0
  return current.subarray(0, currentN)
}
