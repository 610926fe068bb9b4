import Type from 'typebox'
import { USES } from '../../../../contract/vocabulary.ts'
import { COLOURS, ORIENTATIONS } from './search.port.ts'

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()])
const Uuid = Type.String({ format: 'uuid' })
/** A union of literals whose static type is the union of the strings (not never). */
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))))

export const SEARCH_MAX_Q = 200
export const SEARCH_DEFAULT_LIMIT = 24
export const SEARCH_MAX_LIMIT = 100

/** GET /v1/search: every parameter optional; anything else (or a bad value) is a 400 problem. */
export const SearchQuerystring = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: SEARCH_MAX_Q })),
    lang: Type.Optional(Enum(['nl', 'en'] as const)),
    use: Type.Optional(Enum(USES)),
    orientation: Type.Optional(Enum(ORIENTATIONS)),
    colour: Type.Optional(Enum(COLOURS)),
    series: Type.Optional(Type.String({ minLength: 1, maxLength: 160 })),
    collection: Type.Optional(Uuid),
    photographer: Type.Optional(Uuid),
    sort: Type.Optional(Enum(['relevance', 'newest'] as const)),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })),
  },
  { additionalProperties: false },
)
export type SearchQuerystringT = Type.Static<typeof SearchQuerystring>

const Bilingual = Type.Object({ nl: Nullable(Type.String()), en: Nullable(Type.String()) })

export const SearchPreview = Type.Object({
  preset: Type.String(),
  format: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  /** `/v1/photos/:id/media/:preset.:format?v=<etag>` */
  url: Type.String(),
})

/** Fragments with the match wrapped in <mark>…</mark>; everything else in them is HTML-escaped. */
export const SearchHighlights = Type.Object({
  caption: Type.Optional(Type.String()),
  alt: Type.Optional(Type.String()),
  tags: Type.Optional(Type.String()),
  series: Type.Optional(Type.String()),
  credit: Type.Optional(Type.String()),
})

const hitFields = {
  id: Uuid,
  caption: Bilingual,
  alt: Bilingual,
  credit: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  thumbhash: Nullable(Type.String()),
  /** The dominant colour as '#rrggbb', or null while unknown. */
  colour: Nullable(Type.String()),
  /** Anonymous callers get thumb and small only; logged-in callers every preset. */
  previews: Type.Array(SearchPreview),
}

/** One hit: an allow-list. No people, no owner, no consent details leave through search. */
export const SearchHitSchema = Type.Object({ ...hitFields, highlights: SearchHighlights })

/**
 * A hit without its highlights (the same allow-list): serialised once per photo record and set of sizes,
 * and joined with each search's highlights (search.service.ts), in the order SearchHitSchema gives.
 */
export const SearchHitBaseSchema = Type.Object(hitFields)

const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }))

export const SearchFacetsSchema = Type.Object({
  use: Counts,
  orientation: Counts,
  colour: Counts,
  series: Counts,
  collection: Counts,
  photographer: Counts,
})

/** Set when the query used a stigmatising or outdated word: the preferred words, in the query's language. */
export const LanguageNoteSchema = Type.Object({
  lang: Enum(['nl', 'en'] as const),
  /** The words from the query the note is about, as typed (lower-cased). */
  terms: Type.Array(Type.String()),
  /** What the people in the photos prefer; these were searched too. */
  preferred: Type.Array(Type.String()),
  note: Type.String(),
})

export const SearchResponse = Type.Object({
  hits: Type.Array(SearchHitSchema),
  facets: SearchFacetsSchema,
  languageNote: Nullable(LanguageNoteSchema),
  /** Matches in all (a lower bound when the engine capped its work). */
  total: Type.Integer({ minimum: 0 }),
  nextCursor: Nullable(Type.String()),
})
export type SearchResponseT = Type.Static<typeof SearchResponse>
export type SearchHighlightsT = Type.Static<typeof SearchHighlights>
