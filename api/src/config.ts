/**
 * The only reader of process.env. Everything the app can be told is declared here, validated once,
 * and frozen; the rest of the code receives a Config and never looks at the environment itself.
 */
import path from 'node:path'
import Type, { type Static } from 'typebox'
import Value from 'typebox/value'

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

const Bool = Type.Union([Type.Literal('0'), Type.Literal('1'), Type.Literal('true'), Type.Literal('false')])

const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  HOST: Type.String({ default: '127.0.0.1', minLength: 1 }),
  /** Server processes sharing the port (node:cluster), each a full replica: only with DATABASE_URL (PGlite is one process's). */
  WORKERS: Type.Integer({ default: 1, minimum: 1, maximum: 64 }),
  PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+[^/]$' })),
  DATA_DIR: Type.String({ default: './data', minLength: 1 }),
  /** Where someone without an account, a password or a portal link turns to (shown on /account-help). */
  CONTACT_EMAIL: Type.Optional(Type.String({ pattern: '^[^\\s@]{1,64}@[^\\s@]{1,255}$' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /** The erasure ledger (platform/ledger.ts): outside every backup; a shared mount when replicas run on several machines. */
  LEDGER_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Where blobs live: disk (DATA_DIR/blobs, the default) or s3 (a shared bucket; the default when S3_BUCKET is set). */
  BLOB_STORE: Type.Optional(Type.Union([Type.Literal('disk'), Type.Literal('s3')])),
  S3_BUCKET: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$' })),
  /** MinIO, Garage or another S3-compatible server; unset: AWS S3 itself. */
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  S3_REGION: Type.String({ default: 'us-east-1', pattern: '^[a-z0-9-]{2,40}$' }),
  S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** bucket.host/key (virtual hosts, AWS) or host/bucket/key (path style: most self-hosted servers); default: path style with S3_ENDPOINT. */
  S3_FORCE_PATH_STYLE: Type.Optional(Bool),
  MEILISEARCH_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  MEILISEARCH_KEY: Type.Optional(Type.String()),
  /** Without Meilisearch: the in-process index (memory, the default) or PostgreSQL full text (postgres). */
  SEARCH_ENGINE: Type.Union([Type.Literal('memory'), Type.Literal('postgres')], { default: 'memory' }),
  /** How long an engine answer (ids and facet counts only; every hit is still gated per request) may be reused; 0 turns it off. */
  SEARCH_CACHE_SECONDS: Type.Number({ default: 10, minimum: 0, maximum: 300 }),
  PHOTO_CACHE_SECONDS: Type.Number({ default: 300, minimum: 0, maximum: 3600 }),
  MASTER_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$' })),
  MASTER_KEY_FILE: Type.Optional(Type.String({ minLength: 1 })),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  MAX_UPLOAD_BYTES: Type.Integer({ default: 50 * 1024 * 1024, minimum: 1024 }),
  MAX_PIXELS: Type.Integer({ default: 100_000_000, minimum: 10_000 }),
  PIPELINE_CONCURRENCY: Type.Integer({ default: 2, minimum: 1, maximum: 64 }),
  PIPELINE_QUEUE: Type.Integer({ default: 8, minimum: 0, maximum: 1000 }),
  SESSION_TTL_HOURS: Type.Integer({ default: 12, minimum: 1, maximum: 24 * 30 }),
  COOKIE_SECURE: Type.Optional(Bool),
  TRUST_PROXY: Type.Optional(Bool),
  SEED_DEMO: Type.Optional(Bool),
  WORKER_ENABLED: Type.Optional(Bool),
  WORKER_POLL_MS: Type.Integer({ default: 1000, minimum: 10, maximum: 60_000 }),
  JOB_LEASE_SECONDS: Type.Integer({ default: 60, minimum: 1, maximum: 3600 }),
  LOGIN_RATE_LIMIT: Type.Integer({ default: 10, minimum: 1 }),
  /** Requests per minute for each API key (picture desks' systems). */
  API_RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 600, minimum: 1 }),
  /** Requests per minute for each signed-in user (a gallery page loads many thumbnails). */
  SESSION_RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 1200, minimum: 1 }),
  /** Requests per minute for each client address without credentials. */
  ANONYMOUS_RATE_LIMIT_PER_MINUTE: Type.Integer({ default: 300, minimum: 1 }),
  /** How long an API key lookup is reused in memory; a revoke reaches other replicas within this time. 0: never. */
  API_KEY_CACHE_SECONDS: Type.Integer({ default: 15, minimum: 0, maximum: 60 }),
  /** How long a resolved session may be kept in memory at most while the change feed is heard; 0: always read. */
  SESSION_CACHE_SECONDS: Type.Integer({ default: 300, minimum: 0, maximum: 3600 }),
  PORTAL_LINK_DAYS: Type.Integer({ default: 365, minimum: 1, maximum: 3650 }),
  /** How often expired consent is made final and renewal questions are asked; a day at most, or the follow-up waits too long. */
  EXPIRY_SWEEP_MINUTES: Type.Integer({ default: 60, minimum: 1, maximum: 1440 }),
  /** How many days before the last valid day the person is asked to renew. */
  RENEWAL_NOTICE_DAYS: Type.Integer({ default: 30, minimum: 1, maximum: 365 }),
  /** E-mail takedown notices (DESIGN.md promise 4); without SMTP_URL they wait in the outbox, visible to the admin. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  SMTP_FROM: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  /** Webhooks to loopback addresses (and plain http to them): for tests and local development only. */
  WEBHOOK_ALLOW_LOOPBACK: Type.Optional(Bool),
  WEBHOOK_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, maximum: 60_000 }),
  /** First retry delay; doubles per attempt (with jitter) up to WEBHOOK_BACKOFF_MAX_MS. */
  WEBHOOK_BACKOFF_BASE_MS: Type.Integer({ default: 30_000, minimum: 1, maximum: 3_600_000 }),
  WEBHOOK_BACKOFF_MAX_MS: Type.Integer({ default: 6 * 3_600_000, minimum: 1, maximum: 24 * 3_600_000 }),
  /** A delivery that has not succeeded this long after the notice was made is given up (dead, shown to the admin). */
  WEBHOOK_GIVE_UP_HOURS: Type.Number({ default: 72, minimum: 0, maximum: 24 * 30 }),
  /** How long a signed download URL works; short, since anyone holding it can fetch the file. */
  DOWNLOAD_URL_TTL_SECONDS: Type.Integer({ default: 600, minimum: 10, maximum: 3600 }),
  /** How often a running server removes orphaned blobs and stale temp files (each at least an hour old). */
  ORPHAN_SWEEP_SECONDS: Type.Integer({ default: 900, minimum: 1, maximum: 86_400 }),
  /** Fault injection for the crash-recovery test: honoured only when NODE_ENV=test. */
  TEST_CRASH_AFTER_DERIVATIVE_BLOBS: Type.Optional(Type.Integer({ minimum: 0 })),
  /** Slow clients (issue 16): the whole request, the headers, an idle keep-alive, an idle socket. */
  REQUEST_TIMEOUT_MS: Type.Integer({ default: 300_000, minimum: 100, maximum: 3_600_000 }),
  HEADERS_TIMEOUT_MS: Type.Integer({ default: 10_000, minimum: 100, maximum: 120_000 }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ default: 5_000, minimum: 100, maximum: 600_000 }),
  IDLE_TIMEOUT_MS: Type.Integer({ default: 30_000, minimum: 100, maximum: 600_000 }),
  /** A request body slower than this (bytes per second, measured per BODY_RATE_WINDOW_MS) is cut off; 0: off. */
  MIN_BODY_BYTES_PER_SECOND: Type.Integer({ default: 8 * 1024, minimum: 0 }),
  BODY_RATE_WINDOW_MS: Type.Integer({ default: 10_000, minimum: 50, maximum: 600_000 }),
  /** Open connections allowed from one address at once; 0: no cap (behind a proxy every connection is the proxy's). */
  MAX_CONNECTIONS_PER_ADDRESS: Type.Integer({ default: 64, minimum: 0, maximum: 100_000 }),
})
type Env = Static<typeof EnvSchema>

