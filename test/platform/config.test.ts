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

  it('allows the crash hook only in tests', () => {
    expect(() => loadConfig({ TEST_CRASH_AFTER_DERIVATIVE_BLOBS: '2' })).toThrow(/only allowed with NODE_ENV=test/)
    expect(loadConfig({ NODE_ENV: 'test', TEST_CRASH_AFTER_DERIVATIVE_BLOBS: '2' }).testCrashAfterDerivativeBlobs).toBe(2)
  })
})
