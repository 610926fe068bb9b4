/** idempotency's data access: the only file that queries idempotency_keys. No rules here: the service decides. */
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { idempotencyKeys } from './idempotency.table.ts'

/** One key as held by one attempt (the token tells the holder from a later taker-over). */
export interface HeldKey {
  caller: string
  route: string
  keyHash: string
  token: string
}

export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

const keyOf = (caller: string, route: string, keyHash: string) =>
  and(eq(idempotencyKeys.caller, caller), eq(idempotencyKeys.route, route), eq(idempotencyKeys.keyHash, keyHash))

const held = (k: HeldKey) => and(keyOf(k.caller, k.route, k.keyHash), eq(idempotencyKeys.token, k.token))

/** Claims a new key, leased for leaseSeconds and remembered for ttlSeconds; false when the key exists already. */
export async function claimNewKey(db: DbOrTx, k: HeldKey & { fingerprint: string }, leaseSeconds: number, ttlSeconds: number): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      caller: k.caller,
      route: k.route,
      keyHash: k.keyHash,
      fingerprint: k.fingerprint,
      token: k.token,
      lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      expiresAt: sql`now() + make_interval(secs => ${ttlSeconds})`,
    })
    .onConflictDoNothing()
    .returning({ k: idempotencyKeys.keyHash })
  return inserted.length > 0
}

/** The key as stored, with whether it expired and how long its lease still runs (in whole seconds, at least 1). */
export async function keyState(db: DbOrTx, caller: string, route: string, keyHash: string) {
  const [row] = await db
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      state: idempotencyKeys.state,
      status: idempotencyKeys.status,
      headers: idempotencyKeys.headers,
      body: idempotencyKeys.body,
      expired: sql<boolean>`${idempotencyKeys.expiresAt} <= now()`,
      waitSeconds: sql<number>`greatest(1, ceil(extract(epoch from (${idempotencyKeys.lockedUntil} - now()))))::int`,
    })
    .from(idempotencyKeys)
    .where(keyOf(caller, route, keyHash))
  return row
}

/** Deletes this key if it has expired. */
export async function deleteKeyIfExpired(db: DbOrTx, caller: string, route: string, keyHash: string): Promise<void> {
  await db.delete(idempotencyKeys).where(and(keyOf(caller, route, keyHash), lt(idempotencyKeys.expiresAt, sql`now()`)))
}

/**
 * Takes over a running key whose lease ran out (its holder crashed) under a new token; returns what the
 * earlier attempt had recorded as created, or undefined when the key is still held (or no longer running).
 */
export async function takeOverExpiredLease(db: DbOrTx, k: HeldKey, leaseSeconds: number): Promise<{ resourceId: string | null } | undefined> {
  const [taken] = await db
    .update(idempotencyKeys)
    .set({ token: k.token, lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(and(keyOf(k.caller, k.route, k.keyHash), eq(idempotencyKeys.state, 'running'), lt(idempotencyKeys.lockedUntil, sql`now()`)))
    .returning({ resourceId: idempotencyKeys.resourceId })
  return taken
}

/** Records what the request created on the held key; with `stored`, also marks it done with that response. */
export async function attachResource(db: DbOrTx, k: HeldKey, resourceId: string, stored?: StoredResponse): Promise<void> {
  const done = stored ? { state: 'done' as const, status: stored.status, headers: stored.headers, body: stored.body as never, lockedUntil: null } : {}
  await db
    .update(idempotencyKeys)
    .set({ resourceId, ...done })
    .where(held(k))
}

/** Marks the held key done with its response. */
export async function completeKey(db: DbOrTx, k: HeldKey, o: StoredResponse): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ state: 'done', status: o.status, headers: o.headers, body: o.body as never, lockedUntil: null })
    .where(held(k))
}

/** A held running key that names nothing created is deleted; one that does has its lease ended at once. */
export async function releaseKey(db: DbOrTx, k: HeldKey): Promise<void> {
  const running = and(held(k), eq(idempotencyKeys.state, 'running'))
  await db.delete(idempotencyKeys).where(and(running, isNull(idempotencyKeys.resourceId)))
  await db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(running)
}

/** Ends the lease of every running key. */
export async function expireAllLeases(db: DbOrTx): Promise<void> {
  await db.update(idempotencyKeys).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(idempotencyKeys.state, 'running'))
}

/** Deletes every expired key; returns how many. */
export async function deleteExpiredKeys(db: DbOrTx): Promise<number> {
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, sql`now()`)).returning({ k: idempotencyKeys.keyHash })
  return gone.length
}
