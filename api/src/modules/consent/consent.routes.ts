import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import type { ConsentService } from './consent.service.ts'
import type { Publication } from '../photos/index.ts'
import {
  AddPersonBody,
  ConsentBody,
  ConsentChange,
  PeopleList,
  PersonParams,
  PhotoIdParams,
  StatusResponse,
  Subject,
  SubjectBody,
  SubjectList,
} from './consent.schemas.ts'

/** Submit and publish are the photo's lifecycle (photos.publication.ts); their routes stay here, under the same tag. */
export const consentRoutes: FastifyPluginAsyncTypebox<{ consent: ConsentService; publication: Pick<Publication, 'submit' | 'publish'> }> = async (
  app,
  { consent, publication },
) => {
  const photographerOrAdmin = app.requireRole('photographer', 'admin')

  app.post(
    '/v1/subjects',
    {
      onRequest: app.requireRole('photographer'),
      schema: { tags: ['consent'], summary: 'Add a person (by pseudonym only)', body: SubjectBody, response: { 201: Subject, 400: P, 401: P, 403: P, 409: P } },
    },
    async (request, reply) => reply.code(201).send(await consent.createSubject(request.principal!, request.body.pseudonym)),
  )
  app.get(
    '/v1/subjects',
    {
      onRequest: photographerOrAdmin,
      schema: { tags: ['consent'], summary: 'The people you added (admins: everyone)', response: { 200: SubjectList, 401: P, 403: P } },
    },
    async (request) => ({
      items: await consent.listSubjects(request.principal!),
    }),
  )

  app.get(
    '/v1/photos/:id/people',
    {
      onRequest: app.requireRole('photographer', 'curator', 'admin'),
      schema: { tags: ['consent'], params: PhotoIdParams, response: { 200: PeopleList, 400: P, 401: P, 404: P } },
    },
    async (request) => ({
      items: await consent.people(request.params.id, request.principal!),
    }),
  )

  app.post(
    '/v1/photos/:id/people',
    {
      onRequest: photographerOrAdmin,
      schema: {
        tags: ['consent'],
        summary: 'Link a person to the photo with their consent',
        description: 'An excluded topic can be lifted by the person only: lifting one here becomes a proposal to them (`proposal`), the rest takes effect.',
        params: PhotoIdParams,
        body: AddPersonBody,
        response: { 201: ConsentChange, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request, reply) => {
      const r = await consent.addPerson(request.params.id, request.body.subjectId, request.body.consent, request.principal!)
      return reply.code(201).send({ ...r.consent, proposal: r.proposal })
    },
  )

  app.put(
    '/v1/photos/:id/people/:subjectId/consent',
    {
      onRequest: photographerOrAdmin,
      schema: {
        tags: ['consent'],
        summary: 'Change consent (a new version; the old one stays)',
        description:
          "The person's word is final. Narrowing takes effect at once (200). Once the person has set their consent in the portal, whatever widens it (a use, an outlet, public preview, identifiability, an earlier start or a later end) does not take effect: it becomes a proposal the person accepts or declines (202, `proposal`); the narrowing part of a mixed change still takes effect. Lifting an excluded topic is always a proposal. An expired or withdrawn consent is never changed (409 consent-expired, consent-withdrawn).",
        params: PersonParams,
        body: ConsentBody,
        response: { 200: ConsentChange, 202: ConsentChange, 400: P, 401: P, 403: P, 404: P, 409: P, 410: P },
      },
    },
    async (request, reply) => {
      const r = await consent.changeConsent(request.params.id, request.params.subjectId, request.body, request.principal!)
      return reply.code(r.proposal ? 202 : 200).send({ ...r.consent, proposal: r.proposal })
    },
  )

  app.post(
    '/v1/photos/:id/people/:subjectId/withdraw',
    {
      onRequest: photographerOrAdmin,
      schema: {
        tags: ['consent'],
        summary: "Record a person's withdrawal (takes effect at once)",
        params: PersonParams,
        response: { 200: StatusResponse, 400: P, 401: P, 403: P, 404: P },
      },
    },
    async (request) => {
      const p = request.principal!
      await consent.withdraw(request.params.id, request.params.subjectId, { kind: 'user', id: p.userId }, 'withdrawn', p)
      return { id: request.params.id, status: 'withdrawn' }
    },
  )

  app.post(
    '/v1/photos/:id/submit',
    {
      onRequest: app.requireRole('photographer'),
      schema: {
        tags: ['consent'],
        summary: 'Send a draft for review',
        params: PhotoIdParams,
        response: { 200: StatusResponse, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => {
      await publication.submit(request.params.id, request.principal!)
      return { id: request.params.id, status: 'in_review' }
    },
  )

  app.post(
    '/v1/photos/:id/publish',
    {
      onRequest: app.requireRole('curator', 'admin'),
      schema: {
        tags: ['consent'],
        summary: 'Publish (refused, with every reason, while consent or texts are missing)',
        params: PhotoIdParams,
        response: { 200: StatusResponse, 400: P, 401: P, 403: P, 404: P, 409: P },
      },
    },
    async (request) => {
      const photo = await publication.publish(request.params.id, request.principal!)
      return { id: photo.id, status: photo.status }
    },
  )
}
