/**
 * A recurring task that never overlaps itself: a call while the previous run is still going is skipped, and
 * a failure is logged (by the error's name and code only: a message may hold a path) and left for the next run.
 */
import type { FastifyBaseLogger } from 'fastify'

export function singleFlight(task: () => Promise<void>, log: FastifyBaseLogger, failed: string): () => Promise<void> {
  let running = false
  return async () => {
    if (running) return
    running = true
    try {
      await task()
    } catch (err) {
      log.warn({ error: (err as Error).name, code: (err as NodeJS.ErrnoException).code }, failed)
    } finally {
      running = false
    }
  }
}
