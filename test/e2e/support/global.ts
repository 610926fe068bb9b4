import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { CHROMIUM } from './browser.ts'

const ROOT = path.resolve(import.meta.dirname, '../../..')

/** Once per run: the browser must be there, and the gallery built from the current sources. */
export default function setup() {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (never npx playwright install)`)
  const r = spawnSync(process.execPath, [path.join(ROOT, 'web/scripts/ensure-built.mjs')], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('building the gallery failed')
  fs.rmSync(path.join(ROOT, 'test-results/e2e'), { recursive: true, force: true })
}
