/**
 * erasure: carrying out a person's request to be erased (DESIGN.md promises 3, 4, 6). Owns erasure_requests (the
 * portal records them through erasureRepo), and answers them by withdrawing every photo the person is in, then in
 * one transaction destroying the originals' data keys, the photos' texts, the pseudonym, the vault rows and
 * the portal links, writing `erasure.done` to the audit trail and queueing the blob deletions.
 * Must never: delete a blob before the transaction that destroys its key committed, touch the audit trail
 * beyond appending (ids, counts and the SHA-256 of the subject id; no pseudonym, no name), leave a photo
 * with the erased person in it shown to anyone, or be carried out by anyone but the consent officer (admin).
 */
export {
  DELETE_ORIGINAL,
  DELETE_VAULT_DOCUMENT,
  ErasureService,
  LEDGER_ACTOR,
  erasedPseudonym,
  erasureProblems,
  type ErasureResult,
} from './erasure.service.ts'
export { erasureRoutes } from './erasure.routes.ts'
export * as erasureRepo from './erasure.repo.ts'
export type { ErasureRequestRow } from './erasure.repo.ts'
