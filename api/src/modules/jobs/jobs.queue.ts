import type { Db, DbOrTx } from '../../db/client.ts'
import * as repo from './jobs.repo.ts'

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
    if (opts.once && !opts.dedupeKey) throw new Error('enqueue: once needs a dedupeKey')
    return repo.insertJob(tx, { kind, payload, ...opts })
  }

  /**
   * Claims due jobs: pending ones whose time has come, and running ones whose lease ran out (their worker
   * died). SKIP LOCKED lets several workers claim side by side without waiting on each other.
   */
  async claim(workerId: string, limit: number, leaseSeconds: number, opts: { id?: number; kinds?: string[] } = {}): Promise<ClaimedJob[]> {
    const rows = await repo.claimDueJobs(this.db, workerId, limit, leaseSeconds, opts)
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
    return repo.extendLease(this.db, id, workerId, leaseSeconds)
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
    await repo.retryJobLater(this.db, job.id, workerId, backoffMs(job.attempts, policy), error)
    return 'retry'
  }

  /**
   * Makes every running job claimable at once. Only safe when no other worker can be alive, i.e. the
   * embedded database, which one process holds exclusively; with a server, leases expire instead.
   */
  async releaseAllRunning(): Promise<number> {
    return repo.releaseAllRunning(this.db)
  }

  async #finish(id: number, workerId: string, status: 'done' | 'dead', error: string | null, tx: DbOrTx = this.db): Promise<boolean> {
    return repo.finishJob(tx, id, workerId, status, error)
  }
}
