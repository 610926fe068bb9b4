/**
 * npm run cli -- <command>. Works on the same DATA_DIR as the server, while the server is stopped (the
 * embedded database is locked by whichever process holds it). The last line of output is the result
 * (an id), so scripts can read it with `tail -n 1`.
 *
 *   migrate                                    apply migrations
 *   seed                                       seed the demo accounts and photos into an empty database
 *   users add --email E --password P --role R [--name "Display name"]
 *   audit verify [--anchor SEQ:HASH]           check the audit chain; exit 0 when intact, 1 when broken.
 *                                              The intact result names the head: record it elsewhere and
 *                                              pass it later as --anchor to catch a cut or rewritten tail.
 *   orgs add --name N [--enable] [--notice-email E]   add an organisation (media outlet); prints its id
 *   orgs list                                  every organisation: id, enabled, name
 *   orgs enable|disable --id ID                vet an organisation, or stop its keys and journalists
 *   keys create --org ID [--name LABEL]        make an API key; prints the key (once: it is stored hashed)
 *   keys list --org ID                         an organisation's keys (never the secrets)
 *   keys revoke --id KEY_ID                    revoke a key (at once here; within API_KEY_CACHE_SECONDS in a running server)
 *   members add --org ID --user ID [--role member|manager]   add a journalist (users add --role journalist) to an organisation
 *   <command> --help                           the usage of that command (--help alone: every command)
 *   licences list                              validate licences/ and print each version's content hash
 *   licences verify                            compare published versions with the hashes in the database, record new ones
 *   licences schema                            rewrite licences/licence.schema.json from its TypeBox source
 *   search reindex                             rebuild the search index from the database (searching goes on
 *                                              meanwhile); the last line is the number of photos indexed
 *   backup create --to DIR                     database + blobs + manifest (SHA-256 of each file) into a new
 *                                              folder; never the master key nor the erasure ledger
 *   backup restore --from DIR                  check every hash, put the database and blobs back, re-apply the
 *                                              erasure ledger and delete what it erased; every server stopped
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './db/client.ts'
import { Ledger } from './platform/ledger.ts'
import { Problem } from './platform/problems.ts'
import { AuditLog } from './modules/audit/index.ts'
import { AuthService, ROLES, type Role } from './modules/auth/index.ts'
import { BackupError, createBackup, pgliteArchive, restoreBlobs, restorePostgres, verifyBackup } from './modules/backup/index.ts'
import { DELETE_ORIGINAL, DELETE_VAULT_DOCUMENT } from './modules/erasure/index.ts'
import { SEARCH_REMOVE_JOB } from './modules/search/index.ts'
import { blobStoreName, openBlobStore } from './modules/storage/index.ts'
import { ApiKeyService, OrganisationsService } from './modules/desks/index.ts'
import { LICENCES_DIR, licenceSchemaJson, loadLicences, verifyPublishedLicences } from './modules/licences/index.ts'
import { lockDataDir } from './platform/data-dir.ts'
import { startRuntime } from './runtime.ts'
import { seedDemo } from './seed.ts'

const USAGE = `usage:
  npm run cli -- migrate
  npm run cli -- seed
  npm run cli -- users add --email E --password P --role ${ROLES.join('|')} [--name "Display name"]
  npm run cli -- audit verify [--anchor SEQ:HASH]
  npm run cli -- licences list|verify|schema
  npm run cli -- search reindex
  npm run cli -- backup create --to DIR
  npm run cli -- backup restore --from DIR
  npm run cli -- orgs add --name N [--enable] [--notice-email E]
  npm run cli -- orgs list
  npm run cli -- orgs enable|disable --id ID
  npm run cli -- keys create --org ID [--name LABEL]
  npm run cli -- keys list --org ID
  npm run cli -- keys revoke --id KEY_ID
  npm run cli -- members add --org ID --user ID [--role member|manager]`

/** The usage lines of one command, or every line when it is not a command we know. */
const usageOf = (command: string | undefined) => {
  const lines = USAGE.split('\n')
    .slice(1)
    .filter((l) => (command && l.trimStart().startsWith(`npm run cli -- ${command} `)) || l.trim() === `npm run cli -- ${command}`)
  return lines.length ? `usage:\n${lines.join('\n')}` : USAGE
}

