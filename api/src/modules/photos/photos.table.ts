import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'

/**
 * draft → in_review (sent by the photographer) → published (by a curator) → withdrawn (when anyone in it
 * withdraws consent; final). A curator may send a photo in review back (returned, with a note): the
 * photographer fixes it and sends it again. A withdrawn photo is never shown again; its derivatives are deleted.
 */
export const PHOTO_STATUSES = ['draft', 'in_review', 'returned', 'published', 'withdrawn'] as const
export type PhotoStatus = (typeof PHOTO_STATUSES)[number]

/** New photos are offered under the editorial licence until the photographer or a curator picks another. */
export const DEFAULT_LICENCE = 'rsw-editorial@1.0'

export const photos = pgTable(
  'photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<PhotoStatus>().notNull().default('draft'),
    /**
     * HMAC of the content hash, keyed per deployment: lets one photographer be told "you uploaded this
     * already" without storing a hash that could be matched against a file found elsewhere.
     */
    contentMac: text('content_mac').notNull(),
    /** Encrypted original: blob key, wrapped data key (AES-256-GCM under the master key), and format. */
    originalKey: text('original_key').notNull(),
    originalWrappedKey: text('original_wrapped_key').notNull(),
    originalFormat: text('original_format').notNull(),
    originalBytes: integer('original_bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    captionNl: text('caption_nl'),
    captionEn: text('caption_en'),
    altNl: text('alt_nl'),
    altEn: text('alt_en'),
    /** Keywords in Dutch (the column's first language); `tagsEn` the English ones (migration 0023_keywords). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    tagsEn: text('tags_en').array().notNull().default(sql`'{}'::text[]`),
    series: text('series'),
    credit: text('credit').notNull(),
    /** 'YYYY-MM': never finer, so a date can't be matched to a diary or a location history. */
    capturedMonth: text('captured_month'),
    /** A city typed by hand; never derived from GPS. */
    placeCity: text('place_city'),
    /** Which kinds of private data the upload carried (never their values). */
    privacyFound: text('privacy_found').array().notNull().default(sql`'{}'::text[]`),
    /** Random per photo: derivative blob keys are derived from it, not from content. */
    mediaKey: text('media_key').notNull().unique(),
    derivativesState: text('derivatives_state').$type<'pending' | 'ready'>().notNull().default('pending'),
    thumbhash: text('thumbhash'),
    dominantColour: text('dominant_colour'),
    /** The licence version this photo is offered under ('rsw-editorial@1.0'). */
    licence: text('licence').notNull().default(DEFAULT_LICENCE),
    /** The photographer's declaration that no person is recognisable or pictured (a place, an object). */
    noPeopleDeclaredAt: timestamp('no_people_declared_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /**
     * Set when someone pictured was erased (modules/erasure): the original's data key is destroyed
     * (originalWrappedKey = ORIGINAL_KEY_DESTROYED), the texts are gone, and the photo answers 410 to
     * everyone, its photographer and the staff included.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('photos_status_check', sql`${t.status} in ('draft', 'in_review', 'returned', 'published', 'withdrawn')`),
    index('photos_published_idx').on(t.publishedAt).where(sql`${t.status} = 'published'`),
    unique('photos_owner_content_unique').on(t.ownerId, t.contentMac),
    index('photos_owner_idx').on(t.ownerId, t.createdAt),
    check('photos_captured_month_check', sql`${t.capturedMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
)

/**
 * What an erased photo's originalWrappedKey holds instead of a wrapped key. It is not a key in any format
 * MasterKey.unwrap knows, so the original can't be decrypted again, even from a blob kept in a backup.
 */
export const ORIGINAL_KEY_DESTROYED = 'destroyed'

export const derivatives = pgTable(
  'derivatives',
  {
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    preset: text('preset').notNull(),
    format: text('format').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    blobKey: text('blob_key').notNull(),
    etag: text('etag').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.preset, t.format] })],
)

/** A curator's note to the photographer (why a photo was returned); shown on the photo, kept with it. */
export const photoNotes = pgTable(
  'photo_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<'returned'>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('photo_notes_photo_idx').on(t.photoId, t.createdAt), check('photo_notes_kind_check', sql`${t.kind} in ('returned')`)],
)
