import crypto from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { Problem, problems } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import { desksRepo } from '../desks/index.ts'
import { refuseUrl, type AddressPolicy } from './webhooks.address.ts'
import { NOTICE_EVENTS } from './webhooks.events.ts'
import * as webhooksRepo from './webhooks.repo.ts'
import type { EndpointRow } from './webhooks.repo.ts'
import type { DELIVERY_CHANNELS, DELIVERY_STATES } from './webhooks.table.ts'

type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number]
type DeliveryState = (typeof DELIVERY_STATES)[number]
import { newSecret, seal } from './webhooks.signing.ts'

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
    const org = await desksRepo.organisationById(this.deps.db, requested)
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
      await desksRepo.lockOrganisation(tx, orgId)
      const n = await webhooksRepo.countLiveEndpoints(tx, orgId)
      if (n >= MAX_ENDPOINTS) throw webhookProblems.tooMany()
      return webhooksRepo.insertEndpoint(tx, {
        id,
        organisationId: orgId,
        url: new URL(input.url).toString(),
        secretSealed: seal(this.deps.secretKey, secret, id),
        events,
      })
    })
    return { ...endpointView(row), secret }
  }

  async list(orgId: string) {
    const rows = await webhooksRepo.liveEndpoints(this.deps.db, orgId)
    return rows.map(endpointView)
  }

  /** The row stays for the delivery log; the secret goes, and pending deliveries to it are cancelled by their jobs. */
  async remove(orgId: string, endpointId: string) {
    const rows = await webhooksRepo.deleteEndpoint(this.deps.db, orgId, endpointId)
    if (!rows.length) throw webhookProblems.endpointNotFound()
  }

  /** The delivery log of an organisation's notices: one row per attempt, newest first. */
  async deliveries(orgId: string, opts: { endpointId?: string; noticeId?: string; limit: number }) {
    const rows = await webhooksRepo.attemptsOfOrganisation(this.deps.db, orgId, opts)
    return rows.map((r) => ({
      noticeId: String(r.notice_id),
      eventId: String(r.notice_id),
      event: String(r.event),
      deliveryId: String(r.delivery_id),
      channel: String(r.channel) as DeliveryChannel,
      endpointId: (r.endpoint_id as string | null) ?? null,
      deliveryState: String(r.state) as DeliveryState,
      attempt: Number(r.attempt),
      statusCode: r.status_code === null ? null : Number(r.status_code),
      errorClass: (r.error_class as string | null) ?? null,
      durationMs: Number(r.duration_ms),
      at: new Date(String(r.at instanceof Date ? r.at.toISOString() : r.at)).toISOString(),
    }))
  }
}
