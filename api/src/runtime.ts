/**
 * Starts and stops everything the app needs, in order: data-dir lock → database + migrations → licences
 * (validated, and published versions checked against their recorded hashes) → master key → blob store and temp sweeps → services and job handlers → recovery of interrupted work → HTTP app
 * → demo seed → worker and the expiry schedule. The server, the CLI and the tests all start the app through here.
 */
import path from 'node:path'
import pino from 'pino'
import type { FastifyBaseLogger } from 'fastify'
import { buildApp } from './app.ts'
import type { Config } from './config.ts'
import { openDatabase, type Database, type Listener } from './db/client.ts'
import { loadMasterKey } from './platform/crypto.ts'
import { Ledger } from './platform/ledger.ts'
import { loggerOptions } from './platform/logger.ts'
import { claimScratch, sweepAbandoned, sweepStale, type Scratch } from './platform/scratch.ts'
import { Semaphore } from './platform/semaphore.ts'
import { singleFlight } from './platform/single-flight.ts'
import { lockDataDir } from './platform/data-dir.ts'
import { AuditLog } from './modules/audit/index.ts'
import { AuthCache, AuthService } from './modules/auth/index.ts'
import { reapplyLedger } from './modules/backup/index.ts'
import { CollectionsService } from './modules/collections/index.ts'
import { ApiKeyService, OrganisationsService } from './modules/desks/index.ts'
import { JobQueue, Worker, jobsRepo } from './modules/jobs/index.ts'
import { IdempotencyService } from './modules/idempotency/index.ts'
import { ConsentService, EXPIRY_SWEEP_JOB, ExpiryService, type LicenceTerms } from './modules/consent/index.ts'
import { DownloadsService } from './modules/downloads/index.ts'
import { DELETE_ORIGINAL, DELETE_VAULT_DOCUMENT, ErasureService } from './modules/erasure/index.ts'
import { loadLicences, verifyPublishedLicences } from './modules/licences/index.ts'
import { RightsService } from './modules/rights/index.ts'
import { Gate } from './modules/gate/index.ts'
import { PhotosService, Publication } from './modules/photos/index.ts'
import { PortalService } from './modules/portal/index.ts'
import { VaultService } from './modules/vault/index.ts'
import { EMAIL_JOB, NoticeDelivery, NoticeService, WEBHOOK_JOB, WebhooksService } from './modules/webhooks/index.ts'
import { EmbedService } from './modules/embed/index.ts'
import { openBlobStore, type BlobStore } from './modules/storage/index.ts'
import {
  CachedSearchEngine,
  createSearchEngine,
  MemorySearchEngine,
  SEARCH_REMOVE_JOB,
  SEARCH_UPSERT_JOB,
  SearchDocuments,
  SearchService,
  searchSyncJob,
} from './modules/search/index.ts'
import { demoInPlace, seedDemo } from './seed.ts'
import { WorkflowService } from './modules/workflow/index.ts'
import { parseLicenceRef } from '../../contract/licence-ref.ts'

import type { Runtime, RuntimeOptions } from './runtime.types.ts'

export type { Runtime, RuntimeOptions }

/** A temp file untouched this long belongs to no live request (each ends within REQUEST_TIMEOUT_MS, 5 minutes by default). */
const STALE_TEMP_MS = 3_600_000
/** The worker lane of derivative rendering (one job at a time, beside the default lane). */
const MEDIA_LANE = 'media'

