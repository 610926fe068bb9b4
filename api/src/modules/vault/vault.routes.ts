import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { problems, ProblemSchema as P } from '../../platform/problems.ts'
import { receiveUpload } from '../photos/index.ts'
import type { VaultService } from './vault.service.ts'

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Entry = Type.Object(
  {
    legalName: Text(200),
    contact: Type.Optional(
      Type.Object(
        { email: Type.Optional(Text(320)), phone: Type.Optional(Text(40)), address: Type.Optional(Text(500)), note: Type.Optional(Text(500)) },
        { additionalProperties: false },
      ),
    ),
    ageCheck: Type.Optional(
      Type.Object(
        {
          result: Type.Union([Type.Literal('adult-verified'), Type.Literal('not-verified')]),
          checkedOn: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
          method: Text(200),
        },
        { additionalProperties: false, description: 'The result of the check; never the ID document itself.' },
      ),
    ),
    note: Type.Optional(Text(2000)),
  },
  { additionalProperties: false },
)
const SubjectParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const DocParams = Type.Object({ id: Type.String({ format: 'uuid' }), documentId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
const VaultView = Type.Object({
  subjectId: Type.String(),
  entry: Type.Union([Entry, Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  documents: Type.Array(Type.Object({ id: Type.String(), mediaType: Type.String(), bytes: Type.Integer(), createdAt: Type.String() })),
})

export const vaultRoutes: FastifyPluginAsyncTypebox<{ vault: VaultService; tmpDir: string }> = async (app, { vault, tmpDir }) => {
  // Writing: the photographer who added the person (from the signed form), or the admin. Nothing is echoed.
  app.put(
    '/v1/subjects/:id/vault',
    {
      onRequest: app.requireRole('photographer', 'admin'),
      schema: {
        tags: ['vault'],
        summary: 'Store who this person is (encrypted; only the consent officer can read it)',
        params: SubjectParams,
        body: Entry,
        response: { 204: Type.Null(), 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      await vault.put(request.params.id, request.body, request.principal!)
      return reply.code(204).send(null)
    },
  )
  app.post(
    '/v1/subjects/:id/vault/documents',
    {
      onRequest: app.requireRole('photographer', 'admin'),
      schema: {
        tags: ['vault'],
        summary: 'Add a signed release form (PDF, JPEG or PNG; encrypted)',
        consumes: ['multipart/form-data'],
        params: SubjectParams,
        response: { 201: Type.Object({ id: Type.String() }), 400: P, 401: P, 403: P, 404: P, 413: P, 415: P },
      },
    },
    async (request, reply) => {
      const upload = await receiveUpload(request, tmpDir, 20 * 1024 * 1024)
      try {
        if (Object.keys(upload.fields).length) throw problems.badRequest('Send only the file.')
        return reply.code(201).send(await vault.addDocument(request.params.id, upload, request.principal!))
      } finally {
        await upload.dispose()
      }
    },
  )

  // Reading: the consent officer only, and every read is audited.
  app.get(
    '/v1/admin/vault/:id',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['vault'],
        summary: 'Read a person’s vault record (audited)',
        params: SubjectParams,
        response: { 200: VaultView, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store')
      return vault.read(request.params.id, request.principal!)
    },
  )
  app.get(
    '/v1/admin/vault/:id/documents/:documentId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        tags: ['vault'],
        summary: 'Read a signed release form (audited)',
        params: DocParams,
        response: { 200: Type.String({ format: 'binary', description: 'The document (PDF, JPEG or PNG)' }), 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request, reply) => {
      const doc = await vault.readDocument(request.params.id, request.params.documentId, request.principal!)
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment')
        .type(doc.mediaType)
        .send(doc.bytes as never)
    },
  )
}
