/**
 * Idempotency-Key on uploads (issue 18): a retry returns the first 201 and stores nothing twice; the same
 * key with another file or other fields is 422; a bad key is 400 before anything is read or stored; keys
 * are per caller; a repeat while the first is in flight is 409 with Retry-After; a failure after the
 * photo's row committed (a real database fault) leaves nothing stored, and the retry succeeds.
 */
import crypto from 'node:crypto'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { EXPIRY_SWEEP_JOB } from '../../../api/src/modules/consent/consent.expiry.ts'
import { files, startTestApp, type TestApp } from '../../support/app.ts'
import { randomJpeg } from '../../support/factories.ts'

let t: TestApp
let photographer: Awaited<ReturnType<TestApp['user']>>
let other: Awaited<ReturnType<TestApp['user']>>

beforeAll(async () => {
  t = await startTestApp()
  ;[photographer, other] = await Promise.all([t.user('photographer', 'Sam V.'), t.user('photographer', 'Kim B.')])
}, 60_000)
afterAll(() => t?.close())

async function post(bytes: Buffer, key: string | undefined, fields: Record<string, string> = {}, token = photographer.token) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'p.jpg')
  const res = await fetch(`${t.url}/v1/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    body: form,
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as Record<string, any> }
}

const count = async (table: 'photos' | 'idempotency_keys' | 'derivatives') =>
  rowsOf<{ n: number }>(
    await t.rt.database.db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} ${table === 'derivatives' ? sql`where format <> 'avif'` : sql``}`,
    ),
  )[0]!.n
// AVIF is made in the background (a job of an earlier upload may land at any time): counted apart.
const blobCount = () =>
  files(path.join(t.dataDir, 'blobs', 'originals')).length + files(path.join(t.dataDir, 'blobs', 'derivatives')).filter((f) => !f.endsWith('.avif')).length
const tempFiles = () => [...files(path.join(t.dataDir, 'tmp')), ...files(path.join(t.dataDir, 'blobs', '.tmp'))]
/** A background AVIF write may be under way (its .part renamed in a moment); a leaked file stays. */
const noTempFiles = () => expect.poll(tempFiles, { timeout: 30_000, interval: 100 }).toEqual([])

describe('an upload with an Idempotency-Key', () => {
  it('repeated with the same key and file answers the first 201 again (Idempotent-Replayed) and stores one photo', async () => {
    const bytes = await randomJpeg()
    const key = crypto.randomUUID()
    const photosBefore = await count('photos')
    const first = await post(bytes, key, { captionNl: 'Een portret' })
    expect(first.status, first.text).toBe(201)
    expect(first.headers.get('idempotent-replayed')).toBeNull()
    const blobs = blobCount()

    const again = await post(bytes, key, { captionNl: 'Een portret' })
    expect(again.status, again.text).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.headers.get('location')).toBe(`/v1/photos/${first.body.id}`)
    expect(again.body.id).toBe(first.body.id)
    // The stored first response, whole.
    expect(again.body).toEqual(first.body)
    expect(await count('photos')).toBe(photosBefore + 1)
    expect(blobCount()).toBe(blobs)
    await noTempFiles()

    // Without a key the same file is the duplicate it is (409), as before.
    const plain = await post(bytes, undefined, { captionNl: 'Een portret' })
    expect(plain.status).toBe(409)
    expect(plain.body.type).toBe('/problems/duplicate-photo')
  })

  it('with another file or other fields under the same key is 422 idempotency-key-reused and stores nothing', async () => {
    const key = crypto.randomUUID()
    const bytes = await randomJpeg()
    expect((await post(bytes, key, { captionNl: 'Eerste' })).status).toBe(201)
    const photos = await count('photos')
    const blobs = blobCount()
    for (const attempt of [await post(await randomJpeg(), key, { captionNl: 'Eerste' }), await post(bytes, key, { captionNl: 'Tweede' })]) {
      expect(attempt.status, attempt.text).toBe(422)
      expect(attempt.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(attempt.body.type).toBe('/problems/idempotency-key-reused')
    }
    expect(await count('photos')).toBe(photos)
    expect(blobCount()).toBe(blobs)
    await noTempFiles()
  })

  it('is per caller: another photographer with the same key gets their own upload, never the first one', async () => {
    const key = crypto.randomUUID()
    const bytes = await randomJpeg()
    const mine = await post(bytes, key)
    const theirs = await post(bytes, key, {}, other.token)
    expect(mine.status).toBe(201)
    expect(theirs.status, theirs.text).toBe(201)
    expect(theirs.headers.get('idempotent-replayed')).toBeNull()
    expect(theirs.body.id).not.toBe(mine.body.id)
  })

  it('refuses an empty, too long or non-printable key with 400 idempotency-key-invalid, storing nothing', async () => {
    const photos = await count('photos')
    const keys = await count('idempotency_keys')
    for (const bad of ['', '   ', 'x'.repeat(256), 'tab\there', 'é-non-ascii']) {
      const r = await post(await randomJpeg(), bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
      expect(r.body.type).toBe('/problems/idempotency-key-invalid')
    }
    // 255 characters is the longest accepted; a structured-field string is taken without its quotes.
    expect((await post(await randomJpeg(), 'k'.repeat(255))).status).toBe(201)
    const quoted = await randomJpeg()
    const q = await post(quoted, '"quoted-key-1"')
    expect(q.status).toBe(201)
    expect((await post(quoted, 'quoted-key-1')).headers.get('idempotent-replayed')).toBe('true')
    expect(await count('photos')).toBe(photos + 2)
    expect(await count('idempotency_keys')).toBe(keys + 2)
    await noTempFiles()
  })

  it('while the first request is still in flight answers 409 idempotency-key-in-use with Retry-After', async () => {
    // The first request's claim, as it stands while it runs: held, with a lease.
    const key = crypto.randomUUID()
    const bytes = await randomJpeg()
    const first = await post(bytes, key)
    expect(first.status).toBe(201)
    await t.rt.database.db.execute(sql`update idempotency_keys set state = 'running', locked_until = now() + interval '30 seconds', status = null, body = null
      where caller = ${`user:${photographer.id}`} and key_hash = ${crypto.createHash('sha256').update(key).digest('hex')}`)
    const photos = await count('photos')
    const r = await post(bytes, key)
    expect(r.status, r.text).toBe(409)
    expect(r.body.type).toBe('/problems/idempotency-key-in-use')
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await count('photos')).toBe(photos)
    await noTempFiles()

    // Its holder gone (the lease ran out after a crash) with the photo committed: the retry gets that photo's 201.
    await t.rt.database.db.execute(sql`update idempotency_keys set locked_until = now() - interval '1 second'
      where caller = ${`user:${photographer.id}`} and key_hash = ${crypto.createHash('sha256').update(key).digest('hex')}`)
    const resumed = await post(bytes, key)
    expect(resumed.status, resumed.text).toBe(201)
    expect(resumed.headers.get('idempotent-replayed')).toBe('true')
    expect(resumed.body.id).toBe(first.body.id)
    expect(resumed.body.privacyReport).toEqual(first.body.privacyReport)
    expect(await count('photos')).toBe(photos)
  })

  it('expired keys are swept, and the key is then free again', async () => {
    const key = crypto.randomUUID()
    expect((await post(await randomJpeg(), key)).status).toBe(201)
    await t.rt.database.db.execute(
      sql`update idempotency_keys set expires_at = now() - interval '1 second' where key_hash = ${crypto.createHash('sha256').update(key).digest('hex')}`,
    )
    expect(await t.rt.idempotency.sweep()).toBeGreaterThanOrEqual(1)
    const fresh = await post(await randomJpeg(), key)
    expect(fresh.status).toBe(201)
    expect(fresh.headers.get('idempotent-replayed')).toBeNull()
  })
})

