import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { rowsOf, type Db, type DbOrTx } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { AuditLog } from '../audit/index.ts'
import { jobsRepo, type JobQueue } from '../jobs/index.ts'
import { NOTICE_EVENTS, organisations, takedownNotices } from '../desks/desks.table.ts'
import { noticeDeliveries, webhookEndpoints } from './webhooks.table.ts'

export type NoticeEvent = (typeof NOTICE_EVENTS)[number]
export const WEBHOOK_JOB = 'notice.webhook'
export const EMAIL_JOB = 'notice.email'
/** Deliveries end by time (WEBHOOK_GIVE_UP_HOURS), not by count; this only stops a runaway. */
const MAX_ATTEMPTS = 1000

export interface RaiseInput {
  photoId: string
  event: NoticeEvent
  /** Which occurrence ('' for the final events); see takedown_notices.key. */
  key?: string
  /** Per organisation: codes and dates the organisation needs, never a name or pseudonym. */
  data?: (organisationId: string) => Record<string, unknown>
}

/** The port the consent and erasure modules raise notices through (so they need not know about delivery). */
export interface NoticeRaiser {
  raise(tx: DbOrTx, input: RaiseInput): Promise<number>
}

export const noticeProblems = {
  notFound: () => new Problem(404, 'notice-not-found', 'Notice not found', 'Your organisation has no notice with this id.'),
  deliveryNotFound: () => new Problem(404, 'delivery-not-found', 'Delivery not found', 'There is no notice delivery with this id.'),
  notRetryable: (state: string) =>
    new Problem(409, 'delivery-not-retryable', 'This delivery cannot be retried', `A delivery that is ${state} is not sent again.`, { state }),
  noMailServer: () =>
    new Problem(
      409,
      'no-mail-server',
      'No mail server is configured',
      'The e-mail waits until SMTP_URL is set; until then, contact the organisation yourself.',
    ),
}

/**
 * Takedown notices and their fan-out (DESIGN.md promise 4): a notice for every organisation that holds a
 * download grant for the photo, and in the same transaction one delivery row and one outbox job per
 * channel (each subscribed webhook endpoint, and the notice e-mail address when the organisation has one).
 */
export class NoticeService implements NoticeRaiser {
  constructor(private readonly deps: { db: Db; queue: JobQueue; audit: AuditLog; smtpConfigured: boolean }) {}

  async raise(tx: DbOrTx, input: RaiseInput): Promise<number> {
    const holders = rowsOf<{ organisation_id: string }>(
      await tx.execute(sql`select distinct organisation_id from download_grants where photo_id = ${input.photoId} order by organisation_id`),
    )
    let made = 0
    for (const { organisation_id: orgId } of holders) {
      const [notice] = await tx
        .insert(takedownNotices)
        .values({ photoId: input.photoId, organisationId: orgId, event: input.event, key: input.key ?? '', data: input.data?.(orgId) ?? {} })
        .onConflictDoNothing()
        .returning({ id: takedownNotices.id })
      if (!notice) continue
      made++
      await this.#fanOut(tx, notice.id, orgId, input.event)
    }
    return made
  }

