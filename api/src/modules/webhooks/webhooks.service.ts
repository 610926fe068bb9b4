import crypto from 'node:crypto'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { rowsOf, type Db } from '../../db/client.ts'
import { Problem, problems } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import { NOTICE_EVENTS, organisations } from '../desks/desks.table.ts'
import { refuseUrl, type AddressPolicy } from './webhooks.address.ts'
import { newSecret, seal } from './webhooks.signing.ts'
import { webhookEndpoints } from './webhooks.table.ts'

/** Enough for a desk with a staging and a production system, and a few more; a bound on fan-out per notice. */
export const MAX_ENDPOINTS = 10

export const webhookProblems = {
  urlRefused: (reason: string) =>
    new Problem(400, 'webhook-url-refused', 'This webhook URL is not accepted', `The URL is refused: ${reason}.`, {
      errors: [{ path: '/url', message: reason }],
    }),
  noOrganisation: () => problems.forbidden('This needs an organisation: log in as a journalist of an enabled organisation or use its API key.'),
  organisationRequired: () =>
    problems.validation('As an admin, say which organisation: ?organisationId=… (or organisationId in the body).', [
      { path: '/organisationId', message: 'required' },
    ]),
  organisationNotFound: () => new Problem(404, 'organisation-not-found', 'Organisation not found', 'There is no organisation with this id.'),
  endpointNotFound: () =>
    new Problem(404, 'webhook-endpoint-not-found', 'Webhook endpoint not found', 'Your organisation has no webhook endpoint with this id.'),
  tooMany: () =>
    new Problem(
      409,
      'too-many-webhook-endpoints',
      'Too many webhook endpoints',
      `An organisation can have at most ${MAX_ENDPOINTS} webhook endpoints. Delete one first.`,
    ),
}

type EndpointRow = typeof webhookEndpoints.$inferSelect

export function endpointView(e: EndpointRow) {
  return { id: e.id, organisationId: e.organisationId, url: e.url, events: e.events, enabled: e.enabled, createdAt: e.createdAt.toISOString() }
}

export class WebhooksService {
  constructor(private readonly deps: { db: Db; secretKey: Buffer; policy: AddressPolicy }) {}

  /**
   * Which organisation a call acts for: the caller's own (a journalist of an enabled organisation, or an API
   * key); an admin names one. Anyone else has none.
   */
  async organisationOf(principal: Principal, requested: string | undefined): Promise<string> {
    if (principal.organisationId) {
      if (requested && requested !== principal.organisationId) throw webhookProblems.noOrganisation()
      return principal.organisationId
    }
    if (principal.role !== 'admin') throw webhookProblems.noOrganisation()
    if (!requested) throw webhookProblems.organisationRequired()
    const [org] = await this.deps.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, requested)).limit(1)
    if (!org) throw webhookProblems.organisationNotFound()
    return org.id
  }

  async create(orgId: string, input: { url: string; events?: string[] }) {
    const reason = refuseUrl(input.url, this.deps.policy)
    if (reason) throw webhookProblems.urlRefused(reason)
    const events = [...new Set(input.events ?? NOTICE_EVENTS)].sort()
    const id = crypto.randomUUID()
    const secret = newSecret()
    const row = await this.deps.db.transaction(async (tx) => {
      // The organisation row locked: two creates at once can't both pass the count.
      await tx.execute(sql`select 1 from organisations where id = ${orgId} for update`)
      const [{ n }] = rowsOf<{ n: number }>(
        await tx.execute(sql`select count(*)::int as n from webhook_endpoints where organisation_id = ${orgId} and deleted_at is null`),
      ) as [{ n: number }]
      if (n >= MAX_ENDPOINTS) throw webhookProblems.tooMany()
      const [r] = await tx
        .insert(webhookEndpoints)
        .values({ id, organisationId: orgId, url: new URL(input.url).toString(), secretSealed: seal(this.deps.secretKey, secret, id), events })
        .returning()
      return r!
    })
    return { ...endpointView(row), secret }
  }

  async list(orgId: string) {
    const rows = await this.deps.db
      .select()
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organisationId, orgId), isNull(webhookEndpoints.deletedAt)))
      .orderBy(desc(webhookEndpoints.createdAt))
    return rows.map(endpointView)
  }

  /** The row stays for the delivery log; the secret goes, and pending deliveries to it are cancelled by their jobs. */
  async remove(orgId: string, endpointId: string) {
    const rows = await this.deps.db
      .update(webhookEndpoints)
      .set({ deletedAt: new Date(), enabled: false, secretSealed: null })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organisationId, orgId), isNull(webhookEndpoints.deletedAt)))
      .returning({ id: webhookEndpoints.id })
    if (!rows.length) throw webhookProblems.endpointNotFound()
  }

  /** The delivery log of an organisation's notices: one row per attempt, newest first. */
  async deliveries(orgId: string, opts: { endpointId?: string; noticeId?: string; limit: number }) {
    const rows = rowsOf<Record<string, unknown>>(
      await this.deps.db.execute(sql`
        select a.attempt, a.status_code, a.error_class, a.duration_ms, a.at, d.id as delivery_id, d.channel, d.endpoint_id, d.state, n.id as notice_id, n.event
        from delivery_attempts a
        join notice_deliveries d on d.id = a.delivery_id
        join takedown_notices n on n.id = d.notice_id
        where n.organisation_id = ${orgId}
          ${opts.endpointId ? sql`and d.endpoint_id = ${opts.endpointId}` : sql``}
          ${opts.noticeId ? sql`and n.id = ${opts.noticeId}` : sql``}
        order by a.at desc, a.id desc
        limit ${opts.limit}`),
    )
    return rows.map((r) => ({
      noticeId: String(r.notice_id),
      eventId: String(r.notice_id),
      event: String(r.event),
      deliveryId: String(r.delivery_id),
      channel: String(r.channel),
      endpointId: (r.endpoint_id as string | null) ?? null,
      deliveryState: String(r.state),
      attempt: Number(r.attempt),
      statusCode: r.status_code === null ? null : Number(r.status_code),
      errorClass: (r.error_class as string | null) ?? null,
      durationMs: Number(r.duration_ms),
      at: new Date(String(r.at instanceof Date ? r.at.toISOString() : r.at)).toISOString(),
    }))
  }
}
