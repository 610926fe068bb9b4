/**
 * Text helpers shared by the engines and the language guidance: accent folding, tokenising, and
 * highlighting (HTML-escaped text with the matched words in <mark>).
 */

const NON_ASCII = /[^\x00-\x7f]/

/** Lower case without accents: "Café Coöperatie" → "cafe cooperatie" (what eb_unaccent does in the database). */
export function fold(s: string): string {
  // Plain ASCII (most words, most queries) has nothing to decompose: lower-casing is the whole fold.
  if (!NON_ASCII.test(s)) return s.toLowerCase()
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

/** The words of a query, folded; anything that isn't a letter or a digit separates words. */
export function tokenize(q: string, max = 12): string[] {
  return fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, max)
}

const HTML_SPECIAL = /[&<>"']/

export function escapeHtml(s: string): string {
  if (!HTML_SPECIAL.test(s)) return s
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/**
 * Whether a word of the text matches a query term: the same word, a longer form of it ("fiets" →
 * "fietsen", also the prefix while typing), or a shared stem ("cycling" ~ "cycles").
 */
function matches(word: string, terms: readonly string[]): boolean {
  for (const t of terms) {
    if (t.length < 2) continue
    if (word === t) return true
    if (t.length >= 3 && word.startsWith(t)) return true
    if (t.length >= 5 && word.length >= 5) {
      let i = 0
      while (i < word.length && i < t.length && word[i] === t[i]) i++
      if (i >= Math.max(4, Math.min(word.length, t.length) - 3)) return true
    }
  }
  return false
}

/** A word: letters and digits (any script); in plain ASCII text, the same as [A-Za-z0-9]+. */
const WORD = /[\p{L}\p{N}]+/gu
const ASCII_WORD = /[A-Za-z0-9]+/g

/**
 * The text HTML-escaped with every matching word in <mark>…</mark>, or null when nothing matched. Long
 * texts are cut to a window around the first match.
 */
export function highlight(text: string | null | undefined, terms: readonly string[], window = 220): string | null {
  if (!text || terms.length === 0) return null
  // Every way a word can match a term (matches()) means the folded text holds the term's first four letters
  // (or the whole shorter term): a text without any of them has no match, and most texts asked have none
  // (the other language, the credit, the series). One fold of the whole text instead of one per word.
  const ascii = !NON_ASCII.test(text)
  const folded = ascii ? text.toLowerCase() : fold(text)
  if (!terms.some((t) => t.length >= 2 && folded.includes(t.length > 4 ? t.slice(0, 4) : t))) return null
  // The matching words, as [start, end) offsets in the text. In plain ASCII the folded text has the same
  // offsets, so a word's folded form is a slice of it; elsewhere each word is folded on its own.
  const re = ascii ? ASCII_WORD : WORD
  re.lastIndex = 0
  const spans: number[] = []
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const from = m.index
    const to = from + m[0].length
    if (matches(ascii ? folded.slice(from, to) : fold(m[0]), terms)) spans.push(from, to)
  }
  if (spans.length === 0) return null
  let start = 0
  let end = text.length
  if (text.length > window) {
    start = Math.max(0, spans[0]! - Math.floor(window / 3))
    end = Math.min(text.length, start + window)
  }
  let out = ''
  let pos = start
  for (let i = 0; i < spans.length; i += 2) {
    const from = Math.max(spans[i]!, start)
    const to = Math.min(spans[i + 1]!, end)
    if (to <= from) continue
    if (from > pos) out += escapeHtml(text.slice(pos, from))
    out += `<mark>${escapeHtml(text.slice(from, to))}</mark>`
    pos = to
  }
  if (end > pos) out += escapeHtml(text.slice(pos, end))
  return (start > 0 ? '… ' : '') + out + (end < text.length ? ' …' : '')
}
