import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { failedAttempt, FailureLimiter } from '../../platform/failure-limiter.ts'
import { problems, ProblemSchema as P } from '../../platform/problems.ts'
import { Consent, ConsentBody, Day, Proposal } from '../consent/index.ts'
import { PhotoStatusValue, sendDerivative, type PhotosService } from '../photos/index.ts'
import { NoticeStateValue } from '../webhooks/index.ts'
import { portalProblems, TOKEN_PREFIX, type PortalService } from './portal.service.ts'

declare module 'fastify' {
  interface FastifyRequest {
    portalSubject: string | null
  }
}

const Words = Type.Object({ nl: Type.String(), en: Type.String() })
const Bilingual = Type.Object({ nl: Type.Union([Type.String(), Type.Null()]), en: Type.Union([Type.String(), Type.Null()]) })
/** A proposal as the person reads it: the consent it would make in plain words, and what it widens. */
const PortalProposal = Type.Object({ ...Proposal.properties, photoId: Type.String({ format: 'uuid' }), inWords: Words, widensInWords: Words })
const Overview = Type.Object({
  pseudonym: Type.String(),
  photos: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      status: PhotoStatusValue,
      caption: Bilingual,
      alt: Bilingual,
      credit: Type.String(),
      preview: Type.Union([Type.String(), Type.Null()]),
      consent: Type.Union([Consent, Type.Null()]),
      consentInWords: Type.Union([Words, Type.Null()]),
      /** An open question to renew before the consent's last day (null when there is none). */
      renewal: Type.Union([Type.Object({ validUntil: Type.String(), askedAt: Type.String({ format: 'date-time' }), inWords: Words }), Type.Null()]),
      /** Wider consents proposed by the photographer or admin, newest first; only 'pending' ones can be answered. */
      proposals: Type.Array(PortalProposal),
      /** Who downloaded the photo, for what, where, when, and where they say they published it. */
      usage: Type.Array(
        Type.Object({
          organisation: Type.String(),
          outlet: Type.Union([Type.String(), Type.Null()]),
          headline: Type.Union([Type.String(), Type.Null()]),
          use: Type.String(),
          channel: Type.String(),
          topic: Type.Union([Type.String(), Type.Null()]),
          at: Type.String(),
          publicationUrl: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
      /** Per organisation that holds it: the takedown notice queued, delivered (webhook or e-mail), acknowledged, with dates. */
      notices: Type.Array(
        Type.Object({
          organisation: Type.String(),
          event: Type.String(),
          state: NoticeStateValue,
          /** False when no channel can carry it (no webhook, e-mail waiting for a mail server): the bank contacts the outlet itself. */
          reachable: Type.Boolean(),
          at: Type.String(),
          deliveredAt: Type.Union([Type.String(), Type.Null()]),
          acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
        }),
      ),
    }),
  ),
})
const Confirm = Type.Object({ confirm: Type.Boolean() }, { additionalProperties: false })
const RenewBody = Type.Object(
  // validUntil: the new last valid day (inclusive); three years from today when left out, ten years at most.
  { confirm: Type.Boolean(), validUntil: Type.Optional(Day) },
  { additionalProperties: false },
)
const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const ProposalParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const MediaParams = Type.Object({ id: Type.String({ format: 'uuid' }), file: Type.String({ maxLength: 40 }) }, { additionalProperties: false })
const SubjectParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

/** The admin side: making and revoking a person's link. */
export const portalAdminRoutes: FastifyPluginAsyncTypebox<{ portal: PortalService }> = async (app, { portal }) => {
  app.post(
    '/v1/subjects/:id/portal-link',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['portal'],
        summary: "Make a person's portal link (any older link stops working); shown once",
        params: SubjectParams,
        response: { 201: Type.Object({ token: Type.String(), url: Type.String() }), 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await portal.createLink(request.params.id, request.principal!)),
  )
  app.delete(
    '/v1/subjects/:id/portal-link',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['portal'],
        summary: "Revoke a person's live portal link (404 when there is none)",
        params: SubjectParams,
        response: { 200: Type.Object({ revoked: Type.Integer() }), 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      const revoked = await portal.revoke(request.params.id)
      if (revoked === 0) throw portalProblems.noLiveLink()
      return { revoked }
    },
  )
  app.get(
    '/v1/subjects/:id/portal-link',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['portal'],
        summary: "The state of a person's latest portal link (never the token): none, active, expired or revoked",
        params: SubjectParams,
        response: {
          200: Type.Object({
            state: Type.Union([Type.Literal('none'), Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
            createdAt: Type.Union([Type.String(), Type.Null()]),
            expiresAt: Type.Union([Type.String(), Type.Null()]),
            lastUsedAt: Type.Union([Type.String(), Type.Null()]),
            revokedAt: Type.Union([Type.String(), Type.Null()]),
          }),
          401: P,
          403: P,
          404: P,
        },
      },
    },
    async (request) => portal.linkStatus(request.params.id),
  )
}

/**
 * The model's side, /v1/portal/…: authenticated by the personal link's token (Authorization: Bearer
 * ebp_…), no account. Wrong tokens count against the client; too many → 429 for a while.
 */
