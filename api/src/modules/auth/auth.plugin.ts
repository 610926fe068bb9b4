import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify'
import { sha256 } from '../../platform/crypto.ts'
import { problems } from '../../platform/problems.ts'
import type { AuthService, Principal } from './auth.service.ts'
import type { Role } from './auth.table.ts'

export const SESSION_COOKIE = 'eb_session'
export const CSRF_COOKIE = 'eb_csrf'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null
  }
  interface FastifyContextConfig {
    /** Marks a route that changes data but may be called anonymously (login). Everything else needs a principal. */
    anonymous?: boolean
  }
  interface FastifyInstance {
    requireRole: (...roles: Role[]) => onRequestHookHandler
  }
}

function bearer(request: FastifyRequest): string | null {
  const h = request.headers.authorization
  if (!h) return null
  const m = /^Bearer\s+(\S+)$/i.exec(h)
  return m?.[1] ?? ''
}

const sameHash = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * Resolves the caller (bearer token or session cookie) on every request, and enforces two rules for all
 * routes at once: no anonymous request changes data, and a cookie-authenticated request that changes data
 * carries the CSRF token (double submit: the eb_csrf cookie's value in the x-csrf-token header).
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { auth: AuthService }) => {
    app.decorateRequest('principal', null)
    app.addHook('onRequest', async (request) => {
      const header = bearer(request)
      // A model's portal token is not a session: the portal routes check it themselves.
      if (header?.startsWith('ebp_')) return
      if (header !== null) {
        // A malformed or unknown bearer token is an error, not an anonymous request.
        const p = header ? await opts.auth.authenticate(header, 'bearer') : null
        if (!p) throw problems.unauthenticated()
        request.principal = p
      } else {
        const cookie = request.cookies[SESSION_COOKIE]
        const p = cookie ? await opts.auth.authenticate(cookie, 'cookie') : null
        if (p) {
          request.principal = p
          if (!SAFE_METHODS.has(request.method)) {
            const sent = request.headers['x-csrf-token']
            if (typeof sent !== 'string' || !sameHash(sha256(sent), p.csrfHash)) throw problems.csrf()
          }
        }
      }
      if (!request.principal && !SAFE_METHODS.has(request.method) && !request.routeOptions.config?.anonymous) {
        throw problems.unauthenticated()
      }
    })
    app.decorate('requireRole', (...roles: Role[]): onRequestHookHandler => {
      return async (request) => {
        if (!request.principal) throw problems.unauthenticated()
        if (!roles.includes(request.principal.role)) throw problems.forbidden(`This needs the role ${roles.join(' or ')}.`)
      }
    })
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
)
