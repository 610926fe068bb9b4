/**
 * Scale-out (issue 18): two server processes on two data directories (as on two machines), sharing one
 * PostgreSQL database and one S3 bucket (s3rver), serve each other's uploads, and a withdrawal answered by
 * one leaves the other serving nothing, with every derivative object purged from the bucket.
 * PostgreSQL only: a second instance refuses an embedded (PGlite) database, which one process owns.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { files } from '../../support/app.ts'
import { engine } from '../../support/db.ts'
import { cli, cliTarget, login, startServer, type CliTarget, type ServerProcess } from '../../support/process.ts'
import { startS3rver, type S3Target } from '../../support/s3.ts'

const onPostgres = engine() === 'postgres'

describe.skipIf(!onPostgres)('two instances sharing one bucket and one database (PostgreSQL; skipped on PGlite, which one process owns)', () => {
  let s3: S3Target
  let target: CliTarget
  let raw: S3Client
  const dirs: string[] = []
  const servers: ServerProcess[] = []

  beforeAll(async () => {
    s3 = await startS3rver()
    target = await cliTarget('eb-shared-a-')
    raw = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  })
  afterAll(async () => {
    for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL')
    raw?.destroy()
    await target?.close()
    await s3?.close()
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
  })

  const keysUnder = async (prefix: string) =>
    ((await raw.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!)

  it('serves on B what was uploaded on A, and after a withdrawal on B neither serves it and its derivatives leave the bucket', async () => {
    const tmp = () => (dirs.push(fs.mkdtempSync(path.join(os.tmpdir(), 'eb-shared-'))), dirs.at(-1)!)
    // The ledger is shared by every replica (config.ts LEDGER_DIR); each has its own DATA_DIR. One public
    // address, as behind the proxy: the rights written into served files link there, so both serve the same bytes.
    const env: Record<string, string> = {
      ...target.env,
      ...s3.env,
      SEED_DEMO: '0',
      WORKER_POLL_MS: '100',
      LEDGER_DIR: tmp(),
      PUBLIC_URL: 'http://beeld.shared.test',
    }
    const envB = { ...env, DATA_DIR: tmp() }
    const migrated = cli(['migrate'], env)
    expect(migrated.code, migrated.stderr).toBe(0)
    const password = crypto.randomBytes(12).toString('base64url')
    for (const [email, role] of [
      ['fotograaf@shared.test', 'photographer'],
      ['curator@shared.test', 'curator'],
    ]) {
      const added = cli(['users', 'add', '--email', email!, `--password=${password}`, '--role', role!], env)
      expect(added.code, added.stderr).toBe(0)
    }
    const a = await startServer(env)
    servers.push(a)
    const b = await startServer(envB)
    servers.push(b)
    const photographer = await login(a.url, 'fotograaf@shared.test', password)
    const curator = await login(b.url, 'curator@shared.test', password)
    const call = async (base: string, method: string, url: string, token: string | null, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      })
      return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as Record<string, any>) : null }
    }

    // Upload on A, made publishable there, published on B.
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 140, b: 90 } } })
      .jpeg({ quality: 92 })
      .toBuffer()
    const form = new FormData()
    for (const [k, v] of Object.entries({ captionNl: 'Gedeelde emmer', captionEn: 'Shared bucket', altNl: 'Een groen vlak', altEn: 'A green plane' }))
      form.append(k, v)
    form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'p.jpg')
    const up = await fetch(`${a.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${photographer}` }, body: form })
    expect(up.status).toBe(201)
    const id = ((await up.json()) as { id: string }).id
    const subject = await call(a.url, 'POST', '/v1/subjects', photographer, { pseudonym: 'P gedeeld' })
    expect(subject.status).toBe(201)
    const linked = await call(a.url, 'POST', `/v1/photos/${id}/people`, photographer, {
      subjectId: subject.body!.id,
      consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
    })
    expect(linked.status).toBe(201)
    expect((await call(a.url, 'POST', `/v1/photos/${id}/submit`, photographer)).status).toBe(200)
    expect((await call(b.url, 'POST', `/v1/photos/${id}/publish`, curator)).status).toBe(200)

    // The blobs are in the bucket, not on either machine's disk; the original only as ciphertext.
    const row = await target.withDb(
      async (d) =>
        rowsOf<{ original_key: string; media_key: string }>(await d.db.execute(sql`select original_key, media_key from photos where id = ${id}`))[0]!,
    )
    const derivativeKeys = await keysUnder(`derivatives/${row.media_key}/`)
    expect(derivativeKeys.length).toBeGreaterThan(2)
    const original = Buffer.from(await (await raw.send(new GetObjectCommand({ Bucket: s3.bucket, Key: row.original_key }))).Body!.transformToByteArray())
    expect(original.length).toBeGreaterThan(jpeg.length)
    expect(original.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(false)
    expect(original.includes(jpeg.subarray(200, 264))).toBe(false)
    for (const dir of [env.DATA_DIR!, envB.DATA_DIR]) expect(files(path.join(dir, 'blobs'))).toEqual([])

    // B serves A's upload to anyone (public preview): the detail and every derivative, byte for byte as A does.
    const onB = await call(b.url, 'GET', `/v1/photos/${id}`, null)
    expect(onB.status).toBe(200)
    // Absolute links to the public address; each instance is asked by its own.
    const derivatives = (onB.body!.derivatives as { url: string }[]).map((d) => ({
      url: new URL(d.url, 'http://x').pathname + new URL(d.url, 'http://x').search,
    }))
    expect(derivatives.length).toBeGreaterThan(0)
    for (const d of derivatives) {
      const [fromB, fromA] = await Promise.all([fetch(`${b.url}${d.url}`), fetch(`${a.url}${d.url}`)])
      expect(fromB.status, d.url).toBe(200)
      expect(fromA.status, d.url).toBe(200)
      const bytes = Buffer.from(await fromB.arrayBuffer())
      expect(bytes.length).toBeGreaterThan(100)
      expect(bytes.equals(Buffer.from(await fromA.arrayBuffer()))).toBe(true)
    }

    // Withdrawn on B: A serves nothing on its next requests, and the purge empties the photo's folder in the bucket.
    const w = await call(b.url, 'POST', `/v1/photos/${id}/people/${subject.body!.id}/withdraw`, photographer)
    expect(w.status).toBe(200)
    expect((await call(a.url, 'GET', `/v1/photos/${id}`, null)).status).toBe(410)
    for (const d of derivatives) expect((await fetch(`${a.url}${d.url}`)).status, d.url).toBe(410)
    await expect.poll(() => keysUnder(`derivatives/${row.media_key}/`), { timeout: 20_000, interval: 200 }).toEqual([])

    for (const s of [b, a]) {
      s.proc.kill('SIGTERM')
      expect((await s.exited).code).toBe(0)
      expect(s.stderr()).not.toMatch(/Unhandled|S3RVER/)
    }
    // Each process's spool folder went with it.
    for (const dir of [env.DATA_DIR!, envB.DATA_DIR]) expect(files(path.join(dir, 'spool'))).toEqual([])
  }, 240_000)
})
