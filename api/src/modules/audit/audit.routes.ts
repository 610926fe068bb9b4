import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems, ProblemSchema as P } from '../../platform/problems.ts'
import type { AuditLog } from './audit.log.ts'

const Head = Type.Object({ seq: Type.Integer({ minimum: 0 }), hash: Type.String({ pattern: '^[0-9a-f]{64}$' }) })
const VerifyQuery = Type.Object(
  {
    // The head printed by an earlier verify (SEQ:HASH), kept outside the database: the only thing that
    // catches a chain rewritten consistently from some point on (see AuditLog.verify).
    anchor: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,15}:[0-9a-f]{64}$', description: 'SEQ:HASH from an earlier verify' })),
  },
  { additionalProperties: false },
)
const VerifyResponse = Type.Object({
  ok: Type.Boolean(),
  events: Type.Integer({ minimum: 0, description: 'Events checked and found intact, in order from the first.' }),
  head: Type.Union([Head, Type.Null()], { description: 'When intact: the newest event; keep SEQ:HASH outside the database as the next anchor.' }),
  firstBad: Type.Union([Type.Object({ seq: Type.Integer(), problem: Type.String() }), Type.Null()], {
    description: "When broken: the first bad event and what is wrong ('changed', 'missing', 'reordered', 'broken-link').",
  }),
  checkedAt: Type.String({ format: 'date-time' }),
})

/** The consent officer's check of the audit chain, the same check as `npm run cli -- audit verify`. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get(
    '/v1/admin/audit/verify',
    {
      onRequest: app.requireRole('admin'),
      // A whole-chain walk: cheap per event, but not something to let anyone hammer.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash-chained audit trail (the same check as the CLI)',
        querystring: VerifyQuery,
        response: { 200: VerifyResponse, 400: P, 401: P, 403: P, 429: P },
      },
    },
    async (request, reply) => {
      const m = request.query.anchor ? /^([0-9]+):([0-9a-f]{64})$/.exec(request.query.anchor) : null
      const anchor = m ? { seq: Number(m[1]), hash: m[2]! } : undefined
      if (anchor && !Number.isSafeInteger(anchor.seq)) throw problems.validation('anchor seq is too large.', [{ path: '/anchor', message: 'too large' }])
      const r = await audit.verify({ anchor })
      reply.header('cache-control', 'no-store')
      const checkedAt = new Date().toISOString()
      return r.ok
        ? { ok: true, events: r.events, head: r.head, firstBad: null, checkedAt }
        : { ok: false, events: r.events, head: null, firstBad: r.firstBad, checkedAt }
    },
  )
}
