/**
 * What a search document is built from (search.documents.ts): published photos and the published
 * collections they are in. Read-only reads of the photos and collections modules' tables (a repository may
 * read another module's table; it never writes one). They live here because both modules queue search syncs
 * through this module's index: a call back into theirs would be an import cycle. The search tables'
 * own queries are the PostgreSQL engine's (search.postgres.repo.ts).
 */
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { collectionItems, collections } from '../collections/collections.table.ts'
import { photos } from '../photos/photos.table.ts'

type PhotoRow = typeof photos.$inferSelect

/** These photos' rows (absent ids: no such photo). */
export async function photosByIds(db: DbOrTx, ids: string[]): Promise<PhotoRow[]> {
  return db.select().from(photos).where(inArray(photos.id, ids))
}

/** Published photos in id order, after `after` (from the start when null): one batch of a reindex. */
export async function publishedPhotosAfter(db: DbOrTx, after: string | null, limit: number): Promise<PhotoRow[]> {
  return db
    .select()
    .from(photos)
    .where(and(eq(photos.status, 'published'), after ? gt(photos.id, after) : undefined))
    .orderBy(asc(photos.id))
    .limit(limit)
}

/**
 * Which published collections these photos are in. A curator's working set (an unpublished collection)
 * stays private: it is never in search.
 */
export async function publishedCollectionsOf(db: DbOrTx, photoIds: string[]): Promise<{ photoId: string; collectionId: string }[]> {
  return db
    .select({ photoId: collectionItems.photoId, collectionId: collectionItems.collectionId })
    .from(collectionItems)
    .innerJoin(collections, eq(collections.id, collectionItems.collectionId))
    .where(and(inArray(collectionItems.photoId, photoIds), isNotNull(collections.publishedAt)))
}
