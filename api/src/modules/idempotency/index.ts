/**
 * idempotency: the Idempotency-Key header on unsafe requests that create something (an upload, a download
 * grant): a retry of the same request gets the first response again instead of a second photo or grant.
 * Owns the idempotency_keys table (caller, route, key hash, request fingerprint, the stored response).
 * Must never: replay a response to another caller or for another request, store more than the response
 * already held (a signed link is signed anew on replay, not stored), or keep a 5xx as final.
 */
export {
  callerScope,
  IdempotencyService,
  idempotencyKeyOf,
  idempotencyProblems,
  requestFingerprint,
  type Claim,
  type IdempotentHandlers,
  type IdempotentRequest,
  type Outcome,
} from './idempotency.service.ts'
export * as idempotencyRepo from './idempotency.repo.ts'
export { IDEMPOTENCY_DOC, IdempotencyHeaders } from './idempotency.schemas.ts'
