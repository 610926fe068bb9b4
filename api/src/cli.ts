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
 *   licences list                              validate licences/ and print each version's content hash
 *   licences verify                            compare published versions with the hashes in the database, record new ones
 *   licences schema                            rewrite licences/licence.schema.json from its TypeBox source
 *   search reindex                             rebuild the search index from the database (searching goes on
 *                                              meanwhile); the last line is the number of photos indexed
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ConfigError, loadConfig } from './config.ts'
import { openDatabase } from './db/client.ts'
import { Problem } from './platform/problems.ts'
import { AuditLog } from './modules/audit/index.ts'
import { AuthService, ROLES, type Role } from './modules/auth/index.ts'
import { LICENCES_DIR, licenceSchemaJson, loadLicences, verifyPublishedLicences } from './modules/licences/index.ts'
import { lockDataDir, startRuntime } from './runtime.ts'
import { seedDemo } from './seed.ts'

const USAGE = `usage:
  npm run cli -- migrate
  npm run cli -- seed
  npm run cli -- users add --email E --password P --role ${ROLES.join('|')} [--name "Display name"]
  npm run cli -- audit verify [--anchor SEQ:HASH]
  npm run cli -- licences list|verify|schema
  npm run cli -- search reindex`

class UsageError extends Error {}
/** A command that ran and found something wrong: its message is the result (last line, stdout), exit 1. */
class Failed extends Error {}

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const unlock = config.embedded ? lockDataDir(config.dataDir) : () => {}
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, poolSize: 2 } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pg') })
  try {
    await database.migrate()
    return await fn(database)
  } finally {
    await database.close()
    unlock()
  }
}

async function main(argv: string[]): Promise<string> {
  const [command, sub] = argv
  switch (command) {
    case 'migrate':
      await withDatabase(async () => {})
      return 'migrations applied'
    case 'seed': {
      const config = { ...loadConfig(), seedDemo: false, logLevel: 'warn' as const }
      const rt = await startRuntime(config, { startWorker: false })
      try {
        const r = await seedDemo({ db: rt.database.db, auth: rt.auth, photos: rt.photos, consent: rt.consent, portal: rt.portal, dataDir: config.dataDir, tmpDir: rt.tmpDir, logger: rt.logger })
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
      const config = { ...loadConfig(), seedDemo: false, logLevel: 'warn' as const }
      const rt = await startRuntime(config, { startWorker: false })
      try {
        const { count } = await rt.searchEngine.reindex(rt.searchDocuments.all())
        console.log(`reindexed ${count} photos into the ${rt.searchEngine.name} search engine`)
        return String(count)
      } finally {
        await rt.close()
      }
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given')
  }
}

main(process.argv.slice(2)).then(
  (last) => {
    console.log(last)
    process.exit(0)
  },
  (err) => {
    if (err instanceof UsageError || (err as Error).name === 'TypeError' && String((err as Error).message).includes('Unknown option')) {
      console.error(`${(err as Error).message}\n${USAGE}`)
      process.exit(64)
    }
    if (err instanceof Failed) {
      console.log(err.message)
      process.exit(1)
    }
    if (err instanceof Problem) console.error(err.detail ?? err.title)
    else if (err instanceof ConfigError) console.error(err.message)
    else console.error(err instanceof Error ? err.message : String(err))
    process.exit(1)
  },
)
