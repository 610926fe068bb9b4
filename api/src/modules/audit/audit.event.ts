/**
 * An audit event as a value: its vocabulary, the checks on what it may carry, and its hash. Pure functions,
 * no database: the hash must come out the same when an event is written and when it is read back years
 * later, so everything that goes into it is decided here.
 */
import crypto from 'node:crypto'
import { ACTOR_KINDS, type ActorKind } from './audit.kinds.ts'

/** Add a type here when a module starts recording one; the list is the trail's vocabulary. */
export const AUDIT_EVENT_TYPES = [
  'consent.created',
  'consent.changed',
  'consent.withdrawn',
  // "The person's word is final": a wider consent proposed, and what became of it (consent.service.ts).
  'consent.proposed',
  'consent.proposal-accepted',
  'consent.proposal-declined',
  'consent.proposal-superseded',
  'photo.published',
  // No dead ends (modules/workflow): a photo sent back with a note, a draft deleted, a person linked by mistake removed.
  'photo.returned',
  'photo.deleted',
  'consent.removed',
  // A curator or admin looked at a photo that is not published (the gate records it: modules/gate).
  'photo.reviewed',
  'download.granted',
  'download.refused',
  'download.publication-reported',
  'vault.read',
  'erasure.done',
  'collection.exported',
  'notice.acknowledged',
  // The admin sent a notice delivery that gave up on its way again (webhooks.notices.ts).
  'notice.delivery-retried',
  // Picture desks: organisations and their keys (desks.orgs.service.ts); ids only, never names or addresses.
  'organisation.created',
  'organisation.enabled',
  'organisation.disabled',
  'organisation.member-added',
  'organisation.member-removed',
  'apikey.created',
  'apikey.revoked',
  // The admin's users screen (auth.users.ts): ids and roles only, never an e-mail address or a name.
  'user.created',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
] as const
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number]

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue }
export type AuditData = { [key: string]: AuditValue }

export interface AuditActor {
  kind: ActorKind
  /** A user, organisation or subject id, or the name of a system component ('worker', 'expiry'). */
  id?: string | null
}

export interface NewAuditEvent {
  type: AuditEventType
  actor: AuditActor
  photoId?: string | null
  subjectId?: string | null
  /** Ids and codes only (see assertIdsAndCodes). */
  data?: AuditData
}

export interface AuditEvent {
  seq: number
  /** ISO 8601 in UTC with milliseconds, exactly as stored and hashed. */
  at: string
  type: AuditEventType
  actor: { kind: ActorKind; id: string | null }
  photoId: string | null
  subjectId: string | null
  data: AuditData
  prevHash: string
  hash: string
}

/** The prevHash of event 1. */
export const GENESIS_HASH = '0'.repeat(64)

/** Names the hash format, so a later format can be told apart and old events still verify. */
const HASH_DOMAIN = 'eerlijk-beeld/audit-event/v1\n'

export class AuditEventError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AuditEventError'
  }
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const KEY = /^[a-z][a-zA-Z0-9_]{0,63}$/
// An id, a code, a hash, a version or an ISO date: no spaces and no '@', so a name, a sentence or an
// e-mail address is refused. A tripwire for mistakes, not a proof that nothing personal gets in.
const ID_OR_CODE = /^[A-Za-z0-9._:/+=-]{0,200}$/
const MAX_DATA_CHARS = 4096

export function isUuid(s: string): boolean {
  return UUID.test(s)
}

/**
 * The trail keeps ids and codes only. Erasure deletes a person's data everywhere else but never touches the
 * trail (history can't be rewritten), so nothing that would need erasing may be written into it.
 */
export function assertIdsAndCodes(data: AuditData): void {
  const walk = (v: unknown, where: string, depth: number): void => {
    if (depth > 4) throw new AuditEventError(`audit data nested too deep at ${where}`)
    if (v === null || typeof v === 'boolean') return
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new AuditEventError(`audit data ${where} is not a finite number`)
      return
    }
    if (typeof v === 'string') {
      if (!ID_OR_CODE.test(v)) throw new AuditEventError(`audit data ${where} is not an id or a code (ids, codes and hashes only: no names, text or addresses)`)
      return
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        walk(x, `${where}[${i}]`, depth + 1)
      })
      return
    }
    if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      for (const [k, x] of Object.entries(v)) {
        if (!KEY.test(k)) throw new AuditEventError(`audit data key ${JSON.stringify(k.slice(0, 40))} is not a plain camelCase name`)
        if (x !== undefined) walk(x, `${where}.${k}`, depth + 1)
      }
      return
    }
    throw new AuditEventError(`audit data ${where} is not JSON (${typeof v})`)
  }
  walk(data, 'data', 0)
}

/**
 * JSON with object keys sorted at every level and undefined members left out: one byte string per value,
 * whatever order the keys were written in, and whatever order jsonb hands them back in.
 */
export function canonicalJson(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return JSON.stringify(v)
    case 'number':
      if (!Number.isFinite(v)) throw new AuditEventError('not a finite number')
      return JSON.stringify(v)
    case 'object': {
      const o = v as Record<string, unknown>
      const keys = Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
    }
    default:
      throw new AuditEventError(`not JSON: ${typeof v}`)
  }
}

/** SHA-256 (hex) over the canonical form of every field but the hash itself, prevHash included: the link. */
export function hashEvent(e: Omit<AuditEvent, 'hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    type: e.type,
    actor: { kind: e.actor.kind, id: e.actor.id },
    photoId: e.photoId,
    subjectId: e.subjectId,
    data: e.data,
    prevHash: e.prevHash,
  })
  return crypto.createHash('sha256').update(HASH_DOMAIN).update(body).digest('hex')
}

export type NormalisedEvent = Pick<AuditEvent, 'type' | 'actor' | 'photoId' | 'subjectId' | 'data'>

/**
 * Validates an event and brings it into the form the database will hand back (lower-case uuids, data as
 * it parses from its own JSON), so that what is hashed is what is stored.
 */
export function normaliseEvent(e: NewAuditEvent): NormalisedEvent {
  if (!(AUDIT_EVENT_TYPES as readonly string[]).includes(e.type)) throw new AuditEventError(`unknown audit event type: ${String(e.type).slice(0, 40)}`)
  if (!ACTOR_KINDS.includes(e.actor?.kind)) throw new AuditEventError(`unknown actor kind: ${String(e.actor?.kind).slice(0, 40)}`)
  const actorId = e.actor.id ?? null
  if (actorId !== null && (actorId.length === 0 || !ID_OR_CODE.test(actorId))) throw new AuditEventError('actor id must be an id or a code')
  const uuid = (v: string | null | undefined, name: string) => {
    if (v === undefined || v === null) return null
    if (!isUuid(v)) throw new AuditEventError(`${name} must be a uuid`)
    return v.toLowerCase()
  }
  const data = e.data ?? {}
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new AuditEventError('audit data must be an object')
  assertIdsAndCodes(data)
  const json = canonicalJson(data)
  if (json.length > MAX_DATA_CHARS) throw new AuditEventError(`audit data is larger than ${MAX_DATA_CHARS} characters`)
  return {
    type: e.type,
    actor: { kind: e.actor.kind, id: actorId },
    photoId: uuid(e.photoId, 'photoId'),
    subjectId: uuid(e.subjectId, 'subjectId'),
    data: JSON.parse(json) as AuditData,
  }
}
