import crypto from 'node:crypto'
import type { FastifyReply } from 'fastify'
import type { Db, DbOrTx } from '../../db/client.ts'
import { toProblem } from '../../platform/errors.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import * as repo from './idempotency.repo.ts'

/** A response as sent (and as stored for a replay). */
export interface Outcome {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** The attempt that holds a key: only it may finish or release the key. */
export interface Claim {
  caller: string
  route: string
  keyHash: string
  token: string
}

export interface IdempotentRequest {
  /** The parsed Idempotency-Key (idempotencyKeyOf), or null when the request sent none. */
  key: string | null
  principal: Principal
  /** Method and route pattern: 'POST /v1/photos'. */
  route: string
  /** requestFingerprint(...) of this request. */
  fingerprint: string
}

export interface IdempotentHandlers {
  /** The work. `claim` (null without a key) lets it record what it created in its own transaction (attach). */
  run(claim: Claim | null): Promise<Outcome>
  /** After a crash: the response again for what the first attempt created, or null when that is gone. */
  resume?(resourceId: string): Promise<Outcome | null>
  /** What of the response is stored (default: all of it); `restore` turns it back into a response. */
  store?(o: Outcome): Outcome
  restore?(o: Outcome): Outcome
}

export const idempotencyProblems = {
  invalid: (detail: string) => new Problem(400, 'idempotency-key-invalid', 'The Idempotency-Key header is not valid', detail),
  reused: () =>
    new Problem(
      422,
      'idempotency-key-reused',
      'This Idempotency-Key was used for a different request',
      'A key may only be repeated with the very same request. Use a new key for a new request.',
    ),
  inFlight: (retryAfterSeconds: number) =>
    new Problem(
      409,
      'idempotency-key-in-use',
      'A request with this Idempotency-Key is still being processed',
      `Try again in ${retryAfterSeconds} seconds to get its response.`,
      {},
      { 'retry-after': String(retryAfterSeconds) },
    ),
}

// Printable ASCII only (the header is an sf-string in the IETF draft; Stripe takes the same characters bare).
const KEY = /^[\x20-\x7e]{1,255}$/

/**
 * The Idempotency-Key of a request: absent → null; sent twice, empty, longer than 255 characters or with
 * anything but printable ASCII → 400. A structured-field string ("…") is taken without its quotes.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null
  if (Array.isArray(header)) throw idempotencyProblems.invalid('Send one Idempotency-Key header.')
  let key = header.trim()
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1)
  if (!KEY.test(key) || key.trim() === '') {
    throw idempotencyProblems.invalid('An Idempotency-Key is 1 to 255 printable ASCII characters (a UUID, say).')
  }
  return key
}

/** A value's JSON with object keys sorted: the same request hashes the same, whatever the order of its fields. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/** SHA-256 over method, path and body (an upload passes its file's SHA-256 and its fields as the body). */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return crypto
    .createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonical(body)}`)
    .digest('hex')
}

/** Whose key it is: the user, or the API key itself (an organisation may hold several, each its own scope). */
export const callerScope = (p: Principal) => (p.via === 'apikey' ? `apikey:${p.sessionId}` : `user:${p.userId}`)

export interface IdempotencyOptions {
  db: Db
  /** How long a key is remembered (24 h: Stripe's window, the draft's example). */
  ttlSeconds?: number
  /** How long a first attempt holds its key; a crashed holder's key is taken over after it. */
  leaseSeconds?: number
}

type Begun = { kind: 'run'; claim: Claim; resourceId: string | null } | { kind: 'replay'; outcome: Outcome }

/**
 * Idempotency-Key for unsafe requests (draft-ietf-httpapi-idempotency-key-header; Stripe's semantics): the
 * first request with a key runs and its response is stored; a repeat with the same request gets that
 * response again (Idempotent-Replayed: true) and creates nothing; the same key with another request is 422;
 * a repeat while the first is running is 409 with Retry-After. A 5xx is not stored: the key is released so
 * that a retry runs again. Keys are scoped to the caller and the route, and expire after ttlSeconds.
 */
export class IdempotencyService {
  readonly #ttl: number
  readonly #lease: number

  constructor(private readonly opts: IdempotencyOptions) {
    this.#ttl = opts.ttlSeconds ?? 24 * 3600
    this.#lease = opts.leaseSeconds ?? 60
  }

  /** Sends the response for a request that may carry a key (see the class comment). */
  async respond(reply: FastifyReply, req: IdempotentRequest, h: IdempotentHandlers): Promise<FastifyReply> {
    if (req.key === null) return send(reply, await h.run(null))
    const begun = await this.#begin(callerScope(req.principal), req.route, req.key, req.fingerprint)
    if (begun.kind === 'replay') return send(reply, h.restore ? h.restore(begun.outcome) : begun.outcome, true)
    const { claim } = begun
    let outcome: Outcome | null = null
    try {
      if (begun.resourceId && h.resume) outcome = await h.resume(begun.resourceId)
      const resumed = outcome !== null
      outcome ??= await h.run(claim)
      if (outcome.status >= 500) {
        await this.release(claim)
        return send(reply, outcome)
      }
      await this.#complete(claim, h.store ? h.store(outcome) : outcome)
      return send(reply, outcome, resumed)
    } catch (err) {
      if (outcome) throw err // stored or released above; the failure was in the bookkeeping
      const problem = toProblem(err as Error)
      if (problem.status >= 500) await this.release(claim).catch(() => {})
      else await this.#complete(claim, { status: problem.status, headers: problem.headers, body: problem.toJSON() }).catch(() => {})
      throw err
    }
  }

  /**
   * Records what the request created, in the transaction that creates it; with `stored`, also the response
   * (already as it is to be kept): then the creation and its replayable answer commit together.
   */
  async attach(tx: DbOrTx, claim: Claim | null, resourceId: string, stored?: Outcome): Promise<void> {
    if (!claim) return
    await repo.attachResource(tx, claim, resourceId, stored)
  }

  /**
   * Lets go of a key without a stored response: the next request with it runs anew. A key that already
   * names what its request created stays, free to take over at once: if the creation could not be undone
   * (the database failing too, say), the retry is answered from it instead of being refused as a duplicate.
   */
  async release(claim: Claim): Promise<void> {
    await repo.releaseKey(this.opts.db, claim)
  }

  /** Ends every lease at once (after a crash, when no other process can hold one): retries take the keys over. */
  async expireLeases(): Promise<void> {
    await repo.expireAllLeases(this.opts.db)
  }

  /** Forgets expired keys; returns how many. */
  async sweep(): Promise<number> {
    return repo.deleteExpiredKeys(this.opts.db)
  }

  async #begin(caller: string, route: string, key: string, fingerprint: string): Promise<Begun> {
    const { db } = this.opts
    const keyHash = crypto.createHash('sha256').update(key).digest('hex')
    const token = crypto.randomUUID()
    const claim: Claim = { caller, route, keyHash, token }
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await repo.claimNewKey(db, { ...claim, fingerprint }, this.#lease, this.#ttl)) return { kind: 'run', claim, resourceId: null }

      const row = await repo.keyState(db, caller, route, keyHash)
      if (!row) continue // released in between: try to claim it again
      if (row.expired) {
        await repo.deleteKeyIfExpired(db, caller, route, keyHash)
        continue
      }
      if (row.fingerprint !== fingerprint) throw idempotencyProblems.reused()
      if (row.state === 'done') return { kind: 'replay', outcome: { status: row.status!, headers: row.headers ?? {}, body: row.body } }
      // Running: still held, or its holder crashed (lease over) and this request takes over.
      const taken = await repo.takeOverExpiredLease(db, claim, this.#lease)
      if (taken) return { kind: 'run', claim, resourceId: taken.resourceId }
      throw idempotencyProblems.inFlight(Math.min(Number(row.waitSeconds) || 1, this.#lease))
    }
    throw idempotencyProblems.inFlight(1)
  }

  async #complete(claim: Claim, o: Outcome): Promise<void> {
    await repo.completeKey(this.opts.db, claim, o)
  }
}

function send(reply: FastifyReply, o: Outcome, replayed = false): FastifyReply {
  reply.code(o.status).headers(o.headers)
  if (replayed) reply.header('idempotent-replayed', 'true')
  if (o.status >= 400) reply.type('application/problem+json; charset=utf-8')
  return reply.send(o.body)
}
