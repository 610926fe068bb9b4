import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../api/src/db/client.ts'
import { generateFixtures } from '../../fixtures/generate.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    db: { kind: 'pglite'; snapshot: string } | { kind: 'postgres'; adminUrl: string; template: string; prefix: string }
    fixtures: Record<string, string>
  }
}

export function databaseUrlWith(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export default async function setup(project: TestProject) {
  const started = Date.now()
  const fixturesDir = path.resolve('fixtures/generated')
  project.provide('fixtures', await generateFixtures(fixturesDir))

  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    // One prefix per run: runs sharing a server (CI, other worktrees) never touch each other's databases.
    const run = crypto.randomBytes(4).toString('hex')
    const template = `eb_tpl_${run}`
    const prefix = `eb_t_${run}_`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${template}`)
    const d = await openDatabase({ kind: 'postgres', url: databaseUrlWith(adminUrl, template), poolSize: 1 })
    await d.migrate()
    await d.close()
    // A template must have no connections when it is copied.
    await admin.query(`alter database ${template} with allow_connections false`)
    await admin.end()
    project.provide('db', { kind: 'postgres', adminUrl, template, prefix })
    console.log(`[setup] database: PostgreSQL server (template ${template}), fixtures in ${Date.now() - started} ms`)
    return async () => {
      const c = new pg.Client({ connectionString: adminUrl })
      await c.connect()
      // An exact prefix comparison: in LIKE, '_' matches any character.
      const left = await c.query<{ datname: string }>(`select datname from pg_database where left(datname, length($2)) = $2 or datname = $1`, [
        template,
        prefix,
      ])
      for (const { datname } of left.rows) await c.query(`drop database if exists ${datname} with (force)`).catch(() => {})
      await c.end()
    }
  }

  const d = await openDatabase({ kind: 'pglite' })
  await d.migrate()
  const dump = await (d as unknown as { pglite: { dumpDataDir(c?: string): Promise<Blob> } }).pglite.dumpDataDir('none')
  const snapshot = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eb-snap-')), 'migrated.tar')
  fs.writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()))
  await d.close()
  project.provide('db', { kind: 'pglite', snapshot })
  console.log(`[setup] database: PGlite (embedded), migrated snapshot and fixtures in ${Date.now() - started} ms`)
  return () => fs.rmSync(path.dirname(snapshot), { recursive: true, force: true })
}
