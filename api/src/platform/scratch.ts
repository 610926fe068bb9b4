/**
 * Temp folders that belong to one process. Several processes may share a DATA_DIR at once (replicas on one
 * machine with PostgreSQL, a CLI command beside the server): each writes its temp files only into its own
 * folder, `<root>/<host>-<pid>-<start>-<random>`, removed when it stops. A starting process removes another's
 * folder only when that owner is provably gone: it ran on this host and its pid is no longer alive, or the
 * pid now belongs to a process started at another time (pid reuse; Linux's /proc). A folder from another
 * host, or one whose owner can't be checked, is left alone (issue 18: a start used to empty the shared
 * folder under a running server's upload and crash it).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const NAME = /^([0-9a-f]{8})-([0-9]+)-([0-9]+)-([0-9a-f]{8})$/
/** Entries from before per-process folders (flat `<uuid>.upload` / `.part` files): removed once this old. */
const LEGACY_MAX_AGE_MS = 24 * 3_600_000

export interface Scratch {
  /** This process's own folder (created, mode 0700). */
  readonly dir: string
  /** Removes the folder and everything in it; safe to call twice. */
  release(): void
}

const hostTag = () => crypto.createHash('sha256').update(os.hostname()).digest('hex').slice(0, 8)

/** When the process started, in clock ticks since boot (/proc/<pid>/stat, field 22); null where unknown. */
export function processStart(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const start = Number(fields[19])
    return Number.isFinite(start) ? start : null
  } catch {
    return null
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Creates this process's folder under root (and root itself when missing). */
export function claimScratch(root: string): Scratch {
  fs.mkdirSync(root, { recursive: true, mode: 0o700 })
  const dir = path.join(root, `${hostTag()}-${process.pid}-${processStart(process.pid) ?? 0}-${crypto.randomBytes(4).toString('hex')}`)
  fs.mkdirSync(dir, { mode: 0o700 })
  let released = false
  return {
    dir,
    release() {
      if (released) return
      released = true
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Whether the folder's owner is provably gone (never true for a live process or another host's). */
export function abandoned(name: string): boolean {
  const m = NAME.exec(name)
  if (!m || m[1] !== hostTag()) return false
  const pid = Number(m[2])
  if (!alive(pid)) return true
  const start = processStart(pid)
  return Number(m[3]) !== 0 && start !== null && start !== Number(m[3])
}

/**
 * Inside this process's own folder: files not written for maxAgeMs were left by a request that failed or
 * crashed without cleaning up (a live upload writes continuously, and every request ends within its
 * timeout). Returns how many were removed; never names them.
 */
export function sweepStale(dir: string, maxAgeMs: number, now = Date.now()): number {
  let n = 0
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const e of entries) {
    const p = path.join(dir, e.name)
    const s = fs.statSync(p, { throwIfNoEntry: false })
    if (e.isFile() && s && now - s.mtimeMs > maxAgeMs) fs.rmSync(p, { force: true }), n++
  }
  return n
}

/** Removes the folders under root whose owners are provably gone, and legacy flat files a day old; returns how many. */
export function sweepAbandoned(root: string, now = Date.now()): number {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(root, { withFileTypes: true })
  } catch {
    return 0
  }
  let n = 0
  for (const e of entries) {
    const p = path.join(root, e.name)
    if (NAME.test(e.name)) {
      if (e.isDirectory() && abandoned(e.name)) fs.rmSync(p, { recursive: true, force: true }), n++
      continue
    }
    const s = fs.statSync(p, { throwIfNoEntry: false })
    if (e.isFile() && s && now - s.mtimeMs > LEGACY_MAX_AGE_MS) fs.rmSync(p, { force: true }), n++
  }
  return n
}
