import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Database } from '../db/client.ts'
import { Problem, ProblemSchema } from './problems.ts'

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (app, opts) => {
  // Not rate-limited: a load balancer's probes must never be refused.
  app.get('/healthz', { logLevel: 'warn', config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } }, async () => ({ status: 'ok' as const }))
  app.get(
    '/readyz',
    { logLevel: 'warn', config: { rateLimit: false }, schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: ProblemSchema } } },
    async () => {
      if (!(await opts.database.ready())) {
        throw new Problem(503, 'not-ready', 'Not ready', 'The database is unreachable or migrations are not applied.', {}, { 'retry-after': '5' })
      }
      return { status: 'ready' as const }
    },
  )
}