export const portalRoutes: FastifyPluginAsyncTypebox<{ portal: PortalService; photos: PhotosService; limiter?: FailureLimiter }> = async (app, opts) => {
  const { portal } = opts
  const limiter = opts.limiter ?? new FailureLimiter(10, 10 * 60_000)
  app.decorateRequest('portalSubject', null)
  app.addHook('onRequest', async (request) => {
    // The token is checked first, so a valid link always works, however many wrong ones came from the
    // same address; only wrong ones are counted (per address and per token prefix) and, past the limit, 429.
    const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
    const token = m?.[1]
    const link = token?.startsWith(TOKEN_PREFIX) ? await portal.authenticate(token) : null
    if (!link) {
      const wait = failedAttempt(limiter, request.ip, token?.startsWith(TOKEN_PREFIX) ? token.slice(0, TOKEN_PREFIX.length + 8) : null)
      if (wait > 0) throw problems.tooManyRequests(wait)
      throw portalProblems.invalidLink()
    }
    request.portalSubject = link.subjectId
  })
  const anonymous = { anonymous: true }

  app.get(
    '/v1/portal',
    { schema: { tags: ['portal'], summary: 'Your photos, your consent in plain words, and who used them', response: { 200: Overview, 401: P, 429: P } } },
    async (request) => portal.overview(request.portalSubject!),
  )
  app.get(
    '/v1/portal/events',
    {
      schema: {
        tags: ['portal'],
        summary: 'What happened to your photos: consent changes, publication, downloads (from the audit trail)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                at: Type.String(),
                type: Type.String(),
                photoId: Type.Union([Type.String(), Type.Null()]),
                aboutYou: Type.Boolean(),
                by: Type.String(),
              }),
            ),
          }),
          401: P,
          429: P,
        },
      },
    },
    async (request) => ({ items: await portal.events(request.portalSubject!) }),
  )
  app.get(
    '/v1/portal/photos/:id/media/:file',
    {
      schema: {
        tags: ['portal'],
        params: MediaParams,
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false }),
        response: { 200: Type.String({ format: 'binary', description: 'The derivative’s bytes' }), 304: Type.Null(), 400: P, 401: P, 404: P, 410: P },
      },
    },
    async (request, reply) => {
      return sendDerivative(request, reply, opts.photos, await portal.media(request.portalSubject!, request.params.id, request.params.file))
    },
  )
  app.put(
    '/v1/portal/photos/:id/consent',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Change what your photo may be used for (a new version)',
        params: PhotoParams,
        body: ConsentBody,
        response: { 200: Type.Object({ consent: Consent, consentInWords: Words }), 400: P, 401: P, 404: P, 409: P },
      },
    },
    async (request) => portal.changeConsent(request.portalSubject!, request.params.id, request.body),
  )
  app.post(
    '/v1/portal/photos/:id/renew',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Renew your consent before it ends (a new version); an expired consent cannot be renewed',
        params: PhotoParams,
        body: RenewBody,
        response: { 200: Type.Object({ consent: Consent, consentInWords: Words }), 400: P, 401: P, 404: P, 409: P },
      },
    },
    async (request) => {
      if (!request.body.confirm) throw portalProblems.confirm()
      return portal.renew(request.portalSubject!, request.params.id, request.body.validUntil)
    },
  )
  app.post(
    '/v1/portal/proposals/:id/accept',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Accept a wider consent proposed to you: it becomes your consent (a new version)',
        params: ProposalParams,
        body: Confirm,
        response: { 200: Type.Object({ consent: Consent, consentInWords: Words, proposal: PortalProposal }), 400: P, 401: P, 404: P, 409: P, 410: P },
      },
    },
    async (request) => {
      if (!request.body.confirm) throw portalProblems.confirm()
      return portal.answerProposal(request.portalSubject!, request.params.id, 'accept')
    },
  )
  app.post(
    '/v1/portal/proposals/:id/decline',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Decline a proposal: your consent stays as it is',
        params: ProposalParams,
        response: { 200: Type.Object({ consent: Consent, consentInWords: Words, proposal: PortalProposal }), 400: P, 401: P, 404: P, 409: P, 410: P },
      },
    },
    async (request) => portal.answerProposal(request.portalSubject!, request.params.id, 'decline'),
  )
  app.post(
    '/v1/portal/photos/:id/withdraw',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Withdraw consent: the photo is taken down at once',
        params: PhotoParams,
        body: Confirm,
        response: { 200: Type.Object({ id: Type.String(), status: Type.String() }), 400: P, 401: P, 404: P },
      },
    },
    async (request) => {
      if (!request.body.confirm) throw portalProblems.confirm()
      await portal.withdraw(request.portalSubject!, request.params.id)
      return { id: request.params.id, status: 'withdrawn' }
    },
  )
  app.post(
    '/v1/portal/erasure',
    {
      config: anonymous,
      schema: {
        tags: ['portal'],
        summary: 'Ask to be erased: photos, files and your records',
        body: Confirm,
        response: { 202: Type.Object({ id: Type.String(), requestedAt: Type.String() }), 400: P, 401: P },
      },
    },
    async (request, reply) => {
      if (!request.body.confirm) throw portalProblems.confirm()
      return reply.code(202).send(await portal.requestErasure(request.portalSubject!))
    },
  )
}
