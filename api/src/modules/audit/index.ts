/**
 * audit: the hash-chained, append-only trail of consent changes, publications, downloads, withdrawals,
 * vault reads and erasures (DESIGN.md promise 6), and its verification (`npm run cli -- audit verify`).
 * Owns audit_events and audit_head; the database itself refuses UPDATE, DELETE and TRUNCATE on them.
 * Must never: record personal data (ids, codes and hashes only: erasure can't reach the trail), change or
 * delete an event (a correction is a new event), append outside the transaction of the change it records,
 * or hand events to a model or an outlet unshaped (forPhotos returns every field, other people's ids too).
 */
export { auditRoutes } from './audit.routes.ts'
export { AuditLog, type AuditProblem, type EventQuery, type VerifyOptions, type VerifyResult } from './audit.log.ts'
export {
  AUDIT_EVENT_TYPES,
  AuditEventError,
  GENESIS_HASH,
  assertIdsAndCodes,
  canonicalJson,
  hashEvent,
  type AuditActor,
  type AuditData,
  type AuditEvent,
  type AuditEventType,
  type AuditValue,
  type NewAuditEvent,
} from './audit.event.ts'
export { ACTOR_KINDS, AUDIT_SQLSTATE, type ActorKind } from './audit.kinds.ts'
export * as auditRepo from './audit.repo.ts'
