/**
 * The takedown notices and their deliveries (takedown_notices, notice_deliveries): every statement on
 * them, wherever it is asked from (the person's portal too). Rows in, rows out; the services decide. The
 * admin's and the portal's lists read the organisation's name by a read-only join.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { organisations } from '../desks/desks.table.ts'
import { noticeDeliveries, takedownNotices } from './webhooks.table.ts'

export type NoticeRow = typeof takedownNotices.$inferSelect
export type DeliveryRow = typeof noticeDeliveries.$inferSelect

// ---- notices ---------------------------------------------------------------------------------------

/** Undefined when the organisation has this notice (photo, event, key) already. */
export async function insertNotice(db: DbOrTx, values: typeof takedownNotices.$inferInsert): Promise<{ id: string } | undefined> {
  const [notice] = await db.insert(takedownNotices).values(values).onConflictDoNothing().returning({ id: takedownNotices.id })
  return notice
}

/** The organisation's own notice, locked FOR UPDATE. */
export async function lockNoticeOfOrganisation(db: DbOrTx, noticeId: string, organisationId: string): Promise<NoticeRow | undefined> {
  const [notice] = await db
    .select()
    .from(takedownNotices)
    .where(and(eq(takedownNotices.id, noticeId), eq(takedownNotices.organisationId, organisationId)))
    .limit(1)
    .for('update')
  return notice
}

export async function acknowledgeNotice(db: DbOrTx, noticeId: string): Promise<NoticeRow | undefined> {
  const [row] = await db.update(takedownNotices).set({ state: 'acknowledged', acknowledgedAt: new Date() }).where(eq(takedownNotices.id, noticeId)).returning()
  return row
}

export async function noticeState(db: DbOrTx, noticeId: string): Promise<{ state: NoticeRow['state'] } | undefined> {
  const [n] = await db.select({ state: takedownNotices.state }).from(takedownNotices).where(eq(takedownNotices.id, noticeId)).limit(1)
  return n
}

/** Delivered on some channel: a queued notice becomes delivered (an acknowledged one stays so), first time kept. */
export async function markNoticeDelivered(db: DbOrTx, noticeId: string): Promise<void> {
  await db
    .update(takedownNotices)
    .set({
      state: sql`case when ${takedownNotices.state} = 'queued' then 'delivered' else ${takedownNotices.state} end`,
      deliveredAt: sql`coalesce(${takedownNotices.deliveredAt}, now())`,
    })
    .where(eq(takedownNotices.id, noticeId))
}

/** An organisation's notices, newest first. */
export async function noticesOfOrganisation(db: DbOrTx, organisationId: string, limit: number): Promise<NoticeRow[]> {
  return db
    .select()
    .from(takedownNotices)
    .where(eq(takedownNotices.organisationId, organisationId))
    .orderBy(desc(takedownNotices.createdAt), desc(takedownNotices.id))
    .limit(limit)
}

/** Every notice (in one state, when given) with its organisation's name, newest first. */
export async function noticesWithOrganisation(db: DbOrTx, limit: number, state?: NoticeRow['state']) {
  return db
    .select({ n: takedownNotices, organisation: organisations.name })
    .from(takedownNotices)
    .innerJoin(organisations, eq(organisations.id, takedownNotices.organisationId))
    .where(state ? eq(takedownNotices.state, state) : undefined)
    .orderBy(desc(takedownNotices.createdAt), desc(takedownNotices.id))
    .limit(limit)
}

/** The notices about these photos with the organisation's name, oldest first (the person's portal). */
export async function noticesOfPhotos(db: DbOrTx, photoIds: string[]) {
  return db
    .select({
      id: takedownNotices.id,
      photoId: takedownNotices.photoId,
      organisation: organisations.name,
      event: takedownNotices.event,
      state: takedownNotices.state,
      at: takedownNotices.createdAt,
      deliveredAt: takedownNotices.deliveredAt,
      acknowledgedAt: takedownNotices.acknowledgedAt,
    })
    .from(takedownNotices)
    .innerJoin(organisations, eq(organisations.id, takedownNotices.organisationId))
    .where(inArray(takedownNotices.photoId, photoIds))
    .orderBy(takedownNotices.createdAt)
}

// ---- deliveries ------------------------------------------------------------------------------------

/** Undefined when the notice has this channel's delivery already. */
export async function insertDelivery(db: DbOrTx, values: typeof noticeDeliveries.$inferInsert): Promise<{ id: string } | undefined> {
  const [d] = await db.insert(noticeDeliveries).values(values).onConflictDoNothing().returning({ id: noticeDeliveries.id })
  return d
}

/** With `lock`, the row locked FOR UPDATE. */
export async function deliveryById(db: DbOrTx, id: string, opts?: { lock?: 'update' }): Promise<DeliveryRow | undefined> {
  const q = db.select().from(noticeDeliveries).where(eq(noticeDeliveries.id, id)).limit(1)
  const [d] = opts?.lock ? await q.for('update') : await q
  return d
}

export async function deliveryWithNotice(db: DbOrTx, id: string): Promise<{ d: DeliveryRow; n: NoticeRow } | undefined> {
  const [row] = await db
    .select({ d: noticeDeliveries, n: takedownNotices })
    .from(noticeDeliveries)
    .innerJoin(takedownNotices, eq(takedownNotices.id, noticeDeliveries.noticeId))
    .where(eq(noticeDeliveries.id, id))
    .limit(1)
  return row
}

export async function deliveriesOfNotices(db: DbOrTx, noticeIds: string[]): Promise<DeliveryRow[]> {
  return db.select().from(noticeDeliveries).where(inArray(noticeDeliveries.noticeId, noticeIds))
}

/** Just each delivery's notice and state (the portal: was the notice carried?). */
export async function deliveryStatesOfNotices(db: DbOrTx, noticeIds: string[]): Promise<{ noticeId: string; state: DeliveryRow['state'] }[]> {
  return db
    .select({ noticeId: noticeDeliveries.noticeId, state: noticeDeliveries.state })
    .from(noticeDeliveries)
    .where(inArray(noticeDeliveries.noticeId, noticeIds))
}

/** Sent on its way again (the admin's retry). */
export async function markDeliveryRetried(db: DbOrTx, id: string): Promise<void> {
  await db.update(noticeDeliveries).set({ state: 'pending', retriedAt: new Date() }).where(eq(noticeDeliveries.id, id))
}

export async function settleDelivery(
  db: DbOrTx,
  id: string,
  set: Partial<Pick<DeliveryRow, 'attempts' | 'lastResult' | 'state' | 'deliveredAt'>>,
): Promise<void> {
  await db.update(noticeDeliveries).set(set).where(eq(noticeDeliveries.id, id))
}

export async function cancelDelivery(db: DbOrTx, id: string): Promise<void> {
  await db.update(noticeDeliveries).set({ state: 'cancelled' }).where(eq(noticeDeliveries.id, id))
}
