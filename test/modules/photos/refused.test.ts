import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { EXPIRY_SWEEP_JOB } from '../../../api/src/modules/consent/consent.expiry.ts'
import { files, startTestApp, upload, type TestApp } from '../../support/app.ts'

const fx = inject('fixtures')
const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(fx['plain.jpg']!), 'manifest.json'), 'utf8')) as {
  cases: Record<string, { kind: string; expect: string }>
}
const STATUS: Record<string, number> = {
  'unsupported-image-format': 415,
  'svg-not-allowed': 415,
  'animated-image': 415,
  'heic-not-supported': 415,
  'pdf-not-allowed': 415,
  'html-not-allowed': 415,
  'empty-file': 400,
  'corrupt-image': 422,
  'too-many-pixels': 413,
}

let t: TestApp
let token: string

/** Everything an upload could leave behind: rows, blobs, temp files. The expiry sweep is left out: it is
 * scheduled by the clock (each run enqueues the next), not by an upload, and can land during any test. */
async function traces() {
  const [r] = rowsOf<{ photos: number; jobs: number; derivatives: number }>(
    await t.rt.database.db.execute(
      sql`select (select count(*)::int from photos) as photos, (select count(*)::int from jobs where kind <> ${EXPIRY_SWEEP_JOB}) as jobs, (select count(*)::int from derivatives) as derivatives`,
    ),
  )
  return { ...r!, blobs: files(path.join(t.dataDir, 'blobs')).length, tmp: files(path.join(t.dataDir, 'tmp')).length }
}

beforeAll(async () => {
  t = await startTestApp()
  token = (await t.user('photographer')).token
})
afterAll(() => t?.close())

async function expectRefusedCleanly(send: () => Promise<Response>, status: number, type: string) {
  const before = await traces()
  const res = await send()
  const body = (await res.json()) as Record<string, unknown>
  expect({ status: res.status, type: body.type }).toEqual({ status, type: `/problems/${type}` })
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(body.title).toBeTruthy()
  expect(await traces()).toEqual({ ...before, tmp: 0 })
  expect((await fetch(`${t.url}/healthz`)).status).toBe(200)
  return body
}

describe('refused files: each gets its own problem, and nothing is stored', () => {
  const refused = Object.entries(manifest.cases).filter(([, c]) => c.kind === 'refused')
  it('has a refused case for every problem type', () => {
    expect(new Set(refused.map(([, c]) => c.expect))).toEqual(new Set(Object.keys(STATUS)))
  })
  for (const [name, c] of refused) {
    it(`${name} → ${STATUS[c.expect]} ${c.expect}`, async () => {
      // Sent with a plausible name and type: only the bytes decide.
      const body = await expectRefusedCleanly(
        () =>
          upload(t, token, { name: 'photo.jpg', bytes: fs.readFileSync(fx[name]!), type: 'image/jpeg' }).then(
            ({ res, body }) => new Response(JSON.stringify(body), { status: res.status, headers: res.headers }),
          ),
        STATUS[c.expect]!,
        c.expect,
      )
      if (c.expect === 'heic-not-supported') expect(String(body.detail)).toMatch(/JPEG/)
    })
  }
})

