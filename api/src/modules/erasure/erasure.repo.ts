/** erasure's data access: the only file that queries erasure_requests (joins read subjects and photo_subjects). No rules here. */
import { and, eq, isNull, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { erasureRequests } from './erasure.table.ts'

export type ErasureRequestRow = typeof erasureRequests.$inferSelect

/** Open requests, oldest first, with the person's pseudonym, how many photos they are in, and in how many with someone else. */
export async function openRequestsWithCounts(db: DbOrTx) {
  return rowsOf<{ id: string; subject_id: string; pseudonym: string; requested_at: string | Date; photos: number | string; shared: number | string }>(
    await db.execute(sql`
      select r.id, r.subject_id, s.pseudonym, r.requested_at,
             (select count(*) from photo_subjects ps where ps.subject_id = r.subject_id) as photos,
             (select count(*) from photo_subjects ps where ps.subject_id = r.subject_id
                and exists (select 1 from photo_subjects o where o.photo_id = ps.photo_id and o.subject_id <> r.subject_id)) as shared
      from erasure_requests r join subjects s on s.id = r.subject_id
      where r.done_at is null
      order by r.requested_at, r.id`),
  )
}

/** One request; with lock 'update', locked FOR UPDATE. */
export async function requestById(db: DbOrTx, id: string, opts: { lock?: 'update' } = {}): Promise<ErasureRequestRow | undefined> {
  if (opts.lock) {
    const [row] = await db.select().from(erasureRequests).where(eq(erasureRequests.id, id)).for('update')
    return row
  }
  const [row] = await db.select().from(erasureRequests).where(eq(erasureRequests.id, id)).limit(1)
  return row
}

/** Marks every open request of the person done. */
export async function markRequestsDone(db: DbOrTx, subjectId: string, doneAt: Date): Promise<void> {
  await db
    .update(erasureRequests)
    .set({ doneAt })
    .where(and(eq(erasureRequests.subjectId, subjectId), isNull(erasureRequests.doneAt)))
}

/** The person's open request, if any. */
export async function openRequestOf(db: DbOrTx, subjectId: string): Promise<ErasureRequestRow | undefined> {
  const [open] = await db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.subjectId, subjectId), isNull(erasureRequests.doneAt)))
    .limit(1)
  return open
}

export async function insertRequest(db: DbOrTx, subjectId: string): Promise<ErasureRequestRow> {
  return (await db.insert(erasureRequests).values({ subjectId }).returning())[0]!
}
