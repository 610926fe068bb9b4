import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problems, ProblemSchema as P } from '../../platform/problems.ts'
import type { NoticeService } from './webhooks.notices.ts'
import type { WebhooksService } from './webhooks.service.ts'
import {
  AdminDelivery,
  DeliveryParams,
  AdminNoticeList,
  AdminNoticesQuery,
  DeliveriesQuery,
  DeliveryLog,
  EndpointBody,
  EndpointCreated,
  EndpointList,
  EndpointParams,
  Notice,
  NoticeList,
  NoticeParams,
  NoticesQuery,
  OrgQuery,
} from './webhooks.schemas.ts'

/**
 * /v1/webhooks: an organisation's endpoints, its notices, the delivery log and the acknowledgement. The
 * caller acts for their own organisation (a journalist of an enabled organisation, or its API key); an
 * admin names one with organisationId. Acknowledging is the organisation's own act: never the admin's.
 */
export const webhooksRoutes: FastifyPluginAsyncTypebox<{ webhooks: WebhooksService; notices: NoticeService }> = async (app, { webhooks, notices }) => {
  app.addHook('onRequest', async (request) => {
    if (!request.principal) throw problems.unauthenticated()
  })
  const tags = ['webhooks']

  app.post(
    '/v1/webhooks/endpoints',
    {
      schema: {
        tags,
        summary: 'Add a webhook endpoint; its secret is shown once',
        body: EndpointBody,
        response: { 201: EndpointCreated, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      const org = await webhooks.organisationOf(request.principal!, request.body.organisationId)
      const created = await webhooks.create(org, request.body)
      return reply.code(201).header('cache-control', 'no-store').header('location', `/v1/webhooks/endpoints/${created.id}`).send(created)
    },
  )
  app.get(
    '/v1/webhooks/endpoints',
    {
      schema: {
        tags,
        summary: "Your organisation's webhook endpoints",
        querystring: OrgQuery,
        response: { 200: EndpointList, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => ({
      items: await webhooks.list(await webhooks.organisationOf(request.principal!, request.query.organisationId)),
    }),
  )
  app.delete(
    '/v1/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        summary: 'Delete a webhook endpoint (its log stays; its secret is destroyed)',
        params: EndpointParams,
        querystring: OrgQuery,
        response: { 204: { type: 'null' }, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      await webhooks.remove(await webhooks.organisationOf(request.principal!, request.query.organisationId), request.params.id)
      return reply.code(204).send(null)
    },
  )
  app.get(
    '/v1/webhooks/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log: every attempt, its status code or error class and duration',
        querystring: DeliveriesQuery,
        response: { 200: DeliveryLog, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      const org = await webhooks.organisationOf(request.principal!, request.query.organisationId)
      return {
        items: await webhooks.deliveries(org, { endpointId: request.query.endpointId, noticeId: request.query.noticeId, limit: request.query.limit ?? 100 }),
      }
    },
  )
  app.get(
    '/v1/webhooks/notices',
    {
      schema: {
        tags,
        summary: 'Takedown notices for your organisation, newest first',
        querystring: NoticesQuery,
        response: { 200: NoticeList, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => ({
      items: await notices.listForOrganisation(await webhooks.organisationOf(request.principal!, request.query.organisationId), request.query.limit ?? 100),
    }),
  )
  app.post(
    '/v1/webhooks/notices/:noticeId/ack',
    {
      schema: {
        tags,
        summary: 'Acknowledge a takedown notice: your organisation acted on it',
        params: NoticeParams,
        response: { 200: Notice, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      const p = request.principal!
      if (!p.organisationId) throw problems.forbidden('Only the organisation the notice is for can acknowledge it.')
      return notices.acknowledge(p.organisationId, request.params.noticeId)
    },
  )
}

/** The admin's view of every notice and each channel's state: e-mail waiting for SMTP, webhooks that died. */
export const noticesAdminRoutes: FastifyPluginAsyncTypebox<{ notices: NoticeService }> = async (app, { notices }) => {
  app.get(
    '/v1/admin/notices',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['webhooks'],
        summary: 'Every takedown notice with its delivery state per channel',
        querystring: AdminNoticesQuery,
        response: { 200: AdminNoticeList, 400: P, 401: P, 403: P },
      },
    },
    async (request) => ({ items: await notices.listForAdmin(request.query.limit ?? 100, request.query.state) }),
  )
  app.post(
    '/v1/admin/deliveries/:id/retry',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['webhooks'],
        summary: 'Send a notice delivery that gave up (or is waiting out its backoff) on its way again',
        description:
          'A dead delivery gets a fresh delivery window from now. 409 `no-mail-server` for an e-mail while no SMTP is configured, `delivery-not-retryable` for one delivered, cancelled or acknowledged.',
        params: DeliveryParams,
        response: { 200: AdminDelivery, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => notices.retry(request.params.id, { kind: 'user', id: request.principal!.userId }),
  )
}
