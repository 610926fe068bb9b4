import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems, ProblemSchema } from '../../platform/problems.ts'
import type { AuthService } from './auth.service.ts'
import { CSRF_COOKIE, SESSION_COOKIE } from './auth.plugin.ts'
import { AccountHelp, LoginBody, LoginResponse, MeResponse } from './auth.schemas.ts'

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; cookieSecure: boolean; loginRateLimit: number; contactEmail?: string }> = async (
  app,
  opts,
) => {
  // Who to ask for an account, a new password or a new portal link: there is no self-service reset (an
  // account is made by a person who knows who it is for), so the page names that person's address.
  app.get(
    '/v1/auth/help',
    {
      schema: {
        tags: ['auth'],
        summary: 'Where to ask for an account, a new password or a new portal link',
        response: { 200: AccountHelp, 400: ProblemSchema },
      },
    },
    async () => ({
      contactEmail: opts.contactEmail ?? null,
    }),
  )

  app.post(
    '/v1/auth/login',
    {
      config: { anonymous: true, rateLimit: { max: opts.loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResponse, 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema } },
    },
    async (request, reply) => {
      const s = await opts.auth.login(request.body.email, request.body.password)
      // The answer holds the session token: never kept by a browser cache or a proxy (RFC 9111 §5.2.2.5).
      reply.header('cache-control', 'no-store')
      const cookie = { path: '/', secure: opts.cookieSecure, expires: s.expiresAt }
      reply.setCookie(SESSION_COOKIE, s.token, { ...cookie, httpOnly: true, sameSite: 'lax' })
      // Readable by the page script (double-submit CSRF); worthless without the HttpOnly session cookie.
      reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...cookie, httpOnly: false, sameSite: 'strict' })
      return { token: s.token, csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString(), user: s.user }
    },
  )

  app.post(
    '/v1/auth/logout',
    { schema: { tags: ['auth'], response: { 204: { type: 'null' }, 400: ProblemSchema, 401: ProblemSchema } } },
    async (request, reply) => {
      // A key has no session to end: a 204 would suggest it stopped working.
      if (request.principal!.via === 'apikey')
        throw problems.badRequest('An API key is not a session: its organisation revokes it (DELETE /v1/organisations/{id}/keys/{keyId}).')
      await opts.auth.logout(request.principal!.sessionId)
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/v1/auth/me',
    {
      onRequest: app.requireRole('admin', 'curator', 'photographer', 'journalist'),
      schema: { tags: ['auth'], response: { 200: MeResponse, 401: ProblemSchema } },
    },
    async (request) => {
      const p = request.principal!
      return { user: { id: p.userId, role: p.role, displayName: p.displayName }, organisationId: p.organisationId }
    },
  )
}
