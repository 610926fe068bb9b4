/**
 * jobs: the outbox. State changes enqueue follow-up work in their own transaction; the worker delivers it
 * at least once. Handlers must therefore be idempotent.
 * Must never: put personal data in payloads or errors (ids only), or run a job outside a claim.
 */
export * from './jobs.queue.ts'
export * from './jobs.worker.ts'
export * as jobsRepo from './jobs.repo.ts'
