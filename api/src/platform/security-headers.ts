/**
 * Security headers (CSP, HSTS, frame and referrer policies, …) from helmet, on every response.
 *
 * Why not @fastify/helmet: it calls `helmet(options)` anew on every request, which parses and serialises
 * the whole policy each time, behind two async hooks; on a cached photo that was about a tenth of the
 * request. Here the same library builds each policy once (the global one at start, a route's own when the
 * route is added) and one synchronous hook applies it. A route sets its own policy with
 * `config: { securityHeaders: { …helmet options } }`, merged over the global options as @fastify/helmet did.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's own helmet options, over the global ones (the embed page: framable, no scripts). */
    securityHeaders?: HelmetOptions
  }
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void

const ROUTE_POLICY = Symbol('securityHeaders')

export const securityHeaders = fp(
  async (app: FastifyInstance, options: HelmetOptions) => {
    const global = helmet(options) as Middleware
    const failed = (err?: unknown) => {
      if (err) throw err
    }
    app.addHook('onRoute', (route) => {
      const own = route.config?.securityHeaders
      if (own) route.config = Object.assign(route.config ?? {}, { [ROUTE_POLICY]: helmet({ ...options, ...own } as HelmetOptions) as Middleware })
    })
    app.addHook('onRequest', (request, reply, done) => {
      const own = (request.routeOptions.config as unknown as Record<symbol, Middleware | undefined>)[ROUTE_POLICY]
      ;(own ?? global)(request.raw, reply.raw, failed)
      done()
    })
  },
  { name: 'security-headers' },
)
