/**
 * One database handle over two engines: PGlite (embedded PostgreSQL in DATA_DIR, the default) or a
 * PostgreSQL server (DATABASE_URL). Both are driven through drizzle's PgDatabase, so services never know
 * which one they talk to.
 */
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

export interface Database {
  readonly db: Db
  readonly engine: 'pglite' | 'postgres'
  migrate(): Promise<void>
  /** Readiness: reachable, and every migration on disk applied. */
  ready(): Promise<boolean>
  close(): Promise<void>
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 })
    // An idle client that errors (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => {})
    const db = drizzlePg(pool, { schema }) as unknown as Db
    return wrap(db, 'postgres', async () => {
      // Several replicas may start at once: one migrates, the others wait for it.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock(7275020)')
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
      } finally {
        await client.query('select pg_advisory_unlock(7275020)').catch(() => {})
        client.release()
      }
    }, () => pool.end())
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true, mode: 0o700 })
  const client = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    extensions: PGLITE_EXTENSIONS,
  })
  const db = drizzlePglite(client, { schema }) as unknown as Db
  return wrap(db, 'pglite', () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }), () => client.close(), client)
}

function wrap(db: Db, engine: Database['engine'], migrate: () => Promise<void>, close: () => Promise<void>, pglite?: PGlite): Database & { pglite?: PGlite } {
  let closed = false
  return {
    db,
    engine,
    pglite,
    migrate,
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
