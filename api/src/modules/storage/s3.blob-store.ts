import crypto from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import {
  DeleteObjectCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { claimScratch, sweepAbandoned, sweepStale, type Scratch } from '../../platform/scratch.ts'
import { assertKey, BlobNotFound, type BlobInfo, type BlobStore } from './blob-store.ts'

export interface S3BlobStoreOptions {
  bucket: string
  /** MinIO, Garage, s3rver…; unset: AWS S3 in `region`. */
  endpoint?: string
  region: string
  forcePathStyle: boolean
  /** Unset: the SDK's own chain (an instance or task role on AWS). */
  credentials?: { accessKeyId: string; secretAccessKey: string }
  /** A local folder for streams of unknown length (this process's own folder under it: platform/scratch.ts). */
  spoolRoot: string
}

/** How often one PUT is tried with a fresh body (a consumed stream can't be replayed by the SDK's own retry). */
const PUT_ATTEMPTS = 3

/**
 * Blobs as objects in one S3-compatible bucket (AWS S3, MinIO, Garage; s3rver in tests), so replicas on
 * several machines share them (issue 18).
 *
 * Atomicity: every write is one PutObject, which S3 makes visible only whole, under its final key, with a
 * Content-MD5 the server checks, so a body damaged or cut short on the way is refused instead of stored. A
 * stream of unknown length is first spooled to this process's own temp folder (its length must be known for
 * a single PUT); no multipart upload is ever started, so none can be left half-done in the bucket. Originals
 * arrive here already encrypted (photos.service, vault.service): the bucket only ever holds ciphertext of them.
 *
 * Purge: delete removes the object. A versioned bucket would keep every "deleted" version, so erasure would
 * not erase: init() refuses one.
 *
 * Never logs or puts into an error message a key, the bucket's credentials or a body.
 */
export class S3BlobStore implements BlobStore {
  readonly #client: S3Client
  readonly #putClient: S3Client
  readonly #bucket: string
  readonly #spoolRoot: string
  #scratch: Scratch | null = null

  constructor(opts: S3BlobStoreOptions) {
    this.#bucket = opts.bucket
    this.#spoolRoot = path.resolve(opts.spoolRoot)
    const options = {
      region: opts.region,
      ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
      forcePathStyle: opts.forcePathStyle,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
      // Only the checksums a request needs: the default (CRC32 on every PUT, in aws-chunked trailers for
      // streams) is not understood by many S3-compatible servers; Content-MD5 is, and is checked by all.
      requestChecksumCalculation: 'WHEN_REQUIRED' as const,
      responseChecksumValidation: 'WHEN_REQUIRED' as const,
      // A connection that can't be made, or a response that stalls, fails instead of hanging a request.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    }
    this.#client = new S3Client(options)
    // PUTs are retried here with a fresh body (#putOnce): the SDK's own retry would resend a consumed stream.
    this.#putClient = new S3Client({ ...options, maxAttempts: 1 })
  }

  /** Checks the bucket is reachable and not versioned, and claims this process's spool folder. */
  async init(): Promise<this> {
    let status: string | undefined
    try {
      status = (await this.#client.send(new GetBucketVersioningCommand({ Bucket: this.#bucket }))).Status
    } catch (err) {
      // A server without versioning at all (s3rver) says so; anything else (no such bucket, no access,
      // unreachable) stops the start with the reason, never with the credentials.
      if (!(err instanceof S3ServiceException && err.name === 'NotImplemented')) throw new S3StoreError('check the bucket', err)
    }
    if (status === 'Enabled' || status === 'Suspended') {
      throw new Error(
        'the S3 bucket has versioning enabled: a deleted photo would stay in an older version, so withdrawal and erasure could not remove it; use a bucket without versioning',
      )
    }
    this.#scratch ??= claimScratch(this.#spoolRoot)
    return this
  }

  get #spool(): string {
    if (!this.#scratch) throw new Error('S3BlobStore used before init()')
    return this.#scratch.dir
  }

  async close(): Promise<void> {
    this.#scratch?.release()
    this.#scratch = null
    this.#client.destroy()
    this.#putClient.destroy()
  }

  async put(key: string, data: Buffer | Readable): Promise<{ size: number }> {
    // As on disk: a source failing before pipeline() takes it must fail this write, not the process.
    if (!Buffer.isBuffer(data)) data.on('error', () => {})
    assertKey(key)
    if (Buffer.isBuffer(data)) {
      const md5 = crypto.createHash('md5').update(data).digest('base64')
      await this.#putOnce(key, () => data, data.length, md5)
      return { size: data.length }
    }
    const spool = this.#spool
    const file = path.join(spool, `${crypto.randomUUID()}.part`)
    let out: ReturnType<typeof createWriteStream> | undefined
    try {
      const hash = crypto.createHash('md5')
      let size = 0
      const measure = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk)
          size += chunk.length
          done(null, chunk)
        },
      })
      // pipeline puts an error handler on every stream: a source that fails (a vanished temp file, a client
      // that went away) fails this write, never the process.
      out = createWriteStream(file, { mode: 0o600, flags: 'wx' })
      await pipeline(data, measure, out)
      await this.#putOnce(key, () => createReadStream(file), size, hash.digest('base64'))
      return { size }
    } finally {
      // A source that fails at once can end the pipeline before the file is even open: wait for the write
      // stream to close (its file created, or not), so the spool file is surely gone after the rm.
      if (out && !out.closed) await new Promise<void>((resolve) => out!.once('close', () => resolve()))
      await fs.rm(file, { force: true })
    }
  }

  async #putOnce(key: string, body: () => Buffer | Readable, size: number, md5: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const b = body()
      // The SDK reads the file stream; an error on it must reject the send, not go unhandled.
      if (!Buffer.isBuffer(b)) b.on('error', () => {})
      try {
        await this.#putClient.send(new PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: b, ContentLength: size, ContentMD5: md5 }))
        return
      } catch (err) {
        if (!Buffer.isBuffer(b)) b.destroy()
        if (attempt >= PUT_ATTEMPTS || !retryable(err)) throw new S3StoreError('write a blob', err)
      }
    }
  }

  async get(key: string): Promise<Buffer> {
    const body = await this.#getBody(key)
    return Buffer.from(await body.transformToByteArray())
  }

  async stream(key: string): Promise<Readable> {
    const body = await this.#getBody(key)
    // In Node the body is the HTTP response (a Readable); its consumer (a reply, a zip) handles its errors.
    return body as unknown as Readable
  }

  async #getBody(key: string) {
    try {
      const res = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: assertKey(key) }))
      if (!res.Body) throw new BlobNotFound(key)
      return res.Body
    } catch (err) {
      if (missing(err)) throw new BlobNotFound(key)
      if (err instanceof BlobNotFound || isInvalidKey(err)) throw err
      throw new S3StoreError('read a blob', err)
    }
  }

  async stat(key: string): Promise<BlobInfo | null> {
    try {
      const h = await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: assertKey(key) }))
      return { key, size: h.ContentLength ?? 0, modifiedAt: h.LastModified ?? new Date(0) }
    } catch (err) {
      if (missing(err)) return null
      if (isInvalidKey(err)) throw err
      throw new S3StoreError('look up a blob', err)
    }
  }

  /** S3's DELETE is idempotent: a missing object is fine, as on disk. */
  async delete(key: string): Promise<void> {
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.#bucket, Key: assertKey(key) }))
    } catch (err) {
      if (missing(err)) return
      if (isInvalidKey(err)) throw err
      throw new S3StoreError('delete a blob', err)
    }
  }

  /**
   * Every object under the folder `prefix/` (as on disk: `derivatives/ab` does not list `derivatives/abc/…`),
   * in key order. Pages are chained with StartAfter (the last key seen), which every S3-compatible server
   * supports; continuation tokens are opaque and s3rver's use DES, which OpenSSL 3 (Node 17+) no longer has.
   */
  async *list(prefix: string): AsyncIterable<BlobInfo> {
    const folder = `${assertKey(prefix)}/`
    let after: string | undefined
    for (;;) {
      let page: ListObjectsV2CommandOutput
      try {
        page = await this.#client.send(new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: folder, StartAfter: after }))
      } catch (err) {
        throw new S3StoreError('list blobs', err)
      }
      const contents = page.Contents ?? []
      for (const o of contents) {
        if (o.Key) yield { key: o.Key, size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) }
      }
      const last = contents.at(-1)?.Key
      if (!page.IsTruncated || !last) return
      after = last
    }
  }

  /** Spool files of writes that were interrupted: in processes now gone, and this process's own older than staleMs. */
  async sweepTemp(staleMs = 3_600_000): Promise<number> {
    return sweepAbandoned(this.#spoolRoot) + (this.#scratch ? sweepStale(this.#scratch.dir, staleMs) : 0)
  }
}

/**
 * What the store says when S3 fails: the operation and the service's error name and status, never the key,
 * the bucket's address or credentials (an SDK message may quote the request).
 */
export class S3StoreError extends Error {
  readonly status: number | undefined
  constructor(what: string, cause: unknown) {
    const name = cause instanceof Error ? cause.name : 'Error'
    const status = cause instanceof S3ServiceException ? cause.$metadata.httpStatusCode : undefined
    super(`S3 blob store could not ${what}: ${name}${status ? ` (HTTP ${status})` : ''}`)
    this.name = 'S3StoreError'
    this.status = status
  }
}

function missing(err: unknown): boolean {
  if (!(err instanceof S3ServiceException)) return false
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || (err.$metadata.httpStatusCode === 404 && err.name !== 'NoSuchBucket')
}

const isInvalidKey = (err: unknown) => err instanceof Error && err.message === 'invalid blob key'

function retryable(err: unknown): boolean {
  if (err instanceof S3ServiceException) return (err.$metadata.httpStatusCode ?? 0) >= 500 || err.name === 'RequestTimeout' || err.name === 'SlowDown'
  // Network errors (reset, refused while a load balancer swaps a node).
  const code = (err as NodeJS.ErrnoException).code
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'ETIMEDOUT'
}