describe('an upload that fails after its photo row committed', () => {
  it('leaves no rows, blobs or temp files, releases the key (5xx is not kept), and the retry with the same key succeeds', async () => {
    const db = t.rt.database.db
    // A real database fault after the insert: the derivative rows are refused (the photo row and the
    // original blob are already committed; the derivative blobs are already written).
    await db.execute(sql`create or replace function eb_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$`)
    await db.execute(sql`create trigger eb_test_refuse before insert on derivatives for each statement execute function eb_test_refuse()`)
    const photos = await count('photos')
    const derivatives = await count('derivatives')
    const blobs = blobCount()
    // Not the expiry sweep: the clock schedules it (each run enqueues the next), not the upload.
    const jobs = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from jobs where kind <> ${EXPIRY_SWEEP_JOB}`))[0]!.n
    const key = crypto.randomUUID()
    const bytes = await randomJpeg()
    try {
      const failed = await post(bytes, key)
      expect(failed.status, failed.text).toBe(500)
      expect(failed.body.type).toBe('/problems/internal-error')
      expect(await count('photos')).toBe(photos)
      expect(await count('derivatives')).toBe(derivatives)
      expect(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from jobs where kind <> ${EXPIRY_SWEEP_JOB}`))[0]!.n).toBe(jobs)
      expect(blobCount()).toBe(blobs)
      await noTempFiles()
      // The key is not held: absent, or (naming the undone photo) free to take over at once.
      const held = rowsOf(
        await db.execute(
          sql`select 1 from idempotency_keys where key_hash = ${crypto.createHash('sha256').update(key).digest('hex')} and (state = 'done' or locked_until > now())`,
        ),
      )
      expect(held).toEqual([])
    } finally {
      await db.execute(sql`drop trigger eb_test_refuse on derivatives`)
      await db.execute(sql`drop function eb_test_refuse()`)
    }
    const retry = await post(bytes, key)
    expect(retry.status, retry.text).toBe(201)
    expect(retry.headers.get('idempotent-replayed')).toBeNull()
    expect(await count('photos')).toBe(photos + 1)
    expect(blobCount()).toBeGreaterThan(blobs)
    // Without a key the same holds: a client told 500 can retry and is not refused as a duplicate.
    await db.execute(sql`create or replace function eb_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'injected fault'; end $$`)
    await db.execute(sql`create trigger eb_test_refuse before insert on derivatives for each statement execute function eb_test_refuse()`)
    const other = await randomJpeg()
    try {
      expect((await post(other, undefined)).status).toBe(500)
    } finally {
      await db.execute(sql`drop trigger eb_test_refuse on derivatives`)
      await db.execute(sql`drop function eb_test_refuse()`)
    }
    expect((await post(other, undefined)).status).toBe(201)
  })
})
