// Used by `npm start` (and the e2e setup): builds the gallery when web/dist is missing or older than its sources, so one
// command installs and starts everything and a restart after no change costs nothing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const web = path.resolve(import.meta.dirname, '..')
const built = path.join(web, 'dist', 'index.html')
// The gallery also imports contract/ (the consent vocabulary both sides speak).
const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.resolve(web, '../contract')]

function newest(p) {
  const s = fs.statSync(p, { throwIfNoEntry: false })
  if (!s) return 0
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))))
}

const builtAt = fs.statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? 0
if (builtAt > 0 && Math.max(...sources.map(newest)) <= builtAt) process.exit(0)
console.log(builtAt ? 'The gallery changed: building it…' : 'Building the gallery (first start)…')
// Always a production build: under NODE_ENV=test (vitest) Vite would bundle React's development build.
const r = spawnSync('npm', ['run', 'build:web', '--silent'], {
  stdio: 'inherit',
  cwd: path.resolve(web, '..'),
  env: { ...process.env, NODE_ENV: 'production' },
})
process.exit(r.status ?? 1)
