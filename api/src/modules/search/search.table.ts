import { sql } from 'drizzle-orm'
import { boolean, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The PostgreSQL engine's index: a copy of each shown photo's searchable texts and facts, kept apart from
 * `photos` on purpose. It is updated through the outbox and can be stale (that is what the search service's
 * gate check is for), and it can be rebuilt from the database at any time (`search reindex`). No foreign
 * key to photos: an entry may outlive its photo until the remove job runs.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    photoId: uuid('photo_id').primaryKey(),
    captionNl: text('caption_nl'),
    captionEn: text('caption_en'),
    altNl: text('alt_nl'),
    altEn: text('alt_en'),
    tags: text('tags').array().notNull(),
    tagsEn: text('tags_en').array().notNull().default(sql`'{}'::text[]`),
    series: text('series'),
    credit: text('credit').notNull(),
    photographerId: uuid('photographer_id').notNull(),
    collections: uuid('collections').array().notNull(),
    orientation: text('orientation').notNull(),
    colour: text('colour'),
    uses: text('uses').array().notNull(),
    publicPreview: boolean('public_preview').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** When this entry was last written (clock time): reindex removes what it did not write. */
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
    /** eb_search_vector(...) over the unaccented texts (migration 'search_vector_per_language'), written with each upsert. */
    tsv: tsvector('tsv').notNull(),
  },
  (t) => [
    index('search_documents_tsv_idx').using('gin', t.tsv),
    index('search_documents_uses_idx').using('gin', t.uses),
    index('search_documents_collections_idx').using('gin', t.collections),
    index('search_documents_newest_idx').on(t.publishedAt.desc(), t.photoId.desc()),
    index('search_documents_photographer_idx').on(t.photographerId),
    index('search_documents_series_idx').on(t.series),
  ],
)

/**
 * Every word the documents have used (lower-cased, unaccented): the typo fallback looks up a query word's
 * trigram neighbours here, which is far cheaper than trigram-matching the documents themselves. Words are
 * never removed: a word no document has any more only costs a lookup that finds nothing.
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_words_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
)
