import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import type { Database } from '../../db/client.ts'
import type { BlobStore } from '../storage/index.ts'

/** Every blob prefix the app writes (photos.service, photos.derivatives, vault.service). */
export const BLOB_PREFIXES = ['originals', 'derivatives', 'vault'] as const
export const MANIFEST = 'manifest.json'
const FORMAT = 'eerlijk-beeld-backup/1'

export interface Manifest {
  format: typeof FORMAT
  createdAt: string
  engine: Database['engine']
  database: { file: string; bytes: number; sha256: string }
  blobs: { key: string; bytes: number; sha256: string }[]
  /** Never the master key: it is kept (and backed up) elsewhere, or a stolen backup decrypts every original. */
  masterKey: 'not included'
}

export class BackupError extends Error {}

async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256')
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer)
  return h.digest('hex')
}

/** pg_dump / pg_restore with the password in the environment, never on the command line (ps shows that). */
function runPg(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]): Promise<void> {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  return new Promise((resolve, reject) => {
    const child = spawn(tool, [...args, `--dbname=${u.toString()}`], {
      env: { PATH: process.env.PATH, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)))
    child.on('error', (e) =>
      reject(new BackupError(`${tool} could not be started (${(e as NodeJS.ErrnoException).code}): install the PostgreSQL client tools`)),
    )
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${tool} failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' ')}`)),
    )
  })
}

/**
 * Writes a backup into an empty (or new) folder: the database first (PostgreSQL: pg_dump, one consistent
 * snapshot, while servers keep serving; PGlite: its data directory, with the server stopped), then every
 * blob, then the manifest with SHA-256 hashes, written last: a folder without one is not a backup.
 * Blobs are copied after the snapshot, so every blob the snapshot refers to is there unless it was deleted
 * meanwhile, which only a purge or erasure does, and those are in the erasure ledger, re-applied at restore.
 * Blobs newer than the snapshot are orphans there, swept at the next start.
 */
export async function createBackup(src: { database: Database; databaseUrl?: string; blobs: BlobStore }, to: string): Promise<Manifest> {
  await fs.mkdir(to, { recursive: true, mode: 0o700 })
  if ((await fs.readdir(to)).length) throw new BackupError(`${to} is not empty: a backup goes into a new folder`)
  const createdAt = new Date().toISOString()
  let file: string
  if (src.database.engine === 'postgres') {
    if (!src.databaseUrl) throw new BackupError('the PostgreSQL address is needed for pg_dump')
    file = 'database.pgdump'
    await runPg('pg_dump', src.databaseUrl, ['--format=custom', '--no-owner', '--no-privileges', `--file=${path.join(to, file)}`])
  } else {
    const pglite = (src.database as Database & { pglite?: PGlite }).pglite
    if (!pglite) throw new BackupError('no embedded database to dump')
    file = 'database.tar.gz'
    const dump = await pglite.dumpDataDir('gzip')
    await fs.writeFile(path.join(to, file), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 })
  }
  const dbFile = path.join(to, file)
  const database = { file, bytes: (await fs.stat(dbFile)).size, sha256: await sha256File(dbFile) }

  const blobs: Manifest['blobs'] = []
  for (const prefix of BLOB_PREFIXES) {
    for await (const b of src.blobs.list(prefix)) {
      let bytes: Buffer
      try {
        bytes = await src.blobs.get(b.key)
      } catch {
        continue // deleted since it was listed: see above
      }
      const target = path.join(to, 'blobs', b.key)
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      await fs.writeFile(target, bytes, { mode: 0o600 })
      blobs.push({ key: b.key, bytes: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') })
    }
  }
  const manifest: Manifest = { format: FORMAT, createdAt, engine: src.database.engine, database, blobs, masterKey: 'not included' }
  await fs.writeFile(path.join(to, MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 })
  return manifest
}

/** Reads a backup's manifest and checks every file against its hash before anything is touched. */
export async function verifyBackup(from: string): Promise<Manifest> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(from, MANIFEST), 'utf8')) as Manifest
  } catch {
    throw new BackupError(`${from} has no readable ${MANIFEST}: not a finished backup`)
  }
  if (manifest.format !== FORMAT) throw new BackupError(`unknown backup format: ${String(manifest.format).slice(0, 60)}`)
  const check = async (file: string, sha256: string) => {
    const got = await sha256File(path.join(from, file)).catch(() => 'missing')
    if (got !== sha256) throw new BackupError(`${file} is ${got === 'missing' ? 'missing' : 'damaged (hash differs)'}: the backup cannot be restored`)
  }
  if (path.basename(manifest.database.file) !== manifest.database.file) throw new BackupError('bad database file name in the manifest')
  await check(manifest.database.file, manifest.database.sha256)
  for (const b of manifest.blobs) {
    if (b.key.split('/').includes('..')) throw new BackupError('bad blob key in the manifest')
    await check(path.join('blobs', b.key), b.sha256)
  }
  return manifest
}

/** PostgreSQL: the dump replaces the database's tables in one transaction. Every instance must be stopped. */
export async function restorePostgres(from: string, manifest: Manifest, url: string): Promise<void> {
  if (manifest.engine !== 'postgres') throw new BackupError('this backup is of an embedded database: restore it with DATABASE_URL unset')
  await runPg('pg_restore', url, [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--no-privileges',
    '--single-transaction',
    '--exit-on-error',
    path.join(from, manifest.database.file),
  ])
}

/** PGlite: the data directory's archive, to open with `loadDataDir` in an emptied directory. */
export async function pgliteArchive(from: string, manifest: Manifest): Promise<Blob> {
  if (manifest.engine !== 'pglite') throw new BackupError('this backup is of a PostgreSQL server: restore it with DATABASE_URL set')
  return new Blob([await fs.readFile(path.join(from, manifest.database.file))])
}

/** The blob store becomes the backup's: every blob in it is written back, every other blob deleted. */
export async function restoreBlobs(from: string, manifest: Manifest, blobs: BlobStore): Promise<{ written: number; deleted: number }> {
  const keep = new Set(manifest.blobs.map((b) => b.key))
  let deleted = 0
  for (const prefix of BLOB_PREFIXES) {
    const gone: string[] = []
    for await (const b of blobs.list(prefix)) if (!keep.has(b.key)) gone.push(b.key)
    for (const key of gone) await blobs.delete(key)
    deleted += gone.length
  }
  for (const b of manifest.blobs) await blobs.put(b.key, createReadStream(path.join(from, 'blobs', b.key)))
  return { written: manifest.blobs.length, deleted }
}