  async #fanOut(tx: DbOrTx, noticeId: string, orgId: string, event: NoticeEvent) {
    const endpoints = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.organisationId, orgId),
          eq(webhookEndpoints.enabled, true),
          sql`${webhookEndpoints.deletedAt} is null`,
          sql`${event} = any(${webhookEndpoints.events})`,
        ),
      )
    for (const e of endpoints) {
      const [d] = await tx
        .insert(noticeDeliveries)
        .values({ noticeId, channel: 'webhook', endpointId: e.id })
        .onConflictDoNothing()
        .returning({ id: noticeDeliveries.id })
      if (d) await this.deps.queue.enqueue(tx, WEBHOOK_JOB, { deliveryId: d.id }, { dedupeKey: `${WEBHOOK_JOB}:${d.id}`, maxAttempts: MAX_ATTEMPTS })
    }
    const [org] = await tx.select({ noticeEmail: organisations.noticeEmail }).from(organisations).where(eq(organisations.id, orgId)).limit(1)
    if (org?.noticeEmail) {
      // Without SMTP the job waits in the outbox (no handler claims it) and the admin sees 'waiting'.
      const state = this.deps.smtpConfigured ? 'pending' : 'waiting'
      const [d] = await tx.insert(noticeDeliveries).values({ noticeId, channel: 'email', state }).onConflictDoNothing().returning({ id: noticeDeliveries.id })
      if (d) await this.deps.queue.enqueue(tx, EMAIL_JOB, { deliveryId: d.id }, { dedupeKey: `${EMAIL_JOB}:${d.id}`, maxAttempts: MAX_ATTEMPTS })
    }
  }

  /**
   * The organisation confirms it acted on the notice. Idempotent; only the notice's own organisation. The
   * first acknowledgement is an audit event, so the person pictured finds it in their history too.
   */
  async acknowledge(orgId: string, noticeId: string) {
    return this.deps.db.transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(takedownNotices)
        .where(and(eq(takedownNotices.id, noticeId), eq(takedownNotices.organisationId, orgId)))
        .limit(1)
        .for('update')
      if (!before) throw noticeProblems.notFound()
      if (before.acknowledgedAt) return noticeView(before)
      const [row] = await tx
        .update(takedownNotices)
        .set({ state: 'acknowledged', acknowledgedAt: new Date() })
        .where(eq(takedownNotices.id, noticeId))
        .returning()
      await this.deps.audit.append(tx, {
        type: 'notice.acknowledged',
        actor: { kind: 'organisation', id: orgId },
        photoId: row!.photoId,
        data: { noticeId, event: row!.event },
      })
      return noticeView(row!)
    })
  }

  /**
   * The admin sends a delivery on its way again: one that gave up (dead) gets a fresh window from now, one
   * still retrying with backoff is tried at once. An e-mail without a mail server, a delivered one, or one
   * whose endpoint is gone is refused with the reason. One transaction with its outbox job.
   */
  async retry(deliveryId: string, actor: { kind: 'user'; id: string }) {
    await this.deps.db.transaction(async (tx) => {
      const [d] = await tx.select().from(noticeDeliveries).where(eq(noticeDeliveries.id, deliveryId)).limit(1).for('update')
      if (!d) throw noticeProblems.deliveryNotFound()
      if (d.state === 'waiting' && !this.deps.smtpConfigured) throw noticeProblems.noMailServer()
      if (d.state !== 'dead' && d.state !== 'pending' && d.state !== 'waiting') throw noticeProblems.notRetryable(d.state)
      const [n] = await tx.select({ state: takedownNotices.state }).from(takedownNotices).where(eq(takedownNotices.id, d.noticeId)).limit(1)
      if (n?.state === 'acknowledged') throw noticeProblems.notRetryable('acknowledged')
      const kind = d.channel === 'webhook' ? WEBHOOK_JOB : EMAIL_JOB
      const dedupeKey = `${kind}:${d.id}`
      await tx.update(noticeDeliveries).set({ state: 'pending', retriedAt: new Date() }).where(eq(noticeDeliveries.id, d.id))
      // A job still waiting out its backoff runs now; otherwise (dead, or never queued) a new one is queued.
      await jobsRepo.runPendingNow(tx, dedupeKey)
      await this.deps.queue.enqueue(tx, kind, { deliveryId: d.id }, { dedupeKey, maxAttempts: MAX_ATTEMPTS })
      await this.deps.audit.append(tx, { type: 'notice.delivery-retried', actor, data: { noticeId: d.noticeId, deliveryId: d.id, channel: d.channel } })
    })
    const [after] = await this.deps.db.select().from(noticeDeliveries).where(eq(noticeDeliveries.id, deliveryId)).limit(1)
    return deliveryView(after!)
  }

  /** An organisation's notices, newest first (for desks that poll instead of, or besides, receiving webhooks). */
  async listForOrganisation(orgId: string, limit: number) {
    const rows = await this.deps.db
      .select()
      .from(takedownNotices)
      .where(eq(takedownNotices.organisationId, orgId))
      .orderBy(desc(takedownNotices.createdAt), desc(takedownNotices.id))
      .limit(limit)
    return rows.map(noticeView)
  }

  /** The admin's view: every notice with each channel's delivery state (e-mail 'waiting' without SMTP, 'dead' after three days). */
  async listForAdmin(limit: number, state?: string) {
    const rows = await this.deps.db
      .select({ n: takedownNotices, organisation: organisations.name })
      .from(takedownNotices)
      .innerJoin(organisations, eq(organisations.id, takedownNotices.organisationId))
      .where(state ? eq(takedownNotices.state, state as 'queued') : undefined)
      .orderBy(desc(takedownNotices.createdAt), desc(takedownNotices.id))
      .limit(limit)
    const ids = rows.map((r) => r.n.id)
    const deliveries = ids.length ? await this.deps.db.select().from(noticeDeliveries).where(inArray(noticeDeliveries.noticeId, ids)) : []
    return rows.map(({ n, organisation }) => ({
      ...noticeView(n),
      organisation: { id: n.organisationId, name: organisation },
      deliveries: deliveries.filter((d) => d.noticeId === n.id).map(deliveryView),
    }))
  }
}

function deliveryView(d: typeof noticeDeliveries.$inferSelect) {
  return {
    id: d.id,
    channel: d.channel,
    endpointId: d.endpointId,
    state: d.state,
    attempts: d.attempts,
    lastResult: d.lastResult,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    retriedAt: d.retriedAt?.toISOString() ?? null,
  }
}

export function noticeView(n: typeof takedownNotices.$inferSelect) {
  return {
    id: n.id,
    event: n.event,
    photoId: n.photoId,
    state: n.state,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    deliveredAt: n.deliveredAt?.toISOString() ?? null,
    acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
  }
}
