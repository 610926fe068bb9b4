import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row per (caller, route, key): the request's fingerprint, and once answered the response to replay.
 * The key itself is kept only as a hash; the stored response is exactly what the caller was sent (less any
 * signed link, which is signed anew on replay).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** 'user:<id>' or 'apikey:<id>': a key never answers another caller. */
    caller: text('caller').notNull(),
    /** Method and route pattern, e.g. 'POST /v1/photos/:id/downloads'. */
    route: text('route').notNull(),
    keyHash: text('key_hash').notNull(),
    /** SHA-256 of method, path and body (for an upload: the file's hash and the fields). */
    fingerprint: text('fingerprint').notNull(),
    state: text('state').$type<'running' | 'done'>().notNull().default('running'),
    /** Which attempt holds the key: only that one may finish or release it. */
    token: text('token').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** What the request created, written in the same transaction (a retry after a crash finds it). */
    resourceId: text('resource_id'),
    status: integer('status'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    body: jsonb('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.caller, t.route, t.keyHash] }),
    index('idempotency_keys_expires_idx').on(t.expiresAt),
    check('idempotency_keys_state_check', sql`${t.state} in ('running', 'done')`),
  ],
)
