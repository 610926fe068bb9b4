// The server's build (`npm run build:api`, and `npm start` when the sources changed since): the TypeScript of
// api/src and contract/ emitted as JavaScript into dist/server with the repository's layout (dist/server/api/src/
// server.js), plus the data files the modules read beside themselves, and links from dist/server to the folders
// modules find relative to their own location (web, migrations, licences, fixtures), so those paths land where
// they do from the sources. Production then runs plain node on it: no TypeScript loader at start (issue 17:
// `npm start` took ~12 s to ready, half of it compiling on the fly). Types are checked by `npm run typecheck`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const src = path.join(root, 'api', 'src')
const dist = path.join(root, 'dist', 'server')

fs.rmSync(dist, { recursive: true, force: true })
const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root })
if (tsc.status !== 0) process.exit(tsc.status ?? 1)
let copied = 0
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else if (!e.name.endsWith('.ts')) {
      const to = path.join(dist, 'api', 'src', path.relative(src, p))
      fs.mkdirSync(path.dirname(to), { recursive: true })
      fs.copyFileSync(p, to)
      copied++
    }
  }
}
walk(src)
for (const dir of ['web', 'migrations', 'licences', 'fixtures']) fs.symlinkSync(path.join('..', '..', dir), path.join(dist, dir))
// Written last: its time says the build is complete (ensure-built.mjs compares it with the sources).
fs.writeFileSync(path.join(dist, 'BUILT'), `${new Date().toISOString()}\n`)
console.log(`server built into dist/server (${copied} data files copied)`)
