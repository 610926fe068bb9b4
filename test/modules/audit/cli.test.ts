import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database } from '../../../api/src/db/client.ts'
import { AuditLog } from '../../../api/src/modules/audit/index.ts'
import { createTestDatabase, engine } from '../../support/db.ts'
import { cli } from '../../support/process.ts'
import { appendMany, tamper } from './audit-support.ts'

// The command as an operator runs it, on a real DATA_DIR (embedded database) or against the test's
// PostgreSQL database (DATABASE_URL), while nothing else holds the data.
describe(`npm run cli -- audit verify (${engine()})`, () => {
  let dataDir: string
  let env: Record<string, string>
  let server: (Database & { url?: string }) | undefined

  /** Opens the database the CLI uses, runs fn, and lets go of it again (the embedded one has one owner). */
  async function withDb<T>(fn: (d: Database) => Promise<T>): Promise<T> {
    if (server) return fn(server)
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') })
    try {
      return await fn(d)
    } finally {
      await d.close()
    }
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-audit-cli-'))
    env = { DATA_DIR: dataDir, SEED_DEMO: '0' }
    if (engine() === 'postgres') {
      server = await createTestDatabase()
      env = { ...env, DATABASE_URL: server.url!, MASTER_KEY: crypto.randomBytes(32).toString('base64') }
    }
    const migrated = cli(['migrate'], env)
    expect(migrated.code, migrated.stderr).toBe(0)
  })
  afterAll(async () => {
    await server?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('exits 0 on an intact chain and prints its head last, which later verifies as an anchor', async () => {
    await withDb((d) => appendMany(new AuditLog(d.db), d.db, 5))
    const r = cli(['audit', 'verify'], env)
    expect(r.code, r.stderr).toBe(0)
    const m = /^audit chain intact: 5 events, head (5:[0-9a-f]{64})$/.exec(r.last)
    expect(m, r.stdout).not.toBeNull()
    const anchored = cli(['audit', 'verify', '--anchor', m![1]!], env)
    expect(anchored.code, anchored.stderr).toBe(0)
    expect(cli(['audit', 'verify', '--anchor', 'five'], env).code).toBe(64)
  })

  it('exits 1 on a tampered chain and names the event', async () => {
    await withDb((d) => tamper(d.db, sql`update audit_events set data = jsonb_set(data, '{n}', '42') where seq = 3`))
    const r = cli(['audit', 'verify'], env)
    expect(r.code, r.stderr).toBe(1)
    expect(r.last).toBe('audit chain broken at event 3: changed')
  })
})