export interface Config {
  env: Env['NODE_ENV']
  host: string
  port: number
  /** How many server processes share the port (platform/workers.ts); 1: this process serves. */
  workers: number
  /** PUBLIC_URL as configured: API responses carry relative URLs without it (never the request's Host). */
  publicUrl: string | undefined
  /**
   * Where absolute URLs must point (oEmbed, IIIF ids, JSON-LD): PUBLIC_URL, required in production; in
   * development and tests http://localhost:PORT. Never taken from a request's Host header.
   */
  origin: string
  dataDir: string
  /** CONTACT_EMAIL: the bank's address for account questions (no account, forgotten password, lost portal link). */
  contactEmail: string | undefined
  /** Where the erasure ledger lives (LEDGER_DIR, else DATA_DIR/ledger); never inside a backup. */
  ledgerDir: string
  databaseUrl: string | undefined
  embedded: boolean
  /** Where blobs live (modules/storage): DATA_DIR/blobs, or one S3-compatible bucket shared by every replica. */
  blobStore: BlobStoreConfig
  meilisearch: { url: string; key: string | undefined } | undefined
  /** The engine when Meilisearch is not configured (search.engine.ts). */
  searchEngine: 'memory' | 'postgres'
  searchCacheSeconds: number
  /** How long a photo record (row, gate inputs, derivatives) may be kept at most; 0: always read (gate.records.ts). */
  photoCacheSeconds: number
  masterKey: { inline: string } | { file: string; createIfMissing: boolean }
  logLevel: LogLevel
  upload: { maxBytes: number; maxPixels: number }
  pipeline: { concurrency: number; queue: number }
  sessionTtlHours: number
  cookieSecure: boolean
  trustProxy: boolean
  seedDemo: boolean
  worker: { enabled: boolean; pollMs: number; leaseSeconds: number }
  loginRateLimit: number
  /** Requests per window (one minute) per API key, signed-in user and anonymous client address. */
  rateLimit: { perKey: number; perUser: number; anonymous: number; windowSeconds: number }
  apiKeyCacheSeconds: number
  /** Sessions from memory while eb_auth_changed is heard (auth.cache.ts); 0: always read. */
  sessionCacheSeconds: number
  portalLinkDays: number
  expiry: { sweepMinutes: number; renewalNoticeDays: number }
  testCrashAfterDerivativeBlobs: number | undefined
  /** Seconds between sweeps of orphaned blobs and stale temp files in a running server. */
  orphanSweepSeconds: number
  smtp: { url: string; from: string } | undefined
  webhooks: { allowLoopback: boolean; timeoutMs: number; backoff: { baseMs: number; maxMs: number }; giveUpMs: number }
  downloads: { urlTtlSeconds: number }
  /** Limits for slow or greedy clients (server.ts, platform/connections.ts); the reverse proxy repeats them. */
  http: {
    requestTimeoutMs: number
    headersTimeoutMs: number
    keepAliveTimeoutMs: number
    idleTimeoutMs: number
    minBodyBytesPerSecond: number
    bodyRateWindowMs: number
    maxConnectionsPerAddress: number
  }
}

