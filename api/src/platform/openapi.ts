/**
 * The OpenAPI 3.1 document, generated from the route schemas (@fastify/swagger), at GET /v1/openapi.json,
 * and the interactive docs at /docs (@fastify/swagger-ui, served from its own static files so helmet's CSP
 * — scripts from 'self' only — holds there too). Registered before any route: both this plugin's route
 * catalogue and swagger's collector see routes through onRoute hooks.
 *
 * What the document adds to the route schemas, so they need not repeat it:
 * - problem responses (4xx, 5xx) as application/problem+json (RFC 9457), the way the error handler sends them;
 * - 429 with Retry-After on every rate-limited route (the limiter is global: platform, not route, business);
 * - security: from the roles in a route's requireRole hook (signed in: bearer or cookie), the portal's link
 *   token for /v1/portal, or optional credentials otherwise.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import fp from 'fastify-plugin'
import type { FastifyInstance, RouteOptions } from 'fastify'
import Type from 'typebox'
import { ProblemSchema } from './problems.ts'

export interface CataloguedRoute {
  method: string
  url: string
  /** Hidden from the document on purpose (the docs' own files, the gallery's static files). */
  hidden: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route as registered, to check the document against (test/platform/openapi.test.ts). */
    routeCatalogue: readonly CataloguedRoute[]
  }
}

export const OPENAPI_PATH = '/v1/openapi.json'
export const DOCS_PREFIX = '/docs'

const TAGS = [
  { name: 'health', description: 'Liveness and readiness.' },
  { name: 'meta', description: 'This document.' },
  { name: 'auth', description: 'Signing in (web sessions).' },
  { name: 'organisations', description: 'Media outlets, their journalists and API keys; a key’s own limits.' },
  { name: 'photos', description: 'Photos, their texts and derivative bytes.' },
  { name: 'consent', description: 'The people in a photo and their consent; review and publication.' },
  { name: 'downloads', description: 'Downloads for a stated use: grants with the exact licence version, signed short-lived file URLs, exports.' },
  { name: 'portal', description: 'The portal of the people pictured, by their personal link.' },
  { name: 'vault', description: 'Legal names and release forms: encrypted, for the consent officer only.' },
  { name: 'erasure', description: 'Carrying out a person’s request to be erased.' },
]

type Schema = Record<string, unknown> & { response?: Record<string, unknown>; security?: unknown; description?: string; hide?: boolean }

/** Per route: the added 429, and who may call it. */
function transform({ schema, url, route }: { schema: Schema | undefined; url: string; route: RouteOptions }) {
  if (!schema || schema.hide) return { schema: schema as never, url }
  const s: Schema = { ...schema, response: { ...(schema.response ?? {}) } }
  if (route.config?.rateLimit !== false && !s.response!['429']) s.response!['429'] = ProblemSchema
  const roles = [route.onRequest].flat().flatMap((h) => ((h as unknown as Record<symbol, unknown> | undefined)?.[REQUIRED_ROLES] as string[] | undefined) ?? [])
  if (s.security === undefined) {
    if (url.startsWith('/v1/portal')) s.security = [{ portalLink: [] }]
    else if (roles.length) s.security = [{ bearer: [] }, { cookieSession: [] }]
    else s.security = [{}, { bearer: [] }, { cookieSession: [] }]
  }
  if (roles.length) s.description = `${s.description ? `${s.description}\n\n` : ''}Roles: ${[...new Set(roles)].join(', ')}.`
  return { schema: s as never, url }
}

type Json = Record<string, any>

/** Over the whole document: problem media types, Retry-After, binary bodies. */
function transformObject({ openapiObject }: { openapiObject: Json }) {
  const declared = new Set<string>((openapiObject.tags ?? []).map((t: { name: string }) => t.name))
  for (const item of Object.values<Json>(openapiObject.paths ?? {})) {
    for (const op of Object.values<Json>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue
      // A module's new tag is listed even before it is described in TAGS.
      for (const tag of op.tags ?? []) if (!declared.has(tag)) declared.add(tag), (openapiObject.tags ??= []).push({ name: tag })
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        const code = Number(status)
        const content = response.content as Json | undefined
        const first = content ? (Object.values<Json>(content)[0] as Json | undefined) : undefined
        if (code >= 400 && first) {
          response.content = { 'application/problem+json': first }
          if (response.description === 'Default Response')
            response.description = code === 429 ? 'Too many requests: wait for Retry-After seconds.' : 'Problem details (RFC 9457)'
          if (code === 429 || code === 503)
            response.headers = {
              'retry-after': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
              ...(response.headers ?? {}),
            }
        } else if (first?.schema?.format === 'binary') {
          response.content = { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } }
        }
      }
    }
  }
  return openapiObject
}

/** The roles a route's auth hook requires, tagged on the hook by the auth module so the spec can say them. */
export const REQUIRED_ROLES = Symbol.for('eerlijk-beeld.requiredRoles')

export const openapiPlugin = fp(
  async (app: FastifyInstance, opts: { publicUrl: string | undefined }) => {
    const catalogue: CataloguedRoute[] = []
    app.decorate('routeCatalogue', catalogue)
    app.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) catalogue.push({ method, url: r.url, hidden: (r.schema as Schema | undefined)?.hide === true })
    })

    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Eerlijk Beeld API',
          version: '1.0.0',
          description:
            'Het beeldbank-API van Eerlijk Beeld: elke foto alleen zolang de toestemming van iedereen erop het toelaat. / ' +
            'The Eerlijk Beeld image bank API: every photo only while the consent of everyone in it allows. ' +
            'Errors are application/problem+json (RFC 9457). Every response carries x-ratelimit-limit, x-ratelimit-remaining and ' +
            'x-ratelimit-reset; over the limit: 429 with Retry-After. Send an API key only as Authorization: Bearer ebk_…; a key in the URL is refused.',
          license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
        },
        servers: [{ url: opts.publicUrl ?? '/' }],
        tags: TAGS,
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              description: 'An organisation’s API key (ebk_…, acts as a journalist of that organisation) or a session token from POST /v1/auth/login (ebs_…).',
            },
            cookieSession: {
              type: 'apiKey',
              in: 'cookie',
              name: 'eb_session',
              description: 'The web session cookie; requests that change data also send the x-csrf-token header.',
            },
            portalLink: { type: 'http', scheme: 'bearer', description: 'The personal portal link token (ebp_…) of a person pictured.' },
          },
        },
      },
      transform: transform as never,
      transformObject: transformObject as never,
    })
    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      // No call to the public validator: the CSP would block it, and the document stays here.
      uiConfig: { validatorUrl: null, deepLinking: true } as never,
    })

    app.get(
      OPENAPI_PATH,
      {
        schema: {
          tags: ['meta'],
          summary: 'This API’s OpenAPI 3.1 document',
          response: { 200: Type.Object({}, { additionalProperties: true, description: 'An OpenAPI 3.1 document' }), 400: ProblemSchema },
        },
      },
      async (_request, reply) => reply.header('cache-control', 'no-cache').send(app.swagger()),
    )
  },
  { name: 'openapi', dependencies: ['auth'] },
)
