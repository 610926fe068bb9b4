/**
 * Content hashes of licence versions. A version is hashed in a canonical form, so that what carries no
 * meaning (key order and whitespace in the JSON, CRLF line ends from a Windows checkout, a byte-order mark,
 * Unicode normalisation) does not count as a change, and everything else does.
 */
import crypto from 'node:crypto'

/** The files of one version, in the order they are listed in errors. */
export const LICENCE_FILES = ['licence.json', 'text.nl.md', 'text.en.md'] as const
export type LicenceFile = (typeof LICENCE_FILES)[number]
export type FileHashes = Readonly<Record<LicenceFile, string>>

export const sha256 = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

/** Strings in NFC (the same text in NFD is the same text), recursively. */
export function nfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T
  if (Array.isArray(value)) return value.map(nfc) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), nfc(v)])) as T
  return value
}

/**
 * JSON with object keys sorted by UTF-16 code units and no whitespace: RFC 8785 (JCS) for the values a
 * licence holds (strings, booleans, arrays, objects; JSON.stringify already serialises strings and numbers
 * as JCS prescribes).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** A licence text: no BOM, LF line ends, NFC, exactly one newline at the end. Trailing spaces stay (Markdown line breaks). */
export function canonicalText(text: string): string {
  return `${text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .replace(/\n*$/, '')}\n`
}

/** The hash of a version: SHA-256 over `<file hash>  <file name>` lines (sha256sum's format), in file order. */
export function versionHash(files: FileHashes): string {
  return sha256(LICENCE_FILES.map((f) => `${files[f]}  ${f}\n`).join(''))
}
