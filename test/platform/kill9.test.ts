/**
 * kill -9 (issue 18), on the embedded database and on PostgreSQL (TEST_DATABASE_URL selects it): the server
 * process is killed with SIGKILL mid-upload (large bodies streaming, some acknowledged), again while the
 * background worker makes derivatives (AVIF), and mid-withdrawal. After restart: every acknowledged upload
 * is there and readable; every photo ends with a complete derivative set (one made after restart where the
 * crash left none); a retry with the same Idempotency-Key gets the same photo, so no upload is stored twice;
 * after the start-up sweep no orphan blob or temp file is left; every acknowledged withdrawal holds.
 * Bounded: 12 uploads, 8 withdrawals, three kills. No timing assertions.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../api/src/db/client.ts'
import { files } from '../support/app.ts'
import { cli, cliTarget, login, startServer, type CliTarget, type ServerProcess } from '../support/process.ts'

// The server is another process; this test only reads what it served, AVIF included (media blocks HEIF loads process-wide).
sharp.unblock({ operation: ['VipsForeignLoadHeif'] })

const targets: CliTarget[] = []
const servers: ServerProcess[] = []
afterAll(async () => {
  for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL')
  for (const t of targets) await t.close()
})

const PASSWORD = 'long-enough-password'
async function setUp(prefix: string, roles: string[]) {
  const target = await cliTarget(prefix)
  targets.push(target)
  // A fast poll and a short job lease, so work a dead process held is taken up again soon after restart.
  // Generous request limits: this test polls (the limiter has its own tests).
  const env: Record<string, string> = {
    ...target.env,
    NODE_ENV: 'test',
    WORKER_POLL_MS: '100',
    JOB_LEASE_SECONDS: '2',
    MIN_BODY_BYTES_PER_SECOND: '0',
    SESSION_RATE_LIMIT_PER_MINUTE: '100000',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
  }
  for (const role of roles) {
    const r = cli(['users', 'add', '--email', `${role}@kill9.test`, `--password=${PASSWORD}`, '--role', role], env)
    expect(r.code, r.stderr).toBe(0)
  }
  return { target, env }
}
async function start(env: Record<string, string>) {
  const s = await startServer(env)
  servers.push(s)
  return s
}
async function kill(s: ServerProcess) {
  s.proc.kill('SIGKILL')
  expect(await s.exited).toEqual({ code: null, signal: 'SIGKILL' })
}
/** What a crash leaves is then "an hour old": the start-up sweep may judge it (it spares younger files, which may belong to a live request). */
function ageEverything(dataDir: string) {
  const old = new Date(Date.now() - 2 * 3600_000)
  for (const dir of ['blobs', 'tmp']) for (const f of files(path.join(dataDir, dir))) fs.utimesSync(path.join(dataDir, dir, f), old, old)
}

/** Large, incompressible, each one different: noise. */
async function bigJpeg(seed: number): Promise<Buffer> {
  return sharp({
    create: { width: 1900, height: 1400, channels: 3, background: { r: seed % 256, g: 80, b: 40 }, noise: { type: 'gaussian', mean: 120, sigma: 40 } },
  })
    .jpeg({ quality: 92 })
    .toBuffer()
}

