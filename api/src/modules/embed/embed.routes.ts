import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import { photoProblems } from '../photos/index.ts'
import { sendDerivative, type PhotosService } from '../photos/index.ts'
import { embedPage, embedProblems, gonePage, type EmbedService } from './embed.service.ts'

const Params = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const OembedQuery = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000, description: 'The photo page: {PUBLIC_URL}/photos/{id}' }),
    format: Type.Optional(Type.String({ maxLength: 16, description: 'json (xml: 501)' })),
    maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
)
const Oembed = Type.Object({
  version: Type.Literal('1.0'),
  type: Type.Literal('rich'),
  provider_name: Type.String(),
  provider_url: Type.String(),
  author_name: Type.String(),
  cache_age: Type.Integer(),
  width: Type.Integer(),
  height: Type.Integer(),
  html: Type.String(),
})

/**
 * The embed page may be framed by anyone (that is its purpose) and runs no scripts; every other route
 * keeps the global policy (frame-ancestors 'self' by helmet's default). Nothing here may be cached long:
 * a withdrawal must reach pages already published on the next view.
 */
const EMBED_HELMET = {
  contentSecurityPolicy: {
    useDefaults: false as const,
    directives: {
      defaultSrc: ["'none'"],
      imgSrc: ["'self'"],
      styleSrc: ["'unsafe-inline'"],
      frameAncestors: ['*'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  frameguard: false as const,
  crossOriginResourcePolicy: { policy: 'cross-origin' as const },
  crossOriginEmbedderPolicy: false as const,
  referrerPolicy: { policy: 'no-referrer' as const },
}

export const embedRoutes: FastifyPluginAsyncTypebox<{ embeds: EmbedService; photos: PhotosService; publicUrl?: string }> = async (app, { embeds, photos }) => {
  app.get(
    '/v1/oembed',
    {
      schema: {
        tags: ['embeds'],
        summary: 'oEmbed 1.0 for a photo page: an iframe of the revocable embed',
        querystring: OembedQuery,
        response: { 200: Oembed, 400: P, 404: P, 501: P },
      },
    },
    async (request, reply) => {
      const { url, format, maxwidth, maxheight } = request.query
      if (format !== undefined && format !== 'json') throw embedProblems.format()
      const base = embeds.publicBase()
      const id = embeds.photoIdOf(url, base)
      if (!id) throw embedProblems.notFound()
      reply.header('cache-control', 'public, max-age=300')
      return embeds.oembed(id, base, { width: maxwidth, height: maxheight })
    },
  )

  app.get(
    '/embed/:id',
    {
      config: { securityHeaders: EMBED_HELMET },
      schema: {
        tags: ['embeds'],
        summary: 'The embed page (HTML); 410 with a neutral text once the photo may not be shown',
        params: Params,
        response: { 200: { type: 'string' }, 404: { type: 'string' }, 410: { type: 'string' } },
      },
    },
    async (request, reply) => {
      const c = await embeds.check(request.params.id)
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8')
      if (c.kind === 'shown') return reply.code(200).send(embedPage(c))
      return reply.code(c.kind === 'gone' ? 410 : 404).send(gonePage())
    },
  )

  app.get(
    '/embed/:id/image.jpg',
    {
      schema: {
        tags: ['embeds'],
        summary: "The embed's image; checked against consent on every request",
        params: Params,
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: { type: 'string', format: 'binary' }, 304: { type: 'null' }, 400: P, 404: P, 410: P },
      },
    },
    async (request, reply) => {
      const c = await embeds.check(request.params.id)
      if (c.kind === 'gone') throw photoProblems.gone()
      if (c.kind !== 'shown') throw photoProblems.notFound()
      // No ?v= here: 'private, no-cache' makes the browser ask again (a cheap 304 while it may be shown).
      return sendDerivative(request as never, reply, photos, { record: c.record, derivative: c.image })
    },
  )
}
