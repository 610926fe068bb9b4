import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import { openBlobStore } from '../../../api/src/modules/storage/index.ts'
import { S3BlobStore } from '../../../api/src/modules/storage/s3.blob-store.ts'
import { blobStoreContract, type BlobStoreSubject } from '../../contracts/blob-store.contract.ts'
import { files } from '../../support/app.ts'
import { configuredS3, startS3rver, type S3Target } from '../../support/s3.ts'

/** The contract against one S3 target, each store opened through the configuration as the app does. */
function s3Subject(target: () => Promise<S3Target>): BlobStoreSubject {
  let t: S3Target
  return {
    async setUp() {
      t = await target()
    },
    async tearDown() {
      await t?.close()
    },
    async open() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-s3-data-'))
      const config = loadConfig({ ...t.env, DATA_DIR: dataDir })
      const store = await openBlobStore(config.blobStore)
      const raw = new S3Client({
        endpoint: t.endpoint,
        region: config.blobStore.kind === 's3' ? config.blobStore.region : 'us-east-1',
        forcePathStyle: true,
        credentials: t.env.S3_ACCESS_KEY_ID ? { accessKeyId: t.env.S3_ACCESS_KEY_ID, secretAccessKey: t.env.S3_SECRET_ACCESS_KEY! } : undefined,
      })
      const others: { close(): Promise<void> }[] = []
      return {
        store,
        async raw(key) {
          try {
            const o = await raw.send(new GetObjectCommand({ Bucket: t.bucket, Key: key }))
            return Buffer.from(await o.Body!.transformToByteArray())
          } catch (err) {
            if ((err as Error).name === 'NoSuchKey') return null
            throw err
          }
        },
        leftovers: () => files(path.join(dataDir, 'spool')),
        async another() {
          const s = await openBlobStore(config.blobStore)
          others.push(s)
          return s
        },
        async close() {
          for (const s of [store, ...others]) await s.close()
          raw.destroy()
          fs.rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
  }
}

blobStoreContract(
  'S3 on s3rver',
  s3Subject(() => startS3rver()),
)

// MinIO, Garage or AWS S3 wherever S3_ENDPOINT and S3_BUCKET name one (the bucket must exist and be unversioned).
const real = configuredS3()
if (real)
  blobStoreContract(
    `S3 at S3_ENDPOINT (${new URL(real.endpoint).host})`,
    s3Subject(async () => real),
  )
else
  describe.skip('the blob-store contract against S3_ENDPOINT: skipped, S3_ENDPOINT and S3_BUCKET are not set (MinIO, Garage, AWS)', () => it('runs', () => {}))

describe('the S3 blob store', () => {
  let t: S3Target
  beforeAll(async () => {
    t = await startS3rver()
  })
  afterAll(async () => t?.close())

  it('refuses to start against a bucket that is not there, naming neither the address nor the credentials', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-s3-data-'))
    try {
      const c = loadConfig({ ...t.env, S3_BUCKET: 'no-such-bucket', DATA_DIR: dataDir })
      const err = await openBlobStore(c.blobStore).then(
        () => null,
        (e: Error) => e,
      )
      expect(err?.message).toMatch(/S3 blob store could not check the bucket: NoSuchBucket \(HTTP 404\)/)
      expect(err?.message).not.toContain('S3RVER')
      expect(err?.message).not.toContain(t.endpoint)
      expect(files(path.join(dataDir, 'spool'))).toEqual([])
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('refuses wrong credentials with the reason and without the secret', async () => {
    const secret = `wrong-${crypto.randomBytes(8).toString('hex')}`
    const store = new S3BlobStore({
      bucket: t.bucket,
      endpoint: t.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'NOBODY', secretAccessKey: secret },
      spoolRoot: fs.mkdtempSync(path.join(os.tmpdir(), 'eb-s3-spool-')),
    })
    const err = await store.init().then(
      () => null,
      (e: Error) => e,
    )
    expect(err?.message).toMatch(/S3 blob store could not check the bucket: InvalidAccessKeyId \(HTTP 403\)/)
    expect(err?.message).not.toContain(secret)
    await store.close()
  })

  it('names a failed read without the key: a missing object is BlobNotFound, an unreachable store an S3StoreError', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-s3-data-'))
    const store = await openBlobStore(loadConfig({ ...t.env, DATA_DIR: dataDir }).blobStore)
    try {
      await expect(store.get('originals/secret-name-1')).rejects.toMatchObject({ name: 'BlobNotFound' })
      const down = await startS3rver('eb-down')
      const gone = await openBlobStore(loadConfig({ ...down.env, DATA_DIR: dataDir }).blobStore)
      await down.close()
      const err = await gone.get('originals/secret-name-2').then(
        () => null,
        (e: Error) => e,
      )
      expect(err?.name).toBe('S3StoreError')
      expect(err?.message).not.toContain('secret-name-2')
      // A write to it fails the same way, and its spooled copy is gone with it.
      const put = await gone.put('originals/secret-name-3', Readable.from([crypto.randomBytes(70_000)])).then(
        () => null,
        (e: Error) => e,
      )
      expect(put?.name).toBe('S3StoreError')
      expect(put?.message).not.toContain('secret-name-3')
      expect(files(path.join(dataDir, 'spool'))).toEqual([])
      await gone.close()
    } finally {
      await store.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
