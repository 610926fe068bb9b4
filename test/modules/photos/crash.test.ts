import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { files } from '../../support/app.ts'
import { createTestDatabase } from '../../support/db.ts'
import { cli, login, startServer, type ServerProcess } from '../../support/process.ts'

const fx = inject('fixtures')
// The media module blocks every loader but the four accepted upload types, process-wide (sharp.block).
// Here the server is another process and this test only reads what it served, so it may read AVIF.
sharp.unblock({ operation: ['VipsForeignLoadHeif'] })
interface Derivative {
  preset: string
  format: string
  width: number
  url: string
}
interface PhotoView {
  id: string
  derivativesState: string
  derivatives: Derivative[]
}

describe('a crash during derivative generation', () => {
  let dataDir: string
  let env: Record<string, string>
  let dropDatabase: (() => Promise<void>) | undefined
  let server: ServerProcess | undefined

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-crash-'))
    env = { NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: '0', JOB_LEASE_SECONDS: '2', WORKER_POLL_MS: '100' }
    if (inject('db').kind === 'postgres') {
      // The same test on the server: a database of its own, and a master key from configuration.
      const d = await createTestDatabase()
      env.DATABASE_URL = (d as { url?: string }).url!
      env.MASTER_KEY = crypto.randomBytes(32).toString('base64')
      dropDatabase = () => d.close()
    }
    const r = cli(['users', 'add', '--email', 'p@test.example', '--password', 'long-enough-password', '--role', 'photographer'], env)
    expect(r.code, r.stderr).toBe(0)
  }, 120_000)

  afterAll(async () => {
    if (server && server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL')
    await dropDatabase?.()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('is finished after restart: exactly one complete set of derivatives, nothing left over', async () => {
    // 1. The process kills itself (SIGKILL, no clean-up) after writing the third derivative blob.
    server = await startServer({ ...env, TEST_CRASH_AFTER_DERIVATIVE_BLOBS: '3' })
    const token = await login(server.url, 'p@test.example', 'long-enough-password')
    const form = new FormData()
    form.append('file', new Blob([fs.readFileSync(fx['meta-everything.jpg']!)]), 'x.jpg')
    await expect(fetch(`${server.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).rejects.toThrow()
    expect(await server.exited).toEqual({ code: null, signal: 'SIGKILL' })
    const partial = files(path.join(dataDir, 'blobs', 'derivatives'))
    expect(partial).toHaveLength(3)

    // 2. Restart: the interrupted job is taken up again and completed from the encrypted original.
    server = await startServer(env)
    const t2 = await login(server.url, 'p@test.example', 'long-enough-password')
    const auth = { headers: { authorization: `Bearer ${t2}` } }
    let photo: PhotoView | undefined
    await expect
      .poll(
        async () => {
          const list = (await (await fetch(`${server!.url}/v1/photos`, auth)).json()) as { items: PhotoView[] }
          photo = list.items[0]
          return photo ? `${photo.derivativesState}:${new Set(photo.derivatives.map((d) => d.format)).size}` : 'none'
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBe('ready:3')

    // 3. One derivative per (preset, format); every one decodes at its stated width; no stray files.
    const keys = photo!.derivatives.map((d) => `${d.preset}.${d.format}`)
    expect(new Set(keys).size).toBe(keys.length)
    const presets = [...new Set(photo!.derivatives.map((d) => d.preset))].sort()
    expect(keys.sort()).toEqual(presets.flatMap((p) => ['avif', 'jpeg', 'webp'].map((f) => `${p}.${f}`)).sort())
    for (const d of photo!.derivatives) {
      const res = await fetch(`${server.url}${d.url}`, auth)
      expect(res.status, `${d.preset}.${d.format}`).toBe(200)
      const bytes = Buffer.from(await res.arrayBuffer())
      expect((await sharp(bytes).metadata()).width, `${d.preset}.${d.format}`).toBe(d.width)
    }
    const onDisk = files(path.join(dataDir, 'blobs', 'derivatives'))
    expect(onDisk).toHaveLength(keys.length)
    expect(files(path.join(dataDir, 'blobs', '.tmp'))).toEqual([])
    expect(files(path.join(dataDir, 'tmp'))).toEqual([])
    expect(files(path.join(dataDir, 'blobs', 'originals'))).toHaveLength(1)

    server.proc.kill('SIGTERM')
    expect((await server.exited).code).toBe(0)
  }, 300_000)
})
