/**
 * Attribution and credit lines, generated from the licence's own templates and never typed by hand
 * (STYLE.md, after Openverse): the words come from licence.json, the values from the photo, and every
 * value is escaped for the format it lands in.
 *
 * Template grammar: `{name}` is a placeholder; `[...]` is an optional part, left out when a placeholder in
 * it has no value (a photo without a title); `{`, `}`, `[` and `]` mean nothing else. No nesting.
 */
import type { Licence } from './licences.registry.ts'
import { ATTRIBUTION_PLACEHOLDERS, CREDIT_PLACEHOLDERS, type LicenceLang } from './licences.schema.ts'

export interface Attribution {
  /** Plain text, for print and for pasting. */
  text: string
  /** An HTML fragment; the licence name links to the deed. Every value is escaped. */
  html: string
  /** CommonMark; the licence name links to the deed. Every value is escaped. */
  markdown: string
}

export interface AttributionInput {
  /** The public credit: a pseudonym or the name the photographer chose, never a legal name by default. */
  photographer: string
  /** The photo's title, if it has one. */
  title?: { nl?: string | null; en?: string | null } | null
}

type Part = { kind: 'text'; value: string } | { kind: 'slot'; name: string } | { kind: 'optional'; parts: Part[] }

export class TemplateError extends Error {}

/** Parses a template; throws TemplateError for an unknown placeholder, a stray bracket or brace, or nesting. */
export function parseTemplate(template: string, allowed: readonly string[]): Part[] {
  const root: Part[] = []
  let current = root
  let optional: Part[] | null = null
  const token = /\{([^{}[\]]*)\}|\[|\]|\{|\}|[^{}[\]]+/g
  for (const m of template.matchAll(token)) {
    const t = m[0]
    if (m[1] !== undefined) {
      if (!allowed.includes(m[1])) throw new TemplateError(`unknown placeholder {${m[1]}} (allowed: ${allowed.map((a) => `{${a}}`).join(', ')})`)
      current.push({ kind: 'slot', name: m[1] })
    } else if (t === '[') {
      if (optional) throw new TemplateError('optional parts [...] cannot be nested')
      optional = []
      current = optional
    } else if (t === ']') {
      if (!optional) throw new TemplateError('"]" without "["')
      root.push({ kind: 'optional', parts: optional })
      optional = null
      current = root
    } else if (t === '{' || t === '}') {
      throw new TemplateError(`stray "${t}"`)
    } else {
      current.push({ kind: 'text', value: t })
    }
  }
  if (optional) throw new TemplateError('"[" without "]"')
  return root
}

/** Placeholder names used outside optional parts (always rendered) and inside them. */
export function placeholders(parts: Part[]): { required: string[]; optional: string[] } {
  const required: string[] = []
  const optional: string[] = []
  for (const p of parts) {
    if (p.kind === 'slot') required.push(p.name)
    if (p.kind === 'optional') for (const q of p.parts) if (q.kind === 'slot') optional.push(q.name)
  }
  return { required, optional }
}

// C0/C1 controls, and the bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) that could
// make a credit line display as something else (Unicode TR #9; the "Trojan Source" trick, CVE-2021-42574).
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

/** Printable ASCII with single spaces inside: already clean (most credits and titles). */
const CLEAN_ASCII = /^(?:[\x21-\x7E]+ )*[\x21-\x7E]+$/

