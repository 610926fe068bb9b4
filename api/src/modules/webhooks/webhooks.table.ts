import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { organisations } from '../desks/desks.table.ts'
import { photos } from '../photos/photos.table.ts'
import { NOTICE_EVENTS, NOTICE_STATES } from './webhooks.events.ts'

export { NOTICE_EVENTS, NOTICE_STATES }

/** A takedown notice owed to one organisation; raised (for every organisation holding a download grant) and delivered (webhook, e-mail) here. */
export const takedownNotices = pgTable(
  'takedown_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    event: text('event').$type<(typeof NOTICE_EVENTS)[number]>().notNull(),
    /**
     * Which occurrence of the event: '' for the final ones (withdrawn, takedown: once per photo), the consent
     * version for a narrowing, the last valid day for an expiry warning. Narrowed twice → told twice.
     */
    key: text('key').notNull().default(''),
    /** What the organisation needs to act on: codes and dates only, never a name or pseudonym. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<(typeof NOTICE_STATES)[number]>().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    unique('takedown_notices_once').on(t.photoId, t.organisationId, t.event, t.key),
    check('takedown_notices_state_check', sql`${t.state} in ('queued', 'delivered', 'acknowledged')`),
    index('takedown_notices_org_idx').on(t.organisationId, t.state),
  ],
)

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
