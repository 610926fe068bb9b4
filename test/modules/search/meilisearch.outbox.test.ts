/**
 * Issue 4, "Must show": with Meilisearch unreachable, updates wait in the outbox, are retried, and converge
 * once it is back; nothing is lost. Provable without a server: the whole app (real outbox, real worker,
 * search-core's document builder and sync jobs, the Meilisearch adapter) first points at a closed loopback
 * port, then a recording endpoint (test/support/meilisearch-recorder.ts) comes up on that very port.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { SEARCH_REMOVE_JOB, SEARCH_UPSERT_JOB } from '../../../api/src/modules/search/index.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { closedPort, MeilisearchRecorder } from '../../support/meilisearch-recorder.ts'
import { client, person, publishedPhoto, type Call, type Person, type Staff } from '../erasure/erasure-support.ts'

const KINDS = [SEARCH_UPSERT_JOB, SEARCH_REMOVE_JOB]
let t: TestApp
let port: number
let call: Call
let staff: Staff
let noor: Person
let roos: Person
const photos: Record<'alone' | 'shared' | 'other', string> = { alone: '', shared: '', other: '' }
let rec: MeilisearchRecorder | undefined

interface JobRow {
  id: number
  kind: string
  status: string
  attempts: number
  due: boolean
  last_error: string | null
  photo_id: string
}
async function searchJobs(): Promise<JobRow[]> {
  return rowsOf<JobRow>(
    await t.rt.database.db.execute(sql`select id, kind, status, attempts, run_at <= now() as due, last_error, payload->>'photoId' as photo_id
      from jobs where kind = any(${`{${KINDS.join(',')}}`}::text[]) order by id`),
  )
}
/** The backoff has run out: every waiting search job is due now (instead of sleeping through 2 s, 4 s, …). */
async function backoffElapsed() {
  await t.rt.database.db.execute(sql`update jobs set run_at = now() where status = 'pending' and kind = any(${`{${KINDS.join(',')}}`}::text[])`)
  t.rt.worker.nudge()
}
async function settled() {
  await expect
    .poll(async () => (await searchJobs()).filter((j) => j.status === 'pending' || j.status === 'running').length, { timeout: 30_000, interval: 50 })
    .toBe(0)
}
/** What the database says the index must hold: search-core's builder, through the gate, as the adapter stores it. */
async function expected(): Promise<Record<string, unknown>[]> {
  const ids = Object.values(photos)
  const built = await t.rt.searchDocuments.build(ids)
  return [...built.values()]
    .filter((d) => d !== null)
    .map((d) => ({ ...d!, publishedAt: Date.parse(d!.publishedAt) }))
    .sort((a, b) => a.id.localeCompare(b.id))
}

beforeAll(async () => {
  port = await closedPort()
  t = await startTestApp({ MEILISEARCH_URL: `http://127.0.0.1:${port}`, MEILISEARCH_KEY: 'outbox-test-key' })
  call = client(t.url)
  staff = { photographer: (await t.user('photographer')).token, curator: (await t.user('curator')).token, admin: (await t.user('admin')).token }
  noor = await person(call, staff, 'Noor')
  roos = await person(call, staff, 'Roos')
})
afterAll(async () => {
  await rec?.close()
  await t?.close()
})

