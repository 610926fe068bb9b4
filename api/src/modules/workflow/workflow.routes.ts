import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import type { WorkflowService } from './workflow.service.ts'
import { PersonParams, PhotoParams, PhotoStatus, ReturnBody, ReturnResponse } from './workflow.schemas.ts'

export const workflowRoutes: FastifyPluginAsyncTypebox<{ workflow: WorkflowService }> = async (app, { workflow }) => {
  const tags = ['photos']

  app.post(
    '/v1/photos/:id/return',
    {
      onRequest: app.requireRole('curator', 'admin'),
      schema: {
        tags,
        summary: 'Send a photo in review back to its photographer, with a note',
        params: PhotoParams,
        body: ReturnBody,
        response: { 200: ReturnResponse, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => workflow.returnToPhotographer(request.params.id, request.body.note, request.principal!),
  )

  app.get(
    '/v1/photos/:id/status',
    {
      onRequest: app.requireRole('photographer', 'curator', 'admin'),
      schema: {
        tags,
        summary: "Where the photo stands: the checklist before sending, why it is not published (nl, en), and the curators' notes",
        params: PhotoParams,
        response: { 200: PhotoStatus, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => workflow.status(request.params.id, request.principal!),
  )

  app.delete(
    '/v1/photos/:id/people/:subjectId',
    {
      onRequest: app.requireRole('photographer', 'admin'),
      schema: {
        tags: ['consent'],
        summary: 'Remove a person linked by mistake, with their consent (before publication only)',
        params: PersonParams,
        response: { 204: { type: 'null' }, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      await workflow.removePerson(request.params.id, request.params.subjectId, request.principal!)
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/v1/photos/:id',
    {
      onRequest: app.requireRole('photographer', 'admin'),
      schema: {
        tags,
        summary: 'Delete a draft or a returned photo: its rows and blobs (audited)',
        params: PhotoParams,
        response: { 204: { type: 'null' }, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      await workflow.deleteDraft(request.params.id, request.principal!)
      return reply.code(204).send(null)
    },
  )
}
