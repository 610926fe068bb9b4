/**
 * Keywords in two languages (issue 13: "keywords in the served language"). A photo keeps a Dutch list
 * (`tags`, the column it always had) and an English one (`tagsEn`): two plain lists rather than one list of
 * {nl, en} pairs, because keywords are not translations of each other one by one (a Dutch "sekswerker" may
 * have no English twin, and "cargo bike" no Dutch one). Whoever asks for one language gets that list, or the
 * other when that one is empty (so an English reader never gets no keywords for a photo that has Dutch ones).
 */
import Type from 'typebox'
import type { Lang } from './photos.rights.ts'

export const MAX_KEYWORDS = 40
export const MAX_KEYWORD_LENGTH = 60

/** Any character but a C0 or C1 control character (a keyword is one line of plain text). */
const ALLOWED = '[^\\u0000-\\u001F\\u007F-\\u009F]'
/**
 * One keyword as a client may send it: 1–60 characters, at least one visible, no control characters. The
 * pattern runs in linear time (one anchored look-ahead), whatever length a hostile body sends.
 */
const Keyword = Type.String({ minLength: 1, maxLength: MAX_KEYWORD_LENGTH, pattern: `^(?=\\s*[^\\s\\u0000-\\u001F\\u007F-\\u009F])${ALLOWED}*$` })
export const KeywordList = (language: string) =>
  Type.Array(Keyword, { maxItems: MAX_KEYWORDS, description: `Keywords in ${language}: trimmed, lower-cased and without repeats when stored.` })

/** Both lists, as the photo view and the editor carry them. */
export const Keywords = Type.Object(
  { nl: Type.Array(Type.String()), en: Type.Array(Type.String()) },
  { description: 'The keywords in Dutch and in English (either may be empty).' },
)

/** Trimmed, lower-cased, inner white space collapsed, repeats dropped (first kept), at most 40. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))].slice(0, MAX_KEYWORDS)
}

/** The keywords in `lang`, or in the other language when there are none in `lang`. */
export function keywordsIn(p: { tags: readonly string[]; tagsEn: readonly string[] }, lang: Lang): string[] {
  const [first, other] = lang === 'en' ? [p.tagsEn, p.tags] : [p.tags, p.tagsEn]
  return [...(first.length ? first : other)]
}
