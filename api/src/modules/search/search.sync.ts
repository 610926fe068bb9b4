/**
 * Keeping the index in step with the database, through the outbox (DESIGN.md promise 5). Whoever changes
 * what a photo's search entry holds (publication, its texts, consent, collections) enqueues a sync in the
 * same transaction; a worker runs it later, at least once.
 *
 * Both jobs do the same thing: rebuild the photo's document from the database as it is when the job runs,
 * then upsert it, or remove it when the gate no longer shows the photo. So they are idempotent, and the
 * order in which two of them run can't leave a stale entry behind. They go through the SearchEngine port,
 * so every engine gets the same jobs.
 *
 * This file imports no other module's code, so consent, photos and collections can call it without a cycle.
 */
import type { DbOrTx } from '../../db/client.ts'
import { PermanentJobError, type ClaimedJob, type JobQueue } from '../jobs/index.ts'
import type { SearchDocument, SearchEngine } from './search.port.ts'

export const SEARCH_UPSERT_JOB = 'search.upsert'
export const SEARCH_REMOVE_JOB = 'search.remove'

/**
 * Queue a rebuild of the photo's search entry. No dedupe key on purpose: the queue only dedupes against
 * pending *and running* jobs, so a change committed while a sync is running would otherwise be lost.
 */
export async function enqueueSearchSync(tx: DbOrTx, queue: Pick<JobQueue, 'enqueue'>, photoId: string): Promise<void> {
  await queue.enqueue(tx, SEARCH_UPSERT_JOB, { photoId })
}

/** Queue the removal of the photo's entry (withdrawal, erasure, a stale hit seen by the search service). */
export async function enqueueSearchRemove(tx: DbOrTx, queue: Pick<JobQueue, 'enqueue'>, photoId: string): Promise<void> {
  await queue.enqueue(tx, SEARCH_REMOVE_JOB, { photoId }, { dedupeKey: `${SEARCH_REMOVE_JOB}:${photoId}` })
}

export interface SyncDeps {
  engine: SearchEngine
  build: (ids: string[]) => Promise<Map<string, SearchDocument | null>>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Rebuild one photo's entry from the database: upsert what the gate shows, remove the rest. */
export async function syncPhoto(deps: SyncDeps, photoId: string): Promise<'upserted' | 'removed'> {
  const doc = (await deps.build([photoId])).get(photoId) ?? null
  if (doc) {
    await deps.engine.upsert([doc])
    return 'upserted'
  }
  await deps.engine.remove([photoId])
  return 'removed'
}

/** The job handler for both kinds (see the file comment). */
export function searchSyncJob(deps: SyncDeps) {
  return async (job: ClaimedJob) => {
    const photoId = job.payload.photoId
    if (typeof photoId !== 'string' || !UUID.test(photoId)) throw new PermanentJobError('search job without a photo id')
    await syncPhoto(deps, photoId)
  }
}
