import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import { STAFF_ROLES, type UsersAdmin } from './auth.users.ts'

const Role = Type.Union([Type.Literal('admin'), Type.Literal('curator'), Type.Literal('photographer'), Type.Literal('journalist')])
const User = Type.Object({
  id: Type.String({ format: 'uuid' }),
  email: Type.String(),
  displayName: Type.String(),
  role: Role,
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  organisation: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
})
const Created = Type.Object({ ...User.properties, initialPassword: Type.Optional(Type.String({ description: 'Only when generated; shown once.' })) })
const NewUser = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    displayName: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
    role: Type.Union(
      STAFF_ROLES.map((r) => Type.Literal(r)),
      { description: 'Staff roles; journalists are added through their organisation.' },
    ),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 200 })),
  },
  { additionalProperties: false },
)
const Params = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

/** The admin's users: list, add a staff account, disable or enable, a new password (shown once). */
export const usersRoutes: FastifyPluginAsyncTypebox<{ users: UsersAdmin }> = async (app, { users }) => {
  const admin = app.requireRole('admin')
  const tags = ['users']
  app.get(
    '/v1/admin/users',
    {
      onRequest: admin,
      schema: { tags, summary: 'Every account, its role, organisation and state', response: { 200: Type.Object({ items: Type.Array(User) }), 401: P, 403: P } },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store')
      return { items: await users.list() }
    },
  )
  app.post(
    '/v1/admin/users',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Add a staff account (a password is made and shown once when none is given)',
        body: NewUser,
        response: { 201: Created, 400: P, 401: P, 403: P, 409: P },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await users.create(request.body, request.principal!)),
  )
  app.post(
    '/v1/admin/users/:id/disable',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'Disable an account: it can no longer log in and its sessions end at once',
        params: Params,
        response: { 200: User, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => users.setDisabled(request.params.id, true, request.principal!),
  )
  app.post(
    '/v1/admin/users/:id/enable',
    { onRequest: admin, schema: { tags, summary: 'Enable a disabled account again', params: Params, response: { 200: User, 401: P, 403: P, 404: P } } },
    async (request) => users.setDisabled(request.params.id, false, request.principal!),
  )
  app.post(
    '/v1/admin/users/:id/password',
    {
      onRequest: admin,
      schema: {
        tags,
        summary: 'A new password for the account, shown once; its sessions end',
        params: Params,
        response: { 200: Type.Object({ id: Type.String(), initialPassword: Type.String() }), 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return users.resetPassword(request.params.id, request.principal!)
    },
  )
}
