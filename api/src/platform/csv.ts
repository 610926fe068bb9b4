/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, and tab or carriage return, which some
 * spreadsheets strip before looking) gets a leading apostrophe: OWASP "CSV Injection". Every CSV export
 * (grants, collection credits) puts every cell through here: captions, headlines and outlet names are typed
 * by people.
 */
export function neutraliseCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return ''
  const s = String(v)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}