export async function startRuntime(config: Readonly<Config>, opts: RuntimeOptions = {}): Promise<Runtime> {
  const logger = opts.logger ?? (pino(loggerOptions(config)) as unknown as FastifyBaseLogger)
  const unlock = config.embedded && !opts.database ? lockDataDir(config.dataDir) : () => {}
  let database: Database | undefined
  let scratch: Scratch | undefined
  let blobStore: BlobStore | undefined
  try {
    database =
      opts.database ??
      (await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pg') }))
    await database.migrate()

    // Before anything is served: a licence file that does not validate, or a published version whose
    // files changed since it was first seen, stops the start here (DESIGN.md, "Licences").
    const licences = loadLicences(opts.licencesDir)
    const recordedLicences = await verifyPublishedLicences(database.db, licences)
    if (recordedLicences.length) {
      logger.info({ licences: recordedLicences.map((l) => ({ id: l.id, version: l.version, sha256: l.sha256 })) }, 'recorded newly published licence versions')
    }

    const { key: masterKey, created } = loadMasterKey(config.masterKey)
    if (created) logger.warn({ file: created }, 'created a new master key; back it up: without it the originals cannot be decrypted')

    const blobs = (blobStore = await openBlobStore(config.blobStore))
    // Temp files per process: another server or a CLI command on the same DATA_DIR keeps its own (scratch.ts).
    const tmpRoot = path.join(config.dataDir, 'tmp')
    const sweptTemp = sweepAbandoned(tmpRoot) + (await blobs.sweepTemp())
    scratch = claimScratch(tmpRoot)
    const tmpDir = scratch.dir

    const queue = new JobQueue(database.db)
    const worker = new Worker(queue, logger.child({ module: 'worker' }), { pollMs: config.worker.pollMs, leaseSeconds: config.worker.leaseSeconds })
    const auth = new AuthService(database.db, config.sessionTtlHours, new AuthCache({ maxAgeMs: config.sessionCacheSeconds * 1000 }))
    // Where links in files, pages and manifests point: PUBLIC_URL, or this process's own address.
    const origin = config.origin
    // Our own licences' deeds are pages this app serves; open licences keep their creativecommons.org deeds.
    const servedLicences = licences.servedFrom(origin)
    const licenceOf = (ref: string) => {
      const parsed = parseLicenceRef(ref)
      return parsed ? servedLicences.get(parsed.id, parsed.version) : undefined
    }
    // The gate speaks in the consent vocabulary; a photo whose licence is unknown can't be shown at all.
    const licenceTerms = (ref: string): LicenceTerms => {
      const l = licenceOf(ref)
      if (!l || l.status !== 'published') return { ref, permittedUses: [], prohibitedTopics: [] }
      return { ref, permittedUses: [...l.permittedUses], prohibitedTopics: [...l.prohibitedContexts.topics] }
    }
    const audit = new AuditLog(database.db)
    const ledger = new Ledger(config.ledgerDir)
    const notices = new NoticeService({ db: database.db, queue, audit, smtpConfigured: config.smtp !== undefined })
    const consent = new ConsentService({ db: database.db, queue, worker, audit, licenceTerms, notices, ledger })
    const publication = new Publication({ db: database.db, queue, audit, licenceTerms, consent })
    // One bound on image work for uploads and full-size downloads alike.
    const pipeline = new Semaphore(config.pipeline.concurrency, config.pipeline.queue)
    // The gate: every read path asks it. Its photo records are cached while the database's change feed is
    // heard, forgotten the moment anything it decides on changes, and read in one round trip (modules/gate).
    const gate = new Gate({ db: database.db, licenceTerms, audit, maxAgeMs: config.photoCacheSeconds * 1000, sharedDatabase: database.engine === 'postgres' })
    await gate.listen(database)
    const records = gate.records
    const photos = new PhotosService({
      gate,
      db: database.db,
      blobs,
      masterKey,
      queue,
      worker,
      pipeline,
      config,
      licence: licenceOf,
      origin,
      log: logger.child({ module: 'photos' }),
    })
    const portal = new PortalService({ db: database.db, consent, photos, gate, audit, publicUrl: config.publicUrl, linkDays: config.portalLinkDays, ledger })
    // Every vault read is an audit event, written before the contents are returned.
    const vault = new VaultService({
      db: database.db,
      blobs,
      masterKey,
      onRead: async (r) => {
        await audit.append(database!.db, {
          type: 'vault.read',
          actor: { kind: 'user', id: r.adminId },
          subjectId: r.subjectId,
          data: { what: r.what, ...(r.documentId ? { documentId: r.documentId } : {}) },
        })
      },
    })
    const expiry = new ExpiryService({
      db: database.db,
      queue,
      consent,
      notices,
      log: logger.child({ module: 'expiry' }),
      sweepMinutes: config.expiry.sweepMinutes,
      renewalNoticeDays: config.expiry.renewalNoticeDays,
      nudge: () => worker.nudge(),
    })
    // Rendering runs in its own lane: a withdrawal's purge and notices and the search index never wait behind it.
    worker
      .register('photo.derivatives', photos.store.derivativesJob, undefined, MEDIA_LANE)
      .register('photo.avif', photos.store.avifJob, undefined, MEDIA_LANE)
      .register('photo.purge-media', photos.store.purgeJob)
    worker.register(EXPIRY_SWEEP_JOB, expiry.job)
    const erasure = new ErasureService({ db: database.db, consent, audit, queue, worker, blobs, notices, ledger, portal })
    const downloads = new DownloadsService({
      db: database.db,
      gate,
      topicLiftedBy: (tx, id, topic) => consent.topicLiftedBy(tx, id, topic),
      licence: licenceOf,
      blobs,
      masterKey,
      pipeline,
      audit,
      config,
      photos,
    })
    worker.register(DELETE_ORIGINAL, erasure.deleteOriginalJob).register(DELETE_VAULT_DOCUMENT, erasure.deleteVaultDocumentJob)
    // Webhook secrets are needed again to sign, so they are sealed (not hashed) under their own derived key.
    const webhookSecretKey = masterKey.derive('webhook-secrets')
    const webhookPolicy = { allowLoopback: config.webhooks.allowLoopback }
    const webhooks = new WebhooksService({ db: database.db, secretKey: webhookSecretKey, policy: webhookPolicy })
    const noticeDelivery = new NoticeDelivery({
      db: database.db,
      queue,
      secretKey: webhookSecretKey,
      policy: webhookPolicy,
      timeoutMs: config.webhooks.timeoutMs,
      giveUpMs: config.webhooks.giveUpMs,
      publicUrl: config.publicUrl,
      smtp: config.smtp,
      log: logger.child({ module: 'notices' }),
    })
    worker.register(WEBHOOK_JOB, noticeDelivery.webhookJob, config.webhooks.backoff)
    // Without SMTP no handler claims the e-mail jobs: they wait in the outbox, and the admin sees them waiting.
    if (config.smtp) worker.register(EMAIL_JOB, noticeDelivery.emailJob, config.webhooks.backoff)
    const embeds = new EmbedService({ gate, licence: licenceOf, publicUrl: config.origin })

    const collections = new CollectionsService({ db: database.db, queue, publication, gate, photos, audit, licence: licenceOf })
    // Search: both jobs rebuild the photo's entry from the database through the port (search.sync.ts).
    const engine = createSearchEngine(config, database.db, logger)
    // The in-process index: read from search_documents once the app listens (below), kept in step by the table's change feed.
    let searchChanges: Listener | null = null
    if (engine instanceof MemorySearchEngine) {
      searchChanges = await database.listen('eb_search_changed', { message: (id) => engine.changed(id), up: () => engine.up(), down: () => engine.down() })
    }
    const searchEngine = new CachedSearchEngine(engine, { ttlMs: config.searchCacheSeconds * 1000 })
    // Another replica's (or the CLI's) write reaches this index through the feed: cached answers go with it.
    if (engine instanceof MemorySearchEngine) engine.onApplied = () => searchEngine.clear()
    const searchDocuments = new SearchDocuments({ db: database.db, gate })
    const syncJob = searchSyncJob({ engine: searchEngine, build: (ids) => searchDocuments.build(ids) })
    worker.register(SEARCH_UPSERT_JOB, syncJob).register(SEARCH_REMOVE_JOB, syncJob)
    const search = new SearchService({ db: database.db, engine: searchEngine, queue, worker, gate, publicUrl: config.publicUrl })
    // A database from before search existed has published photos and an empty index: fill it once, through
    // the outbox like any other change (the PostgreSQL engine's table; Meilisearch has `search reindex`).
    if (searchEngine.name === 'postgres' || searchEngine.name === 'memory') {
      const filled = await jobsRepo.queueEveryPublishedPhotoWhenIndexEmpty(database.db, SEARCH_UPSERT_JOB)
      if (filled) logger.info({ photos: filled }, 'search index empty: queued every published photo')
    }
    const apiKeys = new ApiKeyService({ db: database.db, audit, cacheSeconds: config.apiKeyCacheSeconds, ledger })
    // Sessions and keys from memory: forgotten the moment a commit changes what a token stands for (auth.cache.ts).
    const authChanges = await database.listen('eb_auth_changed', {
      message: () => {
        auth.cache.clear()
        apiKeys.clear()
      },
      up: () => auth.cache.up(),
      down: () => {
        auth.cache.down()
        apiKeys.clear()
      },
    })
    const organisations = new OrganisationsService({ db: database.db, audit, auth, keys: apiKeys })

    // Work interrupted by a crash: with the embedded database no other process can hold it, so it is
    // released at once; with a server, other replicas' leases simply expire.
    // Before anything is served: what the ledger says was erased, withdrawn or revoked holds again, also
    // after a backup (or a copy of the data directory) older than it was restored.
    const reapplied = await reapplyLedger({ db: database.db, ledger, consent, erasure, portal, apiKeys, log: logger.child({ module: 'ledger' }) })
    if (reapplied.withdrawals || reapplied.erasures || reapplied.portalLinks || reapplied.apiKeys || reapplied.torn || reapplied.failed) {
      logger.warn({ ...reapplied }, 'erasure ledger re-applied: the database was older than the ledger')
    }
    const released = database.engine === 'pglite' && !opts.database ? await queue.releaseAllRunning() : 0
    const orphans = await photos.sweepOrphans()
    if (released || orphans || sweptTemp) logger.info({ released, orphans, sweptTemp }, 'recovered after an interrupted run')

    const idempotency = new IdempotencyService({ db: database.db })
    // As with jobs: no other process can hold the embedded database, so keys an interrupted run held are free now.
    if (database.engine === 'pglite' && !opts.database) await idempotency.expireLeases()
    const rights = new RightsService({ db: database.db, gate, licence: licenceOf, origin, grant: (id) => downloads.grant(id) })
    const workflow = new WorkflowService({ db: database.db, publication, audit, blobs, gate, log: logger.child({ module: 'workflow' }) })
    const app = await buildApp({
      config,
      database,
      auth,
      photos,
      gate,
      consent,
      publication,
      portal,
      vault,
      erasure,
      audit,
      collections,
      blobs,
      notices,
      webhooks,
      embeds,
      search,
      downloads,
      organisations,
      apiKeys,
      workflow,
      idempotency,
      tmpDir,
      logger,
      licences: servedLicences,
      rights,
      origin,
    })
    // The in-process index is read once the app listens, not before: until it is complete the PostgreSQL
    // engine over the same table answers every search (search.memory.ts), so start isn't held up by it.
    if (engine instanceof MemorySearchEngine) {
      app.addHook('onListen', async () =>
        engine.loadInBackground(
          (documents, ms) => logger.info({ engine: 'memory', documents, ms }, 'search index loaded'),
          (err) => logger.error({ err }, 'search index: first load failed; the PostgreSQL engine answers until a reload succeeds'),
        ),
      )
    }
    // A fresh seed, or (on every later start while the demo is in place) the same logins and portal link again.
    const seeded = config.seedDemo
      ? ((await seedDemo({ db: database.db, auth, photos, consent, publication, portal, dataDir: config.dataDir, tmpDir, logger })) ??
        (await demoInPlace({ db: database.db, dataDir: config.dataDir })))
      : null

    // Orphaned blobs and temp files of requests that failed or crashed while this server runs: swept
    // periodically, not only at the next start (issue 18). Each at least an hour old; counts only in the log.
    const sweep = singleFlight(
      async () => {
        const orphans = await photos.sweepOrphans()
        const temp = sweepAbandoned(tmpRoot) + sweepStale(tmpDir, STALE_TEMP_MS) + (await blobs.sweepTemp(STALE_TEMP_MS))
        if (orphans || temp) logger.info({ orphans, temp }, 'swept orphaned blobs and stale temp files')
        const keys = await idempotency.sweep()
        if (keys) logger.info({ keys }, 'forgot expired idempotency keys')
      },
      logger,
      'orphan sweep failed; the next run tries again',
    )
    let sweepTimer: NodeJS.Timeout | undefined
    if (opts.startWorker !== false && config.worker.enabled) {
      // Scheduled where the worker runs; a CLI command leaves the schedule to the server.
      await expiry.start()
      worker.start()
      sweepTimer = setInterval(() => void sweep(), config.orphanSweepSeconds * 1000).unref()
    }
    let closing: Promise<void> | undefined
    const db = database
    return {
      app,
      idempotency,
      config,
      database,
      blobs,
      masterKey,
      queue,
      worker,
      auth,
      photos,
      consent,
      publication,
      expiry,
      portal,
      vault,
      erasure,
      collections,
      notices,
      webhooks,
      noticeDelivery,
      embeds,
      searchEngine,
      searchDocuments,
      search,
      downloads,
      organisations,
      apiKeys,
      workflow,
      gate,
      records,
      ledger,
      reapplied,
      audit,
      licences,
      logger,
      tmpDir,
      seeded,
      origin,
      rights,
      close: () =>
        (closing ??= (async () => {
          expiry.stop()
          clearInterval(sweepTimer)
          await app.close()
          await worker.stop()
          await gate.close()
          await searchChanges?.close()
          // Changes heard before closing are read before the database goes (no late read on a closed pool).
          if (engine instanceof MemorySearchEngine) await engine.settled()
          await authChanges.close()
          if (!opts.keepDatabase) await db.close()
          await blobs.close()
          scratch?.release()
          unlock()
        })()),
    }
  } catch (err) {
    if (database && !opts.database) await database.close().catch(() => {})
    await blobStore?.close()
    scratch?.release()
    unlock()
    throw err
  }
}
