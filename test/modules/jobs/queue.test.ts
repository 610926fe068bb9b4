import { sql } from 'drizzle-orm'
import pino from 'pino'
import type { FastifyBaseLogger } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { backoffMs, JobQueue, PermanentJobError, Worker } from '../../../api/src/modules/jobs/index.ts'
import { createTestDatabase } from '../../support/db.ts'

const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger
let d: Database
let queue: JobQueue

beforeAll(async () => {
  d = await createTestDatabase()
  queue = new JobQueue(d.db)
})
afterAll(() => d.close())
beforeEach(() => d.db.execute(sql`delete from jobs`))

async function job(id: number) {
  return rowsOf<{ status: string; attempts: number; run_at: Date; locked_by: string | null; last_error: string | null }>(
    await d.db.execute(sql`select status, attempts, run_at, locked_by, last_error from jobs where id = ${id}`),
  )[0]!
}

describe('the outbox queue', () => {
  it('commits a job with the transaction that enqueued it, and not when that transaction rolls back', async () => {
    await d.db.transaction(async (tx) => {
      await queue.enqueue(tx, 'test.kept', { n: 1 })
    })
    await d.db
      .transaction(async (tx) => {
        await queue.enqueue(tx, 'test.lost', { n: 2 })
        throw new Error('roll back')
      })
      .catch(() => {})
    const kinds = rowsOf<{ kind: string }>(await d.db.execute(sql`select kind from jobs`)).map((r) => r.kind)
    expect(kinds).toEqual(['test.kept'])
  })

  it('keeps at most one unfinished job per dedupe key', async () => {
    const a = await queue.enqueue(d.db, 'k', {}, { dedupeKey: 'photo:1' })
    const b = await queue.enqueue(d.db, 'k', {}, { dedupeKey: 'photo:1' })
    expect(a).toBeTypeOf('number')
    expect(b).toBeNull()
    const [claimed] = await queue.claim('w1', 1, 30)
    await queue.complete(claimed!.id, 'w1')
    // Once the first is done, the same key may be queued again.
    expect(await queue.enqueue(d.db, 'k', {}, { dedupeKey: 'photo:1' })).toBeTypeOf('number')
  })

  it('with once, never queues a key again, not even after its job finished or died', async () => {
    const first = await queue.enqueue(d.db, 'tick', {}, { dedupeKey: 'tick:10:00', once: true })
    expect(first).toBeTypeOf('number')
    expect(await queue.enqueue(d.db, 'tick', {}, { dedupeKey: 'tick:10:00', once: true })).toBeNull()
    const [claimed] = await queue.claim('w1', 1, 30)
    await queue.complete(claimed!.id, 'w1')
    expect(await queue.enqueue(d.db, 'tick', {}, { dedupeKey: 'tick:10:00', once: true })).toBeNull()
    // A different key (the next period) is queued as usual.
    expect(await queue.enqueue(d.db, 'tick', {}, { dedupeKey: 'tick:11:00', once: true })).toBeTypeOf('number')
    const rows = rowsOf<{ dedupe_key: string; status: string }>(await d.db.execute(sql`select dedupe_key, status from jobs order by id`))
    expect(rows).toEqual([
      { dedupe_key: 'tick:10:00', status: 'done' },
      { dedupe_key: 'tick:11:00', status: 'pending' },
    ])
    await expect(queue.enqueue(d.db, 'tick', {}, { once: true })).rejects.toThrow(/once needs a dedupeKey/)
  })

  it('never gives one job to two workers (claims skip locked rows)', async () => {
    for (let i = 0; i < 10; i++) await queue.enqueue(d.db, 'k', { i })
    const [a, b] = await Promise.all([queue.claim('w1', 6, 30), queue.claim('w2', 6, 30)])
    const ids = [...a, ...b].map((j) => j.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.length).toBe(10)
    expect(await queue.claim('w3', 5, 30)).toEqual([])
  })

  it('does not claim a job before its time', async () => {
    await queue.enqueue(d.db, 'k', {}, { runAt: new Date(Date.now() + 60_000) })
    expect(await queue.claim('w1', 5, 30)).toEqual([])
  })

  it('retries a failed job later, with growing backoff, and gives up after maxAttempts', async () => {
    const id = (await queue.enqueue(d.db, 'k', {}, { maxAttempts: 2 }))!
    const [first] = await queue.claim('w1', 1, 30)
    expect(await queue.fail(first!, 'w1', 'Error: boom', false)).toBe('retry')
    const after = await job(id)
    expect(after.status).toBe('pending')
    expect(after.last_error).toBe('Error: boom')
    expect(new Date(after.run_at).getTime()).toBeGreaterThan(Date.now() + 1000)
    await d.db.execute(sql`update jobs set run_at = now() where id = ${id}`)
    const [second] = await queue.claim('w1', 1, 30)
    expect(second!.attempts).toBe(2)
    expect(await queue.fail(second!, 'w1', 'Error: boom', false)).toBe('dead')
    expect((await job(id)).status).toBe('dead')
  })

  it('backs off exponentially with jitter, capped', () => {
    const mid = () => 0.5
    expect(backoffMs(1, { baseMs: 1000, maxMs: 60_000 }, mid)).toBe(1000)
    expect(backoffMs(4, { baseMs: 1000, maxMs: 60_000 }, mid)).toBe(8000)
    expect(backoffMs(30, { baseMs: 1000, maxMs: 60_000 }, mid)).toBe(60_000)
    expect(backoffMs(1, { baseMs: 1000, maxMs: 60_000 }, () => 0)).toBe(800)
  })

  it('takes up a job again when its worker died (lease ran out), and not before', async () => {
    const id = (await queue.enqueue(d.db, 'k', {}))!
    await queue.claim('dead-worker', 1, 1)
    expect(await queue.claim('w2', 1, 30)).toEqual([])
    await d.db.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`)
    const [again] = await queue.claim('w2', 1, 30)
    expect(again!.id).toBe(id)
    expect(again!.attempts).toBe(2)
    // The dead worker's late completion no longer counts.
    expect(await queue.complete(id, 'dead-worker')).toBe(false)
    expect(await queue.complete(id, 'w2')).toBe(true)
  })

  it('releases every running job at start (embedded database, one process)', async () => {
    const id = (await queue.enqueue(d.db, 'k', {}))!
    await queue.claim('crashed', 1, 3600)
    expect(await queue.releaseAllRunning()).toBe(1)
    expect((await job(id)).status).toBe('pending')
  })
})

describe('the worker', () => {
  it('runs due jobs, retries a throwing handler, and marks permanent failures dead', async () => {
    const worker = new Worker(queue, log, { pollMs: 20, leaseSeconds: 5 })
    const seen: number[] = []
    let flaky = 0
    worker
      .register('ok', async (j) => void seen.push(j.payload.n as number))
      .register(
        'flaky',
        async () => {
          if (++flaky < 2) throw new Error('transient')
        },
        { baseMs: 10, maxMs: 10 },
      )
      .register('broken', async () => {
        throw new PermanentJobError('bad input')
      })
    const ok = (await queue.enqueue(d.db, 'ok', { n: 7 }))!
    const fl = (await queue.enqueue(d.db, 'flaky', {}))!
    const br = (await queue.enqueue(d.db, 'broken', {}))!
    worker.start()
    await expect.poll(async () => (await job(fl)).status, { timeout: 5000 }).toBe('done')
    await worker.stop()
    expect(seen).toEqual([7])
    expect((await job(ok)).status).toBe('done')
    expect((await job(fl)).attempts).toBe(2)
    expect((await job(br)).status).toBe('dead')
    expect((await job(br)).last_error).toContain('bad input')
  })

  it("keeps a long job's lease alive with a heartbeat, so no other worker takes it", async () => {
    const worker = new Worker(queue, log, { pollMs: 20, leaseSeconds: 1 })
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    worker.register('slow', () => gate)
    const id = (await queue.enqueue(d.db, 'slow', {}))!
    worker.start()
    await expect.poll(async () => (await job(id)).status).toBe('running')
    await new Promise((r) => setTimeout(r, 2200))
    expect(await queue.claim('other', 1, 30)).toEqual([])
    release()
    await expect.poll(async () => (await job(id)).status).toBe('done')
    await worker.stop()
  })

  it('runs a lane beside another: a notice is delivered while a slow render holds the media lane', async () => {
    const worker = new Worker(queue, log, { pollMs: 20, leaseSeconds: 5 })
    let release!: () => void
    const rendering = new Promise<void>((r) => (release = r))
    const order: string[] = []
    worker
      .register(
        'render',
        async (j) => {
          order.push(`render ${j.payload.n} start`)
          if (j.payload.n === 1) await rendering
          order.push(`render ${j.payload.n} end`)
        },
        undefined,
        'media',
      )
      .register('notice', async () => void order.push('notice'))
    const r1 = (await queue.enqueue(d.db, 'render', { n: 1 }))!
    const r2 = (await queue.enqueue(d.db, 'render', { n: 2 }))!
    worker.start()
    await expect.poll(async () => (await job(r1)).status).toBe('running')
    const notice = (await queue.enqueue(d.db, 'notice', {}))!
    worker.nudge()
    // The notice runs while the first render still holds the media lane; the second render waits its turn.
    await expect.poll(async () => (await job(notice)).status).toBe('done')
    expect((await job(r1)).status).toBe('running')
    expect((await job(r2)).status).toBe('pending')
    release()
    await expect.poll(async () => (await job(r2)).status).toBe('done')
    await worker.stop()
    expect(order).toEqual(['render 1 start', 'notice', 'render 1 end', 'render 2 start', 'render 2 end'])
  })
})
