/**
 * WORKERS=n (issue 17): n server processes on one machine sharing its port through node:cluster, so a
 * machine's cores all answer requests. Each worker is a full replica (its own pool, photo record cache,
 * session cache and in-process search index, all kept true by the database's change feeds, as for replicas
 * on several machines: README "Across replicas"); this process only starts them, restarts one that dies
 * and stops them. Background work (the job worker) runs in the first worker only, so n processes do not
 * encode n derivatives at once; any worker may take over a job whose lease ran out.
 *
 * Only with a PostgreSQL server: the embedded database belongs to one process (config.ts refuses it).
 */
import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'

export interface SuperviseOptions {
  workers: number
  /** Whether the first worker runs background work (config.worker.enabled); the others never do. */
  background: boolean
  logger: Logger
  /** A worker that exits more often than this within a minute stops the whole server. */
  maxRestartsPerMinute?: number
  /** How long the workers get to finish their requests after a stop signal before they are killed. */
  stopTimeoutMs?: number
}

/**
 * Starts the workers and keeps them running until SIGTERM or SIGINT, or until one cannot start (its
 * configuration or its database is wrong: restarting would fail again). Resolves with the exit code.
 */
export function superviseWorkers(opts: SuperviseOptions): Promise<number> {
  const { workers, background, logger } = opts
  const maxRestarts = opts.maxRestartsPerMinute ?? 5
  const slots = new Map<Worker, number>()
  /** Slots whose worker has listened at least once: a worker that dies before that could not start. */
  const started = new Set<number>()
  const restarts: number[] = []
  let stopping = false
  let exitCode = 0

  return new Promise<number>((resolve) => {
    const fork = (slot: number) => {
      // Environment for this slot's process: only the first runs background work.
      const w = cluster.fork(slot === 0 && background ? {} : { WORKER_ENABLED: '0' })
      slots.set(w, slot)
      w.on('listening', () => {
        if (started.has(slot)) return
        started.add(slot)
        if (started.size === workers) logger.info({ workers }, 'all workers are listening')
      })
    }

    const stop = (code: number) => {
      if (stopping) return
      stopping = true
      exitCode = code
      if (slots.size === 0) return resolve(exitCode)
      for (const w of slots.keys()) w.process.kill('SIGTERM')
      const force = setTimeout(() => {
        logger.error({ left: slots.size }, 'workers did not stop in time; killing them')
        for (const w of slots.keys()) w.process.kill('SIGKILL')
      }, opts.stopTimeoutMs ?? 25_000)
      force.unref()
    }

    cluster.on('exit', (w, code, signal) => {
      const slot = slots.get(w)
      slots.delete(w)
      if (slot === undefined) return
      if (stopping) {
        // A worker that failed its own shutdown makes the whole stop a failure.
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT' && exitCode === 0) exitCode = 1
        if (slots.size === 0) resolve(exitCode)
        return
      }
      if (!started.has(slot)) {
        logger.error({ slot: slot + 1, pid: w.process.pid, code, signal }, 'a worker could not start; stopping the server')
        return stop(code || 1)
      }
      const now = Date.now()
      restarts.push(now)
      while (restarts[0]! < now - 60_000) restarts.shift()
      if (restarts.length > maxRestarts) {
        logger.error({ restarts: restarts.length }, 'workers keep exiting; stopping the server')
        return stop(1)
      }
      logger.error({ slot: slot + 1, pid: w.process.pid, code, signal }, 'a worker exited; starting another in its place')
      fork(slot)
    })

    process.on('SIGTERM', () => stop(0))
    process.on('SIGINT', () => stop(0))
    for (let slot = 0; slot < workers; slot++) fork(slot)
  })
}
