import crypto from 'node:crypto'
import type { Db } from '../../db/client.ts'
import { sha256 } from '../../platform/crypto.ts'
import type { LedgerPort } from '../../platform/ledger.ts'
import type { AuditActor, AuditLog } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import { desksProblems } from './desks.problems.ts'
import * as desksRepo from './desks.repo.ts'
import type { ApiKeyRow } from './desks.repo.ts'

/**
 * API keys: `ebk_<publicId>_<secret>`. The public id is 8 hex characters (shown in lists, finds the row);
 * the secret is 32 random bytes (256 bits) in base64url. Only SHA-256 of the whole key is stored.
 */
export const KEY_PREFIX = 'ebk_'
const KEY_FORMAT = /^ebk_([0-9a-f]{8})_([A-Za-z0-9_-]{43})$/

export interface ApiKeyView {
  id: string
  organisationId: string
  prefix: string
  name: string
  createdBy: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface CurrentKey {
  key: ApiKeyView
  organisation: { id: string; name: string }
}

interface CacheEntry {
  principal: Principal
  keyId: string
  organisationId: string
  expiresAt: number
}

export interface ApiKeyOptions {
  /** Revocations are written to the erasure ledger too (platform/ledger.ts). */
  ledger?: LedgerPort
  db: Db
  audit: AuditLog
  /**
   * How long a key lookup is reused (0: never). A revoke or a disabled organisation takes effect at once in
   * the process that made the change, and within this many seconds on every other replica.
   */
  cacheSeconds: number
  /** last_used_at is written at most once per this many ms per key and process: not on every request. */
  touchEveryMs?: number
  maxCached?: number
  now?: () => number
}

const iso = (d: Date | null) => (d ? d.toISOString() : null)
const view = (r: ApiKeyRow): ApiKeyView => ({
  id: r.id,
  organisationId: r.organisationId,
  prefix: r.prefix,
  name: r.name,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  lastUsedAt: iso(r.lastUsedAt),
  revokedAt: iso(r.revokedAt),
})

/** Hex digests of equal length: the comparison takes the same time wherever they differ. */
const sameDigest = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

export class ApiKeyService {
  /** sha256(key) → the resolved principal. A Map kept in insertion order is the LRU: a hit moves to the end. */
  readonly #cache = new Map<string, CacheEntry>()
  readonly #touched = new Map<string, number>()
  readonly #now: () => number

  constructor(private readonly opts: ApiKeyOptions) {
    this.#now = opts.now ?? Date.now
  }

  /** Makes a key; the returned `key` is the only time the secret exists outside the caller's hands. */
  async create(organisationId: string, name: string, actor: AuditActor & { userId?: string | null }): Promise<ApiKeyView & { key: string }> {
    const { db, audit } = this.opts
    return db.transaction(async (tx) => {
      const org = await desksRepo.lockOrganisation(tx, organisationId)
      if (!org) throw desksProblems.organisationNotFound()
      // 32 bits of public id: a collision is rare, and the unique index turns it into a retry.
      for (let attempt = 0; ; attempt++) {
        const publicId = crypto.randomBytes(4).toString('hex')
        const key = `${KEY_PREFIX}${publicId}_${crypto.randomBytes(32).toString('base64url')}`
        const row = await desksRepo.insertApiKey(tx, {
          organisationId,
          prefix: `${KEY_PREFIX}${publicId}`,
          secretHash: sha256(key),
          name,
          createdBy: actor.userId ?? null,
        })
        if (!row) {
          if (attempt < 5) continue
          throw new Error('could not find a free API key id')
        }
        await audit.append(tx, {
          type: 'apikey.created',
          actor: { kind: actor.kind, id: actor.id ?? null },
          data: { organisationId, keyId: row.id, prefix: row.prefix },
        })
        return { ...view(row), key }
      }
    })
  }

  async list(organisationId: string): Promise<ApiKeyView[]> {
    const rows = await desksRepo.keysOfOrganisation(this.opts.db, organisationId)
    return rows.map(view)
  }

