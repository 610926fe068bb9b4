import type { BlobStoreConfig } from '../../config.ts'
import type { BlobStore } from './blob-store.ts'
import { DiskBlobStore } from './disk.blob-store.ts'
import { S3BlobStore } from './s3.blob-store.ts'

/** The configured adapter, initialised: DATA_DIR/blobs on this machine, or the bucket every replica shares. */
export function openBlobStore(c: BlobStoreConfig): Promise<BlobStore> {
  if (c.kind === 'disk') return new DiskBlobStore(c.root).init()
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
