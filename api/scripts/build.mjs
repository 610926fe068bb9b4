// The server's build (`npm run build:api`, and `npm start` when api/src changed since): api/src's TypeScript
// emitted as JavaScript into api/dist (same layout and depth, so every path a module resolves from its own
// location still lands where it did), plus the data files the modules read beside themselves. Production then
// runs plain node on api/dist/server.js: no TypeScript loader at start (issue 17: `npm start` took ~12 s to
// ready, half of it compiling on the fly). Types are checked by `npm run typecheck`, not here (noCheck).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const src = path.join(root, 'api', 'src')
const dist = path.join(root, 'api', 'dist')

fs.rmSync(dist, { recursive: true, force: true })
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root })
if (tsc.status !== 0) process.exit(tsc.status ?? 1)
let copied = 0
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (!e.name.endsWith('.ts')) {
      const to = path.join(dist, path.relative(src, p))
      fs.mkdirSync(path.dirname(to), { recursive: true })
      fs.copyFileSync(p, to)
      copied++
    }
  }
}
walk(src)
// Written last: its time says the build is complete (ensure-built.mjs compares it with the sources).
fs.writeFileSync(path.join(dist, 'BUILT'), `${new Date().toISOString()}\n`)
console.log(`server built into api/dist (${copied} data files copied)`)