interface Reply {
  status: number
  headers: Headers
  body: Record<string, any>
}
async function send(url: string, init: RequestInit): Promise<Reply> {
  const res = await fetch(url, init)
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, any>) : {} }
}
function uploadOnce(base: string, token: string, bytes: Buffer, key: string) {
  const form = new FormData()
  form.append('captionNl', 'Na een crash')
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg')
  return send(`${base}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }, body: form })
}
/** As a careful client retries: the same key, waiting what Retry-After says on 409 (still held) or 503 (busy). Bounded. */
async function uploadUntilAnswered(base: string, token: string, bytes: Buffer, key: string): Promise<Reply> {
  for (let i = 0; i < 40; i++) {
    const r = await uploadOnce(base, token, bytes, key)
    if (r.status !== 409 && r.status !== 503) return r
    expect([`/problems/idempotency-key-in-use`, '/problems/busy']).toContain(r.body.type)
    await new Promise((ok) => setTimeout(ok, Math.min(Number(r.headers.get('retry-after') ?? 1), 10) * 1000))
  }
  throw new Error('no final answer after 40 tries')
}

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
async function listPhotos(base: string, token: string): Promise<PhotoView[]> {
  const r = await send(`${base}/v1/photos?limit=100`, { headers: { authorization: `Bearer ${token}` } })
  expect(r.status).toBe(200)
  return r.body.items as PhotoView[]
}
const formatsOf = (p: PhotoView) => new Set(p.derivatives.map((d) => d.format)).size

describe('kill -9 during uploads and derivative work', () => {
  it('keeps every acknowledged upload, completes every derivative set, stores nothing twice and leaves no orphans', async () => {
    const { target, env } = await setUp('eb-kill9-up-', ['photographer'])
    const dataDir = env.DATA_DIR!
    const images = await Promise.all(Array.from({ length: 12 }, (_, i) => bigJpeg(i * 19 + 7)))
    const keys = images.map(() => crypto.randomUUID())

    // 1. Twelve large uploads stream in at once; SIGKILL as soon as four are acknowledged (201).
    let a = await start(env)
    let token = await login(a.url, 'photographer@kill9.test', PASSWORD)
    const acked = new Map<string, string>() // key → photo id
    const answers: string[] = []
    let killed: Promise<void> | undefined
    const inFlight = images.map((bytes, i) =>
      uploadOnce(a.url, token, bytes, keys[i]!).then(
        (r) => {
          answers.push(`${r.status} ${r.body.type ?? ''}`)
          if (r.status === 201) acked.set(keys[i]!, r.body.id as string)
          if (acked.size >= 4) killed ??= kill(a)
        },
        () => undefined, // cut off by the kill: not acknowledged
      ),
    )
    await Promise.all(inFlight)
    await (killed ?? kill(a))
    expect(acked.size, answers.join(', ')).toBeGreaterThanOrEqual(4)

    // 2. Restart; kill again while the worker is still making derivatives: some photo has its AVIF, some not yet.
    ageEverything(dataDir)
    let b = await start(env)
    token = await login(b.url, 'photographer@kill9.test', PASSWORD)
    let midDerivatives = false
    for (let i = 0; i < 600 && !midDerivatives; i++) {
      const list = await listPhotos(b.url, token)
      const withAvif = list.filter((p) => formatsOf(p) === 3).length
      midDerivatives = withAvif >= 1 && withAvif < list.length
      if (!midDerivatives) await new Promise((ok) => setTimeout(ok, 100))
    }
    expect(midDerivatives, 'the kill came while derivatives were being made').toBe(true)
    await kill(b)

    // 3. Restart, and every upload is retried with its own key: the acknowledged ones (and those stored but
    //    unanswered) get their photo's 201 again; the others are stored now. Nothing is stored twice.
    ageEverything(dataDir)
    const c = await start(env)
    token = await login(c.url, 'photographer@kill9.test', PASSWORD)
    const ids = new Map<string, string>()
    for (const [i, bytes] of images.entries()) {
      const r = await uploadUntilAnswered(c.url, token, bytes, keys[i]!)
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      ids.set(keys[i]!, r.body.id as string)
      if (acked.has(keys[i]!)) {
        expect(r.body.id).toBe(acked.get(keys[i]!))
        expect(r.headers.get('idempotent-replayed')).toBe('true')
      }
    }
    expect(new Set(ids.values()).size).toBe(12)

    // 4. Every photo gets a complete set: each (preset, format) once, every file decodes at its stated width.
    let photos: PhotoView[] = []
    await expect
      .poll(
        async () => {
          photos = await listPhotos(c.url, token)
          return photos.map((p) => `${p.derivativesState}:${formatsOf(p)}`).sort()
        },
        { timeout: 240_000, interval: 500 },
      )
      .toEqual(Array(12).fill('ready:3'))
    expect(new Set(photos.map((p) => p.id))).toEqual(new Set(ids.values()))
    let derivativeCount = 0
    for (const p of photos) {
      const got = p.derivatives.map((d) => `${d.preset}.${d.format}`)
      const presets = [...new Set(p.derivatives.map((d) => d.preset))]
      expect(got.sort()).toEqual(presets.flatMap((x) => ['avif', 'jpeg', 'webp'].map((f) => `${x}.${f}`)).sort())
      derivativeCount += got.length
      for (const d of p.derivatives) {
        const res = await fetch(`${c.url}${d.url}`, { headers: { authorization: `Bearer ${token}` } })
        expect(res.status, `${p.id} ${d.preset}.${d.format}`).toBe(200)
        expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(d.width)
      }
    }

    // 5. No orphans: one original per photo, exactly the listed derivative files, no temp file anywhere.
    expect(files(path.join(dataDir, 'blobs', 'originals'))).toHaveLength(12)
    expect(files(path.join(dataDir, 'blobs', 'derivatives'))).toHaveLength(derivativeCount)
    await expect.poll(() => [...files(path.join(dataDir, 'blobs', '.tmp')), ...files(path.join(dataDir, 'tmp'))], { timeout: 30_000 }).toEqual([])
    c.proc.kill('SIGTERM')
    expect((await c.exited).code).toBe(0)
    const [row] = await target.withDb(async (d) =>
      rowsOf<{ photos: number; keys: number }>(
        await d.db.execute(sql`select (select count(*)::int from photos) as photos, (select count(*)::int from idempotency_keys where state = 'done') as keys`),
      ),
    )
    expect(row).toEqual({ photos: 12, keys: 12 })
  }, 600_000)
})

describe('kill -9 during withdrawals', () => {
  it('every acknowledged withdrawal holds after restart; a retried one takes effect', async () => {
    const { target, env } = await setUp('eb-kill9-wd-', ['photographer', 'curator'])
    const a = await start(env)
    const ph = await login(a.url, 'photographer@kill9.test', PASSWORD)
    const cur = await login(a.url, 'curator@kill9.test', PASSWORD)
    const json = (token: string, body?: unknown): RequestInit => ({
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

    // Eight published photos, each with one person whose consent allows a public preview.
    const people: { photoId: string; subjectId: string }[] = []
    for (let i = 0; i < 8; i++) {
      const bytes = await sharp({ create: { width: 900, height: 700, channels: 3, background: { r: i * 30, g: 90, b: 200 - i * 20 } } })
        .jpeg()
        .toBuffer()
      const form = new FormData()
      for (const [k, v] of Object.entries({ captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' }))
        form.append(k, v)
      form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg')
      const up = await send(`${a.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${ph}` }, body: form })
      expect(up.status).toBe(201)
      const subject = await send(`${a.url}/v1/subjects`, json(ph, { pseudonym: `Noor ${i}` }))
      const linked = await send(
        `${a.url}/v1/photos/${up.body.id}/people`,
        json(ph, { subjectId: subject.body.id, consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true } }),
      )
      expect(linked.status, JSON.stringify(linked.body)).toBe(201)
      const submitted = await send(`${a.url}/v1/photos/${up.body.id}/submit`, json(ph))
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
      const published = await send(`${a.url}/v1/photos/${up.body.id}/publish`, json(cur))
      expect(published.status, JSON.stringify(published.body)).toBe(200)
      expect((await fetch(`${a.url}/v1/photos/${up.body.id}/media/thumb.jpeg`)).status).toBe(200)
      people.push({ photoId: up.body.id as string, subjectId: subject.body.id as string })
    }

    // All eight withdrawn at once; SIGKILL the moment the third is acknowledged (200).
    const acked = new Set<string>()
    let killed: Promise<void> | undefined
    await Promise.all(
      people.map(({ photoId, subjectId }) =>
        send(`${a.url}/v1/photos/${photoId}/people/${subjectId}/withdraw`, json(ph)).then(
          (r) => {
            if (r.status === 200) acked.add(photoId)
            if (acked.size >= 3) killed ??= kill(a)
          },
          () => undefined,
        ),
      ),
    )
    await (killed ?? kill(a))
    expect(acked.size).toBeGreaterThanOrEqual(3)

    // After restart: no acknowledged withdrawal is undone; anything else is either whole or not begun.
    const b = await start(env)
    const ph2 = await login(b.url, 'photographer@kill9.test', PASSWORD)
    for (const { photoId } of people) {
      const thumb = (await fetch(`${b.url}/v1/photos/${photoId}/media/thumb.jpeg`)).status
      if (acked.has(photoId)) expect([404, 410], photoId).toContain(thumb)
      else expect([200, 404, 410]).toContain(thumb)
    }
    // The unanswered ones, retried, take effect (or had already).
    for (const { photoId, subjectId } of people.filter((p) => !acked.has(p.photoId))) {
      const r = await send(`${b.url}/v1/photos/${photoId}/people/${subjectId}/withdraw`, json(ph2))
      expect([200, 409], JSON.stringify(r.body)).toContain(r.status)
    }
    for (const { photoId } of people) expect([404, 410]).toContain((await fetch(`${b.url}/v1/photos/${photoId}/media/thumb.jpeg`)).status)
    b.proc.kill('SIGTERM')
    expect((await b.exited).code).toBe(0)
    const statuses = await target.withDb(async (d) =>
      rowsOf<{ status: string }>(await d.db.execute(sql`select status from photos where id in ${people.map((p) => p.photoId)}`)).map((r) => r.status),
    )
    expect(statuses).toEqual(Array(8).fill('withdrawn'))
  }, 600_000)
})
