import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { organisations, takedownNotices } from '../desks/desks.table.ts'

/**
 * An organisation's webhook endpoint. The secret is needed again to sign every delivery, so it is kept
 * encrypted (AES-256-GCM under a key derived from the master key), not hashed; it is shown once.
 * A deleted endpoint keeps its row (the delivery log points at it) but loses its secret.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** 'v1.<iv>.<ciphertext>.<tag>' (base64url); null once the endpoint is deleted. */
    secretSealed: text('secret_sealed'),
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.organisationId)],
)

export const DELIVERY_CHANNELS = ['webhook', 'email'] as const
/** pending: in the outbox; waiting: e-mail without SMTP configured; dead: gave up (after three days); cancelled: endpoint deleted. */
export const DELIVERY_STATES = ['pending', 'waiting', 'delivered', 'dead', 'cancelled'] as const

/** One notice on one channel (a webhook endpoint, or the organisation's notice e-mail address). */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => takedownNotices.id, { onDelete: 'cascade' }),
    channel: text('channel').$type<(typeof DELIVERY_CHANNELS)[number]>().notNull(),
    /** The endpoint for a webhook delivery; null for e-mail. */
    endpointId: uuid('endpoint_id').references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    state: text('state').$type<(typeof DELIVERY_STATES)[number]>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The last HTTP status, or an error class ('timeout', 'refused', 'blocked-address', …): never a response body. */
    lastResult: text('last_result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** When the admin last sent it on its way again (a dead delivery's new window starts here). */
    retriedAt: timestamp('retried_at', { withTimezone: true }),
  },
  (t) => [
    unique('notice_deliveries_once').on(t.noticeId, t.channel, t.endpointId).nullsNotDistinct(),
    check('notice_deliveries_channel_check', sql`${t.channel} in ('webhook', 'email')`),
    check('notice_deliveries_state_check', sql`${t.state} in ('pending', 'waiting', 'delivered', 'dead', 'cancelled')`),
    index('notice_deliveries_endpoint_idx').on(t.endpointId),
  ],
)

/** The delivery log: one row per attempt. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => noticeDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    statusCode: integer('status_code'),
    errorClass: text('error_class'),
    durationMs: integer('duration_ms').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
)
