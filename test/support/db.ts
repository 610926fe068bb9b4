import crypto from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { openDatabase, type Database } from '../../api/src/db/client.ts'
import { databaseUrlWith } from '../setup/global.ts'

export const engine = () => inject('db').kind

/** A fresh, migrated database for one test file: a PGlite copy of the snapshot, or a server database from the template. */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const info = inject('db')
  if (info.kind === 'pglite') {
    const tar = fs.readFileSync(info.snapshot)
    return openDatabase({ kind: 'pglite', loadDataDir: new Blob([tar]) })
  }
  const name = `${info.prefix}${crypto.randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: info.adminUrl })
  await admin.connect()
  await admin.query(`create database ${name} template ${info.template}`)
  await admin.end()
  const url = databaseUrlWith(info.adminUrl, name)
  const d = await openDatabase({ kind: 'postgres', url, poolSize: 5 })
  return {
    ...d,
    // A getter (the spread above copies its value once): the count as it is now.
    get statements() {
      return d.statements
    },
    url,
    migrate: d.migrate,
    ready: d.ready,
    async close() {
      await d.close()
      const c = new pg.Client({ connectionString: info.adminUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
