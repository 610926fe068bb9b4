import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import { PhotoParams } from '../photos/index.ts'
import { DownloadRequest, DownloadResponse, FileQuery, Grant, GrantList, GrantListQuery, GrantParams, GrantPatch, OrgParams } from './downloads.schemas.ts'
import type { DownloadsService } from './downloads.service.ts'
import type { Granted } from './downloads.views.ts'
import { IDEMPOTENCY_DOC, IdempotencyHeaders, idempotencyKeyOf, requestFingerprint, type IdempotencyService, type Outcome } from '../idempotency/index.ts'

/** The response less its signed link. */
const without = ({ url: _u, expiresAt: _e, ...rest }: Granted & { url?: string; expiresAt?: string }): Granted => rest

export const downloadsRoutes: FastifyPluginAsyncTypebox<{ downloads: DownloadsService; idempotency: IdempotencyService }> = async (
  app,
  { downloads, idempotency },
) => {
  // Who may download: a journalist of an enabled organisation, or an organisation's API key (which acts as
  // a journalist of it); the service refuses a journalist without an organisation (403 no-organisation).
  // The staff and photographers download nothing: a grant always belongs to an organisation. The admin
  // may read any organisation's grants.
  const journalist = app.requireRole('journalist')
  const member = app.requireRole('journalist', 'admin')

  app.post(
    '/v1/photos/:id/downloads',
    {
      onRequest: journalist,
      schema: {
        tags: ['downloads'],
        summary: 'Download a photo for a stated use, channel and topic; refused with the reason when outside its permission',
        description: `${IDEMPOTENCY_DOC} A replay carries a freshly signed link to the same grant.`,
        params: PhotoParams,
        headers: IdempotencyHeaders,
        body: DownloadRequest,
        response: { 201: DownloadResponse, 400: P, 401: P, 403: P, 404: P, 409: P, 410: P, 422: P },
      },
    },
    async (request, reply) => {
      const key = idempotencyKeyOf(request.headers['idempotency-key'])
      const p = request.principal!
      const { id } = request.params
      const created = (g: Granted): Outcome => ({ status: 201, headers: { 'cache-control': 'no-store', location: `/v1/downloads/${g.grant.id}` }, body: g })
      // Kept without the signed link (a credential for the file); a replay signs a fresh one for the same grant.
      const withLink = (o: Outcome): Outcome => (o.status === 201 ? { ...o, body: downloads.withLink(o.body as Granted) } : o)
      return idempotency.respond(
        reply,
        { key, principal: p, route: 'POST /v1/photos/:id/downloads', fingerprint: requestFingerprint('POST', `/v1/photos/${id}/downloads`, request.body) },
        {
          // The grant and its replayable response commit in one transaction: a crash can't split them.
          run: async (claim) => created(await downloads.request(id, p, request.body, (tx, g) => idempotency.attach(tx, claim, g.grant.id, created(g)))),
          store: (o) => (o.status === 201 ? { ...o, body: without(o.body as Granted & { url?: string; expiresAt?: string }) } : o),
          restore: withLink,
        },
      )
    },
  )

  app.get(
    '/v1/downloads/:grantId/file',
    {
      schema: {
        tags: ['downloads'],
        summary: 'The file of a download grant, by its signed short-lived URL (no credentials needed)',
        params: GrantParams,
        querystring: FileQuery,
        response: { 200: { type: 'string', format: 'binary' }, 400: P, 403: P, 404: P, 410: P, 413: P, 422: P, 503: P },
      },
    },
    async (request, reply) => {
      const f = await downloads.file(request.params.grantId, request.query.exp, request.query.sig, request.query.lang ?? 'nl')
      reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="${f.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .type(f.mime)
      return reply.header('content-length', f.buffer.length).send(f.buffer as never)
    },
  )

  app.patch(
    '/v1/downloads/:grantId',
    {
      onRequest: journalist,
      schema: {
        tags: ['downloads'],
        summary: 'Report (or clear) where the photo was published; the person pictured sees it in their portal',
        params: GrantParams,
        body: GrantPatch,
        response: { 200: Grant, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => downloads.reportPublication(request.params.grantId, request.principal!, request.body.publicationUrl),
  )

  app.get(
    '/v1/organisations/:id/grants',
    {
      onRequest: member,
      schema: {
        tags: ['downloads'],
        summary: "The organisation's downloads, newest first",
        params: OrgParams,
        querystring: GrantListQuery,
        response: { 200: GrantList, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => downloads.list(request.params.id, request.principal!, request.query.limit ?? 50, request.query.cursor),
  )

  app.get(
    '/v1/organisations/:id/grants.csv',
    {
      onRequest: member,
      schema: {
        tags: ['downloads'],
        summary: "The organisation's downloads as CSV",
        params: OrgParams,
        response: {
          200: { description: 'One row per grant, newest first (RFC 4180, CRLF).', content: { 'text/csv': { schema: Type.String() } } },
          401: P,
          403: P,
          404: P,
        },
      },
    },
    async (request, reply) => {
      const csv = await downloads.csv(request.params.id, request.principal!)
      return reply
        .type('text/csv; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="grants-${request.params.id}.csv"`)
        .send(csv)
    },
  )
}
