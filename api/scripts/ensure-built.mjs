// Used by `npm start`: builds the server (build.mjs) when dist/server is missing or older than its sources, so a
// newcomer's `npm install && npm start` works as before and a restart after no change costs nothing.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const stamp = fs.statSync(path.join(root, 'dist', 'server', 'BUILT'), { throwIfNoEntry: false })?.mtimeMs ?? 0
const sources = [path.join(root, 'api', 'src'), path.join(root, 'contract'), path.join(root, 'tsconfig.json'), path.join(root, 'tsconfig.build.json'), path.join(root, 'package-lock.json')]

function newest(p) {
  const s = fs.statSync(p, { throwIfNoEntry: false })
  if (!s) return 0
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))))
}

if (stamp > 0 && Math.max(...sources.map(newest)) <= stamp) process.exit(0)
console.log(stamp ? 'The server changed: building it…' : 'Building the server (first start)…')
const r = spawnSync(process.execPath, [path.join(import.meta.dirname, 'build.mjs')], { stdio: 'inherit', cwd: root })
process.exit(r.status ?? 1)
