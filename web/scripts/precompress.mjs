// Brotli and gzip copies of the built gallery's text files (web/dist), made once at build time, so the
// server sends them as they are (@fastify/static's preCompressed) instead of compressing per request.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const TEXT = /\.(html|js|mjs|css|svg|json|txt|xml|webmanifest)$/
let files = 0
let before = 0
let after = 0
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (TEXT.test(e.name)) {
      const raw = fs.readFileSync(p)
      if (raw.length < 1024) continue
      const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      fs.writeFileSync(`${p}.br`, br)
      fs.writeFileSync(`${p}.gz`, zlib.gzipSync(raw, { level: 9 }))
      files++
      before += raw.length
      after += br.length
    }
  }
}
walk(dist)
console.log(`precompressed ${files} files: ${(before / 1024).toFixed(0)} kB → ${(after / 1024).toFixed(0)} kB brotli`)
