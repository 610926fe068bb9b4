/**
 * The restore drill (issue 18, "Backups undo erasure"): back up, erase a person and withdraw a photo,
 * restore the old backup, start: the erased photo and the withdrawn one are not served (detail, bytes,
 * search), their blobs and index entries go, the revoked portal link does not open. The erasure ledger,
 * kept outside the database and the backup, is what makes the difference.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import { openDatabase, rowsOf, type Database } from '../../../api/src/db/client.ts'
import { createBackup, pgliteArchive, restoreBlobs, restorePostgres, verifyBackup, type Manifest } from '../../../api/src/modules/backup/index.ts'
import { DiskBlobStore } from '../../../api/src/modules/storage/index.ts'
import { startRuntime, type Runtime } from '../../../api/src/runtime.ts'
import { files } from '../../support/app.ts'
import { createTestDatabase } from '../../support/db.ts'
import { client, person, photoBlobs, publishedPhoto, type Call, type Person, type Staff } from '../erasure/erasure-support.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-drill-'))
const ledgerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-ledger-'))
const backupDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eb-backup-')), 'monday')
const config = loadConfig({
  NODE_ENV: 'test',
  DATA_DIR: dataDir,
  LEDGER_DIR: ledgerDir,
  SEED_DEMO: '0',
  LOG_LEVEL: 'silent',
  WORKER_POLL_MS: '50',
  PORT: '0',
  API_RATE_LIMIT_PER_MINUTE: '100000',
  SESSION_RATE_LIMIT_PER_MINUTE: '100000',
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
})

let database: Database & { url?: string }
let rt: Runtime
let call: Call
let staff: Staff
let noor: Person, roos: Person, sam: Person
let erased: { id: string }, withdrawn: { id: string }, control: { id: string }
let blobs: Record<'erased' | 'withdrawn' | 'control', Awaited<ReturnType<typeof photoBlobs>>>
let manifest: Manifest

async function start() {
  rt = await startRuntime(config, { database, keepDatabase: true })
  call = client(await rt.app.listen({ host: '127.0.0.1', port: 0 }))
}

async function login(role: 'photographer' | 'curator' | 'admin') {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@test.example`
  const password = crypto.randomBytes(12).toString('base64url')
  await rt.auth.createUser({ email, password, role, displayName: role })
  const r = await call('POST', '/v1/auth/login', null, { email, password })
  expect(r.status).toBe(200)
  return r.body.token as string
}

/** Every job due now has run (the expiry sweep always has its next run queued). */
async function settle() {
  const due = async () =>
    rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from jobs where (status = 'running' or (status = 'pending' and run_at <= now())) and kind <> 'consent.expiry-sweep'`,
      ),
    )[0]!.n
  for (let i = 0; i < 1200 && (await due()) > 0; i++) await new Promise((r) => setTimeout(r, 100))
  expect(await due()).toBe(0)
}

const searchIds = async (q: string) =>
  ((await call('GET', `/v1/search?q=${encodeURIComponent(q)}&limit=50`, null)).body.hits as { id: string }[]).map((h) => h.id)
const indexed = async (id: string) => rowsOf(await database.db.execute(sql`select 1 from search_documents where photo_id = ${id}`)).length === 1
const status = async (id: string) => rowsOf<{ status: string }>(await database.db.execute(sql`select status from photos where id = ${id}`))[0]!.status
const onDisk = () => files(path.join(dataDir, 'blobs'))
const derivativesOf = (b: { derivatives: string }) => onDisk().filter((f) => f.startsWith(`${b.derivatives}/`))

beforeAll(async () => {
  database = await createTestDatabase()
  await start()
  staff = { photographer: await login('photographer'), curator: await login('curator'), admin: await login('admin') }
  noor = await person(call, staff, 'Noor')
  roos = await person(call, staff, 'Roos')
  sam = await person(call, staff, 'Sam')
  const base = (rt.app.server.address() as { port: number }).port
  const url = `http://127.0.0.1:${base}`
  erased = await publishedPhoto(url, call, staff, [noor])
  withdrawn = await publishedPhoto(url, call, staff, [roos])
  control = await publishedPhoto(url, call, staff, [sam])
  await settle()
  blobs = {
    erased: await photoBlobs(database.db, erased.id),
    withdrawn: await photoBlobs(database.db, withdrawn.id),
    control: await photoBlobs(database.db, control.id),
  }
}, 300_000)

afterAll(async () => {
  await rt?.close()
  await database?.close()
  for (const d of [dataDir, ledgerDir, path.dirname(backupDir)]) fs.rmSync(d, { recursive: true, force: true })
})

