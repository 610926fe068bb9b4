import crypto from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { loggable } from '../../platform/errors.ts'
import { PermanentJobError, type BackoffPolicy, type ClaimedJob, type JobQueue } from './jobs.queue.ts'

export interface JobContext {
  workerId: string
  /** Aborted when the worker stops or the lease is lost. */
  signal: AbortSignal
}
export type JobHandler = (job: ClaimedJob, ctx: JobContext) => Promise<void>
interface Registration {
  handler: JobHandler
  backoff?: BackoffPolicy
  lane: string
}

/** The lane every kind runs in unless registered in another one. */
export const DEFAULT_LANE = 'default'

export interface WorkerOptions {
  pollMs: number
  leaseSeconds: number
  /** Jobs at once in the default lane (1). */
  concurrency?: number
  /** Jobs at once in other lanes, by name (1 when not given). */
  lanes?: Record<string, number>
}

/**
 * Runs the outbox inside the app process: polls for due jobs (and is nudged when one is enqueued),
 * keeps the lease of each running job alive with a heartbeat, retries failures with backoff.
 *
 * Kinds run in lanes, each with its own number of jobs at once: slow work in its own lane (rendering
 * derivatives) never makes a withdrawal's notices or the search index wait behind it.
 */
export class Worker {
  readonly id = `w-${crypto.randomUUID().slice(0, 8)}`
  readonly #handlers = new Map<string, Registration>()
  /** Running jobs, by lane. */
  readonly #running = new Map<string, Set<Promise<void>>>()
  readonly #abort = new AbortController()
  #timer: NodeJS.Timeout | undefined
  #polling = false
  #again = false
  #started = false

  constructor(
    private readonly queue: JobQueue,
    private readonly log: FastifyBaseLogger,
    private readonly opts: WorkerOptions,
  ) {}

  register(kind: string, handler: JobHandler, backoff?: BackoffPolicy, lane = DEFAULT_LANE): this {
    this.#handlers.set(kind, { handler, backoff, lane })
    return this
  }

  #concurrency(lane: string): number {
    return lane === DEFAULT_LANE ? (this.opts.concurrency ?? 1) : (this.opts.lanes?.[lane] ?? 1)
  }

  /** The registered kinds, by lane. */
  #lanes(): Map<string, string[]> {
    const lanes = new Map<string, string[]>()
    for (const [kind, reg] of this.#handlers) lanes.set(reg.lane, [...(lanes.get(reg.lane) ?? []), kind])
    return lanes
  }

  start() {
    this.#started = true
    this.nudge()
  }

  /** Ask for a poll now (e.g. right after a commit that enqueued work). */
  nudge() {
    if (!this.#started || this.#abort.signal.aborted) return
    if (this.#polling) {
      this.#again = true
      return
    }
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#poll(), 0)
  }

  /** Claims and runs due jobs (of these kinds, or of every registered one) until none are left; for tests and the CLI. Returns how many ran. */
  async drain(only?: string[]): Promise<number> {
    let n = 0
    const kinds = [...this.#handlers.keys()].filter((k) => !only || only.includes(k))
    for (;;) {
      const jobs = await this.queue.claim(this.id, this.opts.concurrency ?? 1, this.opts.leaseSeconds, { kinds })
      if (jobs.length === 0) return n
      await Promise.all(jobs.map((j) => this.run(j)))
      n += jobs.length
    }
  }

  async #poll() {
    if (this.#abort.signal.aborted) return
    this.#polling = true
    try {
      for (const [lane, kinds] of this.#lanes()) {
        let running = this.#running.get(lane)
        if (!running) this.#running.set(lane, (running = new Set()))
        const free = this.#concurrency(lane) - running.size
        if (free <= 0) continue
        const jobs = await this.queue.claim(this.id, free, this.opts.leaseSeconds, { kinds })
        for (const job of jobs) {
          const p: Promise<void> = this.run(job).finally(() => {
            running.delete(p)
            this.nudge()
          })
          running.add(p)
        }
        if (jobs.length === free) this.#again = true
      }
    } catch (err) {
      this.log.error({ err: loggable(err) }, 'job poll failed')
    } finally {
      this.#polling = false
      if (!this.#abort.signal.aborted) {
        const delay = this.#again ? 0 : this.opts.pollMs
        this.#again = false
        clearTimeout(this.#timer)
        this.#timer = setTimeout(() => void this.#poll(), delay)
      }
    }
  }

  /** Runs one claimed job to completion, failure or retry. Never throws. */
  async run(job: ClaimedJob): Promise<void> {
    const reg = this.#handlers.get(job.kind)
    const log = this.log.child({ jobId: job.id, kind: job.kind, attempt: job.attempts })
    if (!reg) {
      await this.queue.fail(job, this.id, 'no handler', true)
      return
    }
    const ac = new AbortController()
    const onStop = () => ac.abort()
    this.#abort.signal.addEventListener('abort', onStop)
    const beat = setInterval(
      () => {
        this.queue.extend(job.id, this.id, this.opts.leaseSeconds).then(
          (ours) => ours || ac.abort(),
          () => {},
        )
      },
      Math.max(250, (this.opts.leaseSeconds * 1000) / 3),
    )
    try {
      await reg.handler(job, { workerId: this.id, signal: ac.signal })
      // Handlers that finish their job inside their own transaction already did this; then it's a no-op.
      await this.queue.complete(job.id, this.id)
      log.debug('job done')
    } catch (err) {
      const permanent = err instanceof PermanentJobError
      const code = err instanceof Error ? `${err.name}: ${err.message}` : 'error'
      const outcome = await this.queue.fail(job, this.id, code, permanent, reg.backoff).catch(() => 'retry' as const)
      log.warn({ err: loggable(err), outcome }, 'job failed')
    } finally {
      clearInterval(beat)
      this.#abort.signal.removeEventListener('abort', onStop)
    }
  }

  /** Stops polling and waits (up to timeoutMs) for running jobs; what doesn't finish is retried after restart. */
  async stop(timeoutMs = 10_000) {
    this.#started = false
    clearTimeout(this.#timer)
    const all = [...this.#running.values()].flatMap((lane) => [...lane])
    const running = Promise.allSettled(all)
    const timedOut = await Promise.race([running.then(() => false), new Promise<boolean>((r) => setTimeout(r, timeoutMs, true).unref())])
    this.#abort.abort()
    if (timedOut) this.log.warn({ running: all.length }, 'jobs still running at shutdown; they resume after restart')
  }
}
