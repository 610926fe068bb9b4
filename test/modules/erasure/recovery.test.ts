import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { startRuntime, type Runtime } from '../../../api/src/runtime.ts'
import { files } from '../../support/app.ts'
import { createTestDatabase } from '../../support/db.ts'
import { client, person, photoBlobs, publishedPhoto, releaseForm, settle, type Staff } from './erasure-support.ts'

// The erasure's transaction commits the destroyed keys together with the jobs that delete the blobs. Here
// the first run has no worker, so after the commit nothing else happens: the state a crash right after the
// commit leaves behind. The second run, on the same database and DATA_DIR, must finish the work.
describe('a crash between the erasure transaction and the blob deletions', () => {
  let dataDir: string
  let database: Database
  let rt: Runtime | undefined
  const env = () => ({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: '0', LOG_LEVEL: 'silent', WORKER_POLL_MS: '50', PORT: '0' })

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-erasure-'))
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await rt?.close()
    await database?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function start(workerEnabled: boolean) {
    rt = await startRuntime(loadConfig({ ...env(), WORKER_ENABLED: workerEnabled ? '1' : '0' }), { database, keepDatabase: true })
    return rt.app.listen({ host: '127.0.0.1', port: 0 })
  }
  async function login(url: string, role: 'photographer' | 'curator' | 'admin') {
    const email = `${role}-${crypto.randomBytes(3).toString('hex')}@test.example`
    const password = crypto.randomBytes(12).toString('base64url')
    await rt!.auth.createUser({ email, password, role, displayName: role })
    const res = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    })
    return ((await res.json()) as { token: string }).token
  }
  const pending = async () =>
    rowsOf<{ kind: string }>(await database.db.execute(sql`select kind from jobs where status = 'pending' and kind like 'erasure.%' order by kind`)).map(
      (r) => r.kind,
    )

  it('is finished by the jobs when the app starts again', async () => {
    const url = await start(false)
    const call = client(url)
    const staff: Staff = { photographer: await login(url, 'photographer'), curator: await login(url, 'curator'), admin: await login(url, 'admin') }
    const kim = await person(call, staff, 'Kim')
    const photo = await publishedPhoto(url, call, staff, [kim])
    await releaseForm(url, staff, kim)
    const blobs = await photoBlobs(database.db, photo.id)
    const [doc] = rowsOf<{ blob_key: string }>(await database.db.execute(sql`select blob_key from vault_documents where subject_id = ${kim.subjectId}`))
    const request = await call('POST', '/v1/portal/erasure', kim.portalToken, { confirm: true })
    expect((await call('POST', `/v1/admin/erasure-requests/${request.body.id}/carry-out`, staff.admin)).status).toBe(200)

    // Committed: the key is destroyed, the photo gone, the deletions queued; the files are still there.
    expect((await photoBlobs(database.db, photo.id)).wrappedKey).toBe('destroyed')
    expect((await call('GET', `/v1/photos/${photo.id}`, null)).status).toBe(410)
    expect(await pending()).toEqual(['erasure.delete-original', 'erasure.delete-vault-document'])
    let onDisk = files(path.join(dataDir, 'blobs'))
    expect(onDisk).toContain(blobs.original)
    expect(onDisk).toContain(doc!.blob_key)
    expect(onDisk.filter((f) => f.startsWith(`${blobs.derivatives}/`)).length).toBeGreaterThan(0)
    await rt!.close()

    // Started again, with its worker: the queued jobs delete the blobs; the photo's pending AVIF job finds it
    // withdrawn and renders nothing (its original can't be decrypted any more).
    await start(true)
    await settle(database.db)
    onDisk = files(path.join(dataDir, 'blobs'))
    expect(onDisk).not.toContain(blobs.original)
    expect(onDisk).not.toContain(doc!.blob_key)
    expect(onDisk.filter((f) => f.startsWith(`${blobs.derivatives}/`))).toEqual([])
    expect((await rt!.audit.verify()).ok).toBe(true)
  })
})