describe('malformed requests', () => {
  const post = (init: RequestInit & { auth?: string | null }) =>
    fetch(`${t.url}/v1/photos`, {
      method: 'POST',
      ...init,
      headers: { ...(init.auth === null ? {} : { authorization: `Bearer ${init.auth ?? token}` }), ...(init.headers as Record<string, string>) },
    })
  const form = (build: (f: FormData) => void) => {
    const f = new FormData()
    build(f)
    return f
  }
  const jpeg = () => new Blob([fs.readFileSync(fx['plain.jpg']!)], { type: 'image/jpeg' })

  it('no file at all → 400 file-missing', () => expectRefusedCleanly(() => post({ body: form((f) => f.append('captionNl', 'x')) }), 400, 'file-missing'))
  it('the file in another field → 400', () => expectRefusedCleanly(() => post({ body: form((f) => f.append('photo', jpeg(), 'a.jpg')) }), 400, 'bad-request'))
  it('two files → 400', () =>
    expectRefusedCleanly(() => post({ body: form((f) => (f.append('file', jpeg(), 'a.jpg'), f.append('file', jpeg(), 'b.jpg'))) }), 400, 'bad-request'))
  it('an unknown field → 400 validation-failed', () =>
    expectRefusedCleanly(() => post({ body: form((f) => (f.append('status', 'published'), f.append('file', jpeg(), 'a.jpg'))) }), 400, 'validation-failed'))
  it('a caption over the limit → 400', () =>
    expectRefusedCleanly(
      () => post({ body: form((f) => (f.append('file', jpeg(), 'a.jpg'), f.append('captionNl', 'x'.repeat(2001)))) }),
      400,
      'validation-failed',
    ))
  it('a capture date finer than a month → 400', () =>
    expectRefusedCleanly(
      () => post({ body: form((f) => (f.append('capturedMonth', '2025-06-14'), f.append('file', jpeg(), 'a.jpg'))) }),
      400,
      'validation-failed',
    ))
  it('a field sent twice → 400', () =>
    expectRefusedCleanly(
      () => post({ body: form((f) => (f.append('series', 'a'), f.append('series', 'b'), f.append('file', jpeg(), 'a.jpg'))) }),
      400,
      'bad-request',
    ))
  it('a JSON body instead of multipart → 415', () =>
    expectRefusedCleanly(() => post({ body: JSON.stringify({ file: 'x' }), headers: { 'content-type': 'application/json' } }), 415, 'unsupported-media-type'))
  it('a multipart body cut off in the middle → 4xx, nothing stored', async () => {
    const boundary = 'xyz123'
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
    const body = Buffer.concat([Buffer.from(head), fs.readFileSync(fx['plain.jpg']!).subarray(0, 5000)])
    const before = await traces()
    const res = await post({ body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(await traces()).toEqual({ ...before, tmp: 0 })
  })
  it('anonymous → 401, and a curator may not upload → 403', async () => {
    await expectRefusedCleanly(() => post({ body: form((f) => f.append('file', jpeg(), 'a.jpg')), auth: null }), 401, 'unauthenticated')
    const curator = await t.user('curator')
    await expectRefusedCleanly(() => post({ body: form((f) => f.append('file', jpeg(), 'a.jpg')), auth: curator.token }), 403, 'forbidden')
  })
  it("never stores the upload's filename, even a hostile one", async () => {
    const name = '../../etc/passwd<script>alert(1)</script>.jpg'
    const { res } = await upload(t, token, { name, bytes: fs.readFileSync(fx['plain.png']!), type: 'image/png' })
    expect(res.status).toBe(201)
    const dump = JSON.stringify(rowsOf(await t.rt.database.db.execute(sql`select * from photos`)))
    expect(dump).not.toMatch(/passwd|script|plain\.png/)
    expect(files(t.dataDir).join('\n')).not.toMatch(/passwd|script|plain/)
  })
})

describe('duplicates', () => {
  it('tells the same photographer 409 with the existing id, and tells nobody else anything', async () => {
    const bytes = fs.readFileSync(fx['plain.webp']!)
    const first = await upload(t, token, { name: 'a.webp', bytes })
    expect(first.res.status).toBe(201)
    // The first upload's AVIF is made in the background: wait for it, so the refusal's "nothing stored" counts only the refusal.
    await expect
      .poll(async () => rowsOf(await t.rt.database.db.execute(sql`select 1 from derivatives where photo_id = ${first.body.id} and format = 'avif'`)).length, {
        timeout: 60_000,
      })
      .toBeGreaterThan(0)
    const again = await expectRefusedCleanly(
      () =>
        upload(t, token, { name: 'b.webp', bytes }).then(({ res, body }) => new Response(JSON.stringify(body), { status: res.status, headers: res.headers })),
      409,
      'duplicate-photo',
    )
    expect(again.photoId).toBe(first.body.id)
    const other = await t.user('photographer')
    const theirs = await upload(t, other.token, { name: 'a.webp', bytes })
    expect(theirs.res.status).toBe(201)
    expect(theirs.body.id).not.toBe(first.body.id)
  })
})

describe('limits', () => {
  it('refuses a file over the size cap with 413 before buffering it, and keeps nothing', async () => {
    const small = await startTestApp({ MAX_UPLOAD_BYTES: String(256 * 1024) })
    try {
      const tk = (await small.user('photographer')).token
      const big = crypto.randomBytes(3 * 1024 * 1024)
      const rss = process.memoryUsage().rss
      const { res, body } = await upload(small, tk, { name: 'big.jpg', bytes: big, type: 'image/jpeg' })
      expect(res.status).toBe(413)
      expect(body.type).toBe('/problems/file-too-large')
      expect(files(path.join(small.dataDir, 'tmp'))).toEqual([])
      expect(files(path.join(small.dataDir, 'blobs'))).toEqual([])
      expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024)
      expect((await fetch(`${small.url}/healthz`)).status).toBe(200)
    } finally {
      await small.close()
    }
  })

  it('applies a configured pixel cap', async () => {
    const capped = await startTestApp({ MAX_PIXELS: '500000' })
    try {
      const tk = (await capped.user('photographer')).token
      const { res, body } = await upload(capped, tk, fx['plain.jpg']!)
      expect(res.status).toBe(413)
      expect(body).toMatchObject({ type: '/problems/too-many-pixels', detail: expect.stringContaining('megapixels') })
    } finally {
      await capped.close()
    }
  })
})
