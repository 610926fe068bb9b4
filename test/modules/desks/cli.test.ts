import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { engine } from '../../support/db.ts'
import { cli, cliTarget, startServer, type CliTarget } from '../../support/process.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const KEY = /^ebk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/

// The commands as an operator runs them, then the keys used against the real server process.
describe(`npm run cli -- orgs / keys (${engine()})`, () => {
  let target: CliTarget
  let env: Record<string, string>
  const withDb = <T>(fn: (d: Database) => Promise<T>) => target.withDb(fn)

  beforeAll(async () => {
    target = await cliTarget('eb-desks-cli-')
    env = target.env
  })
  afterAll(() => target?.close())

  it('adds organisations and keys, prints each on the last line, and the server takes exactly the live keys', { timeout: 600_000 }, async () => {
    const added = cli(['orgs', 'add', '--name', 'De Avondkrant', '--enable'], env)
    expect(added.code, added.stderr).toBe(0)
    expect(added.last).toMatch(UUID)
    const orgId = added.last
    const pending = cli(['orgs', 'add', '--name', 'Nog niet gecontroleerd'], env)
    expect(pending.code, pending.stderr).toBe(0)
    expect(pending.stdout).toContain('not enabled yet')

    const listed = cli(['orgs', 'list'], env)
    expect(listed.code).toBe(0)
    expect(listed.last).toBe('2 organisations')
    expect(listed.stdout).toContain(`${orgId} enabled `)
    expect(listed.stdout).toContain(`${pending.last} disabled`)

    const live = cli(['keys', 'create', '--org', orgId, '--name', 'CMS'], env)
    expect(live.code, live.stderr).toBe(0)
    expect(live.last).toMatch(KEY)
    const doomed = cli(['keys', 'create', '--org', orgId], env)
    expect(doomed.last).toMatch(KEY)

    // Stored hashed: the key appears nowhere in the table.
    const stored = await withDb(async (d) =>
      rowsOf<{ id: string; prefix: string; secret_hash: string; name: string; created_by: string | null }>(
        await d.db.execute(sql`select id, prefix, secret_hash, name, created_by from api_keys order by created_at`),
      ),
    )
    expect(stored).toHaveLength(2)
    expect(stored[0]).toMatchObject({
      prefix: live.last.slice(0, 12),
      name: 'CMS',
      created_by: null,
      secret_hash: crypto.createHash('sha256').update(live.last).digest('hex'),
    })
    expect(JSON.stringify(stored)).not.toContain(live.last.slice(13))

    const doomedId = stored.find((k) => k.prefix === doomed.last.slice(0, 12))!.id
    const revoked = cli(['keys', 'revoke', '--id', doomedId], env)
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.last).toBe(`revoked ${doomed.last.slice(0, 12)} (${doomedId})`)
    const audit = await withDb(async (d) =>
      rowsOf<{ type: string; actor_kind: string; actor_id: string }>(await d.db.execute(sql`select type, actor_kind, actor_id from audit_events order by seq`)),
    )
    expect(audit.map((a) => a.type)).toEqual([
      'organisation.created',
      'organisation.enabled',
      'organisation.created',
      'apikey.created',
      'apikey.created',
      'apikey.revoked',
    ])
    expect(new Set(audit.map((a) => `${a.actor_kind}:${a.actor_id}`))).toEqual(new Set(['system:cli']))

    const s = await startServer({ ...env, LOG_LEVEL: 'info' })
    try {
      const current = await fetch(`${s.url}/v1/keys/current`, { headers: { authorization: `Bearer ${live.last}` } })
      expect(current.status).toBe(200)
      expect(((await current.json()) as { organisation: { id: string; name: string } }).organisation).toEqual({ id: orgId, name: 'De Avondkrant' })
      const r = await fetch(`${s.url}/v1/keys/current`, { headers: { authorization: `Bearer ${doomed.last}` } })
      expect(r.status).toBe(401)
    } finally {
      s.proc.kill('SIGTERM')
      await s.exited
    }
    // No key in the server's log.
    for (const k of [live.last, doomed.last]) expect(s.stdout() + s.stderr()).not.toContain(k.slice(13))
  })

  // Each command is a process start (a few seconds, more on a loaded machine): a few telling cases only.
  it('refuses bad arguments with a usage error, and unknown ids with a message', () => {
    expect(cli(['orgs', 'add'], env).code).toBe(64)
    expect(cli(['keys', 'create', '--org', 'not-a-uuid'], env).code).toBe(64)
    const unknownKey = cli(['keys', 'revoke', '--id', crypto.randomUUID()], env)
    expect(unknownKey.code).toBe(1)
    expect(unknownKey.stderr).toContain('no API key with this id')
  }, 300_000)
})
