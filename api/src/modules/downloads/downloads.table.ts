import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../auth/auth.table.ts'
import { apiKeys, organisations } from '../desks/desks.table.ts'
import { photos } from '../photos/photos.table.ts'

/** The attribution handed out with a grant, both languages, as recorded (DESIGN.md, "Licences"). */
export type GrantAttribution = Record<'nl' | 'en', { text: string; html: string; markdown: string }>

/** One download: the exact licence version and the stated use, topic and outlet. */
export const downloadGrants = pgTable(
  'download_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    licence: text('licence').notNull(),
    use: text('use').notNull(),
    channel: text('channel').notNull(),
    topic: text('topic'),
    publicationUrl: text('publication_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The user who asked (a journalist); null for an API key, or once the user is deleted. */
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** The API key it was asked with (null: a journalist's): revoking the key ends the grant's links. */
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id),
    /** The publication's name as the caller stated it (the organisation itself is organisation_id). */
    outlet: text('outlet'),
    headline: text('headline'),
    articleUrl: text('article_url'),
    preset: text('preset').notNull().default('large'),
    format: text('format').notNull().default('jpeg'),
    attribution: jsonb('attribution').$type<GrantAttribution>(),
    publicationReportedAt: timestamp('publication_reported_at', { withTimezone: true }),
    /** 'person' when the stated topic is a protective one that everyone pictured lifted themselves (portal). */
    topicLiftedBy: text('topic_lifted_by').$type<'person'>(),
  },
  (t) => [
    index('download_grants_photo_idx').on(t.photoId),
    index('download_grants_org_idx').on(t.organisationId),
    index('download_grants_org_created_idx').on(t.organisationId, t.createdAt, t.id),
    check(
      'download_grants_urls_check',
      sql`(${t.articleUrl} is null or ${t.articleUrl} ~* '^https?://') and (${t.publicationUrl} is null or ${t.publicationUrl} ~* '^https?://')`,
    ),
  ],
)
