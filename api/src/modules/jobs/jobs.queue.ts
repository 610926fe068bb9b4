import { sql } from 'drizzle-orm'
import { rowsOf, type Db, type DbOrTx } from '../../db/client.ts'

export interface EnqueueOptions {
  /** At most one unfinished job per key; a second enqueue with the same key does nothing. */
  dedupeKey?: string
  /**
   * With dedupeKey: also do nothing when a job with this key ever existed, finished or dead. For schedules,
   * whose key names a period: one run per period, however many replicas start or restart in it.
   */
  once?: boolean
  runAt?: Date
  maxAttempts?: number
  /** Insert the job already claimed by this worker (the caller runs it right after the commit). */
  claimFor?: { workerId: string; leaseSeconds: number }
}

export interface ClaimedJob {
  id: number
  kind: string
  payload: Record<string, unknown>
  attempts: number
  maxAttempts: number
}

/** Thrown by a handler when retrying cannot help (the photo is gone, the input is invalid). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PermanentJobError'
  }
}

export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 60 * 60_000 }

/** Exponential backoff with ±20 % jitter, so many failed jobs don't retry in lockstep. */
export function backoffMs(attempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(raw * (0.8 + 0.4 * random()))
}

/**
 * The outbox's data access. `enqueue` takes the caller's transaction, so follow-up work commits together
 * with the state change that causes it (DESIGN.md promise 5).
 */
export class JobQueue {
  constructor(private readonly db: Db) {}

  async enqueue(tx: DbOrTx, kind: string, payload: Record<string, unknown>, opts: EnqueueOptions = {}): Promise<number | null> {
    const claim = opts.claimFor
    if (opts.once && !opts.dedupeKey) throw new Error('enqueue: once needs a dedupeKey')
    // Finished jobs are not in the partial unique index, so "ever existed" is a plain lookup (a scan of
    // the jobs table: fine for a schedule that asks once per period and replica).
    const everExisted = opts.once ? sql`where not exists (select 1 from jobs where dedupe_key = ${opts.dedupeKey!})` : sql``
    const rows = rowsOf<{ id: number }>(
      await tx.execute(sql`
        insert into jobs (kind, payload, dedupe_key, run_at, max_attempts, status, attempts, locked_by, locked_until)
        select ${kind}::text, ${JSON.stringify(payload)}::jsonb, ${opts.dedupeKey ?? null}::text, ${(opts.runAt ?? new Date()).toISOString()}::timestamptz,
               ${opts.maxAttempts ?? 10}::int, ${claim ? 'running' : 'pending'}::text, ${claim ? 1 : 0}::int, ${claim?.workerId ?? null}::text,
               ${claim ? sql`now() + make_interval(secs => ${claim.leaseSeconds})` : sql`null::timestamptz`}
        ${everExisted}
        on conflict (dedupe_key) where status in ('pending', 'running') do nothing
        returning id`),
    )
    return rows[0] ? Number(rows[0].id) : null
  }

  /**
   * Claims due jobs: pending ones whose time has come, and running ones whose lease ran out (their worker
   * died). SKIP LOCKED lets several workers claim side by side without waiting on each other.
   */
  async claim(workerId: string, limit: number, leaseSeconds: number, opts: { id?: number; kinds?: string[] } = {}): Promise<ClaimedJob[]> {
    const kinds = opts.kinds ? sql`and kind = any(${`{${opts.kinds.join(',')}}`}::text[])` : sql``
    const only = opts.id !== undefined ? sql`and id = ${opts.id}` : sql``
    const rows = rowsOf<{ id: number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
      await this.db.execute(sql`
        update jobs set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
               locked_until = now() + make_interval(secs => ${leaseSeconds})
        where id in (
          select id from jobs
          where ((status = 'pending' and run_at <= now()) or (status = 'running' and locked_until < now()))
          ${kinds} ${only}
          order by run_at, id
          limit ${limit}
          for update skip locked)
        returning id, kind, payload, attempts, max_attempts`),
    )
    const claimed: ClaimedJob[] = []
    for (const r of rows) {
      const job = { id: Number(r.id), kind: r.kind, payload: r.payload, attempts: r.attempts, maxAttempts: r.max_attempts }
      // A job reclaimed after its worker died has used up an attempt each time: give up past the limit.
      if (job.attempts > job.maxAttempts) await this.#finish(job.id, workerId, 'dead', 'attempts exhausted')
      else claimed.push(job)
    }
    return claimed
  }

  /** Extends a running job's lease (heartbeat); false when the job is no longer ours. */
  async extend(id: number, workerId: string, leaseSeconds: number): Promise<boolean> {
    const rows = rowsOf(
      await this.db.execute(sql`update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
        where id = ${id} and locked_by = ${workerId} and status = 'running' returning id`),
    )
    return rows.length === 1
  }

  /** Marks a job done, in the caller's transaction when given (so its effects and its completion commit together). */
  async complete(id: number, workerId: string, tx: DbOrTx = this.db): Promise<boolean> {
    return this.#finish(id, workerId, 'done', null, tx)
  }

  async fail(job: ClaimedJob, workerId: string, error: string, permanent: boolean, policy?: BackoffPolicy): Promise<'retry' | 'dead'> {
    if (permanent || job.attempts >= job.maxAttempts) {
      await this.#finish(job.id, workerId, 'dead', error)
      return 'dead'
    }
    const delay = backoffMs(job.attempts, policy)
    await this.db.execute(sql`update jobs set status = 'pending', locked_by = null, locked_until = null,
        run_at = now() + make_interval(secs => ${delay / 1000}), last_error = ${error.slice(0, 200)}
      where id = ${job.id} and locked_by = ${workerId} and status = 'running'`)
    return 'retry'
  }

  /**
   * Makes every running job claimable at once. Only safe when no other worker can be alive, i.e. the
   * embedded database, which one process holds exclusively; with a server, leases expire instead.
   */
  async releaseAllRunning(): Promise<number> {
    return rowsOf(
      await this.db.execute(sql`update jobs set status = 'pending', locked_by = null, locked_until = null, run_at = now()
      where status = 'running' returning id`),
    ).length
  }

  async #finish(id: number, workerId: string, status: 'done' | 'dead', error: string | null, tx: DbOrTx = this.db): Promise<boolean> {
    const rows = rowsOf(
      await tx.execute(sql`update jobs set status = ${status}, finished_at = now(), locked_until = null, last_error = ${error?.slice(0, 200) ?? null}
        where id = ${id} and locked_by = ${workerId} and status = 'running' returning id`),
    )
    return rows.length === 1
  }
}
