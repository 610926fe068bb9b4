/**
 * The shape of licences/<id>/<version>/licence.json, as TypeBox: the one source of truth. The JSON Schema
 * file next to the licences (licences/licence.schema.json, for editors and reviewers) is generated from it
 * by `npm run cli -- licences schema`, and a test fails when the two differ.
 */
import Type, { type Static } from 'typebox'
import { TOPICS, USES } from '../../../../contract/vocabulary.ts'

/** The languages every licence is written in. Dutch first: where the two texts differ, the Dutch one prevails (as each text says). */
export const LICENCE_LANGS = ['nl', 'en'] as const
export type LicenceLang = (typeof LICENCE_LANGS)[number]

/** Placeholders a template may use; {title} only inside an optional [...] part (a photo may have none). */
export const ATTRIBUTION_PLACEHOLDERS = ['photographer', 'title', 'licence', 'deedUrl'] as const
export const CREDIT_PLACEHOLDERS = ['photographer'] as const

const Text = Type.String({ minLength: 1, pattern: '\\S' })
const Localised = (description: string, item = Text) => Type.Object({ nl: item, en: item }, { additionalProperties: false, description })
const HttpsUrl = (description?: string) => Type.String({ format: 'uri', pattern: '^https://[^\\s]+$', ...(description ? { description } : {}) })

export const LicenceSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String({ description: 'Path to this schema, for editors.' })),
    review: Type.Optional(Type.String({ minLength: 1, description: 'Present while the texts await review by a lawyer and the project.' })),
    id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64, description: 'Slug; equals the directory name.' }),
    version: Type.String({ pattern: '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$', description: 'major.minor; equals the directory name.' }),
    status: Type.Enum(['draft', 'published'], {
      description: 'published: immutable from the first start that sees it, and grantable. draft: neither.',
    }),
    kind: Type.Optional(
      Type.Enum(['own', 'open'], {
        description:
          'own (the default): a licence of this bank, for photos of people, intersected with their consent. open: a Creative Commons licence or dedication that a photo already carries; offered as it is, with its own deed on creativecommons.org, adding no restrictions.',
      }),
    ),
    title: Localised('Full title.'),
    shortName: Localised('Short name without the version, as it appears in credit lines ({licence} = shortName + version).'),
    summary: Localised('Plain words: what is allowed and what is not.'),
    deedUrl: HttpsUrl('Human-readable page of exactly this version; ends in /<id>/<version>.'),
    licensor: Type.Object(
      { name: Text, url: HttpsUrl() },
      { additionalProperties: false, description: 'Who grants the licence (IPTC Licensor; URL written as plus:LicensorURL).' },
    ),
    permittedUses: Type.Array(Type.Enum(USES), { minItems: 1, uniqueItems: true, description: 'Uses (consent vocabulary) this licence can grant.' }),
    prohibitedContexts: Type.Object(
      {
        topics: Type.Array(Type.Enum(TOPICS), {
          uniqueItems: true,
          description:
            'Topics the photo may not illustrate unless the consent of everyone pictured opts in to that topic; the download states its topic and the consent gate decides.',
        }),
        text: Localised('Contexts that are never allowed, whatever the topic: how the person pictured may not be depicted.'),
      },
      { additionalProperties: false },
    ),
    requirements: Type.Object(
      {
        creditLine: Type.Boolean({ description: 'The attribution must accompany every use.' }),
        captionNote: Localised('Caption note required when the story is not about the person pictured.'),
        alterations: Type.Enum(['crop-and-resize-only', 'adaptations-allowed', 'adaptations-share-alike', 'no-restrictions'], {
          description: 'What may be done to the image.',
        }),
      },
      { additionalProperties: false },
    ),
    attribution: Localised(
      'Attribution template: {photographer} (the public credit), {licence} (short name + version, linked to the deed in HTML), {deedUrl}; [...] is left out when a placeholder in it has no value, e.g. [“{title}” – ].',
    ),
    creditTemplate: Type.String({ minLength: 1, description: 'Language-neutral credit line (XMP photoshop:Credit): {photographer} only.' }),
    usageTerms: Localised('One or two sentences for XMP xmpRights:UsageTerms.'),
  },
  {
    additionalProperties: false,
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Eerlijk Beeld licence version',
    description: 'One version of one licence (licences/<id>/<version>/licence.json). A published version is immutable: change it by adding a version.',
  },
)

export type LicenceDocument = Static<typeof LicenceSchema>

/** licences/licence.schema.json, byte for byte (what a reader looks for first comes first). */
export function licenceSchemaJson(): string {
  const { $schema, title, description, ...rest } = LicenceSchema as typeof LicenceSchema & Record<string, unknown>
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`
}