class UsageError extends Error {}
/** A command that ran and found something wrong: its message is the result (last line, stdout), exit 1. */
class Failed extends Error {}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const unlock = config.embedded ? lockDataDir(config.dataDir) : () => {}
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pg') },
  )
  try {
    await database.migrate()
    return await fn(database)
  } finally {
    await database.close()
    unlock()
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CLI_ACTOR = { kind: 'system', id: 'cli' } as const

function desks(d: Awaited<ReturnType<typeof openDatabase>>) {
  const audit = new AuditLog(d.db)
  const keys = new ApiKeyService({ db: d.db, audit, cacheSeconds: 0, ledger: new Ledger(loadConfig().ledgerDir) })
  return { keys, orgs: new OrganisationsService({ db: d.db, audit, auth: new AuthService(d.db, 1), keys }) }
}

function uuidOption(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`--${name} is required`)
  if (!UUID.test(value)) throw new UsageError(`--${name} must be an id (a uuid)`)
  return value.toLowerCase()
}

async function main(argv: string[]): Promise<string> {
  const [command, sub] = argv
  // --help anywhere (or `help`): the usage, on stdout, exit 0; nothing is opened or changed.
  if (argv.includes('--help') || argv.includes('-h') || command === 'help') {
    const usage = usageOf(command === 'help' || command?.startsWith('-') ? undefined : command)
    console.log(usage)
    const n = usage.split('\n').length - 1
    return `${n} usage ${n === 1 ? 'line' : 'lines'}`
  }
  switch (command) {
    case 'migrate':
      await withDatabase(async () => {})
      return 'migrations applied'
    case 'seed': {
      const config = { ...loadConfig(), seedDemo: false, logLevel: 'warn' as const }
      const rt = await startRuntime(config, { startWorker: false })
      try {
        const r = await seedDemo({
          db: rt.database.db,
          auth: rt.auth,
          photos: rt.photos,
          consent: rt.consent,
          publication: rt.publication,
          portal: rt.portal,
          dataDir: config.dataDir,
          tmpDir: rt.tmpDir,
          logger: rt.logger,
        })
        if (!r) return 'not seeded: the database has users already'
        console.log(`seeded ${r.photos} photos; demo logins written to ${r.credentialsFile}`)
        return r.credentialsFile
      } finally {
        await rt.close()
      }
    }
    case 'users': {
      if (sub !== 'add') throw new UsageError(`unknown users command: ${sub ?? '(none)'}`)
      const { values } = parseArgs({
        args: argv.slice(2),
        options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
        strict: true,
      })
      if (!values.email || !values.password || !values.role) throw new UsageError('users add needs --email, --password and --role')
      if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`)
      const { id } = await withDatabase((d) =>
        new AuthService(d.db, 1).createUser({ email: values.email!, password: values.password!, role: values.role as Role, displayName: values.name }),
      )
      console.log(`created ${values.role} ${id}`)
      return id
    }
    case 'audit': {
      if (sub !== 'verify') throw new UsageError(`unknown audit command: ${sub ?? '(none)'}`)
      const { values } = parseArgs({ args: argv.slice(2), options: { anchor: { type: 'string' } }, strict: true })
      const m = values.anchor === undefined ? null : /^([1-9][0-9]*):([0-9a-f]{64})$/.exec(values.anchor)
      if (values.anchor !== undefined && !m) throw new UsageError('--anchor must be SEQ:HASH, as printed by an earlier audit verify')
      const anchor = m ? { seq: Number(m[1]), hash: m[2]! } : undefined
      const r = await withDatabase((d) => new AuditLog(d.db).verify({ anchor }))
      if (!r.ok) throw new Failed(`audit chain broken at event ${r.firstBad.seq}: ${r.firstBad.problem}`)
      return `audit chain intact: ${r.events} events, head ${r.head.seq}:${r.head.hash}`
    }
    case 'orgs': {
      if (sub === 'add') {
        const { values } = parseArgs({
          args: argv.slice(2),
          options: { name: { type: 'string' }, enable: { type: 'boolean' }, 'notice-email': { type: 'string' } },
          strict: true,
        })
        if (!values.name?.trim()) throw new UsageError('orgs add needs --name')
        const org = await withDatabase((d) =>
          desks(d).orgs.create({ name: values.name!, enable: values.enable ?? false, noticeEmail: values['notice-email'] }, CLI_ACTOR),
        )
        console.log(`created organisation ${org.id} (${org.enabled ? 'enabled' : 'not enabled yet: orgs enable --id ' + org.id})`)
        return org.id
      }
      if (sub === 'list') {
        const orgs = await withDatabase((d) => desks(d).orgs.list())
        for (const o of orgs) console.log(`${o.id} ${o.enabled ? 'enabled ' : 'disabled'} keys=${o.activeKeys} members=${o.members} ${o.name}`)
        return `${orgs.length} organisations`
      }
      if (sub === 'enable' || sub === 'disable') {
        const { values } = parseArgs({ args: argv.slice(2), options: { id: { type: 'string' } }, strict: true })
        const id = uuidOption(values.id, 'id')
        const org = await withDatabase((d) => desks(d).orgs.setEnabled(id, sub === 'enable', CLI_ACTOR))
        return `organisation ${org.id} ${org.enabled ? 'enabled' : 'disabled'}`
      }
      throw new UsageError(`unknown orgs command: ${sub ?? '(none)'}`)
    }
    case 'keys': {
      if (sub === 'create') {
        const { values } = parseArgs({ args: argv.slice(2), options: { org: { type: 'string' }, name: { type: 'string' } }, strict: true })
        const org = uuidOption(values.org, 'org')
        const name = values.name?.trim() || 'API key'
        if (name.length > 100) throw new UsageError('--name is at most 100 characters')
        const created = await withDatabase((d) => desks(d).keys.create(org, name, { ...CLI_ACTOR, userId: null }))
        console.log(`created API key ${created.prefix} (id ${created.id}) for organisation ${org}; it is shown once, below: store it now`)
        return created.key
      }
      if (sub === 'list') {
        const { values } = parseArgs({ args: argv.slice(2), options: { org: { type: 'string' } }, strict: true })
        const org = uuidOption(values.org, 'org')
        const keys = await withDatabase(async (d) => (await desks(d).orgs.get(org), desks(d).keys.list(org)))
        for (const k of keys) console.log(`${k.id} ${k.prefix} ${k.revokedAt ? 'revoked' : 'active '} last-used=${k.lastUsedAt ?? 'never'} ${k.name}`)
        return `${keys.length} keys`
      }
      if (sub === 'revoke') {
        const { values } = parseArgs({ args: argv.slice(2), options: { id: { type: 'string' } }, strict: true })
        const id = uuidOption(values.id, 'id')
        const key = await withDatabase((d) => desks(d).keys.revoke(id, null, CLI_ACTOR))
        return `revoked ${key.prefix} (${key.id})`
      }
      throw new UsageError(`unknown keys command: ${sub ?? '(none)'}`)
    }
    case 'members': {
      if (sub !== 'add') throw new UsageError(`unknown members command: ${sub ?? '(none)'}`)
      const { values } = parseArgs({
        args: argv.slice(2),
        options: { org: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' } },
        strict: true,
      })
      const org = uuidOption(values.org, 'org')
      const user = uuidOption(values.user, 'user')
      if (values.role !== undefined && values.role !== 'member' && values.role !== 'manager')
        throw new UsageError('--role must be member or manager (a manager may make and revoke keys)')
      const member = await withDatabase((d) => desks(d).orgs.addMember(org, { userId: user, role: values.role as 'member' | 'manager' | undefined }, CLI_ACTOR))
      console.log(`added ${member.userId} to organisation ${org} as ${member.role}`)
      return member.userId
    }
    case 'licences': {
      if (sub === 'schema') {
        const file = path.join(LICENCES_DIR, 'licence.schema.json')
        fs.writeFileSync(file, licenceSchemaJson())
        return file
      }
      const registry = loadLicences()
      if (sub === 'list') {
        for (const l of registry.list()) console.log(`${l.id} ${l.version} ${l.status} ${l.sha256}`)
        return `${registry.list().length} licence versions valid`
      }
      if (sub === 'verify') {
        const recorded = await withDatabase((d) => verifyPublishedLicences(d.db, registry))
        for (const l of recorded) console.log(`recorded ${l.id} ${l.version} ${l.sha256}`)
        return `${registry.published().length} published licence versions verified against the database`
      }
      throw new UsageError(`unknown licences command: ${sub ?? '(none)'}`)
    }
    case 'search': {
      if (sub !== 'reindex') throw new UsageError(`unknown search command: ${sub ?? '(none)'}`)
      // Errors only: pino writes asynchronously, and a late warning must not become the last line.
      const config = { ...loadConfig(), seedDemo: false, logLevel: 'error' as const }
      const rt = await startRuntime(config, { startWorker: false })
      try {
        const { count } = await rt.searchEngine.reindex(rt.searchDocuments.all())
        console.log(`reindexed ${count} photos into the ${rt.searchEngine.name} search engine`)
        return String(count)
      } finally {
        await rt.close()
      }
    }
    case 'backup':
      return backup(sub, argv.slice(2))
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given')
  }
}

async function backup(sub: string | undefined, args: string[]): Promise<string> {
  const config = { ...loadConfig(), seedDemo: false, logLevel: 'error' as const }
  // Either store: the backup holds the bucket's objects as files, and a restore writes them back into the bucket.
  const blobStore = () => openBlobStore(config.blobStore)
  if (sub === 'create') {
    const { values } = parseArgs({ args, options: { to: { type: 'string' } }, strict: true })
    if (!values.to) throw new UsageError('backup create needs --to DIR (a new folder, on other storage than DATA_DIR)')
    const to = path.resolve(values.to)
    if (fs.existsSync(to) && fs.readdirSync(to).length) throw new BackupError(`${to} is not empty: a backup goes into a new folder`)
    const blobs = await blobStore()
    try {
      const m = await withDatabase((d) => createBackup({ database: d, databaseUrl: config.databaseUrl, blobs }, to))
      console.log(
        `backed up the ${m.engine} database and ${m.blobs.length} blobs from the ${blobStoreName(config.blobStore)}; the master key and the erasure ledger are not in it: keep them elsewhere`,
      )
      return to
    } finally {
      await blobs.close()
    }
  }
  if (sub === 'restore') {
    const { values } = parseArgs({ args, options: { from: { type: 'string' } }, strict: true })
    if (!values.from) throw new UsageError('backup restore needs --from DIR')
    const from = path.resolve(values.from)
    // Every hash first: a damaged backup must not replace a working database.
    const manifest = await verifyBackup(from)
    if (config.databaseUrl) await restorePostgres(from, manifest, config.databaseUrl)
    else {
      const archive = await pgliteArchive(from, manifest)
      const unlock = lockDataDir(config.dataDir)
      const pgDir = path.join(config.dataDir, 'pg')
      const aside = `${pgDir}.before-restore`
      try {
        fs.rmSync(aside, { recursive: true, force: true })
        if (fs.existsSync(pgDir)) fs.renameSync(pgDir, aside)
        try {
          await (await openDatabase({ kind: 'pglite', dataDir: pgDir, loadDataDir: archive })).close()
        } catch (err) {
          fs.rmSync(pgDir, { recursive: true, force: true })
          if (fs.existsSync(aside)) fs.renameSync(aside, pgDir)
          throw err
        }
        fs.rmSync(aside, { recursive: true, force: true })
      } finally {
        unlock()
      }
    }
    const blobs = await blobStore()
    const restored = await restoreBlobs(from, manifest, blobs).finally(() => blobs.close())
    // Starting re-applies the ledger (runtime.ts); then the blob deletions and index removals it queued run here.
    const rt = await startRuntime(config, { startWorker: false })
    try {
      const jobs = await rt.worker.drain([DELETE_ORIGINAL, DELETE_VAULT_DOCUMENT, 'photo.purge-media', SEARCH_REMOVE_JOB])
      const r = rt.reapplied
      console.log(
        `restored the database of ${manifest.createdAt} and ${restored.written} blobs into the ${blobStoreName(config.blobStore)} (${restored.deleted} newer ones removed)`,
      )
      console.log(
        `erasure ledger re-applied: ${r.erasures} erasures, ${r.withdrawals} withdrawals, ${r.portalLinks} portal links, ${r.apiKeys} API keys; ${jobs} deletions run`,
      )
      if (r.failed) throw new Failed(`${r.failed} ledger entries could not be re-applied: see the log before starting the server`)
      return 'restored'
    } finally {
      await rt.close()
    }
  }
  throw new UsageError(`unknown backup command: ${sub ?? '(none)'}`)
}

main(process.argv.slice(2)).then(
  (last) => {
    console.log(last)
    process.exit(0)
  },
  (err) => {
    if (err instanceof UsageError || ((err as Error).name === 'TypeError' && String((err as Error).message).includes('Unknown option'))) {
      console.error(`${(err as Error).message}\n${USAGE}`)
      process.exit(64)
    }
    if (err instanceof Failed) {
      console.log(err.message)
      process.exit(1)
    }
    if (err instanceof Problem) console.error(err.detail ?? err.title)
    else if (err instanceof ConfigError || err instanceof BackupError) console.error(err.message)
    else console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  },
)