describe('the restore drill', () => {
  it('backs up the database and every blob with their hashes, and neither the master key nor the ledger', async () => {
    for (const p of [erased, withdrawn, control]) expect((await call('GET', `/v1/photos/${p.id}`, null)).status).toBe(200)
    expect(await searchIds('atelier')).toEqual(expect.arrayContaining([erased.id, withdrawn.id, control.id]))
    manifest = await createBackup({ database, databaseUrl: database.url, blobs: rt.blobs }, backupDir)
    expect(manifest.blobs.map((b) => b.key)).toEqual(expect.arrayContaining([blobs.erased.original, blobs.withdrawn.original, blobs.control.original]))
    expect(manifest.blobs.every((b) => /^[0-9a-f]{64}$/.test(b.sha256))).toBe(true)
    const inBackup = fs.readdirSync(backupDir, { recursive: true }).map(String)
    expect(inBackup.some((f) => /master\.key|ledger/.test(f))).toBe(false)
    const masterKey = fs.readFileSync(path.join(dataDir, 'master.key'))
    for (const f of inBackup.filter((f) => fs.statSync(path.join(backupDir, f)).isFile()))
      expect(fs.readFileSync(path.join(backupDir, f)).includes(masterKey)).toBe(false)
    // A second backup into the same folder is refused: a backup is never overwritten in place.
    await expect(createBackup({ database, databaseUrl: database.url, blobs: rt.blobs }, backupDir)).rejects.toThrow(/not empty/)
  })

  it('after the backup: Noor is erased and Roos withdraws, both written to the ledger', async () => {
    const request = await call('POST', '/v1/portal/erasure', noor.portalToken, { confirm: true })
    expect(request.status).toBe(202)
    expect((await call('POST', `/v1/admin/erasure-requests/${request.body.id}/carry-out`, staff.admin)).status).toBe(200)
    expect((await call('POST', `/v1/portal/photos/${withdrawn.id}/withdraw`, roos.portalToken, { confirm: true })).status).toBe(200)
    await settle()
    for (const p of [erased, withdrawn]) expect((await call('GET', `/v1/photos/${p.id}`, null)).status).toBe(410)
    expect(onDisk()).not.toContain(blobs.erased.original)
    const ledger = fs.readFileSync(path.join(ledgerDir, 'erasure-ledger.jsonl'), 'utf8')
    expect(ledger).toContain(`"subjectId":"${noor.subjectId}"`)
    expect(ledger).toContain(`"photoId":"${withdrawn.id}"`)
    // Ids only: no pseudonym, name or e-mail.
    for (const p of [noor, roos]) for (const s of [p.pseudonym, p.legalName, p.email]) expect(ledger).not.toContain(s)
  })

  it('restoring the old backup alone would bring them back: the restored rows say published, the original is on disk again', async () => {
    await rt.close()
    const checked = await verifyBackup(backupDir)
    if (database.engine === 'postgres') await restorePostgres(backupDir, checked, database.url!)
    else {
      const restored = await openDatabase({ kind: 'pglite', loadDataDir: await pgliteArchive(backupDir, checked) })
      await database.close()
      database = restored
    }
    const store = await new DiskBlobStore(path.join(dataDir, 'blobs')).init()
    await restoreBlobs(backupDir, checked, store)
    await store.close()
    expect(await status(erased.id)).toBe('published')
    expect(await status(withdrawn.id)).toBe('published')
    expect(await indexed(erased.id)).toBe(true)
    expect(onDisk()).toContain(blobs.erased.original)
  })

  it('the start re-applies the ledger before serving: neither photo is served, the revoked link does not open', async () => {
    await start()
    expect(rt.reapplied).toMatchObject({ erasures: 1, failed: 0 })
    // Roos's withdrawal, and Noor's photo (withdrawn by the erasure again).
    expect(rt.reapplied.withdrawals).toBeGreaterThanOrEqual(1)
    // Erased: gone for everyone, staff too. Withdrawn: gone for the public (its photographer still sees the record, no bytes).
    for (const token of [null, staff.photographer, staff.admin]) expect((await call('GET', `/v1/photos/${erased.id}`, token)).status).toBe(410)
    expect((await call('GET', `/v1/photos/${withdrawn.id}`, null)).status).toBe(410)
    for (const p of [erased, withdrawn])
      for (const token of [null, staff.admin]) expect((await call('GET', `/v1/photos/${p.id}/media/small.jpeg`, token)).status).toBe(410)
    expect(await status(withdrawn.id)).toBe('withdrawn')
    const hits = await searchIds('atelier')
    expect(hits).not.toContain(erased.id)
    expect(hits).not.toContain(withdrawn.id)
    expect(hits).toContain(control.id)
    expect((await call('GET', '/v1/portal', noor.portalToken)).status).toBe(401)
    expect((await call('GET', '/v1/portal', roos.portalToken)).status).toBe(200)
    expect((await call('GET', `/v1/photos/${control.id}`, null)).status).toBe(200)
  })

  it('and the files and index entries go: the erased original, both derivative sets, both search entries', async () => {
    await settle()
    expect(onDisk()).not.toContain(blobs.erased.original)
    expect(derivativesOf(blobs.erased)).toEqual([])
    expect(derivativesOf(blobs.withdrawn)).toEqual([])
    expect(await indexed(erased.id)).toBe(false)
    expect(await indexed(withdrawn.id)).toBe(false)
    expect(onDisk()).toContain(blobs.control.original)
    expect(derivativesOf(blobs.control).length).toBeGreaterThan(0)
    const [subject] = rowsOf<{ pseudonym: string }>(await database.db.execute(sql`select pseudonym from subjects where id = ${noor.subjectId}`))
    expect(subject!.pseudonym).toBe(`erased-${noor.subjectId}`)
  })

  it('a later start finds nothing left to re-apply', async () => {
    await rt.close()
    await start()
    expect(rt.reapplied).toMatchObject({ erasures: 0, withdrawals: 0, portalLinks: 0, apiKeys: 0, failed: 0 })
    expect(rt.reapplied.entries).toBeGreaterThanOrEqual(2)
  })
})
