/**
 * The composition root: platform plugins first, then feature modules, registered explicitly. Everything a
 * module needs arrives here as a constructed dependency; nothing reaches for globals or process.env.
 */
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.ts'
import type { Database } from './db/client.ts'
import { guardConnections, serverOptions } from './platform/connections.ts'
import { errorsPlugin } from './platform/errors.ts'
import { builtAssetUrls, galleryRoutes, searchInProcess } from './platform/gallery.ts'
import { healthRoutes } from './platform/health.ts'
import { lazySchemas, rememberLazySchemas } from './platform/lazy-schemas.ts'
import { lazyChildLoggerFactory } from './platform/logger.ts'
import { openapiPlugin } from './platform/openapi.ts'
import { securityHeaders } from './platform/security-headers.ts'
import { problems } from './platform/problems.ts'
import { auditRoutes, type AuditLog } from './modules/audit/index.ts'
import { authPlugin, authRoutes, UsersAdmin, usersRoutes, type AuthService } from './modules/auth/index.ts'
import { collectionsRoutes, type CollectionsService } from './modules/collections/index.ts'
import { consentRoutes, type ConsentService } from './modules/consent/index.ts'
import { downloadsRoutes, type DownloadsService } from './modules/downloads/index.ts'
import type { IdempotencyService } from './modules/idempotency/index.ts'
import { organisationRoutes, type ApiKeyService, type OrganisationsService } from './modules/desks/index.ts'
import { erasureRoutes, type ErasureService } from './modules/erasure/index.ts'
import { forgetOnWrite, type Gate } from './modules/gate/index.ts'
import { photosRoutes, type PhotosService, type Publication } from './modules/photos/index.ts'
import type { BlobStore } from './modules/storage/index.ts'
import { portalAdminRoutes, portalRoutes, type PortalService } from './modules/portal/index.ts'
import { vaultRoutes, type VaultService } from './modules/vault/index.ts'
import { noticesAdminRoutes, webhooksRoutes, type NoticeService, type WebhooksService } from './modules/webhooks/index.ts'
import { embedRoutes, type EmbedService } from './modules/embed/index.ts'
import { searchRoutes, type SearchService } from './modules/search/index.ts'
import { licencesRoutes, type LicenceRegistry } from './modules/licences/index.ts'
import { deedPage, rightsRoutes, type RightsService } from './modules/rights/index.ts'
import { workflowRoutes, type WorkflowService } from './modules/workflow/index.ts'
import { parseLicenceRef } from '../../contract/licence-ref.ts'

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web')
/** Preview files (GET /v1/photos/{id}/media/{file}) a caller may fetch per minute, as a multiple of their API limit. */
export const MEDIA_RATE_FACTOR = 10

