/**
 * Infrastructure faults answered honestly (issue 18): the database down or the disk full is a 503 with
 * Retry-After (not a 500), logs no request data (a login's e-mail address), and a full disk leaves no temp
 * file, row or blob behind.
 */
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../api/src/config.ts'
import { openDatabase, rowsOf, type Database } from '../../api/src/db/client.ts'
import { startRuntime, type Runtime } from '../../api/src/runtime.ts'
import pino from 'pino'
import type { FastifyBaseLogger } from 'fastify'
import { loggerOptions } from '../../api/src/platform/logger.ts'
import { createTestDatabase, engine } from '../support/db.ts'
import { files, startTestApp, upload } from '../support/app.ts'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A loopback proxy in front of the PostgreSQL server that can be cut, like a database gone away. */
async function cuttableProxy(url: URL) {
  const sockets: net.Socket[] = []
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(url.port || 5432), url.hostname)
    sockets.push(inbound, outbound)
    inbound.pipe(outbound).on('error', () => {})
    outbound.pipe(inbound).on('error', () => {})
    inbound.on('error', () => outbound.destroy())
    outbound.on('error', () => inbound.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const proxied = Object.assign(new URL(url.toString()), { port: String((server.address() as net.AddressInfo).port) }).toString()
  const shut = () => {
    server.close()
    for (const s of sockets) s.destroy()
  }
  return { url: proxied, cut: shut, close: shut }
}

describe('the database down', () => {
  it('answers a login 503 database-unavailable with Retry-After, and logs neither the e-mail address nor the query', async () => {
    const lines: string[] = []
    const logger = pino(loggerOptions({ logLevel: 'trace' }), { write: (l: string) => void lines.push(l) }) as unknown as FastifyBaseLogger
    const base = await createTestDatabase()
    cleanups.push(() => base.close())
    let database: Database = base
    let outage: () => Promise<void> | void = () => base.close()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-outage-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const env: Record<string, string> = { NODE_ENV: 'test', DATA_DIR: dataDir, SEED_DEMO: '0', PORT: '0', LOG_LEVEL: 'trace' }
    if (engine() === 'postgres') {
      const proxy = await cuttableProxy(new URL(base.url!))
      cleanups.push(proxy.close)
      database = await openDatabase({ kind: 'postgres', url: proxy.url, poolSize: 2 })
      cleanups.push(() => database.close().catch(() => {}))
      outage = async () => {
        proxy.cut()
        // Connections already in the pool die with the proxy's sockets.
        await new Promise((r) => setTimeout(r, 100))
      }
      Object.assign(env, { DATABASE_URL: proxy.url, MASTER_KEY: crypto.randomBytes(32).toString('base64') })
    }
    const rt: Runtime = await startRuntime(loadConfig(env), { database, keepDatabase: true, logger })
    cleanups.push(() => rt.close().catch(() => {}))
    const url = await rt.app.listen({ host: '127.0.0.1', port: 0 })

    await outage()
    const email = `nobody-${crypto.randomBytes(4).toString('hex')}@outage.example`
    let res: Response | undefined
    // The first attempt may meet a pooled connection that is just dying; each answer is a 503.
    for (let i = 0; i < 2; i++) {
      res = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong-password-123' }),
      })
      expect(res.status).toBe(503)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.headers.get('retry-after')).toBe('5')
      expect(((await res.json()) as { type: string }).type).toBe('/problems/database-unavailable')
    }
    const failed = lines.filter((l) => l.includes('request failed'))
    expect(failed.length).toBeGreaterThan(0)
    const all = lines.join('\n')
    expect(all).not.toContain(email)
    expect(all).not.toContain(email.split('@')[0]!)
    expect(all).not.toMatch(/Failed query|params:/)
  })
})

// A real full disk: a small tmpfs under DATA_DIR (needs root; say so when skipped).
const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0
describe.skipIf(!canMount)('the disk full (a 3 MB tmpfs as DATA_DIR)', () => {
  it('answers an upload 503 storage-unavailable with Retry-After and leaves no temp file, row or blob', async () => {
    const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-full-'))
    const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mount])
    if (m.status !== 0) throw new Error(`mount failed: ${m.stderr}`)
    cleanups.push(() => void (spawnSync('umount', [mount]), fs.rmSync(mount, { recursive: true, force: true })))
    const small = await startTestApp({ DATA_DIR: mount })
    cleanups.push(() => small.close().catch(() => {}))
    const owner = await small.user('photographer')
    // Noise does not compress: about 2.2 MB of JPEG. The temp file fits; its encrypted original does not.
    const noisy = async (w: number) =>
      sharp(crypto.randomBytes(w * w * 3), { raw: { width: w, height: w, channels: 3 } })
        .jpeg({ quality: 100 })
        .toBuffer()
    for (const bytes of [await noisy(1100), await noisy(1500)]) {
      const { res, body } = await upload(small, owner.token, { name: 'n.jpg', bytes, type: 'image/jpeg' })
      expect(res.status, JSON.stringify(body)).toBe(503)
      expect(res.headers.get('retry-after')).toBe('60')
      expect(body.type).toBe('/problems/storage-unavailable')
      expect(files(path.join(mount, 'tmp'))).toEqual([])
      expect(files(path.join(mount, 'blobs'))).toEqual([])
      const [n] = rowsOf<{ n: number }>(await small.rt.database.db.execute(sql`select count(*)::int as n from photos`))
      expect(n!.n).toBe(0)
    }
    // Room again: the next upload is stored.
    const ok = await upload(small, owner.token, {
      name: 's.jpg',
      bytes: await sharp({ create: { width: 200, height: 150, channels: 3, background: '#468' } })
        .jpeg()
        .toBuffer(),
      type: 'image/jpeg',
    })
    expect(ok.res.status).toBe(201)
  })
})
