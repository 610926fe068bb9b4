import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../api/src/config.ts'

describe('configuration', () => {
  it('runs embedded with no configuration at all', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({ port: 3000, embedded: true, seedDemo: true, databaseUrl: undefined, upload: { maxPixels: 100_000_000 } })
    expect(c.masterKey).toMatchObject({ createIfMissing: true })
    expect(Object.isFrozen(c)).toBe(true)
  })

  it('never seeds the demo into a database server, and requires a master key there', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' })).toThrow(/MASTER_KEY or MASTER_KEY_FILE is required/)
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@h/db', MASTER_KEY: Buffer.alloc(32, 7).toString('base64'), SEED_DEMO: '1' })
    expect(c.seedDemo).toBe(false)
    expect(c.embedded).toBe(false)
  })

  it('names every bad variable, and hides the values of secrets', () => {
    try {
      loadConfig({ PORT: '99999', MAX_PIXELS: 'lots', MASTER_KEY: 'my-secret-key', DATABASE_URL: 'mysql://secret@h' })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      const msg = (e as Error).message
      expect(msg).toMatch(/PORT/)
      expect(msg).toMatch(/MAX_PIXELS/)
      expect(msg).toMatch(/MASTER_KEY: invalid value \(not shown\)/)
      expect(msg).not.toContain('my-secret-key')
      expect(msg).not.toContain('mysql://secret')
    }
  })

  it('sweeps for expiry hourly and asks for renewal 30 days ahead by default, within bounds', () => {
    expect(loadConfig({}).expiry).toEqual({ sweepMinutes: 60, renewalNoticeDays: 30 })
    expect(loadConfig({ EXPIRY_SWEEP_MINUTES: '15', RENEWAL_NOTICE_DAYS: '60' }).expiry).toEqual({ sweepMinutes: 15, renewalNoticeDays: 60 })
    for (const bad of [
      { EXPIRY_SWEEP_MINUTES: '0' },
      { EXPIRY_SWEEP_MINUTES: '1441' },
      { EXPIRY_SWEEP_MINUTES: 'hourly' },
      { RENEWAL_NOTICE_DAYS: '0' },
      { RENEWAL_NOTICE_DAYS: '366' },
    ]) {
      expect(() => loadConfig(bad), JSON.stringify(bad)).toThrow(new RegExp(Object.keys(bad)[0]!))
    }
  })

  it('limits API keys, signed-in users and anonymous callers per minute, and caches key lookups briefly, by default', () => {
    const c = loadConfig({})
    expect(c.rateLimit).toEqual({ perKey: 600, perUser: 1200, anonymous: 300, windowSeconds: 60 })
    expect(c.apiKeyCacheSeconds).toBe(15)
    expect(loadConfig({ API_RATE_LIMIT_PER_MINUTE: '3', API_KEY_CACHE_SECONDS: '0' })).toMatchObject({ rateLimit: { perKey: 3 }, apiKeyCacheSeconds: 0 })
    for (const bad of [{ API_RATE_LIMIT_PER_MINUTE: '0' }, { ANONYMOUS_RATE_LIMIT_PER_MINUTE: 'many' }, { API_KEY_CACHE_SECONDS: '61' }]) {
      expect(() => loadConfig(bad), JSON.stringify(bad)).toThrow(new RegExp(Object.keys(bad)[0]!))
    }
  })

  it('keeps blobs on disk by default, in an S3 bucket when one is named, and refuses half or contradictory S3 settings', () => {
    expect(loadConfig({ DATA_DIR: '/srv/eb' }).blobStore).toEqual({ kind: 'disk', root: '/srv/eb/blobs' })
    const s3 = loadConfig({
      DATA_DIR: '/srv/eb',
      S3_BUCKET: 'eerlijk-beeld',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'sekret',
    })
    expect(s3.blobStore).toEqual({
      kind: 's3',
      bucket: 'eerlijk-beeld',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'sekret' },
      spoolRoot: '/srv/eb/spool',
    })
    // AWS itself: virtual-host addressing and the SDK's own credentials (an instance role) by default.
    expect(loadConfig({ BLOB_STORE: 's3', S3_BUCKET: 'eb-photos', S3_REGION: 'eu-central-1' }).blobStore).toMatchObject({
      endpoint: undefined,
      region: 'eu-central-1',
      forcePathStyle: false,
      credentials: undefined,
    })
    expect(loadConfig({ S3_BUCKET: 'eb-x', S3_ENDPOINT: 'https://garage.example', S3_FORCE_PATH_STYLE: '0' }).blobStore).toMatchObject({
      forcePathStyle: false,
    })
    for (const [bad, why] of [
      [{ BLOB_STORE: 's3' }, /S3_BUCKET is required with BLOB_STORE=s3/],
      [{ BLOB_STORE: 'disk', S3_BUCKET: 'eb-photos' }, /S3_BUCKET is set but BLOB_STORE=disk/],
      [{ S3_ENDPOINT: 'http://minio:9000' }, /no S3_BUCKET/],
      [{ S3_BUCKET: 'eb-photos', S3_ACCESS_KEY_ID: 'id' }, /go together/],
      [{ S3_BUCKET: 'Not_A_Bucket' }, /S3_BUCKET/],
      [{ BLOB_STORE: 'ftp' }, /BLOB_STORE/],
      [{ S3_BUCKET: 'eb-photos', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT: invalid value \(not shown\)/],
    ] as const) {
      expect(() => loadConfig(bad), JSON.stringify(bad)).toThrow(why)
    }
    try {
      loadConfig({ S3_BUCKET: 'eb-photos', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'sekret', S3_REGION: 'NOT VALID' })
      expect.unreachable()
    } catch (e) {
      expect((e as Error).message).toMatch(/S3_REGION/)
      expect((e as Error).message).not.toMatch(/AKIAEXAMPLE|sekret/)
    }
  })

  it('allows the crash hook only in tests', () => {
    expect(() => loadConfig({ TEST_CRASH_AFTER_DERIVATIVE_BLOBS: '2' })).toThrow(/only allowed with NODE_ENV=test/)
    expect(loadConfig({ NODE_ENV: 'test', TEST_CRASH_AFTER_DERIVATIVE_BLOBS: '2' }).testCrashAfterDerivativeBlobs).toBe(2)
  })
})
