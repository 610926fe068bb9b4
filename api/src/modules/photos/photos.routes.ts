import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { RateLimitOptions } from '@fastify/rate-limit'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Value from 'typebox/value'
import { ProblemSchema } from '../../platform/problems.ts'
import { problems } from '../../platform/problems.ts'
import { MIME } from '../media/index.ts'
import type { PhotosService, ServedDerivative } from './photos.service.ts'
import { termsTag } from './photos.rights.ts'
import {
  BulkPatched,
  BulkPhotoPatch,
  ListQuery,
  MediaParams,
  MediaQuery,
  PatchedPhoto,
  Photo,
  PhotoList,
  PhotoParams,
  PhotoPatch,
  PhotoQuery,
  UploadFields,
  UploadResponse,
  type GrantsHoldView,
} from './photos.schemas.ts'
import type { Static } from 'typebox'
import { receiveUpload } from './photos.upload.ts'
import { IDEMPOTENCY_DOC, IdempotencyHeaders, idempotencyKeyOf, requestFingerprint, type IdempotencyService, type Outcome } from '../idempotency/index.ts'

const P = ProblemSchema

export interface PhotosRouteOptions {
  photos: PhotosService
  tmpDir: string
  maxUploadBytes: number
  /** Idempotency-Key on uploads (modules/idempotency). */
  idempotency: IdempotencyService
  /** Whether a photo's download grants still hold (modules/downloads, through the gate): told after a licence change. */
  grantsHold?: (photoId: string) => Promise<Static<typeof GrantsHoldView>>
  /** The preview files' own rate limit (app.ts): a budget apart from the API's, as a grid asks many at once. */
  mediaRateLimit?: RateLimitOptions
}

