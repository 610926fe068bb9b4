import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import type { ErasureService } from './erasure.service.ts'

const Count = Type.Integer({ minimum: 0 })
const RequestParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const OpenRequests = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      subjectId: Type.String({ format: 'uuid' }),
      pseudonym: Type.String(),
      requestedAt: Type.String({ format: 'date-time' }),
      photos: Count,
      sharedPhotos: Type.Integer({ minimum: 0, description: 'Photos that show someone else too: the erasure takes them down for everyone in them.' }),
    }),
  ),
})
const Result = Type.Object({
  id: Type.String({ format: 'uuid' }),
  subjectId: Type.String({ format: 'uuid' }),
  doneAt: Type.String({ format: 'date-time' }),
  alreadyDone: Type.Boolean({ description: 'Carried out before: nothing was destroyed now; the blob deletions were queued again.' }),
  photosWithdrawn: Count,
  destroyed: Type.Object({
    originalKeys: Count,
    photoTexts: Count,
    vaultRecords: Count,
    vaultDocuments: Count,
    portalLinks: Count,
    pseudonym: Count,
  }),
  blobDeletionsQueued: Type.Object({ originals: Count, derivatives: Count, vaultDocuments: Count }),
})

/** The consent officer's side of erasure; the person asks through the portal (POST /v1/portal/erasure). */
export const erasureRoutes: FastifyPluginAsyncTypebox<{ erasure: ErasureService }> = async (app, { erasure }) => {
  const admin = app.requireRole('admin')
  app.get(
    '/v1/admin/erasure-requests',
    { onRequest: admin, schema: { tags: ['erasure'], summary: 'Open erasure requests, oldest first', response: { 200: OpenRequests, 401: P, 403: P } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return { items: await erasure.listOpen() }
    },
  )
  app.post(
    '/v1/admin/erasure-requests/:id/carry-out',
    {
      onRequest: admin,
      schema: {
        tags: ['erasure'],
        summary:
          "Erase the person: withdraw their photos (for everyone in them), destroy the originals' keys and their vault, revoke their link; the files follow",
        params: RequestParams,
        response: { 200: Result, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => erasure.carryOut(request.params.id, request.principal!),
  )
}
