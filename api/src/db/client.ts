/**
 * One database handle over two engines: PGlite (embedded PostgreSQL in DATA_DIR, the default) or a
 * PostgreSQL server (DATABASE_URL). Both are driven through drizzle's PgDatabase, so services never know
 * which one they talk to.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import * as schema from './schema.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema>
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DbOrTx = Db | Tx

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations')

/** Extensions must be passed to every PGlite.create, also when reopening a data directory (STACK.md). */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent }

/**
 * PGlite's shared buffers: 32 MB instead of PostgreSQL's 128 MB. In WebAssembly they are zeroed at every open
 * and stay resident (~100 MB of the idle server's memory and part of its start, issue 17); the data files
 * are read through the operating system's page cache either way.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB']

export interface Database {
  readonly db: Db
  readonly engine: 'pglite' | 'postgres'
  migrate(): Promise<void>
  /** Readiness: reachable, and every migration on disk applied. */
  ready(): Promise<boolean>
  close(): Promise<void>
  /**
   * Listens on a NOTIFY channel. `up` is called once the listener is known to receive (and again after a
   * reconnect), `down` the moment that is no longer certain (connection lost, a heartbeat unanswered):
   * whoever caches on the strength of these messages must stop trusting its cache then.
   */
  listen(channel: string, handlers: ListenHandlers): Promise<Listener>
  /** How many statements the app has sent through `db` so far (tests count a request's round trips with it). */
  readonly statements: number
}

export interface Listener {
  /**
   * Resolves once every message from changes committed before the call has been handled (a message of its
   * own sent through the server comes back after them: notifications arrive in commit order).
   */
  sync(): Promise<void>
  close(): Promise<void>
}

export interface ListenHandlers {
  message(payload: string): void
  up(): void
  down(): void
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // An idle client that errors (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => {})
    const sent = { n: 0 }
    const db = drizzlePg(pool, { schema, logger: counting(sent) }) as unknown as Db
    return wrap(
      db,
      'postgres',
      async () => {
        // Several replicas may start at once: one migrates, the others wait for it.
        const client = await pool.connect()
        try {
          await client.query('select pg_advisory_lock(7275020)')
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
        } finally {
          await client.query('select pg_advisory_unlock(7275020)').catch(() => {})
          client.release()
        }
      },
      () => pool.end(),
      (channel, handlers) => listenPostgres(target.url, channel, handlers),
      sent,
    )
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 })
  const client = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
    startParams: PGLITE_START_PARAMS,
  })
  const sent = { n: 0 }
  const db = drizzlePglite(client, { schema, logger: counting(sent) }) as unknown as Db
  const listen = async (channel: string, handlers: ListenHandlers) => {
    // One process, one database: a message is delivered when the transaction that sent it commits.
    const unlisten = await client.listen(channel, handlers.message)
    handlers.up()
    return {
      // Delivered before the committing query returns: nothing to wait for.
      sync: async () => {},
      close: async () => {
        handlers.down()
        if (!client.closed) await unlisten()
      },
    }
  }
  return wrap(
    db,
    'pglite',
    () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    () => client.close(),
    listen,
    sent,
    client,
  )
}

/** Counts the statements drizzle sends (its logger hook: called once per statement, with nothing logged). */
const counting = (sent: { n: number }) => ({
  logQuery() {
    sent.n++
  },
})

function wrap(
  db: Db,
  engine: Database['engine'],
  migrate: () => Promise<void>,
  close: () => Promise<void>,
  listen: Database['listen'],
  sent: { n: number },
  pglite?: PGlite,
): Database & { pglite?: PGlite } {
  let closed = false
  return {
    get statements() {
      return sent.n
    },
    db,
    engine,
    pglite,
    migrate,
    listen,
    async ready() {
      try {
        const expected = migrationCount()
        const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)
        const n = (rows as unknown as { rows?: { n: number }[] }).rows?.[0]?.n ?? (rows as unknown as { n: number }[])[0]?.n
        return n === expected
      } catch {
        return false
      }
    },
    async close() {
      if (closed) return
      closed = true
      await close()
    },
  }
}

let cachedCount: number | undefined
function migrationCount(): number {
  if (cachedCount === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }
    cachedCount = journal.entries.length
  }
  return cachedCount
}