export const photosRoutes: FastifyPluginAsyncTypebox<PhotosRouteOptions> = async (app, opts) => {
  const { photos } = opts

  app.post(
    '/v1/photos',
    {
      onRequest: app.requireRole('photographer'),
      schema: {
        tags: ['photos'],
        summary: 'Upload a photo (multipart: field "file" plus optional caption and alt fields)',
        description: IDEMPOTENCY_DOC,
        consumes: ['multipart/form-data'],
        headers: IdempotencyHeaders,
        response: { 201: UploadResponse, 400: P, 401: P, 403: P, 409: P, 413: P, 415: P, 422: P, 503: P },
      },
    },
    async (request, reply) => {
      // A malformed key is refused before the body is read; the key is claimed once the body's hash is known.
      const key = idempotencyKeyOf(request.headers['idempotency-key'])
      // Refuse before reading the body when the pipeline can't take more work.
      if (photos.busy) throw problems.busy(5)
      const upload = await receiveUpload(request, opts.tmpDir, opts.maxUploadBytes)
      try {
        const errors = [...Value.Errors(UploadFields, upload.fields)]
        if (errors.length) {
          const list = errors.map((e) => ({ path: e.instancePath || '/', message: e.message }))
          throw problems.validation(list.map((e) => `${e.path}: ${e.message}`).join('; '), list)
        }
        const p = request.principal!
        const created = (id: string, body: unknown): Outcome => ({ status: 201, headers: { location: `/v1/photos/${id}` }, body })
        // The same request: the same file (its SHA-256) and the same fields.
        const fingerprint = requestFingerprint('POST', '/v1/photos', { file: upload.sha256, bytes: upload.bytes, fields: upload.fields })
        return await opts.idempotency.respond(
          reply,
          { key, principal: p, route: 'POST /v1/photos', fingerprint },
          {
            run: async (claim) => {
              const { photo, privacyReport } = await photos.ingest(
                { userId: p.userId, displayName: p.displayName },
                { ...upload, fields: upload.fields },
                (tx, id) => opts.idempotency.attach(tx, claim, id),
              )
              const view = await photos.get(photo.id, p).catch(async (err: unknown) => {
                // Told 5xx: nothing may stay stored (photos.service.ts discard).
                await photos.discard(photo.id)
                throw err
              })
              return created(photo.id, { ...view, privacyReport })
            },
            resume: async (id) => {
              const body = await photos.uploaded(id, p)
              return body ? created(id, body) : null
            },
          },
        )
      } finally {
        await upload.dispose()
      }
    },
  )

  app.get(
    '/v1/photos',
    {
      onRequest: app.requireRole('photographer', 'curator', 'admin'),
      schema: {
        tags: ['photos'],
        summary: 'Photos you may manage: your own, or all for curators and admins',
        querystring: ListQuery,
        response: { 200: PhotoList, 400: P, 401: P, 403: P },
      },
    },
    async (request) => photos.list(request.principal!, request.query.limit ?? 24, request.query.cursor, request.query.lang ?? 'nl'),
  )

  app.get(
    '/v1/photos/:id',
    { schema: { tags: ['photos'], params: PhotoParams, querystring: PhotoQuery, response: { 200: Photo, 400: P, 404: P, 410: P } } },
    // Serialised by this route's response schema (the allow-list) once per photo record, variant and day.
    async (request, reply) => {
      const json = await photos.getJson(request.params.id, request.principal, (view) => reply.serializeInput(view, '200') as string, request.query.lang ?? 'nl')
      return reply.type('application/json; charset=utf-8').send(json as never)
    },
  )

  app.patch(
    '/v1/photos/:id',
    {
      onRequest: app.requireRole('photographer', 'curator', 'admin'),
      schema: {
        tags: ['photos'],
        summary: 'Edit captions, alt text, tags, the credit or the licence, or declare that nobody is pictured',
        description:
          'Setting `licence` answers with `grants`: the downloads already made and whether each still holds, as the gate decides (a download keeps the licence it was made under).',
        params: PhotoParams,
        body: PhotoPatch,
        response: { 200: PatchedPhoto, 400: P, 401: P, 403: P, 404: P, 409: P, 410: P },
      },
    },
    async (request) => {
      await photos.update(request.params.id, request.principal!, request.body)
      const photo = await photos.get(request.params.id, request.principal)
      if (request.body.licence === undefined || !opts.grantsHold) return photo
      return { ...photo, grants: await opts.grantsHold(request.params.id) }
    },
  )

  app.patch(
    '/v1/photos',
    {
      onRequest: app.requireRole('photographer', 'curator', 'admin'),
      schema: {
        tags: ['photos'],
        summary: 'Set the same captions, alt text, tags, series or place on many photos at once',
        description:
          'All or nothing: each photo is checked as a single PATCH would be; if any is refused, the answer is 409 `bulk-edit-refused` with `failures` (id, type, title per photo) and nothing is changed. `addTags` and `addTagsEn` add to each photo’s own Dutch and English tags.',
        body: BulkPhotoPatch,
        response: { 200: BulkPatched, 400: P, 401: P, 403: P, 409: P },
      },
    },
    async (request) => ({ items: await photos.updateMany(request.principal!, request.body.ids, request.body.set) }),
  )

  app.get(
    '/v1/photos/:id/media/:file',
    {
      ...(opts.mediaRateLimit ? { config: { rateLimit: opts.mediaRateLimit } } : {}),
      schema: {
        tags: ['photos'],
        summary: 'Derivative bytes: /v1/photos/{id}/media/{preset}.{format}',
        params: MediaParams,
        querystring: MediaQuery,
        response: { 200: { type: 'string', format: 'binary' }, 304: { type: 'null' }, 400: P, 404: P, 410: P },
      },
    },
    async (request, reply) => {
      return sendDerivative(request, reply, photos, await photos.media(request.params.id, request.params.file, request.principal))
    },
  )
}

/**
 * Sends a derivative's bytes with its rights written now (photos.rights.ts): the ETag names the pixels and
 * the terms together, so a change of licence, credit or consent is a new version. The bytes behind a
 * versioned URL (?v=<that ETag>) never change, so the requester may keep them; "private" keeps shared
 * caches out, so the consent check on the next request is never bypassed by a CDN.
 */
export async function sendDerivative(
  request: FastifyRequest<{ Querystring: { v?: string; lang?: 'nl' | 'en' } }>,
  reply: FastifyReply,
  photos: PhotosService,
  served: ServedDerivative,
) {
  const lang = request.query.lang ?? 'nl'
  const d = served.derivative
  const { rights, fileName } = photos.served(served.record, lang, d.preset, d.format)
  const version = d.format === 'avif' ? d.etag : `${d.etag}-${termsTag(rights)}`
  const etag = `"${version}"`
  reply
    .header('etag', etag)
    .header('cache-control', request.query.v === version ? 'private, max-age=31536000, immutable' : 'private, no-cache')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('x-content-type-options', 'nosniff')
  // What an anonymous caller gets (the public previews) may be shown by any viewer anywhere (IIIF).
  if (!request.principal) reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin')
  if (request.headers['if-none-match']?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send(null)
  const bytes = await photos.stamped(d, rights)
  return reply
    .type(MIME[d.format as keyof typeof MIME])
    .header('content-length', bytes.length)
    .send(bytes)
}
