import Type from 'typebox'
import { KeywordList, Keywords } from './photos.keywords.ts'
import { PHOTO_STATUSES } from './photos.repo.ts'

/** A photo's place in its life (photos.table.ts): draft → in_review → published, returned for fixes, withdrawn (final). */
export const PhotoStatusValue = Type.Enum(PHOTO_STATUSES, { description: 'draft | in_review | returned | published | withdrawn (final: never shown again)' })

const Text = (max: number) => Type.String({ maxLength: max })
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()])

/** Upload form fields (multipart, next to `file`); all optional. */
/** The texts a photographer writes, shared by the upload form and PATCH. */
const TextFields = {
  captionNl: Type.Optional(Text(2000)),
  captionEn: Type.Optional(Text(2000)),
  altNl: Type.Optional(Text(1000)),
  altEn: Type.Optional(Text(1000)),
  tags: Type.Optional(KeywordList('Dutch')),
  tagsEn: Type.Optional(KeywordList('English')),
  series: Type.Optional(Text(160)),
  placeCity: Type.Optional(Text(120)),
}
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' })

export const UploadFields = Type.Object(
  {
    ...TextFields,
    credit: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    capturedMonth: Type.Optional(Month),
  },
  { additionalProperties: false },
)
export type UploadFieldsT = Type.Static<typeof UploadFields>

