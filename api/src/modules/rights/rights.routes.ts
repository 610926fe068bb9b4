import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import Type from 'typebox'
import { ProblemSchema as P } from '../../platform/problems.ts'
import type { Licence } from '../licences/index.ts'
import type { PhotosService } from '../photos/index.ts'
import { IIIF_MEDIA_TYPE, photoManifest } from './rights.iiif.ts'
import { rightsPage } from './rights.page.ts'
import { rightsProblems, type RightsService } from './rights.service.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Any id: a malformed one answers 404 as an unknown one does, so the answer says nothing about ids. */
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: false })

const Words = Type.Object({ nl: Type.String(), en: Type.String() })
const Labelled = (key: 'use' | 'topic') => Type.Array(Type.Object({ [key]: Type.String(), label: Words }))
const RightsStatus = Type.Object({
  photoId: Type.String(),
  grant: Type.Optional(
    Type.Object({
      id: Type.String(),
      use: Type.String(),
      channel: Type.String(),
      topic: Type.Union([Type.String(), Type.Null()]),
      grantedOn: Type.String(),
      licence: Type.String(),
    }),
  ),
  status: Type.Union([Type.Literal('available'), Type.Literal('narrowed'), Type.Literal('remove')], {
    description: 'available: may be used under these terms; narrowed: consent narrowed, see changes; remove: take it offline by removeBy.',
  }),
  reason: Type.Union([Type.Literal('narrowed'), Type.Literal('withdrawn'), Type.Literal('expired'), Type.Null()]),
  message: Words,
  checkedAt: Type.String({ format: 'date-time' }),
  photoPage: Type.String(),
  licence: Type.Union([
    Type.Object({ id: Type.String(), version: Type.String(), kind: Type.String(), title: Words, summary: Words, url: Type.String() }),
    Type.Null(),
  ]),
  permittedUses: Labelled('use'),
  excludedTopics: Labelled('topic'),
  consentValidUntil: Type.Union([Type.String(), Type.Null()]),
  changes: Type.Union([
    Type.Object({
      since: Type.String({ format: 'date-time' }),
      removedUses: Labelled('use'),
      addedExcludedTopics: Labelled('topic'),
      consentEndsEarlier: Type.Union([Type.String(), Type.Null()]),
      recognisableUseEnded: Type.Boolean(),
      outletNoLongerPermitted: Type.Boolean(),
    }),
    Type.Null(),
  ]),
  removeBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})

/** JSON when asked for (Accept or .json), the page otherwise. */
const wantsJson = (request: FastifyRequest, id: string) =>
  id.endsWith('.json') || (/json/.test(request.headers.accept ?? '') && !/text\/html/.test(request.headers.accept ?? ''))

/** Anyone may poll it, from anywhere; never kept by a cache, since it says what holds now. */
function open(reply: FastifyReply) {
  return reply.header('access-control-allow-origin', '*').header('cache-control', 'no-cache').header('cross-origin-resource-policy', 'cross-origin')
}

export const rightsRoutes: FastifyPluginAsyncTypebox<{
  rights: RightsService
  photos: PhotosService
  licence: (ref: string) => Licence | undefined
  origin: string
}> = async (app, opts) => {
  const { rights, photos } = opts

  for (const [path, of] of [
    ['/rights/:id', (id: string) => rights.photo(id)],
    ['/rights/grants/:id', (id: string) => rights.grant(id)],
  ] as const) {
    app.get(
      path,
      {
        schema: {
          tags: ['rights'],
          summary: path.includes('grants')
            ? 'Live rights check of one download (HTML, or JSON with Accept: application/json or a .json suffix)'
            : 'Live rights check of a photo: may it be used now? (HTML, or JSON with Accept: application/json or a .json suffix)',
          params: Params,
          response: { 200: RightsStatus, 404: P },
        },
      },
      async (request, reply) => {
        const raw = request.params.id
        const id = raw.replace(/\.json$/, '')
        if (!UUID.test(id)) throw rightsProblems.notFound()
        const view = await of(id.toLowerCase())
        open(reply)
        if (wantsJson(request, raw)) return view
        const jsonUrl = `${opts.origin}${path.replace(':id', id)}.json`
        return reply
          .type('text/html; charset=utf-8')
          .serializer((x: unknown) => x as string)
          .send(rightsPage(view, jsonUrl) as never)
      },
    )
  }

  app.get(
    '/iiif/photos/:id/manifest.json',
    {
      schema: {
        tags: ['rights'],
        summary: 'IIIF Presentation 3 manifest of a photo anyone may preview (no login, CORS)',
        params: Params,
        response: { 200: Type.Object({}, { additionalProperties: true }), 404: P, 410: P },
      },
    },
    async (request, reply) => {
      if (!UUID.test(request.params.id)) throw rightsProblems.notFound()
      // As an anonymous visitor sees it, through the gate ('view'): only while everyone pictured allows a public preview.
      const view = await photos.get(request.params.id.toLowerCase(), null)
      open(reply).type(IIIF_MEDIA_TYPE)
      // Links on this app's own origin (PUBLIC_URL, or its local address), never the Host a request names.
      return photoManifest(view, opts.licence(view.licence), opts.origin)
    },
  )
}
