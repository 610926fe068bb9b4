/**
 * The webhooks module's endpoints and delivery log (webhook_endpoints, notice_deliveries' attempts,
 * delivery_attempts); the notices and their deliveries are in webhooks.notices.repo.ts. Rows in, rows out;
 * the services decide.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { DELIVERY_CHANNELS, DELIVERY_STATES, deliveryAttempts, noticeDeliveries, webhookEndpoints } from './webhooks.table.ts'

export { DELIVERY_CHANNELS, DELIVERY_STATES }

export type EndpointRow = typeof webhookEndpoints.$inferSelect

// ---- endpoints -------------------------------------------------------------------------------------

export async function countLiveEndpoints(db: DbOrTx, organisationId: string): Promise<number> {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from webhook_endpoints where organisation_id = ${organisationId} and deleted_at is null`),
  ) as [{ n: number }]
  return n
}

export async function insertEndpoint(db: DbOrTx, values: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
  const [r] = await db.insert(webhookEndpoints).values(values).returning()
  return r!
}

/** The organisation's endpoints that are not deleted, newest first. */
export async function liveEndpoints(db: DbOrTx, organisationId: string): Promise<EndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organisationId, organisationId), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt))
}

/** Marks the endpoint deleted (disabled, its secret gone); the ids of what it changed (none: no such live endpoint). */
export async function deleteEndpoint(db: DbOrTx, organisationId: string, endpointId: string): Promise<{ id: string }[]> {
  return db
    .update(webhookEndpoints)
    .set({ deletedAt: new Date(), enabled: false, secretSealed: null })
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organisationId, organisationId), isNull(webhookEndpoints.deletedAt)))
    .returning({ id: webhookEndpoints.id })
}

export async function endpointById(db: DbOrTx, id: string): Promise<EndpointRow | undefined> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1)
  return endpoint
}

/** The organisation's enabled, undeleted endpoints subscribed to the event. */
export async function subscribedEndpoints(db: DbOrTx, organisationId: string, event: string): Promise<{ id: string }[]> {
  return db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.organisationId, organisationId),
        eq(webhookEndpoints.enabled, true),
        sql`${webhookEndpoints.deletedAt} is null`,
        sql`${event} = any(${webhookEndpoints.events})`,
      ),
    )
}

// ---- attempts (the delivery log) -------------------------------------------------------------------

/** Counts one more attempt on the delivery; its new count (undefined: the delivery is gone). */
export async function countAttempt(db: DbOrTx, deliveryId: string): Promise<{ attempt: number } | undefined> {
  const [row] = await db
    .update(noticeDeliveries)
    .set({ attempts: sql`${noticeDeliveries.attempts} + 1` })
    .where(eq(noticeDeliveries.id, deliveryId))
    .returning({ attempt: noticeDeliveries.attempts })
  return row
}

export async function insertAttempt(db: DbOrTx, values: typeof deliveryAttempts.$inferInsert): Promise<{ id: number }> {
  const [a] = await db.insert(deliveryAttempts).values(values).returning({ id: deliveryAttempts.id })
  return a!
}

export async function settleAttempt(db: DbOrTx, id: number, set: { statusCode: number | null; errorClass: string | null; durationMs: number }): Promise<void> {
  await db.update(deliveryAttempts).set(set).where(eq(deliveryAttempts.id, id))
}

/**
 * The delivery log of an organisation's notices: one row per attempt with its delivery and notice, newest
 * first; of one endpoint or one notice when given.
 */
export async function attemptsOfOrganisation(db: DbOrTx, organisationId: string, opts: { endpointId?: string; noticeId?: string; limit: number }) {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
        select a.attempt, a.status_code, a.error_class, a.duration_ms, a.at, d.id as delivery_id, d.channel, d.endpoint_id, d.state, n.id as notice_id, n.event
        from delivery_attempts a
        join notice_deliveries d on d.id = a.delivery_id
        join takedown_notices n on n.id = d.notice_id
        where n.organisation_id = ${organisationId}
          ${opts.endpointId ? sql`and d.endpoint_id = ${opts.endpointId}` : sql``}
          ${opts.noticeId ? sql`and n.id = ${opts.noticeId}` : sql``}
        order by a.at desc, a.id desc
        limit ${opts.limit}`),
  )
}
