/**
 * storage: where bytes live. Owns the blob-store port and its adapters.
 * Must never: derive a key from content (hashes), serve bytes itself (routes do, after the consent gate),
 * or hold plaintext originals (they arrive already encrypted).
 */
export * from './blob-store.ts'
export { DiskBlobStore } from './disk.blob-store.ts'
export { blobStoreName, openBlobStore } from './open.ts'
// The S3 adapter (s3.blob-store.ts) is loaded by openBlobStore when configured: not re-exported, so a
// process on disk never loads the AWS SDK.
export type { S3BlobStore, S3StoreError } from './s3.blob-store.ts'
