import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Database } from '../db/client.ts'
import { Problem, ProblemSchema } from './problems.ts'

export const healthRoutes: FastifyPluginAsyncTypebox<{ database: Database }> = async (app, opts) => {
  // A limit of their own, per address, far above any prober's rate (every few seconds) and independent of
  // ANONYMOUS_RATE_LIMIT_PER_MINUTE, so a balancer is never refused, but a flood of probes is. The proxy
  // (deploy/Caddyfile) doesn't let the internet reach them at all.
  const probeLimit = { rateLimit: { max: 600, timeWindow: 60_000 } }
  app.get(
    '/healthz',
    { logLevel: 'warn', config: probeLimit, schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      config: probeLimit,
      schema: { tags: ['health'], response: { 200: Type.Object({ status: Type.Literal('ready') }), 503: ProblemSchema } },
    },
    async () => {
      if (!(await opts.database.ready())) {
        throw new Problem(503, 'not-ready', 'Not ready', 'The database is unreachable or migrations are not applied.', {}, { 'retry-after': '5' })
      }
      return { status: 'ready' as const }
    },
  )
}
