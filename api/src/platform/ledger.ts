/**
 * The erasure ledger: an append-only file, kept outside the database and outside every backup, of the
 * things that must never be undone: erasures, withdrawals and revocations (portal links, API keys). A
 * restored backup is older than some of them; they are re-applied from here before the server serves
 * (modules/backup/backup.reapply.ts), so an erased person or a withdrawn photo never comes back (issue 18).
 *
 * One JSON object per line, ids and codes only (never a name, pseudonym or e-mail). Each line is written
 * with O_APPEND and fsynced before the caller answers; a line torn by a crash mid-write is skipped when read.
 * Several processes may append to the same file (the server, a CLI command): O_APPEND writes of one short
 * line land whole. With replicas on several machines LEDGER_DIR must be a shared, backed-up-elsewhere mount.
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'

export type LedgerEntry =
  | { kind: 'withdrawal'; photoId: string; subjectId: string; reason: 'withdrawn' | 'expired' }
  | { kind: 'erasure'; subjectId: string }
  | { kind: 'portal-links-revoked'; linkIds: string[] }
  | { kind: 'api-key-revoked'; keyId: string }

export type LedgerRecord = LedgerEntry & { at: string }

export interface LedgerPort {
  record(entry: LedgerEntry): Promise<void>
}

const FILE = 'erasure-ledger.jsonl'
const KINDS = new Set(['withdrawal', 'erasure', 'portal-links-revoked', 'api-key-revoked'])

export class Ledger implements LedgerPort {
  readonly file: string

  constructor(dir: string) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    this.file = path.join(dir, FILE)
  }

  async record(entry: LedgerEntry): Promise<void> {
    const line = JSON.stringify({ ...entry, at: new Date().toISOString() }) + '\n'
    const fh = await fsp.open(this.file, 'a', 0o600)
    try {
      await fh.write(line)
      await fh.datasync()
    } finally {
      await fh.close()
    }
  }

  /** Every whole entry, oldest first; `torn` counts lines that did not parse (a crash mid-append). */
  async read(): Promise<{ entries: LedgerRecord[]; torn: number }> {
    let text: string
    try {
      text = await fsp.readFile(this.file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], torn: 0 }
      throw err
    }
    const entries: LedgerRecord[] = []
    let torn = 0
    for (const line of text.split('\n')) {
      if (!line.trim()) continue
      try {
        const e = JSON.parse(line) as LedgerRecord
        if (KINDS.has(e.kind)) entries.push(e)
        else torn++
      } catch {
        torn++
      }
    }
    return { entries, torn }
  }
}
