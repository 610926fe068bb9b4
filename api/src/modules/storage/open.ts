import type { BlobStoreConfig } from '../../config.ts'
import type { BlobStore } from './blob-store.ts'
import { DiskBlobStore } from './disk.blob-store.ts'

/** The configured adapter, initialised: DATA_DIR/blobs on this machine, or the bucket every replica shares. */
export async function openBlobStore(c: BlobStoreConfig): Promise<BlobStore> {
  if (c.kind === 'disk') return new DiskBlobStore(c.root).init()
  // Loaded only when configured: the AWS SDK is a good part of the start of a process that never uses it.
  const { S3BlobStore } = await import('./s3.blob-store.ts')
  return new S3BlobStore({
    bucket: c.bucket,
    endpoint: c.endpoint,
    region: c.region,
    forcePathStyle: c.forcePathStyle,
    credentials: c.credentials,
    spoolRoot: c.spoolRoot,
  }).init()
}

/** How the store is named to an operator (logs, refusals): never the bucket's address or credentials. */
export const blobStoreName = (c: BlobStoreConfig) => (c.kind === 'disk' ? 'disk (DATA_DIR/blobs)' : 'S3 bucket')
