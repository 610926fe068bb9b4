import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { PhotosService } from '../photos/index.ts'
import { ProblemSchema as P } from '../../platform/problems.ts'
import type { BlobStore } from '../storage/index.ts'
import { zipStream } from './collections.export.ts'
import { collectionProblems } from './collections.problems.ts'
import { buildManifest, IIIF_MEDIA_TYPE } from './collections.iiif.ts'
import type { CollectionsService } from './collections.service.ts'
import {
  AddItemBody,
  Candidates,
  CollectionBody,
  PublishedCollections,
  CollectionDetail,
  CollectionList,
  CollectionParams,
  CollectionPatchBody,
  CollectionSummary,
  ItemParams,
  ItemPatchBody,
  ListQuery,
  Manifest,
  ReorderBody,
  ReviewList,
  ReviewQuery,
} from './collections.schemas.ts'

export const collectionsRoutes: FastifyPluginAsyncTypebox<{
  collections: CollectionsService
  blobs: BlobStore
  origin: string
  photos: Pick<PhotosService, 'served' | 'stamped'>
}> = async (app, opts) => {
  const { collections } = opts
  const staff = app.requireRole('curator', 'admin')
  const tags = ['collections']

  app.get(
    '/v1/review',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Photos waiting for review, each with why publishing would be refused now (nl, en)',
        querystring: ReviewQuery,
        response: { 200: ReviewList, 400: P, 401: P, 403: P },
      },
    },
    async (request) => ({
      items: await collections.review.queue(request.principal!, request.query.limit ?? 50),
    }),
  )

  app.get(
    '/v1/collections/published',
    { schema: { tags, summary: 'The names of the published collections (for the search filter)', response: { 200: PublishedCollections, 400: P } } },
    async () => ({
      items: await collections.published(),
    }),
  )

  app.get(
    '/v1/collections/:id/candidates',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Published photos that may be added (eligible) and the others with why not',
        params: CollectionParams,
        response: { 200: Candidates, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => collections.candidates(request.params.id, request.principal!),
  )

  app.post(
    '/v1/collections/:id/publish',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Publish: journalists see it in search',
        params: CollectionParams,
        response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      await collections.setPublished(request.params.id, true)
      return collections.get(request.params.id)
    },
  )

  app.post(
    '/v1/collections/:id/unpublish',
    {
      onRequest: staff,
      schema: { tags, summary: 'Back to a private working set', params: CollectionParams, response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P } },
    },
    async (request) => {
      await collections.setPublished(request.params.id, false)
      return collections.get(request.params.id)
    },
  )

  app.post(
    '/v1/collections',
    {
      onRequest: staff,
      schema: { tags, summary: 'Create a collection or an exhibition', body: CollectionBody, response: { 201: CollectionSummary, 400: P, 401: P, 403: P } },
    },
    async (request, reply) => {
      const created = await collections.create(request.principal!, request.body)
      return reply.code(201).header('location', `/v1/collections/${created.id}`).send(created)
    },
  )

  app.get(
    '/v1/collections',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'All collections and exhibitions (or one kind), most recently changed first',
        querystring: ListQuery,
        response: { 200: CollectionList, 400: P, 401: P, 403: P },
      },
    },
    async (request) => ({
      items: await collections.list(request.query.kind),
    }),
  )

  app.get(
    '/v1/collections/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'A collection with its items in order; photos the gate does not show now are marked unavailable',
        params: CollectionParams,
        response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => collections.get(request.params.id),
  )

  app.patch(
    '/v1/collections/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Change titles or notes',
        params: CollectionParams,
        body: CollectionPatchBody,
        response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      await collections.update(request.params.id, request.body)
      return collections.get(request.params.id)
    },
  )

  app.delete(
    '/v1/collections/:id',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Delete a collection (the photos stay)',
        params: CollectionParams,
        response: { 204: { type: 'null' }, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      await collections.delete(request.params.id)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/v1/collections/:id/items',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Add a published photo (an exhibition: only one whose consent and licence cover exhibitions)',
        params: CollectionParams,
        body: AddItemBody,
        response: { 201: CollectionDetail, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      await collections.addItem(request.params.id, request.body)
      return reply.code(201).send(await collections.get(request.params.id))
    },
  )

  app.patch(
    '/v1/collections/:id/items/:photoId',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: "Change an item's notes",
        params: ItemParams,
        body: ItemPatchBody,
        response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      await collections.updateItem(request.params.id, request.params.photoId, request.body)
      return collections.get(request.params.id)
    },
  )

  app.delete(
    '/v1/collections/:id/items/:photoId',
    {
      onRequest: staff,
      schema: { tags, summary: 'Remove a photo from the collection', params: ItemParams, response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P } },
    },
    async (request) => {
      await collections.removeItem(request.params.id, request.params.photoId)
      return collections.get(request.params.id)
    },
  )

  app.put(
    '/v1/collections/:id/order',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'Reorder: every photo id of the collection exactly once',
        params: CollectionParams,
        body: ReorderBody,
        response: { 200: CollectionDetail, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => {
      await collections.reorder(request.params.id, request.body.photoIds)
      return collections.get(request.params.id)
    },
  )

  app.get(
    '/v1/collections/:id/export.zip',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'ZIP: the large JPEG of every photo the gate shows now, with credits.csv and credits.json',
        params: CollectionParams,
        response: { 200: { type: 'string', format: 'binary' }, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      const plan = await collections.exportPlan(request.params.id)
      if (plan.entries.length === 0) throw collectionProblems.nothingToExport()
      await collections.recordExport(request.principal!, plan, 'zip')
      // Logged by name only: a blob key is random, but the message is not ours to trust.
      const stamp = async (e: (typeof plan.entries)[number]) => {
        const { rights } = opts.photos.served(e.record, 'nl', e.image.preset, 'jpeg')
        return opts.photos.stamped({ blobKey: e.image.blobKey, format: 'jpeg' }, rights)
      }
      const stream = zipStream(
        plan,
        opts.blobs,
        (err) => request.log.warn({ error: err.name, collectionId: plan.collection.id }, 'collection export failed mid-stream'),
        stamp,
      )
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="collection-${plan.collection.id}.zip"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(stream as never)
    },
  )

  app.get(
    '/v1/collections/:id/manifest.json',
    {
      onRequest: staff,
      schema: {
        tags,
        summary: 'IIIF Presentation 3.0 Manifest of the photos the gate shows now',
        params: CollectionParams,
        response: { 200: Manifest, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      const plan = await collections.exportPlan(request.params.id)
      if (plan.entries.length === 0) throw collectionProblems.nothingToShow()
      // IIIF ids are absolute: PUBLIC_URL (config.origin), never the request's Host.
      const base = opts.origin
      await collections.recordExport(request.principal!, plan, 'iiif')
      const manifest = buildManifest(
        plan,
        base,
        (photoId, preset, etag) => `${base}/v1/photos/${photoId}/media/${preset}.jpeg?v=${etag}`,
        (e) => collections.creditLine(e),
      )
      return reply
        .type(IIIF_MEDIA_TYPE)
        .header('cache-control', 'private, no-cache')
        .send(manifest as never)
    },
  )
}
