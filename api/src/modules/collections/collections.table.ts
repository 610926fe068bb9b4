import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { photos } from '../photos/photos.table.ts'

export const COLLECTION_KINDS = ['collection', 'exhibition'] as const
export type CollectionKind = (typeof COLLECTION_KINDS)[number]

/** A curator's ordered set of photos; an exhibition accepts only photos whose consent covers 'exhibition'. */
export const collections = pgTable(
  'collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<CollectionKind>().notNull().default('collection'),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en'),
    notesNl: text('notes_nl'),
    notesEn: text('notes_en'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Null while it is the curator's working set; set when a curator publishes it (then it shows in search). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('collections_kind_check', sql`${t.kind} in ('collection', 'exhibition')`)],
)

export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    position: integer('position').notNull(),
    noteNl: text('note_nl'),
    noteEn: text('note_en'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.photoId] }), index('collection_items_photo_idx').on(t.photoId)],
)
