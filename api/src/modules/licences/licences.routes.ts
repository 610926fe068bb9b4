import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { ProblemSchema as P, Problem } from '../../platform/problems.ts'
import { licenceKind, type Licence, type LicenceRegistry } from './licences.registry.ts'
import { licenceRef, parseLicenceId } from '../../../../contract/licence-ref.ts'

const Words = Type.Object({ nl: Type.String(), en: Type.String() })
export const LicenceView = Type.Object({
  id: Type.String(),
  version: Type.String(),
  ref: Type.String({ description: "What a photo's `licence` field holds: '<id>@<version>'." }),
  kind: Type.Union([Type.Literal('own'), Type.Literal('open')], {
    description: 'own: a Reimagining Sex Work licence, for photos of people; open: a Creative Commons licence, offered as it is.',
  }),
  title: Words,
  shortName: Words,
  summary: Words,
  url: Type.String({ description: 'The deed: a page of this app for our own licences, creativecommons.org for open ones.' }),
  permittedUses: Type.Array(Type.String()),
  prohibitedContexts: Type.Object({ topics: Type.Array(Type.String()), text: Words }),
  requirements: Type.Object({ creditLine: Type.Boolean(), captionNote: Words, alterations: Type.String() }),
  usageTerms: Words,
  text: Type.Object({ nl: Type.String(), en: Type.String() }, { description: 'The licence text (Markdown); Dutch prevails.' }),
  sha256: Type.String({ description: 'Content hash of this version (licences/README.md): it never changes once published.' }),
})

export function licenceView(l: Licence) {
  return {
    id: l.id,
    version: l.version,
    ref: licenceRef(l.id, l.version),
    kind: licenceKind(l),
    title: { ...l.title },
    shortName: { ...l.shortName },
    summary: { ...l.summary },
    url: l.deedUrl,
    permittedUses: [...l.permittedUses],
    prohibitedContexts: { topics: [...l.prohibitedContexts.topics], text: { ...l.prohibitedContexts.text } },
    requirements: { creditLine: l.requirements.creditLine, captionNote: { ...l.requirements.captionNote }, alterations: l.requirements.alterations },
    usageTerms: { ...l.usageTerms },
    text: { ...l.text },
    sha256: l.sha256,
  }
}

const notFound = () => new Problem(404, 'licence-not-found', 'Licence not found', 'There is no published licence with this id or version.')

/**
 * The published licence versions, for anyone: what each allows and forbids, in Dutch and English, with
 * its hash. Our own licences' deeds are pages of this app (/licences/<id>/<version>).
 */
export const licencesRoutes: FastifyPluginAsyncTypebox<{ licences: LicenceRegistry; deedPage: (l: Licence) => string }> = async (
  app,
  { licences, deedPage },
) => {
  app.get(
    '/v1/licences',
    {
      schema: {
        tags: ['licences'],
        summary: 'Every published licence version (own and open)',
        querystring: Type.Object(
          { kind: Type.Optional(Type.Union([Type.Literal('own'), Type.Literal('open')], { description: 'Only our own licences, or only the open ones.' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(LicenceView) }), 400: P },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300')
      const kind = request.query.kind
      return {
        items: licences
          .published()
          .filter((l) => !kind || licenceKind(l) === kind)
          .map(licenceView),
      }
    },
  )

  app.get(
    '/v1/licences/:id',
    {
      schema: {
        tags: ['licences'],
        summary: "One licence: '<id>' for its current version, '<id>@<version>' for exactly that version",
        params: Type.Object({ id: Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+(@[0-9]+\\.[0-9]+)?$' }) }, { additionalProperties: false }),
        response: { 200: LicenceView, 400: P, 404: P },
      },
    },
    async (request, reply) => {
      const ref = parseLicenceId(request.params.id)
      const l = !ref ? undefined : ref.version ? licences.get(ref.id, ref.version) : licences.current(ref.id)
      if (!l || l.status !== 'published') throw notFound()
      reply.header('cache-control', 'public, max-age=300')
      return licenceView(l)
    },
  )

  app.get(
    '/licences/:id/:version',
    {
      schema: {
        tags: ['licences'],
        summary: 'The deed of one of our own licence versions (HTML)',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), version: Type.String({ maxLength: 16 }) }, { additionalProperties: false }),
        response: { 200: { type: 'string' }, 404: P },
      },
    },
    async (request, reply) => {
      const l = licences.get(request.params.id, request.params.version)
      if (!l || l.status !== 'published') throw notFound()
      // An open licence's deed is its own page on creativecommons.org.
      if (licenceKind(l) === 'open') return reply.redirect(l.deedUrl, 301)
      return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=3600').send(deedPage(l))
    },
  )
}