export interface AppContext {
  config: Readonly<Config>
  database: Database
  auth: AuthService
  photos: PhotosService
  gate: Gate
  consent: ConsentService
  /** Submit and publish: the photo's lifecycle (modules/photos). */
  publication: Publication
  portal: PortalService
  vault: VaultService
  erasure: ErasureService
  audit: AuditLog
  collections: CollectionsService
  blobs: BlobStore
  notices: NoticeService
  webhooks: WebhooksService
  embeds: EmbedService
  search: SearchService
  downloads: DownloadsService
  /** Idempotency-Key on uploads and download grants. */
  idempotency: IdempotencyService
  organisations: OrganisationsService
  apiKeys: ApiKeyService
  workflow: WorkflowService
  tmpDir: string
  logger: FastifyBaseLogger
  /** The licences as served (our own deeds on this app's origin). */
  licences: LicenceRegistry
  rights: RightsService
  /** PUBLIC_URL, or this process's own address. */
  origin: string
}

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const { config } = ctx
  // Each route's schemas compiled at its first request, not all at start (platform/lazy-schemas.ts).
  const schemas = lazySchemas()
  const app = Fastify({
    loggerInstance: ctx.logger,
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    // Fail on what we don't know rather than silently drop it; but do coerce query strings.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
    schemaController: { compilersFactory: schemas.compilersFactory },
    genReqId: () => crypto.randomUUID(),
    childLoggerFactory: lazyChildLoggerFactory as never,
    forceCloseConnections: true,
    // Slow clients: Node's timers and problem+json for the errors Node answers itself (platform/connections.ts).
    ...serverOptions(config.http),
  }).withTypeProvider<TypeBoxTypeProvider>()
  rememberLazySchemas(app, schemas)
  guardConnections(app, config.http)

  await app.register(errorsPlugin)
  // Read your own writes: every route that can write empties the gate's photo records as it answers.
  app.addHook('onRoute', forgetOnWrite(ctx.gate.records))
  await app.register(securityHeaders, {
    contentSecurityPolicy: {
      directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"] },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
    // Headers for browsers and plug-ins that are gone (Internet Explorer's XSS filter and download dialog,
    // Flash and Acrobat cross-domain policies): nothing reads them any more, and every response carried them.
    xXssProtection: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
  })
  // Every route is limited per caller: an API key by its id, a signed-in user by theirs, anyone else by
  // address. As a route-level onRequest hook it runs after the auth plugin's (app-level) one, so the caller
  // is known. In memory per process: with N replicas behind a balancer a caller gets up to N× the limit.
  // The gallery's built files (/assets/<name>-<hash>.js|css|woff2, public and immutable) are not counted:
  // a first visit of a search page asks ~20 of them besides its photos, so an anonymous visitor (or a
  // newsroom behind one address) met 429s on the app's own scripts after a dozen pages. Only those exact
  // files: any other path under /assets/ still counts.
  const limits = config.rateLimit
  const maxOf = (req: FastifyRequest) => (req.principal ? (req.principal.via === 'apikey' ? limits.perKey : limits.perUser) : limits.anonymous)
  const assets = builtAssetUrls(WEB_DIR)
  await app.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    allowList: (req) => (req.method === 'GET' || req.method === 'HEAD') && assets.has(req.url),
    timeWindow: limits.windowSeconds * 1000,
    keyGenerator: (req) =>
      req.principal ? (req.principal.via === 'apikey' ? `key:${req.principal.sessionId}` : `user:${req.principal.userId}`) : `ip:${req.ip}`,
    max: maxOf,
    errorResponseBuilder: (_req, c) => problems.tooManyRequests(Math.ceil(c.ttl / 1000)),
  })
  await app.register(cookie)
  // JSON and text over ~1 kB go out compressed when the client accepts it (brotli at a quality that costs
  // little CPU per response, else gzip); image bytes never (they are compressed already: no image type
  // matches). The gallery's static files are compressed at build time instead (gallery.ts, preCompressed).
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: /^(application\/(json|problem\+json|ld\+json|javascript)|text\/)/,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  })
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: config.upload.maxBytes, files: 1 } })
  await app.register(authPlugin, { auth: ctx.auth, apiKeys: ctx.apiKeys })
  // Before any route: the document is collected from the routes as they are registered.
  await app.register(openapiPlugin, { publicUrl: config.publicUrl })

  await app.register(healthRoutes, { database: ctx.database })
  await app.register(authRoutes, {
    auth: ctx.auth,
    cookieSecure: config.cookieSecure,
    loginRateLimit: config.loginRateLimit,
    contactEmail: config.contactEmail,
  })
  await app.register(photosRoutes, {
    photos: ctx.photos,
    tmpDir: ctx.tmpDir,
    maxUploadBytes: config.upload.maxBytes,
    idempotency: ctx.idempotency,
    grantsHold: (id) => ctx.downloads.grantsHold(id),
    // Preview files count in a bucket of their own, MEDIA_RATE_FACTOR × the caller's limit: one page of
    // results shows up to 24 of them, so in the API's budget an anonymous visitor (or a newsroom behind one
    // address) met broken images after a few pages. Still limited: a scraper meets 429 all the same.
    mediaRateLimit: { max: (req) => MEDIA_RATE_FACTOR * maxOf(req) },
  })
  await app.register(consentRoutes, { consent: ctx.consent, publication: ctx.publication })
  await app.register(workflowRoutes, { workflow: ctx.workflow })
  await app.register(portalAdminRoutes, { portal: ctx.portal })
  await app.register(portalRoutes, { portal: ctx.portal, photos: ctx.photos })
  await app.register(vaultRoutes, { vault: ctx.vault, tmpDir: ctx.tmpDir })
  await app.register(erasureRoutes, { erasure: ctx.erasure })
  await app.register(auditRoutes, { audit: ctx.audit })
  await app.register(collectionsRoutes, { collections: ctx.collections, blobs: ctx.blobs, origin: config.origin, photos: ctx.photos })
  await app.register(webhooksRoutes, { webhooks: ctx.webhooks, notices: ctx.notices })
  await app.register(noticesAdminRoutes, { notices: ctx.notices })
  // The embed page sets its own helmet options per route (framing by anyone, no scripts).
  await app.register(embedRoutes, { embeds: ctx.embeds, photos: ctx.photos })
  await app.register(searchRoutes, { search: ctx.search })
  await app.register(downloadsRoutes, { downloads: ctx.downloads, idempotency: ctx.idempotency })
  await app.register(licencesRoutes, { licences: ctx.licences, deedPage })
  await app.register(rightsRoutes, {
    rights: ctx.rights,
    photos: ctx.photos,
    origin: ctx.origin,
    licence: (ref) => {
      const parsed = parseLicenceRef(ref)
      return parsed ? ctx.licences.get(parsed.id, parsed.version) : undefined
    },
  })
  await app.register(usersRoutes, {
    users: new UsersAdmin({ db: ctx.database.db, auth: ctx.auth, audit: ctx.audit, organisationsOf: () => ctx.organisations.ofUsers() }),
  })
  await app.register(organisationRoutes, { organisations: ctx.organisations, keys: ctx.apiKeys, rateWindowSeconds: limits.windowSeconds })

  // The gallery (web/dist) on the same port, with the SPA fallback for its own paths.
  await app.register(galleryRoutes, {
    webDir: WEB_DIR,
    origin: config.origin,
    publicPhoto: (id) => ctx.photos.get(id, null),
    firstSearch: searchInProcess(app),
  })
  return app
}
