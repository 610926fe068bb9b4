import crypto from 'node:crypto'
import fp from 'fastify-plugin'
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify'
import { sha256 } from '../../platform/crypto.ts'
import { failedAttempt, FailureLimiter } from '../../platform/failure-limiter.ts'
import { Problem, problems } from '../../platform/problems.ts'
import type { AuthService, Principal } from './auth.service.ts'
import type { Role } from './auth.table.ts'
import { REQUIRED_ROLES } from '../../platform/openapi.ts'

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

/** Resolves an organisation's API key (`ebk_…`) to the principal it acts as (the desks module provides it). */
export interface ApiKeyAuthenticator {
  authenticate(key: string): Promise<Principal | null>
}

/** Query parameters that name a credential, whatever their value. */
const CREDENTIAL_PARAMS = new Set(['api_key', 'apikey', 'api-key', 'access_token', 'auth_token', 'authorization', 'bearer'])
/** Values that are one of our credentials, whatever the parameter's name (`?key=ebk_…`, `?token=ebs_…`, a portal link's `ebp_…`). */
const CREDENTIAL_VALUE = /^(ebk|ebs|ebp)_/

/**
 * A credential in the URL ends up in access logs, proxies, browser history and Referer headers: refused,
 * never accepted, so no integration comes to depend on it. Other parameters named key or token (a signed
 * download URL's) are left alone unless their value is one of our keys or session tokens.
 */
function credentialsInQuery(request: FastifyRequest): boolean {
  if (!request.url.includes('?')) return false
  const query = request.query as Record<string, unknown> | undefined
  if (!query || typeof query !== 'object') return false
  for (const [name, value] of Object.entries(query)) {
    if (CREDENTIAL_PARAMS.has(name.toLowerCase())) return true
    for (const v of [value].flat()) if (typeof v === 'string' && CREDENTIAL_VALUE.test(v)) return true
  }
  return false
}

const invalidApiKey = () =>
  new Problem(
    401,
    'invalid-api-key',
    'Invalid API key',
    'The API key is unknown or revoked, or its organisation is not enabled.',
    {},
    { 'www-authenticate': 'Bearer error="invalid_token"' },
  )

/**
 * Resolves the caller (bearer token or session cookie) on every request, and enforces two rules for all
 * routes at once: no anonymous request changes data, and a cookie-authenticated request that changes data
 * carries the CSRF token (double submit: the eb_csrf cookie's value in the x-csrf-token header).
 */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { auth: AuthService; apiKeys?: ApiKeyAuthenticator }) => {
    app.decorateRequest('principal', null)
    const keyFailures = new FailureLimiter(30, 60_000)
    app.addHook('onRequest', async (request) => {
      if (credentialsInQuery(request))
        throw new Problem(
          400,
          'credentials-in-query',
          'Credentials in the URL',
          'Never put an API key or token in the URL: send it in the Authorization header (Authorization: Bearer ebk_…).',
        )
      const header = bearer(request)
      // A model's portal token is not a session: the portal routes check it themselves.
      if (header?.startsWith('ebp_')) return
      if (header?.startsWith('ebk_')) {
        // An organisation's API key: acts as a journalist of that organisation (see ApiKeyService). The key
        // is checked first, so a valid key always works; wrong ones count per address and per public id
        // (ebk_<8 hex>), and past the limit they get 429, so guessing costs the guesser, never the holder.
        const p = opts.apiKeys ? await opts.apiKeys.authenticate(header) : null
        if (!p) {
          const wait = failedAttempt(keyFailures, request.ip, /^ebk_[0-9a-f]{8}_/.test(header) ? header.slice(0, 12) : null)
          if (wait > 0) throw problems.tooManyRequests(wait)
          throw invalidApiKey()
        }
        request.principal = p
      } else if (header !== null) {
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
      const hook = async (request: FastifyRequest) => {
        if (!request.principal) throw problems.unauthenticated()
        if (!roles.includes(request.principal.role)) throw problems.forbidden(`This needs the role ${roles.join(' or ')}.`)
      }
      // Read by the OpenAPI document (platform/openapi.ts): which roles, and so which credentials, a route needs.
      return Object.assign(hook, { [REQUIRED_ROLES]: roles }) as onRequestHookHandler
    })
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
)
