import Type from 'typebox'
import { Photo } from '../photos/index.ts'
import { COLLECTION_KINDS } from './collections.repo.ts'

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()])
const Title = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })
const Notes = Type.String({ maxLength: 4000 })
const ItemNote = Type.String({ maxLength: 2000 })
const Uuid = Type.String({ format: 'uuid' })
const Bilingual = Type.Object({ nl: Nullable(Type.String()), en: Nullable(Type.String()) })
const Words = Type.Object({ nl: Type.String(), en: Type.String() })
const KindValue = Type.Enum(COLLECTION_KINDS)

export const CollectionParams = Type.Object({ id: Uuid }, { additionalProperties: false })
export const ItemParams = Type.Object({ id: Uuid, photoId: Uuid }, { additionalProperties: false })

export const CollectionBody = Type.Object(
  {
    kind: Type.Union(
      COLLECTION_KINDS.map((k) => Type.Literal(k)),
      { description: 'An exhibition accepts only photos whose consent and licence cover exhibitions.' },
    ),
    titleNl: Title,
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    notesNl: Type.Optional(Nullable(Notes)),
    notesEn: Type.Optional(Nullable(Notes)),
  },
  { additionalProperties: false },
)

/** The kind can't change: an exhibition's items were checked for exhibition consent, a collection's weren't. */
export const CollectionPatchBody = Type.Object(
  {
    titleNl: Type.Optional(Title),
    titleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    notesNl: Type.Optional(Nullable(Notes)),
    notesEn: Type.Optional(Nullable(Notes)),
  },
  { additionalProperties: false, minProperties: 1 },
)

export const AddItemBody = Type.Object(
  { photoId: Uuid, noteNl: Type.Optional(Nullable(ItemNote)), noteEn: Type.Optional(Nullable(ItemNote)) },
  { additionalProperties: false },
)
export const ItemPatchBody = Type.Object(
  { noteNl: Type.Optional(Nullable(ItemNote)), noteEn: Type.Optional(Nullable(ItemNote)) },
  { additionalProperties: false, minProperties: 1 },
)
export const ReorderBody = Type.Object(
  { photoIds: Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'Every photo id of the collection, exactly once, in the new order.' }) },
  { additionalProperties: false },
)

export const CollectionSummary = Type.Object({
  id: Uuid,
  kind: KindValue,
  title: Bilingual,
  notes: Bilingual,
  itemCount: Type.Integer(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Null while it is a working set; search shows only published collections',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
})
export const CollectionList = Type.Object({ items: Type.Array(CollectionSummary) })

/** The public fields of a photo in a collection (the same allow-list as the photo detail). */
const ItemPhoto = Type.Object({
  id: Photo.properties.id,
  width: Photo.properties.width,
  height: Photo.properties.height,
  caption: Photo.properties.caption,
  alt: Photo.properties.alt,
  credit: Photo.properties.credit,
  thumbhash: Photo.properties.thumbhash,
  dominantColour: Photo.properties.dominantColour,
  licence: Photo.properties.licence,
  attribution: Photo.properties.attribution,
  derivatives: Photo.properties.derivatives,
})

export const CollectionItem = Type.Object({
  photoId: Uuid,
  position: Type.Integer({ minimum: 1 }),
  note: Bilingual,
  addedAt: Type.String({ format: 'date-time' }),
  available: Type.Boolean({
    description: 'false: the gate does not show this photo now (for an exhibition: or not for exhibitions); it is left out of exports.',
  }),
  reason: Nullable(Type.String()),
  reasonWords: Nullable(Words),
  photo: Nullable(ItemPhoto),
})
export const CollectionDetail = Type.Object({ ...CollectionSummary.properties, items: Type.Array(CollectionItem) })

export const ListQuery = Type.Object({ kind: Type.Optional(Type.Union(COLLECTION_KINDS.map((k) => Type.Literal(k)))) }, { additionalProperties: false })

export const ReviewQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) }, { additionalProperties: false })
export const ReviewList = Type.Object({
  items: Type.Array(
    Type.Object({
      photo: Photo,
      publishable: Type.Boolean(),
      reasons: Type.Array(Type.Object({ code: Type.String(), field: Type.Optional(Type.String()), subjectId: Type.Optional(Uuid), words: Words })),
    }),
  ),
})

const LangMap = Type.Record(Type.String(), Type.Array(Type.String()))
/** The top of a IIIF Presentation 3.0 Manifest; canvases are built from allow-listed fields (collections.iiif.ts). */
export const Manifest = Type.Object(
  {
    '@context': Type.String(),
    id: Type.String(),
    type: Type.Literal('Manifest'),
    label: LangMap,
    summary: Type.Optional(LangMap),
    rights: Type.String(),
    requiredStatement: Type.Object({ label: LangMap, value: LangMap }),
    metadata: Type.Array(Type.Object({ label: LangMap, value: LangMap })),
    items: Type.Array(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
)

const Candidate = {
  id: Uuid,
  caption: Bilingual,
  alt: Bilingual,
  credit: Type.String(),
  licence: Type.String(),
  thumbnail: Type.Union([Type.String(), Type.Null()]),
}
export const Candidates = Type.Object({
  kind: KindValue,
  eligible: Type.Array(Type.Object(Candidate)),
  ineligible: Type.Array(Type.Object({ ...Candidate, reason: Type.String(), words: Words })),
})
export const PublishedCollections = Type.Object({ items: Type.Array(Type.Object({ id: Uuid, kind: KindValue, title: Bilingual })) })