/** PATCH /v1/photos/:id: texts and the "no people in this photo" declaration. */
export const PhotoPatch = Type.Object(
  {
    ...TextFields,
    credit: Type.Optional(Type.String({ minLength: 1, maxLength: 120, pattern: '\\S', description: 'How the photographer is credited under the photo' })),
    capturedMonth: Type.Optional(Nullable(Month)),
    licence: Type.Optional(Type.String({ pattern: '^[a-z0-9-]+@[0-9]+(\\.[0-9]+)*$', description: "A published licence version, e.g. 'rsw-exhibition@1.0'." })),
    noPeople: Type.Optional(Type.Boolean({ description: "The photographer's declaration that nobody is pictured (a place, an object)." })),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type PhotoPatchT = Type.Static<typeof PhotoPatch>

export const Derivative = Type.Object({
  preset: Type.String(),
  format: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer(),
  url: Type.String(),
})

const Bilingual = Type.Object({ nl: Nullable(Type.String()), en: Nullable(Type.String()) })

const Attribution = Type.Object({ text: Type.String(), html: Type.String(), markdown: Type.String() })

/** The response allow-list for a photo: nothing else about it can leave the server. */
export const Photo = Type.Object({
  id: Type.String({ format: 'uuid' }),
  status: PhotoStatusValue,
  width: Type.Integer(),
  height: Type.Integer(),
  caption: Bilingual,
  alt: Bilingual,
  /** The keywords in the requested language (`?lang=`, Dutch by default), or the other language's when there are none. */
  tags: Type.Array(Type.String(), {
    description: "The keywords in the requested language (?lang=nl|en, default nl); the other language's when that list is empty.",
  }),
  keywords: Keywords,
  series: Nullable(Type.String()),
  credit: Type.String(),
  capturedMonth: Nullable(Type.String()),
  placeCity: Nullable(Type.String()),
  thumbhash: Nullable(Type.String()),
  dominantColour: Nullable(Type.String()),
  derivativesState: Type.String(),
  licence: Type.String(),
  attribution: Nullable(
    Type.Object({ nl: Attribution, en: Attribution }, { description: 'Generated from the licence, the credit and the caption: paste it as it is.' }),
  ),
  noPeopleDeclared: Type.Boolean(),
  /** A day (YYYY-MM-DD) for anyone but the photographer and the staff, who get the moment. */
  publishedAt: Nullable(Type.String()),
  derivatives: Type.Array(Derivative),
  /** Per format, the derivatives as an HTML srcset ("url 320w, url 640w, …"). */
  srcset: Type.Object({ jpeg: Type.Optional(Type.String()), webp: Type.Optional(Type.String()), avif: Type.Optional(Type.String()) }),
  licenceSummary: Nullable(Type.Object({ nl: Type.String(), en: Type.String() })),
  licenceUrl: Nullable(Type.String()),
  /** The effective permission (licence ∩ everyone's consent, now); null for an anonymous preview or while not shown. */
  permittedUses: Nullable(Type.Array(Type.Object({ use: Type.String(), label: Type.Object({ nl: Type.String(), en: Type.String() }) }))),
  prohibitedContexts: Nullable(
    Type.Object({
      topics: Type.Array(Type.Object({ topic: Type.String(), label: Type.Object({ nl: Type.String(), en: Type.String() }) })),
      text: Nullable(Type.Object({ nl: Type.String(), en: Type.String() })),
    }),
  ),
  /** The last day on which everyone's consent holds (YYYY-MM-DD); null for photos without people. */
  consentValidUntil: Nullable(Type.String()),
  /** How many people are pictured (each with consent on file); told only with the permission, like consentValidUntil. */
  peopleCount: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  /**
   * The sizes a download for the caller's organisation can give (every preset the photo has, and 'full', the
   * original's size re-encoded), smallest first; null when the caller cannot download (no organisation).
   */
  downloadSizes: Type.Optional(Nullable(Type.Array(Type.Object({ preset: Type.String(), width: Type.Integer(), height: Type.Integer() })))),
  /** Upload and last change: a day (YYYY-MM-DD) for anyone but the photographer and the staff. */
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

export const PrivacyReport = Type.Object({
  found: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  kept: Type.Array(Type.String()),
  summary: Type.Object({ nl: Type.String(), en: Type.String() }),
})

export const UploadResponse = Type.Object({ ...Photo.properties, privacyReport: PrivacyReport })

/** After a licence change: the downloads already made, and whether the gate says each still holds. */
export const GrantsHoldView = Type.Object(
  {
    total: Type.Integer({ description: 'Downloads made of this photo so far.' }),
    holding: Type.Integer({ description: 'Those that still hold: a download keeps the licence it was made under.' }),
    ended: Type.Array(Type.Object({ reason: Type.String(), count: Type.Integer(), detail: Type.String() }), {
      description: 'Those that no longer hold, by the reason the gate gives (consent, organisation, key).',
    }),
  },
  { description: 'Only in the answer to a PATCH that sets `licence`.' },
)
export const PatchedPhoto = Type.Object({ ...Photo.properties, grants: Type.Optional(GrantsHoldView) })

/**
 * PATCH /v1/photos: the same texts for many photos at once (e.g. a photographer's fresh uploads). All or
 * nothing: one refused photo refuses the whole request and nothing is stored, so a retry after fixing the
 * selection never half-applies twice. Licence and the "nobody pictured" declaration are left out on purpose:
 * they decide what consent allows and are chosen per photo.
 */
export const BulkPhotoPatch = Type.Object(
  {
    ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100, uniqueItems: true }),
    set: Type.Object(
      {
        ...TextFields,
        addTags: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
            maxItems: 40,
            description: "Dutch keywords added to each photo's own Dutch tags (tags replaces them).",
          }),
        ),
        addTagsEn: Type.Optional(
          Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
            maxItems: 40,
            description: "English keywords added to each photo's own English tags (tagsEn replaces them).",
          }),
        ),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
  },
  { additionalProperties: false },
)
export type BulkPhotoPatchT = Type.Static<typeof BulkPhotoPatch>
export const BulkPatched = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), status: PhotoStatusValue, updatedAt: Type.String() })),
})

export const PhotoParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export const MediaParams = Type.Object({ id: Type.String({ format: 'uuid' }), file: Type.String({ maxLength: 40 }) }, { additionalProperties: false })
export const MediaQuery = Type.Object(
  {
    v: Type.Optional(Type.String({ maxLength: 64 })),
    lang: Type.Optional(
      Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'Language of the caption, alt text and terms written into the file (default nl).' }),
    ),
  },
  { additionalProperties: false },
)

const LangQuery = Type.Union([Type.Literal('nl'), Type.Literal('en')], { description: 'Language of `tags` (default nl).' })
export const PhotoQuery = Type.Object({ lang: Type.Optional(LangQuery) }, { additionalProperties: false })

export const ListQuery = Type.Object(
  {
    lang: Type.Optional(LangQuery),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 24 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export const PhotoList = Type.Object({ items: Type.Array(Photo), nextCursor: Nullable(Type.String()) })
