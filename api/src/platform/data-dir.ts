/** The embedded database's data directory: one process at a time (the server or a CLI command, never both). */
import fs from 'node:fs'
import path from 'node:path'
import { alive } from './scratch.ts'

export class DataDirLocked extends Error {}

/** The embedded database belongs to one process at a time: the server or a CLI command, never both. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const lock = path.join(dataDir, '.lock')
  try {
    fs.writeFileSync(lock, String(process.pid), { flag: 'wx', mode: 0o600 })
  } catch {
    const pid = Number(fs.readFileSync(lock, 'utf8').trim())
    if (pid && pid !== process.pid && alive(pid)) {
      throw new DataDirLocked(`${dataDir} is in use by process ${pid} (stop the server before running this command)`)
    }
    fs.writeFileSync(lock, String(process.pid), { mode: 0o600 })
  }
  return () => {
    try {
      if (fs.readFileSync(lock, 'utf8').trim() === String(process.pid)) fs.rmSync(lock)
    } catch {
      /* already gone */
    }
  }
}