/** Rows from db.execute on either driver (node-postgres returns { rows }, PGlite too). */
export function rowsOf<T>(result: unknown): T[] {
  const r = result as { rows?: T[] }
  return Array.isArray(r.rows) ? r.rows : (result as T[])
}

/**
 * A LISTEN connection of its own (a pooled one would be handed to other queries), kept alive: reconnects
 * with backoff, and every `heartbeatMs` sends itself a message through the server and expects it back
 * within `heartbeatMs`. Until it hears its own first heartbeat it does not report `up`; a lost connection,
 * a failed query or a missing heartbeat reports `down` at once.
 */
export async function listenPostgres(url: string, channel: string, handlers: ListenHandlers, opts: { heartbeatMs?: number } = {}): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`)
  const heartbeatMs = opts.heartbeatMs ?? 2000
  const ping = `heartbeat:${crypto.randomUUID()}:`
  let stopped = false
  let client: pg.Client | null = null
  let isUp = false
  let timer: NodeJS.Timeout | undefined
  let waiting: { n: number; deadline: NodeJS.Timeout } | null = null
  let sent = 0
  let backoff = 100
  const syncs = new Map<string, () => void>()

  const down = () => {
    if (waiting) clearTimeout(waiting.deadline)
    waiting = null
    for (const resolve of syncs.values()) resolve()
    syncs.clear()
    if (isUp) {
      isUp = false
      handlers.down()
    }
  }
  const dropped = new WeakSet<pg.Client>()
  const drop = (c: pg.Client) => {
    if (dropped.has(c)) return
    dropped.add(c)
    c.removeAllListeners('notification')
    c.end().catch(() => {})
    // An older connection ending does not concern the current one.
    if (client !== null && client !== c) return
    client = null
    down()
    if (!stopped) schedule(backoff)
    backoff = Math.min(backoff * 2, 5000)
  }
  const beat = (c: pg.Client) => {
    if (stopped || client !== c || waiting) return
    const n = ++sent
    waiting = { n, deadline: setTimeout(() => drop(c), heartbeatMs) }
    waiting.deadline.unref()
    c.query('select pg_notify($1, $2)', [channel, `${ping}${n}`]).catch(() => drop(c))
  }
  // One timer for both: the next heartbeat while connected, a reconnect when not.
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      if (stopped) return
      if (client) beat(client)
      else void connect()
    }, ms)
    timer.unref()
  }
  async function connect() {
    if (stopped) return
    const c = new pg.Client({ connectionString: url, keepAlive: true, application_name: 'eerlijk-beeld-listen' })
    c.on('error', () => drop(c))
    c.on('end', () => drop(c))
    c.on('notification', (m) => {
      if (client !== c || m.channel !== channel) return
      const payload = m.payload ?? ''
      if (payload.startsWith(ping)) {
        const sync = syncs.get(payload)
        if (sync) {
          syncs.delete(payload)
          sync()
          return
        }
        if (waiting && payload === `${ping}${waiting.n}`) {
          clearTimeout(waiting.deadline)
          waiting = null
          backoff = 100
          if (!isUp) {
            isUp = true
            handlers.up()
          }
          schedule(heartbeatMs)
        }
        return
      }
      // Another listener's heartbeat on the same channel (another replica's, or this one's other pool): not a change.
      if (payload.startsWith('heartbeat:')) return
      handlers.message(payload)
    })
    try {
      await c.connect()
      await c.query(`listen ${channel}`)
    } catch {
      drop(c)
      return
    }
    if (stopped) return void c.end().catch(() => {})
    client = c
    // The first heartbeat proves the subscription works; only then is the listener up.
    beat(c)
  }
  await connect()
  return {
    async sync() {
      const c = client
      // Not listening: whoever relies on the messages is told so by down() and reads the database.
      if (!c || !isUp) return
      const token = `${ping}sync:${crypto.randomUUID()}`
      await new Promise<void>((resolve) => {
        const timeout = setTimeout(() => {
          syncs.delete(token)
          drop(c)
          resolve()
        }, heartbeatMs)
        syncs.set(token, () => {
          clearTimeout(timeout)
          resolve()
        })
        c.query('select pg_notify($1, $2)', [channel, token]).catch(() => {
          syncs.delete(token)
          clearTimeout(timeout)
          drop(c)
          resolve()
        })
      })
    },
    async close() {
      stopped = true
      clearTimeout(timer)
      down()
      const c = client
      client = null
      if (c) await c.end().catch(() => {})
    },
  }
}
