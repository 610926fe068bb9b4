/**
 * jobs' data access: the only file that queries the jobs table (raw SQL: the claim's SKIP LOCKED and the
 * enqueue's partial-index dedupe are clearer written out). No rules here: the queue decides.
 */
import { sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'

export interface NewJob {
  kind: string
  payload: Record<string, unknown>
  dedupeKey?: string
  /** With dedupeKey: insert nothing when a job with this key ever existed, finished or dead. */
  once?: boolean
  runAt?: Date
  maxAttempts?: number
  /** Insert the job already claimed by this worker. */
  claimFor?: { workerId: string; leaseSeconds: number }
}

export interface ClaimedJobRow {
  id: number
  kind: string
  payload: Record<string, unknown>
  attempts: number
  max_attempts: number
}

/** Inserts a job, or nothing when an unfinished one has the same dedupe key (or, with once, any ever had); returns its id. */
export async function insertJob(db: DbOrTx, job: NewJob): Promise<number | null> {
  const claim = job.claimFor
  // Finished jobs are not in the partial unique index, so "ever existed" is a plain lookup (a scan of
  // the jobs table: fine for a schedule that asks once per period and replica).
  const everExisted = job.once ? sql`where not exists (select 1 from jobs where dedupe_key = ${job.dedupeKey!})` : sql``
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`
      insert into jobs (kind, payload, dedupe_key, run_at, max_attempts, status, attempts, locked_by, locked_until)
      select ${job.kind}::text, ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey ?? null}::text, ${(job.runAt ?? new Date()).toISOString()}::timestamptz,
             ${job.maxAttempts ?? 10}::int, ${claim ? 'running' : 'pending'}::text, ${claim ? 1 : 0}::int, ${claim?.workerId ?? null}::text,
             ${claim ? sql`now() + make_interval(secs => ${claim.leaseSeconds})` : sql`null::timestamptz`}
      ${everExisted}
      on conflict (dedupe_key) where status in ('pending', 'running') do nothing
      returning id`),
  )
  return rows[0] ? Number(rows[0].id) : null
}

/**
 * Queues one job of this kind per published photo (payload { photoId }), only while search_documents is
 * empty (a database from before search existed); returns how many were queued.
 */
export async function queueEveryPublishedPhotoWhenIndexEmpty(db: DbOrTx, kind: string): Promise<number> {
  const filled = await db.execute(sql`
    insert into jobs (kind, payload)
    select ${kind}, jsonb_build_object('photoId', p.id) from photos p
    where p.status = 'published' and not exists (select 1 from search_documents)
    returning id`)
  return rowsOf(filled).length
}

/**
 * Claims due jobs for this worker: pending ones whose time has come, and running ones whose lease ran out.
 * FOR UPDATE SKIP LOCKED lets several workers claim side by side without waiting on each other.
 */
export async function claimDueJobs(
  db: DbOrTx,
  workerId: string,
  limit: number,
  leaseSeconds: number,
  opts: { id?: number; kinds?: string[] } = {},
): Promise<ClaimedJobRow[]> {
  const kinds = opts.kinds ? sql`and kind = any(${`{${opts.kinds.join(',')}}`}::text[])` : sql``
  const only = opts.id !== undefined ? sql`and id = ${opts.id}` : sql``
  return rowsOf<ClaimedJobRow>(
    await db.execute(sql`
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
}

/** Extends the lease of a job this worker runs; false when it is no longer ours. */
export async function extendLease(db: DbOrTx, id: number, workerId: string, leaseSeconds: number): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds})
      where id = ${id} and locked_by = ${workerId} and status = 'running' returning id`),
  )
  return rows.length === 1
}

/** Puts a job this worker runs back to pending, due after delayMs, with its last error. */
export async function retryJobLater(db: DbOrTx, id: number, workerId: string, delayMs: number, error: string): Promise<void> {
  await db.execute(sql`update jobs set status = 'pending', locked_by = null, locked_until = null,
      run_at = now() + make_interval(secs => ${delayMs / 1000}), last_error = ${error.slice(0, 200)}
    where id = ${id} and locked_by = ${workerId} and status = 'running'`)
}

/** Ends a job this worker runs as done or dead; false when it is no longer ours. */
export async function finishJob(db: DbOrTx, id: number, workerId: string, status: 'done' | 'dead', error: string | null): Promise<boolean> {
  const rows = rowsOf(
    await db.execute(sql`update jobs set status = ${status}, finished_at = now(), locked_until = null, last_error = ${error?.slice(0, 200) ?? null}
      where id = ${id} and locked_by = ${workerId} and status = 'running' returning id`),
  )
  return rows.length === 1
}

/** Makes every running job pending and due now; returns how many. */
export async function releaseAllRunning(db: DbOrTx): Promise<number> {
  return rowsOf(
    await db.execute(sql`update jobs set status = 'pending', locked_by = null, locked_until = null, run_at = now()
    where status = 'running' returning id`),
  ).length
}

/** Makes the pending job with this dedupe key due now. */
export async function runPendingNow(db: DbOrTx, dedupeKey: string): Promise<void> {
  await db.execute(sql`update jobs set run_at = now() where dedupe_key = ${dedupeKey} and status = 'pending'`)
}

/** Deletes the unfinished jobs whose payload names this photo. */
export async function deleteUnfinishedJobsOfPhoto(db: DbOrTx, photoId: string): Promise<void> {
  await db.execute(sql`delete from jobs where payload->>'photoId' = ${photoId} and status in ('pending', 'running')`)
}
