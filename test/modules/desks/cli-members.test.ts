import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { engine } from '../../support/db.ts'
import { cli, cliTarget, type CliTarget } from '../../support/process.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// `members add` puts a journalist in an organisation from the command line; `--help` answers for every command.
describe(`npm run cli -- members add, --help (${engine()})`, () => {
  let target: CliTarget
  let env: Record<string, string>
  const withDb = <T>(fn: (d: Database) => Promise<T>) => target.withDb(fn)

  beforeAll(async () => {
    target = await cliTarget('eb-members-cli-')
    env = target.env
  })
  afterAll(() => target?.close())

  it('adds a journalist to an organisation: a membership row, an audit event, the user id on the last line; a photographer is refused', {
    timeout: 600_000,
  }, async () => {
    const org = cli(['orgs', 'add', '--name', 'De Ochtendkrant', '--enable'], env)
    expect(org.code, org.stderr).toBe(0)
    const password = crypto.randomBytes(12).toString('base64url')
    const user = cli(['users', 'add', '--email', 'redactie@ochtendkrant.example', `--password=${password}`, '--role', 'journalist'], env)
    expect(user.code, user.stderr).toBe(0)
    expect(user.last).toMatch(UUID)

    const added = cli(['members', 'add', '--org', org.last, '--user', user.last, '--role', 'manager'], env)
    expect(added.code, added.stderr).toBe(0)
    expect(added.last).toBe(user.last)
    const rows = await withDb(async (d) =>
      rowsOf<{ user_id: string; organisation_id: string; role: string }>(
        await d.db.execute(sql`select user_id, organisation_id, role from organisation_members`),
      ),
    )
    expect(rows).toEqual([{ user_id: user.last, organisation_id: org.last, role: 'manager' }])
    const events = await withDb(async (d) =>
      rowsOf<{ type: string; actor_id: string }>(await d.db.execute(sql`select type, actor_id from audit_events where type = 'organisation.member-added'`)),
    )
    expect(events).toEqual([{ type: 'organisation.member-added', actor_id: 'cli' }])

    const photographer = cli(['users', 'add', '--email', 'foto@ochtendkrant.example', `--password=${password}`, '--role', 'photographer'], env)
    const refused = cli(['members', 'add', '--org', org.last, '--user', photographer.last], env)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('Only users with the role journalist')
    expect(cli(['members', 'add', '--org', org.last], env).code).toBe(64)
    const after = await withDb(async (d) => rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from organisation_members`)))
    expect(after[0]!.n).toBe(1)
  })

  it('answers --help for every command with its usage, exit 0, and changes nothing', () => {
    const all = cli(['--help'], env)
    expect(all.code).toBe(0)
    for (const command of ['migrate', 'seed', 'users', 'audit', 'orgs', 'keys', 'members', 'licences', 'search']) {
      expect(all.stdout).toContain(`npm run cli -- ${command}`)
      const one = cli([command, '--help'], env)
      expect(one.code, `${command}: ${one.stderr}`).toBe(0)
      const lines = one.stdout.split('\n').filter((l) => l.includes('npm run cli -- '))
      expect(lines.length, command).toBeGreaterThan(0)
      for (const l of lines) expect(l.trim().startsWith(`npm run cli -- ${command}`), l).toBe(true)
    }
  }, 600_000)
})
