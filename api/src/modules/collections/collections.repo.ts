/**
 * The collections module's tables (collections, collection_items): the only file that queries them. Rows in,
 * rows out; what a curator may do, and when, is the service's. A caller's transaction passes straight through.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { COLLECTION_KINDS, collectionItems, collections, type CollectionKind } from './collections.table.ts'

/** The kinds a collection can be (the table's check constraint), for the request schemas. */
export { COLLECTION_KINDS, type CollectionKind }

export type CollectionRow = typeof collections.$inferSelect
export type NewCollection = typeof collections.$inferInsert
export type CollectionItemRow = typeof collectionItems.$inferSelect
export type NewCollectionItem = typeof collectionItems.$inferInsert

// ---- collections ----------------------------------------------------------------------------------

export async function insertCollection(db: DbOrTx, values: NewCollection): Promise<CollectionRow> {
  const [row] = await db.insert(collections).values(values).returning()
  return row!
}

export async function collectionById(db: DbOrTx, id: string, opts: { lock?: 'update' } = {}): Promise<CollectionRow | undefined> {
  const q = db.select().from(collections).where(eq(collections.id, id)).limit(1)
  const [row] = opts.lock ? await q.for(opts.lock) : await q
  return row
}

/** Every collection (of one kind, when given), most recently changed first. */
export async function collectionsList(db: DbOrTx, kind?: CollectionKind): Promise<CollectionRow[]> {
  return db
    .select()
    .from(collections)
    .where(kind ? eq(collections.kind, kind) : undefined)
    .orderBy(desc(collections.updatedAt), desc(collections.id))
}

/** Published collections, by Dutch title. */
export async function publishedCollections(db: DbOrTx): Promise<CollectionRow[]> {
  return db.select().from(collections).where(sql`${collections.publishedAt} is not null`).orderBy(asc(collections.titleNl))
}

export async function updateCollection(db: DbOrTx, id: string, set: Partial<NewCollection>): Promise<void> {
  await db.update(collections).set(set).where(eq(collections.id, id))
}

/** Marks the collection changed now (an item added, removed, changed or moved). */
export async function touchCollection(db: DbOrTx, id: string): Promise<void> {
  await db.update(collections).set({ updatedAt: new Date() }).where(eq(collections.id, id))
}

export async function deleteCollection(db: DbOrTx, id: string): Promise<void> {
  await db.delete(collections).where(eq(collections.id, id))
}

// ---- items ----------------------------------------------------------------------------------------

/** How many items each collection has (collections without items are absent). */
export async function itemCounts(db: DbOrTx): Promise<Map<string, number>> {
  const counts = rowsOf<{ collection_id: string; n: number | string }>(
    await db.execute(sql`select collection_id, count(*) as n from collection_items group by collection_id`),
  )
  return new Map(counts.map((c) => [c.collection_id, Number(c.n)]))
}

/** The collection's items in order (position, then when added). */
export async function itemsOf(db: DbOrTx, collectionId: string): Promise<CollectionItemRow[]> {
  return db
    .select()
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, collectionId))
    .orderBy(asc(collectionItems.position), asc(collectionItems.addedAt))
}

/** The photo ids in the collection (in no particular order). */
export async function itemPhotoIds(db: DbOrTx, collectionId: string): Promise<string[]> {
  const rows = await db.select({ photoId: collectionItems.photoId }).from(collectionItems).where(eq(collectionItems.collectionId, collectionId))
  return rows.map((r) => r.photoId)
}

/** How many items the collection has and its highest position. */
export async function itemStats(db: DbOrTx, collectionId: string): Promise<{ n: number; top: number }> {
  const [stats] = rowsOf<{ n: number | string; top: number | string | null }>(
    await db.execute(sql`select count(*) as n, max(position) as top from collection_items where collection_id = ${collectionId}`),
  )
  return { n: Number(stats!.n), top: Number(stats!.top ?? 0) }
}

/** Adds the item unless the photo is in the collection already (then: false). */
export async function insertItem(db: DbOrTx, values: NewCollectionItem): Promise<boolean> {
  const inserted = await db.insert(collectionItems).values(values).onConflictDoNothing().returning()
  return inserted.length > 0
}

/** Removes the item; whether there was one. */
export async function deleteItem(db: DbOrTx, collectionId: string, photoId: string): Promise<boolean> {
  const gone = await db
    .delete(collectionItems)
    .where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.photoId, photoId)))
    .returning()
  return gone.length > 0
}

/** Changes the item; whether there was one. */
export async function updateItem(db: DbOrTx, collectionId: string, photoId: string, set: Partial<NewCollectionItem>): Promise<boolean> {
  const done = await db
    .update(collectionItems)
    .set(set)
    .where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.photoId, photoId)))
    .returning()
  return done.length > 0
}

export async function setItemPosition(db: DbOrTx, collectionId: string, photoId: string, position: number): Promise<void> {
  await db
    .update(collectionItems)
    .set({ position })
    .where(and(eq(collectionItems.collectionId, collectionId), eq(collectionItems.photoId, photoId)))
}
