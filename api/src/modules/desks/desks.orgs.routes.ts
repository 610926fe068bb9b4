import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { problems, ProblemSchema as P } from '../../platform/problems.ts'
import type { AuditActor } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import type { ApiKeyService } from './desks.keys.ts'
import type { OrganisationsService } from './desks.orgs.service.ts'
import { desksProblems } from './desks.problems.ts'
import {
  AddedMember,
  AddMemberBody,
  ApiKey,
  CreatedKey,
  CreateKeyBody,
  CreateOrgBody,
  CurrentKeyResponse,
  KeyList,
  KeyParams,
  MemberList,
  MemberParams,
  Organisation,
  OrganisationList,
  OrgParams,
  PatchOrgBody,
} from './desks.orgs.schemas.ts'

const actorOf = (p: Principal): AuditActor => ({ kind: 'user', id: p.userId })
const header = (request: FastifyRequest, reply: { getHeader(name: string): unknown }, name: string) => Number(reply.getHeader(name) ?? Number.NaN)

/** Organisations and their members (admin), API keys (admin, or the organisation's managers), and the key's own view. */
export const organisationRoutes: FastifyPluginAsyncTypebox<{ organisations: OrganisationsService; keys: ApiKeyService; rateWindowSeconds: number }> = async (
  app,
  opts,
) => {
  const { organisations, keys } = opts
  const admin = app.requireRole('admin')
  const tags = ['organisations']

  /** Admins manage every organisation's keys; a manager journalist their own (signed in, never with a key). */
  const keyManager = app.requireRole('admin', 'journalist')
  const mayManageKeys = async (p: Principal, organisationId: string) => {
    if (p.role === 'admin') return
    if (p.via !== 'apikey' && p.organisationId === organisationId && (await organisations.isManager(p.userId, organisationId))) return
    throw problems.forbidden('Only an admin or a manager of this organisation can manage its keys.')
  }

  app.post(
    '/v1/organisations',
    {
      onRequest: admin,
      schema: { tags, summary: 'Add an organisation (media outlet)', body: CreateOrgBody, response: { 201: Organisation, 400: P, 401: P, 403: P } },
    },
    async (request, reply) => {
      const org = await organisations.create(request.body, actorOf(request.principal!))
      return reply.code(201).header('location', `/v1/organisations/${org.id}`).send(org)
    },
  )
  app.get(
    '/v1/organisations',
    { onRequest: admin, schema: { tags, summary: 'Every organisation', response: { 200: OrganisationList, 401: P, 403: P } } },
    async () => ({
      items: await organisations.list(),
    }),
  )
  app.get(
    '/v1/organisations/:id',
    {
      onRequest: app.requireRole('admin', 'journalist'),
      schema: {
        tags,
        summary: 'One organisation (admins; journalists their own)',
        params: OrgParams,
        response: { 200: Organisation, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      const p = request.principal!
      if (p.role !== 'admin' && p.organisationId !== request.params.id) throw desksProblems.organisationNotFound()
      const org = await organisations.get(request.params.id)
      // The notice address is the admin's business.
      return p.role === 'admin' ? org : { ...org, noticeEmail: null }
    },
  )
  app.patch(
    '/v1/organisations/:id',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Rename, or set the address for e-mail takedown notices',
        params: OrgParams,
        body: PatchOrgBody,
        response: { 200: Organisation, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => organisations.update(request.params.id, request.body),
  )
  app.post(
    '/v1/organisations/:id/enable',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Enable (vet): its keys and journalists act for it from now on',
        params: OrgParams,
        response: { 200: Organisation, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => organisations.setEnabled(request.params.id, true, actorOf(request.principal!)),
  )
  app.post(
    '/v1/organisations/:id/disable',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Disable: its keys stop working and its journalists act for nobody',
        params: OrgParams,
        response: { 200: Organisation, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => organisations.setEnabled(request.params.id, false, actorOf(request.principal!)),
  )

  app.get(
    '/v1/organisations/:id/members',
    {
      onRequest: admin,
      schema: { tags, summary: 'The organisation’s journalists', params: OrgParams, response: { 200: MemberList, 400: P, 401: P, 403: P, 404: P } },
    },
    async (request) => ({ items: await organisations.members(request.params.id) }),
  )
  app.post(
    '/v1/organisations/:id/members',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Add a journalist: an existing one, or a new account',
        params: OrgParams,
        body: AddMemberBody,
        response: { 201: AddedMember, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await organisations.addMember(request.params.id, request.body, actorOf(request.principal!))),
  )
  app.delete(
    '/v1/organisations/:id/members/:userId',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Remove a journalist from the organisation (the account stays)',
        params: MemberParams,
        response: { 204: { type: 'null' }, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      await organisations.removeMember(request.params.id, request.params.userId, actorOf(request.principal!))
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/v1/organisations/:id/keys',
    {
      onRequest: keyManager,
      schema: {
        tags,
        summary: 'Make an API key: the key is in this response only',
        params: OrgParams,
        body: CreateKeyBody,
        response: { 201: CreatedKey, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      const p = request.principal!
      await mayManageKeys(p, request.params.id)
      const created = await keys.create(request.params.id, request.body.name ?? 'API key', { ...actorOf(p), userId: p.userId })
      return reply.code(201).header('cache-control', 'no-store').send(created)
    },
  )
  app.get(
    '/v1/organisations/:id/keys',
    {
      onRequest: keyManager,
      schema: {
        tags,
        summary: 'The organisation’s keys, revoked ones too (never the secrets)',
        params: OrgParams,
        response: { 200: KeyList, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      await mayManageKeys(request.principal!, request.params.id)
      await organisations.get(request.params.id)
      return { items: await keys.list(request.params.id) }
    },
  )
  app.delete(
    '/v1/organisations/:id/keys/:keyId',
    {
      onRequest: keyManager,
      schema: { tags, summary: 'Revoke a key: it stops working at once', params: KeyParams, response: { 200: ApiKey, 400: P, 401: P, 403: P, 404: P } },
    },
    async (request) => {
      const p = request.principal!
      await mayManageKeys(p, request.params.id)
      return keys.revoke(request.params.keyId, request.params.id, actorOf(p))
    },
  )

  app.get(
    '/v1/keys/current',
    {
      schema: {
        tags,
        summary: 'The API key in the Authorization header: its organisation, rate limit and remaining quota (this request included)',
        security: [{ bearer: [] }],
        response: { 200: CurrentKeyResponse, 401: P },
      },
    },
    async (request, reply) => {
      const p = request.principal
      if (!p || p.via !== 'apikey') throw desksProblems.keyRequired()
      const current = await keys.current(p.sessionId)
      reply.header('cache-control', 'no-store')
      return {
        ...current,
        rateLimit: {
          limit: header(request, reply, 'x-ratelimit-limit'),
          remaining: header(request, reply, 'x-ratelimit-remaining'),
          resetSeconds: header(request, reply, 'x-ratelimit-reset'),
          windowSeconds: opts.rateWindowSeconds,
        },
      }
    },
  )
}
