/**
 * The download contract (picture desks and the gallery's download dialog code against it): what a caller
 * states, what a grant answers with, and the grant lists per organisation. Responses are allow-lists.
 */
import Type from 'typebox'
import { CHANNELS, TOPICS, USES } from '../../../../contract/vocabulary.ts'

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()])
const Words = Type.Object({ nl: Type.String(), en: Type.String() })
/** http or https only: a `javascript:` or `data:` URL must never reach a page that renders it as a link. */
export const WebUrl = Type.String({
  minLength: 8,
  maxLength: 2000,
  pattern: '^[hH][tT][tT][pP][sS]?://[^\\s/?#]+[^\\s]*$',
  description: 'An http or https URL.',
})

export const DOWNLOAD_PRESETS = ['thumb', 'small', 'medium', 'large', 'full'] as const
export type DownloadPreset = (typeof DOWNLOAD_PRESETS)[number]
export const DOWNLOAD_FORMATS = ['jpeg', 'webp'] as const
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]

const TopicT = Type.Enum(TOPICS)

/** POST /v1/photos/:id/downloads */
export const DownloadRequest = Type.Object(
  {
    use: Type.Enum(USES, { description: 'What the photo will be used for (consent vocabulary).' }),
    channel: Type.Enum(CHANNELS, { description: 'Where it will appear; some channels need a matching use (vocabulary.ts, CHANNEL_USES).' }),
    topic: Type.Optional(Nullable(TopicT)),
    outlet: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "The publication's name (free text, e.g. a magazine of the organisation)." }),
    ),
    headline: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    articleUrl: Type.Optional(WebUrl),
    preset: Type.Optional(
      Type.Enum(DOWNLOAD_PRESETS, {
        default: 'large',
        description: "'full' is a stripped high-quality re-encode at the original's size, never the original file.",
      }),
    ),
    format: Type.Optional(Type.Enum(DOWNLOAD_FORMATS, { default: 'jpeg' })),
  },
  { additionalProperties: false },
)
export type DownloadRequestT = Type.Static<typeof DownloadRequest>

const Attribution = Type.Object({ text: Type.String(), html: Type.String(), markdown: Type.String() })
export const PermittedUse = Type.Object({ use: Type.String(), label: Words })
export const ProhibitedContexts = Type.Object({
  topics: Type.Array(Type.Object({ topic: Type.String(), label: Words }), { description: 'Topics this photo may not illustrate.' }),
  text: Nullable(Words),
})

/** What the caller holds: the grant as it was recorded. */
export const Grant = Type.Object({
  id: Type.String({ format: 'uuid' }),
  photoId: Type.String({ format: 'uuid' }),
  organisationId: Type.String({ format: 'uuid' }),
  /** The exact licence version, e.g. 'rsw-editorial@1.0'. */
  licence: Type.String(),
  use: Type.String(),
  channel: Type.String(),
  topic: Nullable(Type.String()),
  /** 'person' when the topic is one the people pictured had excluded by default and lifted themselves, in their portal. */
  topicLiftedBy: Type.Optional(Nullable(Type.String())),
  outlet: Nullable(Type.String()),
  headline: Nullable(Type.String()),
  articleUrl: Nullable(Type.String()),
  publicationUrl: Nullable(Type.String()),
  preset: Type.String(),
  format: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})

export const Terms = Type.Object({
  licence: Type.String({ description: "The licence's id, e.g. 'rsw-editorial'." }),
  version: Type.String(),
  title: Words,
  summary: Words,
  /** The effective permission: the licence intersected with everyone's consent, now. */
  permittedUses: Type.Array(PermittedUse),
  prohibitedContexts: ProhibitedContexts,
  url: Type.String({ description: 'The licence deed of exactly this version.' }),
})

/** 201 answer to POST /v1/photos/:id/downloads */
export const DownloadResponse = Type.Object({
  grant: Grant,
  /** Signed, short-lived; fetch it without credentials. */
  url: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  attribution: Type.Object({ nl: Attribution, en: Attribution }),
  /** What a caption must say when the story is not about the person pictured. */
  captionNote: Words,
  terms: Terms,
})

export const GrantParams = Type.Object({ grantId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const FileQuery = Type.Object(
  {
    exp: Type.Integer({ minimum: 0, maximum: 99_999_999_999 }),
    sig: Type.String({ minLength: 43, maxLength: 43, pattern: '^[A-Za-z0-9_-]+$' }),
    lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'Language of the texts written into the file (default nl).' })),
  },
  { additionalProperties: false },
)
export const GrantPatch = Type.Object({ publicationUrl: Nullable(WebUrl) }, { additionalProperties: false })

export const OrgParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const GrantListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
)
export const GrantList = Type.Object({ items: Type.Array(Grant), nextCursor: Nullable(Type.String()) })
