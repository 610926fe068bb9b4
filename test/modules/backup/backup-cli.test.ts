/**
 * `npm run cli -- backup create|restore` as an operator runs them (real child processes, a real DATA_DIR or
 * PostgreSQL database): the restore puts the old database back, a revocation made after the backup holds
 * (the ledger), and a damaged backup is refused before anything is touched.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { AuditLog } from '../../../api/src/modules/audit/index.ts'
import { AuthService } from '../../../api/src/modules/auth/index.ts'
import { ApiKeyService, OrganisationsService } from '../../../api/src/modules/desks/index.ts'
import { cli, cliTarget, type CliTarget } from '../../support/process.ts'

let target: CliTarget
const backups = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-backups-'))
const backup = path.join(backups, 'first')

let keyId: string

beforeAll(async () => {
  target = await cliTarget('eb-backup-cli-')
  // Set up in-process (each CLI start costs seconds here); the commands under test run as child processes.
  await target.withDb(async (d) => {
    await d.migrate()
    const audit = new AuditLog(d.db)
    await new AuthService(d.db, 1).createUser({ email: 'eerste@test.example', password: 'een-lang-wachtwoord-1', role: 'curator' })
    const keys = new ApiKeyService({ db: d.db, audit, cacheSeconds: 0 })
    const orgs = new OrganisationsService({ db: d.db, audit, auth: new AuthService(d.db, 1), keys })
    const org = (await orgs.create({ name: 'Redactie Test', enable: true }, { kind: 'system', id: 'test' })).id
    keyId = (await keys.create(org, 'desk', { kind: 'system', id: 'test', userId: null })).id
  })
}, 300_000)
afterAll(async () => {
  await target?.close()
  fs.rmSync(backups, { recursive: true, force: true })
})

const run = (args: string[]) => {
  const r = cli(args, target.env)
  if (r.code !== 0) throw new Error(`cli ${args.join(' ')} failed (${r.code}): ${r.stdout}\n${r.stderr}`)
  return r.last
}
const addUser = (email: string) => target.withDb((d) => new AuthService(d.db, 1).createUser({ email, password: 'een-lang-wachtwoord', role: 'curator' }))
const users = () => target.withDb(async (d) => rowsOf<{ email: string }>(await d.db.execute(sql`select email from users order by email`)).map((u) => u.email))
const revoked = (keyId: string) =>
  target.withDb(async (d) => rowsOf<{ r: boolean }>(await d.db.execute(sql`select revoked_at is not null as r from api_keys where id = ${keyId}`))[0]?.r)

describe('backup create and restore from the command line', { timeout: 300_000 }, () => {
  it('backs up into a new folder, with a manifest and without the master key', () => {
    expect(run(['backup', 'create', '--to', backup])).toBe(backup)
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({
      format: 'eerlijk-beeld-backup/1',
      masterKey: 'not included',
      database: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    })
    expect(
      fs
        .readdirSync(backup, { recursive: true })
        .map(String)
        .some((f) => /master\.key|ledger/.test(f)),
    ).toBe(false)
  })

  it('restores the old database, and a key revoked after the backup stays revoked', async () => {
    await addUser('tweede@test.example')
    run(['keys', 'revoke', '--id', keyId])
    expect(await users()).toEqual(['eerste@test.example', 'tweede@test.example'])
    const r = cli(['backup', 'restore', '--from', backup], target.env)
    expect(r.code).toBe(0)
    expect(r.last).toBe('restored')
    expect(r.stdout).toMatch(/1 API keys/)
    expect(await users()).toEqual(['eerste@test.example'])
    expect(await revoked(keyId)).toBe(true)
  })

  it('refuses a damaged backup before touching anything', async () => {
    await addUser('derde@test.example')
    const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'))
    fs.appendFileSync(path.join(backup, manifest.database.file), 'x')
    const r = cli(['backup', 'restore', '--from', backup], target.env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/damaged/)
    expect(await users()).toEqual(['derde@test.example', 'eerste@test.example'])
  })

  it('refuses an unfinished backup (no manifest) and a folder that is not empty', () => {
    const r = cli(['backup', 'restore', '--from', backups], target.env)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/manifest/)
    expect(cli(['backup', 'create', '--to', backup], target.env).stderr).toMatch(/not empty/)
    expect(cli(['backup', 'create'], target.env).code).toBe(64)
  })
})