/** One line of plain text: NFC, no controls, whitespace collapsed. */
export function cleanValue(value: string | null | undefined): string {
  if (!value) return ''
  if (CLEAN_ASCII.test(value)) return value
  return (value ?? '').normalize('NFC').replace(/\s+/g, ' ').replace(CONTROL, '').replace(/\s+/g, ' ').trim()
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML[c]!)
// CommonMark lets any ASCII punctuation be backslash-escaped (spec §2.4); these are the ones that could
// start emphasis, code, a link, raw HTML, an entity, a table cell or strikethrough.
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`)
/** A link destination that can't break out of `(...)`. */
const markdownUrl = (url: string) => url.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)

type Format = keyof Attribution

function render(parts: Part[], values: Record<string, string>, link: { name: string; url: string }, format: Format): string {
  const literal = (s: string) => (format === 'html' ? escapeHtml(s) : format === 'markdown' ? escapeMarkdown(s) : s)
  const slot = (name: string): string => {
    if (name === 'licence') {
      if (format === 'html') return `<a href="${escapeHtml(link.url)}" rel="license">${escapeHtml(link.name)}</a>`
      if (format === 'markdown') return `[${escapeMarkdown(link.name)}](${markdownUrl(link.url)})`
      return link.name
    }
    if (name === 'deedUrl') {
      if (format === 'html') return `<a href="${escapeHtml(link.url)}" rel="license">${escapeHtml(link.url)}</a>`
      if (format === 'markdown') return `<${markdownUrl(link.url)}>`
      return link.url
    }
    return literal(values[name] ?? '')
  }
  let out = ''
  for (const p of parts) {
    if (p.kind === 'text') out += literal(p.value)
    else if (p.kind === 'slot') out += slot(p.name)
    else if (p.parts.every((q) => q.kind !== 'slot' || (q.name in values ? values[q.name] !== '' : true))) out += render(p.parts, values, link, format)
  }
  return out
}

/** `{licence}` as it reads in a credit: the short name and the version ("RSW editorial licence 1.0"). */
export const licenceLabel = (licence: Licence, lang: LicenceLang) => `${licence.shortName[lang]} ${licence.version}`

/**
 * A template made ready for one licence link and format: its words and the licence's name and link already
 * escaped, only the photo's values left to fill in. Rendering one the same as `render` does, without parsing
 * and escaping the licence's own words for every photo (issue 17: a photo's view builds six of them).
 */
type Piece = string | { slot: string } | { optional: Piece[]; slots: string[] }

function compile(parts: Part[], link: { name: string; url: string }, format: Format): Piece[] {
  const out: Piece[] = []
  for (const p of parts) {
    if (p.kind === 'optional') out.push({ optional: compile(p.parts, link, format), slots: p.parts.flatMap((q) => (q.kind === 'slot' ? [q.name] : [])) })
    else if (p.kind === 'text' || p.name === 'licence' || p.name === 'deedUrl') out.push(render([p], {}, link, format))
    else out.push({ slot: p.name })
  }
  return out
}

function fill(pieces: Piece[], values: Record<string, string>, format: Format): string {
  let out = ''
  for (const p of pieces) {
    if (typeof p === 'string') out += p
    else if ('slot' in p) {
      const v = values[p.slot] ?? ''
      out += format === 'html' ? escapeHtml(v) : format === 'markdown' ? escapeMarkdown(v) : v
    } else if (p.slots.every((name) => values[name] !== '')) out += fill(p.optional, values, format)
  }
  return out
}

/** Compiled templates per licence text, link and format (a registry has a handful of licences; they never change). */
const compiled = new Map<string, Piece[]>()

function piecesOf(template: string, link: { name: string; url: string }, format: Format): Piece[] {
  const key = `${format}\u0000${link.name}\u0000${link.url}\u0000${template}`
  let pieces = compiled.get(key)
  if (!pieces) {
    pieces = compile(parseTemplate(template, ATTRIBUTION_PLACEHOLDERS), link, format)
    if (compiled.size >= 512) compiled.clear()
    compiled.set(key, pieces)
  }
  return pieces
}

/** The attribution to publish with the photo, in one language, as plain text, HTML and Markdown. */
export function attribution(licence: Licence, input: AttributionInput, lang: LicenceLang): Attribution {
  const photographer = cleanValue(input.photographer)
  if (!photographer) throw new RangeError('attribution needs the photographer’s public credit')
  return attributionOf(licence, photographer, cleanValue(input.title?.[lang]), lang)
}

function attributionOf(licence: Licence, photographer: string, title: string, lang: LicenceLang): Attribution {
  const values = { photographer, title }
  const template = licence.attribution[lang]
  const link = { name: licenceLabel(licence, lang), url: licence.deedUrl }
  return {
    text: fill(piecesOf(template, link, 'text'), values, 'text'),
    html: fill(piecesOf(template, link, 'html'), values, 'html'),
    markdown: fill(piecesOf(template, link, 'markdown'), values, 'markdown'),
  }
}

/** Both languages at once (what a download grant records). */
export function attributions(licence: Licence, input: AttributionInput): Record<LicenceLang, Attribution> {
  const photographer = cleanValue(input.photographer)
  if (!photographer) throw new RangeError('attribution needs the photographer’s public credit')
  return {
    nl: attributionOf(licence, photographer, cleanValue(input.title?.nl), 'nl'),
    en: attributionOf(licence, photographer, cleanValue(input.title?.en), 'en'),
  }
}

/** The language-neutral credit line (IPTC Credit Line, XMP photoshop:Credit), as plain text. */
export function creditLine(licence: Licence, photographer: string): string {
  const clean = cleanValue(photographer)
  if (!clean) throw new RangeError('a credit line needs the photographer’s public credit')
  return render(parseTemplate(licence.creditTemplate, CREDIT_PLACEHOLDERS), { photographer: clean }, { name: '', url: '' }, 'text')
}
