import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ProblemSchema } from '../../platform/problems.ts'
import type { SearchService } from './search.service.ts'
import { SearchHighlights, SearchHitBaseSchema, SearchQuerystring, SearchResponse } from './search.schemas.ts'

const P = ProblemSchema

/** GET /v1/search: open to everyone; anonymous callers see public previews only (the service decides). */
export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, opts) => {
  app.get(
    '/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search published photos in Dutch or English, with filters, facets and language guidance',
        querystring: SearchQuerystring,
        response: { 200: SearchResponse, 400: P },
      },
    },
    async (request, reply) => {
      // The route's response schema serialises the answer (the allow-list); a hit's fixed part and its
      // highlights through the same schema's parts, compiled once per route.
      const json = await opts.search.searchJson(request.query, request.principal ?? null, {
        response: (r) => reply.serializeInput(r, '200') as string,
        hitBase: reply.compileSerializationSchema(SearchHitBaseSchema as unknown as Record<string, unknown>) as (h: unknown) => string,
        highlights: reply.compileSerializationSchema(SearchHighlights as unknown as Record<string, unknown>) as (h: unknown) => string,
      })
      return reply.type('application/json; charset=utf-8').send(json as never)
    },
  )
}
