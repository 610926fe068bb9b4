import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Database } from '../../../api/src/db/client.ts'
import { AuditLog } from '../../../api/src/modules/audit/index.ts'
import { engine } from '../../support/db.ts'
import { cli, cliTarget, type CliTarget } from '../../support/process.ts'
import { appendMany, tamper } from './audit-support.ts'

// The command as an operator runs it, on a real DATA_DIR (embedded database) or against the test's
// PostgreSQL database (DATABASE_URL), while nothing else holds the data.
describe(`npm run cli -- audit verify (${engine()})`, () => {
  let target: CliTarget
  let env: Record<string, string>
  const withDb = <T>(fn: (d: Database) => Promise<T>) => target.withDb(fn)

  beforeAll(async () => {
    target = await cliTarget('eb-audit-cli-')
    env = target.env
    const migrated = cli(['migrate'], env)
    expect(migrated.code, migrated.stderr).toBe(0)
  })
  afterAll(() => target?.close())

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