describe('Meilisearch through the outbox', () => {
  it('runs on the Meilisearch engine when MEILISEARCH_URL is set', () => {
    expect(t.rt.searchEngine.name).toBe('meilisearch')
  })

  it('with Meilisearch unreachable, keeps every update pending in the outbox, retried with backoff', async () => {
    photos.alone = (await publishedPhoto(t.url, call, staff, [noor])).id
    photos.shared = (await publishedPhoto(t.url, call, staff, [noor, roos])).id
    photos.other = (await publishedPhoto(t.url, call, staff, [roos])).id
    // Roos withdraws from the shared photo: it must leave the index, once there is one.
    expect((await call('POST', `/v1/photos/${photos.shared}/people/${roos.subjectId}/withdraw`, staff.photographer)).status).toBe(200)

    await expect.poll(async () => (await searchJobs()).filter((j) => j.attempts === 0).length, { timeout: 30_000, interval: 50 }).toBe(0)
    // A second round of failures: still pending, never dead, never done.
    await backoffElapsed()
    // Every job failed twice and waits out its backoff: pending (never done, never dead), not yet due.
    let jobs: JobRow[] = []
    await expect
      .poll(async () => (jobs = await searchJobs()).every((j) => j.status === 'pending' && !j.due && j.attempts >= 2), { timeout: 30_000, interval: 20 })
      .toBe(true)
    expect(new Set(jobs.map((j) => j.photo_id))).toEqual(new Set(Object.values(photos)))
    for (const j of jobs) {
      expect(j.last_error).toMatch(/MeilisearchRequestError|has failed/)
      // Errors name no key and no document.
      expect(j.last_error).not.toContain('outbox-test-key')
    }
  })

  it('converges once Meilisearch is back: every upsert and removal arrives, exactly as the database says', async () => {
    rec = await new MeilisearchRecorder().listen(port)
    await backoffElapsed()
    await settled()
    expect((await searchJobs()).filter((j) => j.status !== 'done')).toEqual([])

    const want = await expected()
    expect(want.map((d) => d.id).sort()).toEqual([photos.alone, photos.other].sort())
    expect(rec.docs('photos')).toEqual(want)
    // The withdrawn photo's removal reached the server, and the key went with every request.
    const deleted = rec
      .writes()
      .filter((a) => a.path === '/indexes/photos/documents/delete-batch')
      .flatMap((a) => a.body as string[])
    expect(deleted).toContain(photos.shared)
    expect(rec.arrivals.every((a) => a.auth === 'Bearer outbox-test-key')).toBe(true)
    // The index was made with its settings before the first document.
    const first = rec.writes().findIndex((a) => a.path === '/indexes/photos/documents')
    expect(rec.writes().findIndex((a) => a.path === '/indexes/photos/settings')).toBeLessThan(first)
  })

  it('keeps a job pending when Meilisearch reports its task failed, and converges on the retry', async () => {
    const r = rec!
    r.failNext('documentAdditionOrUpdate', 'internal')
    const res = await call('PATCH', `/v1/photos/${photos.alone}`, staff.curator, { captionNl: 'Noor bij de naaimachine' })
    expect(res.status).toBe(200)
    await expect
      .poll(async () => (await searchJobs()).filter((j) => j.status === 'pending' && j.attempts >= 1 && /failed/.test(j.last_error ?? '')).length, {
        timeout: 30_000,
        interval: 50,
      })
      .toBe(1)
    // Not applied: the recorded task failed, so the old caption is still there.
    expect(r.docs('photos').find((d) => d.id === photos.alone)!.captionNl).not.toBe('Noor bij de naaimachine')
    expect([...r.tasks.values()].some((x) => x.status === 'failed' && x.type === 'documentAdditionOrUpdate')).toBe(true)

    await backoffElapsed()
    await settled()
    expect(r.docs('photos').find((d) => d.id === photos.alone)!.captionNl).toBe('Noor bij de naaimachine')
    expect(r.docs('photos')).toEqual(await expected())
    expect((await searchJobs()).filter((j) => j.status === 'dead')).toEqual([])
  })

  it('reindex (npm run cli -- search reindex) rebuilds from the database into a new index and swaps it in', async () => {
    const r = rec!
    const before = r.writes().length
    const { count } = await t.rt.searchEngine.reindex(t.rt.searchDocuments.all())
    expect(count).toBe(2)
    const steps = r
      .writes()
      .slice(before)
      .map((a) => `${a.method} ${a.path.replace(/photos_\d+/, 'photos_<ts>')}`)
    expect(steps[0]).toBe('POST /indexes')
    expect(steps).toContain('POST /swap-indexes')
    expect(steps.at(-1)).toBe('DELETE /indexes/photos_<ts>')
    expect([...r.indexes.keys()]).toEqual(['photos'])
    expect(r.docs('photos')).toEqual(await expected())
  })
})
