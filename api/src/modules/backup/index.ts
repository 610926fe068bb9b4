/**
 * backup: `cli backup create|restore` (database + blobs + a manifest of SHA-256 hashes) and re-applying the
 * erasure ledger (platform/ledger.ts) after a restore and at every start, so no backup brings back an erased
 * person, a withdrawn photo, a revoked portal link or a revoked API key (issue 18, DESIGN.md promises 3 and 4).
 * Owns no table. Must never: put the master key or the ledger into a backup, restore over a database without
 * checking every hash first, or let a server serve before the ledger has been re-applied.
 */
export {
  BLOB_PREFIXES,
  BackupError,
  MANIFEST,
  createBackup,
  pgliteArchive,
  restoreBlobs,
  restorePostgres,
  verifyBackup,
  type Manifest,
} from './backup.service.ts'
export { reapplyLedger, type Reapplied } from './backup.reapply.ts'
