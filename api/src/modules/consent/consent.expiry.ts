/**
 * Consent expiry (DESIGN.md, consent validity: "with a renewal request to the model before expiry";
 * promise 4). A recurring outbox job, `consent.expiry-sweep`, does two things:
 * - asks the person to renew every active consent whose last valid day is within the notice period
 *   (a renewal_requests row, shown in their portal);
 * - turns every active consent whose last valid day has passed into a withdrawal marked 'expired', so it
 *   is final and the follow-up work (media purge, search removal, audit event) happens. The gate already
 *   refuses an expired consent at request time: the sweep is about finality and follow-up, not about
 *   when the photo stops being shown.
 *
 * The schedule, and why it is shaped like this:
 * - The job's dedupe key names a wall-clock period (`consent.expiry-sweep:<period start, ISO>`, periods
 *   of EXPIRY_SWEEP_MINUTES counted from the epoch), enqueued with `once`: at most one job per period
 *   ever, so any number of replicas starting, restarting or ticking in the same period add nothing.
 * - Each run first enqueues the next one, `runAt` one period later, and only then sweeps: the schedule
 *   lives in the jobs table and survives restarts, and a sweep that fails (and is retried) does not break it.
 * - On start, and then every period, each process that runs the worker enqueues the current period's job.
 *   While the chain is alive that finds the key taken and does nothing; when it was broken (a database
 *   outage through every retry) it restarts the chain. Two chains cannot last: one whose next key is
 *   taken stops.
 * - Runs are idempotent (a unique key on renewal requests, withdrawal only of still-active consent), so
 *   the rare extra run (a key skipped by drift, a race at a restart) costs a query, never a wrong state.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.ts'
import type { ClaimedJob, JobQueue } from '../jobs/index.ts'
import { todayUtc } from '../gate/index.ts'
import { addDays } from './consent.dates.ts'
import * as repo from './consent.repo.ts'
import type { ConsentService } from './consent.service.ts'
import type { NoticePort } from './consent.model.ts'

export const EXPIRY_SWEEP_JOB = 'consent.expiry-sweep'
/** Who ends a consent on its date, in consent versions and the audit trail. */
export const EXPIRY_ACTOR = { kind: 'system', id: 'expiry' } as const

export interface SweepResult {
  /** Renewal requests made in this run. */
  asked: number
  /** Consents turned into an 'expired' withdrawal in this run. */
  expired: number
}

export class ExpiryService {
  readonly #periodMs: number
  #timer: NodeJS.Timeout | undefined

  constructor(
    private readonly deps: {
      db: Db
      queue: JobQueue
      consent: ConsentService
      notices: NoticePort
      log: FastifyBaseLogger
      sweepMinutes: number
      renewalNoticeDays: number
      nudge?: () => void
    },
  ) {
    this.#periodMs = deps.sweepMinutes * 60_000
  }

  /** The dedupe key of the period that `at` falls in. */
  periodKey(at: Date): string {
    return `${EXPIRY_SWEEP_JOB}:${new Date(Math.floor(at.getTime() / this.#periodMs) * this.#periodMs).toISOString()}`
  }

  /** Enqueues the sweep for the period containing `runAt`, unless that period already has one. True when it did. */
  async schedule(runAt = new Date()): Promise<boolean> {
    const id = await this.deps.queue.enqueue(this.deps.db, EXPIRY_SWEEP_JOB, {}, { dedupeKey: this.periodKey(runAt), once: true, runAt })
    if (id !== null && runAt.getTime() <= Date.now()) this.deps.nudge?.()
    return id !== null
  }

  /** On start and then every period (see the top of this file). Only where the worker runs. */
  async start(): Promise<void> {
    await this.schedule()
    this.#timer = setInterval(() => {
      this.schedule().catch((err: unknown) => this.deps.log.error({ err }, 'could not schedule the expiry sweep'))
    }, this.#periodMs)
    this.#timer.unref()
  }

  stop() {
    clearInterval(this.#timer)
  }

  /** The job handler: the next run first, so a failing sweep keeps its schedule; then the sweep. */
  job = async (_job: ClaimedJob): Promise<void> => {
    await this.schedule(new Date(Date.now() + this.#periodMs))
    const result = await this.sweep()
    if (result.asked || result.expired) this.deps.log.info(result, 'expiry sweep done')
  }

  /** One sweep, as of `today` (UTC). Idempotent: a second run on the same day changes nothing. */
  async sweep(today = todayUtc()): Promise<SweepResult> {
    const asked = await this.#askForRenewal(today)
    const expired = await this.#expire(today)
    return { asked, expired }
  }

  /**
   * One question per consent version (the unique key), and none when this person was already asked about
   * the same last day: a narrower scope made without a new date is still the same question. The same moment
   * warns every organisation holding the photo ('consent.expiring', once per photo and last day), in the
   * same transaction.
   */
  async #askForRenewal(today: string): Promise<number> {
    const horizon = addDays(today, this.deps.renewalNoticeDays)
    let notified = 0
    const asked = await this.deps.db.transaction(async (tx) => {
      const rows = await repo.insertRenewalRequestsDue(tx, today, horizon)
      const day = (v: string | Date) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 10)
      for (const key of new Set(rows.map((r) => `${r.photo_id}/${day(r.valid_until)}`))) {
        const [photoId, validUntil] = key.split('/') as [string, string]
        notified += await this.deps.notices.raise(tx, { photoId, event: 'consent.expiring', key: validUntil, data: () => ({ validUntil }) })
      }
      return rows.length
    })
    if (notified) this.deps.nudge?.()
    return asked
  }

  /**
   * Each expired consent is withdrawn in its own transaction (ConsentService.withdraw re-checks under the
   * photo's lock, so a renewal that commits in between wins). One failure does not stop the others; the
   * job fails afterwards so the outbox retries the rest.
   */
  async #expire(today: string): Promise<number> {
    const due = await repo.activeConsentsEndedBefore(this.deps.db, today)
    let expired = 0
    let failed = 0
    for (const { photo_id: photoId, subject_id: subjectId } of due) {
      try {
        if (await this.deps.consent.withdraw(String(photoId), String(subjectId), EXPIRY_ACTOR, 'expired')) expired++
      } catch (err) {
        failed++
        this.deps.log.error({ err, photoId, subjectId }, 'could not end an expired consent')
      }
    }
    if (failed) throw new Error(`${failed} of ${due.length} expired consents could not be ended`)
    return expired
  }
}