export type BlobStoreConfig =
  | { kind: 'disk'; root: string }
  | {
      kind: 's3'
      bucket: string
      endpoint: string | undefined
      region: string
      forcePathStyle: boolean
      /** Unset: the SDK's own credential chain (an instance or task role on AWS). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined
      /** Local folder for streams being spooled before their single PUT. */
      spoolRoot: string
    }

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
}

const flag = (v: string | undefined, fallback: boolean) => (v === undefined ? fallback : v === '1' || v === 'true')

/** Reads and validates the configuration. Secrets (MASTER_KEY, passwords in URLs) never appear in errors. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const v = source[key]
    if (v !== undefined && v !== '') raw[key] = v
  }
  const converted = Value.Default(EnvSchema, Value.Convert(EnvSchema, raw))
  const errors = [...Value.Errors(EnvSchema, converted)]
  if (errors.length > 0) {
    const secret = new Set(['/MASTER_KEY', '/DATABASE_URL', '/MEILISEARCH_KEY', '/SMTP_URL', '/S3_ACCESS_KEY_ID', '/S3_SECRET_ACCESS_KEY', '/S3_ENDPOINT'])
    throw new ConfigError(
      errors.map((e) => {
        const name = e.instancePath.replace(/^\//, '') || '(root)'
        return secret.has(e.instancePath) ? `${name}: invalid value (not shown)` : `${name}: ${e.message}`
      }),
    )
  }
  const env = converted as Env
  const dataDir = path.resolve(env.DATA_DIR)
  const embedded = env.DATABASE_URL === undefined
  const problems: string[] = []
  if (!embedded && !env.MASTER_KEY && !env.MASTER_KEY_FILE) {
    // A server deployment may run several replicas: a key made up by one of them would lock the others out.
    problems.push('MASTER_KEY or MASTER_KEY_FILE is required when DATABASE_URL is set')
  }
  if (embedded && env.WORKERS > 1) {
    // The embedded database belongs to one process: a second one would find its data directory locked.
    problems.push(
      `WORKERS=${env.WORKERS} needs DATABASE_URL: the embedded database (PGlite) belongs to one process, so without a PostgreSQL server WORKERS must be 1`,
    )
  }
  if (env.TEST_CRASH_AFTER_DERIVATIVE_BLOBS !== undefined && env.NODE_ENV !== 'test') {
    problems.push('TEST_CRASH_AFTER_DERIVATIVE_BLOBS is only allowed with NODE_ENV=test')
  }
  if (flag(env.WEBHOOK_ALLOW_LOOPBACK, false) && env.NODE_ENV === 'production') {
    // In production a loopback webhook is a way into the server's own services (SSRF).
    problems.push('WEBHOOK_ALLOW_LOOPBACK is not allowed with NODE_ENV=production')
  }
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL) {
    // Absolute URLs (oEmbed, IIIF, JSON-LD, links in notices) would otherwise have to come from the
    // request's Host header, which any client can set, and an oEmbed answer is cached publicly.
    problems.push('PUBLIC_URL is required with NODE_ENV=production (e.g. PUBLIC_URL=https://beeld.example.nl): absolute links are never taken from the request')
  }
  const blobStore = env.BLOB_STORE ?? (env.S3_BUCKET ? 's3' : 'disk')
  if (blobStore === 's3' && !env.S3_BUCKET) problems.push('S3_BUCKET is required with BLOB_STORE=s3')
  if (blobStore === 'disk' && env.S3_BUCKET) {
    // Photos silently landing on one machine's disk while the operator thinks they are shared is worse than not starting.
    problems.push('S3_BUCKET is set but BLOB_STORE=disk: unset one of them')
  }
  if (blobStore === 'disk' && (env.S3_ENDPOINT || env.S3_ACCESS_KEY_ID || env.S3_SECRET_ACCESS_KEY)) {
    problems.push('S3_ENDPOINT / S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY are set but no S3_BUCKET: set S3_BUCKET (and BLOB_STORE=s3) or unset them')
  }
  if (!env.S3_ACCESS_KEY_ID !== !env.S3_SECRET_ACCESS_KEY)
    problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither (the SDK credential chain)')
  if (problems.length) throw new ConfigError(problems)

  return Object.freeze({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    workers: env.WORKERS,
    publicUrl: env.PUBLIC_URL,
    origin: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    dataDir,
    contactEmail: env.CONTACT_EMAIL,
    ledgerDir: path.resolve(env.LEDGER_DIR ?? path.join(dataDir, 'ledger')),
    databaseUrl: env.DATABASE_URL,
    embedded,
    blobStore:
      blobStore === 's3'
        ? {
            kind: 's3' as const,
            bucket: env.S3_BUCKET!,
            endpoint: env.S3_ENDPOINT,
            region: env.S3_REGION,
            forcePathStyle: flag(env.S3_FORCE_PATH_STYLE, env.S3_ENDPOINT !== undefined),
            credentials: env.S3_ACCESS_KEY_ID ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY! } : undefined,
            spoolRoot: path.join(dataDir, 'spool'),
          }
        : { kind: 'disk' as const, root: path.join(dataDir, 'blobs') },
    meilisearch: env.MEILISEARCH_URL ? { url: env.MEILISEARCH_URL, key: env.MEILISEARCH_KEY } : undefined,
    searchEngine: env.SEARCH_ENGINE,
    searchCacheSeconds: env.SEARCH_CACHE_SECONDS,
    photoCacheSeconds: env.PHOTO_CACHE_SECONDS,
    masterKey: env.MASTER_KEY
      ? { inline: env.MASTER_KEY }
      : { file: path.resolve(env.MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')), createIfMissing: embedded && !env.MASTER_KEY_FILE },
    logLevel: env.LOG_LEVEL as LogLevel,
    upload: { maxBytes: env.MAX_UPLOAD_BYTES, maxPixels: env.MAX_PIXELS },
    pipeline: { concurrency: env.PIPELINE_CONCURRENCY, queue: env.PIPELINE_QUEUE },
    sessionTtlHours: env.SESSION_TTL_HOURS,
    // Secure in production, and whenever the public address is https (a proxy in front terminating TLS).
    cookieSecure: flag(env.COOKIE_SECURE, env.NODE_ENV === 'production' || (env.PUBLIC_URL ?? '').startsWith('https://')),
    trustProxy: flag(env.TRUST_PROXY, false),
    // Demo photos are for the embedded default only: never seeded into a real server's database.
    seedDemo: embedded && flag(env.SEED_DEMO, true),
    worker: { enabled: flag(env.WORKER_ENABLED, true), pollMs: env.WORKER_POLL_MS, leaseSeconds: env.JOB_LEASE_SECONDS },
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    rateLimit: {
      perKey: env.API_RATE_LIMIT_PER_MINUTE,
      perUser: env.SESSION_RATE_LIMIT_PER_MINUTE,
      anonymous: env.ANONYMOUS_RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60,
    },
    apiKeyCacheSeconds: env.API_KEY_CACHE_SECONDS,
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    portalLinkDays: env.PORTAL_LINK_DAYS,
    expiry: { sweepMinutes: env.EXPIRY_SWEEP_MINUTES, renewalNoticeDays: env.RENEWAL_NOTICE_DAYS },
    testCrashAfterDerivativeBlobs: env.TEST_CRASH_AFTER_DERIVATIVE_BLOBS,
    orphanSweepSeconds: env.ORPHAN_SWEEP_SECONDS,
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.SMTP_FROM ?? 'Eerlijk Beeld <noreply@eerlijkbeeld.invalid>' } : undefined,
    webhooks: {
      allowLoopback: flag(env.WEBHOOK_ALLOW_LOOPBACK, false),
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      backoff: { baseMs: env.WEBHOOK_BACKOFF_BASE_MS, maxMs: env.WEBHOOK_BACKOFF_MAX_MS },
      giveUpMs: env.WEBHOOK_GIVE_UP_HOURS * 3_600_000,
    },
    downloads: { urlTtlSeconds: env.DOWNLOAD_URL_TTL_SECONDS },
    http: {
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS,
      idleTimeoutMs: env.IDLE_TIMEOUT_MS,
      minBodyBytesPerSecond: env.MIN_BODY_BYTES_PER_SECOND,
      bodyRateWindowMs: env.BODY_RATE_WINDOW_MS,
      maxConnectionsPerAddress: env.MAX_CONNECTIONS_PER_ADDRESS,
    },
  })
}