  /**
   * Revokes a key (of this organisation, when one is given). Idempotent: revoking a revoked key answers
   * with it unchanged and records nothing new.
   */
  async revoke(keyId: string, organisationId: string | null, actor: AuditActor): Promise<ApiKeyView> {
    const { db, audit } = this.opts
    const result = await db.transaction(async (tx) => {
      const row = await desksRepo.revokeKey(tx, keyId, organisationId)
      if (row) {
        await audit.append(tx, {
          type: 'apikey.revoked',
          actor: { kind: actor.kind, id: actor.id ?? null },
          data: { organisationId: row.organisationId, keyId: row.id },
        })
        return { row, revoked: true }
      }
      const existing = await desksRepo.keyById(tx, keyId, organisationId)
      if (!existing) throw desksProblems.keyNotFound()
      return { row: existing, revoked: false }
    })
    this.forgetKey(result.row.id)
    // Outside the database too, so a restored backup cannot bring the key back (platform/ledger.ts).
    if (result.revoked) await this.opts.ledger?.record({ kind: 'api-key-revoked', keyId: result.row.id })
    return view(result.row)
  }

  /**
   * The principal an API key acts as, or null for a malformed, unknown or revoked key or one whose
   * organisation is not enabled. A key acts as a journalist of its organisation; it is not a user, so
   * userId and sessionId are the key's own id (no user row has it: nothing can be attributed to, or
   * owned by, a person through a key by mistake).
   */
  async authenticate(token: string): Promise<Principal | null> {
    const m = KEY_FORMAT.exec(token)
    if (!m) return null
    const hash = sha256(token)
    const now = this.#now()
    const hit = this.#cache.get(hash)
    if (hit) {
      this.#cache.delete(hash)
      if (hit.expiresAt > now) {
        this.#cache.set(hash, hit)
        await this.#touch(hit.keyId, now)
        return { ...hit.principal }
      }
    }
    const row = await desksRepo.keyByPrefix(this.opts.db, `${KEY_PREFIX}${m[1]}`)
    if (!row || !sameDigest(hash, row.secretHash) || row.revokedAt || !row.enabledAt) return null
    const principal: Principal = {
      userId: row.id,
      role: 'journalist',
      displayName: row.orgName,
      sessionId: row.id,
      via: 'apikey',
      organisationId: row.organisationId,
    }
    if (this.opts.cacheSeconds > 0) {
      this.#cache.set(hash, { principal, keyId: row.id, organisationId: row.organisationId, expiresAt: now + this.opts.cacheSeconds * 1000 })
      const max = this.opts.maxCached ?? 10_000
      while (this.#cache.size > max) this.#cache.delete(this.#cache.keys().next().value!)
    }
    await this.#touch(row.id, now)
    return { ...principal }
  }

  /** The key behind a principal that authenticated with one, with its organisation. */
  async current(keyId: string): Promise<CurrentKey> {
    const row = await desksRepo.keyWithOrganisationName(this.opts.db, keyId)
    if (!row) throw desksProblems.keyNotFound()
    return { key: view(row.key), organisation: { id: row.key.organisationId, name: row.orgName } }
  }

  /** Forgets every cached key (the change feed heard a revocation or an organisation change). */
  clear() {
    this.#cache.clear()
  }

  /** Drops a key from this process's cache (revoked). */
  forgetKey(keyId: string) {
    for (const [hash, e] of this.#cache) if (e.keyId === keyId) this.#cache.delete(hash)
  }

  /** Drops an organisation's keys from this process's cache (disabled, renamed). */
  forgetOrganisation(organisationId: string) {
    for (const [hash, e] of this.#cache) if (e.organisationId === organisationId) this.#cache.delete(hash)
  }

  /**
   * Records that a key was used, at most once a minute per key (per process): the write costs a round trip,
   * and a desk polling ten times a second must not turn every read into a write. Awaited, so the time is
   * stored when the response goes out; one request a minute pays for it.
   */
  async #touch(keyId: string, now: number) {
    const last = this.#touched.get(keyId)
    if (last !== undefined && now - last < (this.opts.touchEveryMs ?? 60_000)) return
    this.#touched.set(keyId, now)
    if (this.#touched.size > 10_000) this.#touched.delete(this.#touched.keys().next().value!)
    await desksRepo.touchKey(this.opts.db, keyId, new Date(now))
  }
}
