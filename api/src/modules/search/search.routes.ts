import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ProblemSchema } from '../../platform/problems.ts'
import type { SearchService } from './search.service.ts'
import { SearchQuerystring, SearchResponse } from './search.schemas.ts'

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
      const json = await opts.search.searchJson(request.query, request.principal ?? null, (r) => reply.serializeInput(r, '200') as string)
      return reply.type('application/json; charset=utf-8').send(json as never)
    },
  )
}
