/**
 * The blob-store port: where bytes live (encrypted originals, derivatives). Keys are opaque paths chosen
 * by the caller from random ids, never from content hashes, so a key reveals nothing about the file.
 * Adapters: disk.blob-store.ts (local disk, the default) and s3.blob-store.ts (one S3-compatible bucket
 * shared by replicas); open.ts picks the configured one. test/contracts/blob-store.contract.ts holds both to this port.
 */
import type { Readable } from 'node:stream'

export interface BlobInfo {
  key: string
  size: number
  modifiedAt: Date
}

export interface BlobStore {
  /** Writes atomically: readers see the old bytes or the new ones, never a partial file. */
  put(key: string, data: Buffer | Readable): Promise<{ size: number }>
  get(key: string): Promise<Buffer>
  stream(key: string): Promise<Readable>
  stat(key: string): Promise<BlobInfo | null>
  delete(key: string): Promise<void>
  /** Every key under a prefix (for start-up sweeps and tests). */
  list(prefix: string): AsyncIterable<BlobInfo>
  /** Removes temp files left by writes that were interrupted: in processes now gone, and this process's own older than staleMs. */
  sweepTemp(staleMs?: number): Promise<number>
  /** Lets go of what this process holds (its temp folder, connections). */
  close(): Promise<void>
}

export class BlobNotFound extends Error {
  constructor(readonly key: string) {
    super('blob not found')
    this.name = 'BlobNotFound'
  }
}

const KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/i

export function assertKey(key: string): string {
  if (!KEY.test(key) || key.includes('..') || key.length > 512) throw new Error('invalid blob key')
  return key
}
