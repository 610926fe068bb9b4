// Prints the gallery's initial JavaScript, gzipped: every script and modulepreload index.html loads before
// anything else (the lazy role areas are not counted: they load only when someone goes there).
// Exits 1 at or above the budget, so `npm run build` fails instead of shipping a heavy first page.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

const LIMIT_KB = 200
const dist = path.resolve(import.meta.dirname, '../dist')
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8')
const refs = new Set()
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1])
for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1])
for (const m of html.matchAll(/<link\b[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) refs.add(m[1])
if (refs.size === 0) {
  console.error('initial JS: no script found in web/dist/index.html')
  process.exit(1)
}
if (/<script\b(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>/.test(html)) {
  console.error('initial JS: index.html has an inline script; the CSP (script-src self) would block it')
  process.exit(1)
}
let bytes = 0
for (const ref of refs) {
  const file = path.join(dist, ref.replace(/^\//, ''))
  bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
}
const kb = bytes / 1000
console.log(`initial JS: ${kb.toFixed(1)} kB gzipped in ${refs.size} file(s) (limit ${LIMIT_KB} kB)`)
if (kb >= LIMIT_KB) {
  console.error(`initial JS is over the budget of ${LIMIT_KB} kB gzipped: split more code into lazy chunks`)
  process.exit(1)
}
