/** What startRuntime (runtime.ts) gives the server, the CLI and the tests, and what it takes. */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { Config } from './config.ts'
import type { Database } from './db/client.ts'
import type { MasterKey } from './platform/crypto.ts'
import type { Ledger } from './platform/ledger.ts'
import type { AuditLog } from './modules/audit/index.ts'
import type { AuthService } from './modules/auth/index.ts'
import type { Reapplied } from './modules/backup/index.ts'
import type { CollectionsService } from './modules/collections/index.ts'
import type { ConsentService, ExpiryService } from './modules/consent/index.ts'
import type { ApiKeyService, OrganisationsService } from './modules/desks/index.ts'
import type { DownloadsService } from './modules/downloads/index.ts'
import type { EmbedService } from './modules/embed/index.ts'
import type { ErasureService } from './modules/erasure/index.ts'
import type { Gate, PhotoRecords } from './modules/gate/index.ts'
import type { IdempotencyService } from './modules/idempotency/index.ts'
import type { JobQueue, Worker } from './modules/jobs/index.ts'
import type { LicenceRegistry } from './modules/licences/index.ts'
import type { PhotosService, Publication } from './modules/photos/index.ts'
import type { PortalService } from './modules/portal/index.ts'
import type { RightsService } from './modules/rights/index.ts'
import type { SearchDocuments, SearchEngine, SearchService } from './modules/search/index.ts'
import type { BlobStore } from './modules/storage/index.ts'
import type { VaultService } from './modules/vault/index.ts'
import type { NoticeDelivery, NoticeService, WebhooksService } from './modules/webhooks/index.ts'
import type { WorkflowService } from './modules/workflow/index.ts'
import type { SeedResult } from './seed.ts'

export interface Runtime {
  app: FastifyInstance
  idempotency: IdempotencyService
  config: Readonly<Config>
  database: Database
  blobs: BlobStore
  masterKey: MasterKey
  queue: JobQueue
  worker: Worker
  auth: AuthService
  photos: PhotosService
  consent: ConsentService
  /** Review and publication: submit, the checklist, what blocks publishing, publish (modules/photos). */
  publication: Publication
  /** Consent expiry: the recurring sweep (renewal questions, 'expired' withdrawals) and its schedule. */
  expiry: ExpiryService
  portal: PortalService
  vault: VaultService
  erasure: ErasureService
  /** Curators' collections and exhibitions, the review queue, exports. */
  collections: CollectionsService
  /** Takedown notices: raised with their deliveries queued; webhook endpoints; delivery (webhook, e-mail). */
  notices: NoticeService
  webhooks: WebhooksService
  noticeDelivery: NoticeDelivery
  embeds: EmbedService
  /** The search engine (PostgreSQL, or Meilisearch when configured), its documents and the service. */
  searchEngine: SearchEngine
  searchDocuments: SearchDocuments
  search: SearchService
  /** Downloads by media organisations: grants, signed file URLs, exports. */
  downloads: DownloadsService
  /** Picture desks: organisations (media outlets), their journalists and API keys. */
  organisations: OrganisationsService
  apiKeys: ApiKeyService
  workflow: WorkflowService
  /** The one door every read of a photo goes through (modules/gate). */
  gate: Gate
  /** The gate's photo records (row, gate inputs, derivatives), kept while changes are heard. */
  records: PhotoRecords
  /** Erasures, withdrawals and revocations, outside the database and every backup (platform/ledger.ts). */
  ledger: Ledger
  /** What re-applying the ledger at this start changed (all zero unless an older backup was restored). */
  reapplied: Reapplied
  /** The audit trail: services append to it inside their own transactions. */
  audit: AuditLog
  /** Every licence version, validated and frozen; published ones verified unchanged at start. */
  licences: LicenceRegistry
  logger: FastifyBaseLogger
  tmpDir: string
  seeded: SeedResult | null
  /** PUBLIC_URL, or this process's own address: where links in files, pages and manifests point. */
  origin: string
  rights: RightsService
  close(): Promise<void>
}

export interface RuntimeOptions {
  /** An already-open database (tests start from a migrated snapshot); closed with the runtime unless keepDatabase. */
  database?: Database
  keepDatabase?: boolean
  logger?: FastifyBaseLogger
  /** Skip the HTTP app's worker start (the CLI runs jobs itself). */
  startWorker?: boolean
  /** Where the licence versions live; the repository's licences/ unless a test says otherwise. */
  licencesDir?: string
}
