/**
 * The photos module's tables (photos, derivatives, photo_notes): the only file that queries them. Rows in,
 * rows out; every rule (who may, what a status allows) is the caller's. Locks, orderings and `returning`
 * are exactly what the services asked for, and a caller's transaction passes straight through (`db`).
 */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { users } from '../auth/auth.table.ts'
import { photoSubjects } from '../consent/consent.table.ts'
import { derivatives, ORIGINAL_KEY_DESTROYED, PHOTO_STATUSES, photoNotes, photos } from './photos.table.ts'

/** What an erased photo's wrapped data key reads (the key itself is gone). */
export { ORIGINAL_KEY_DESTROYED, PHOTO_STATUSES }

export type PhotoRow = typeof photos.$inferSelect
export type NewPhoto = typeof photos.$inferInsert
export type PhotoChange = Partial<NewPhoto>
export type DerivativeRow = typeof derivatives.$inferSelect
export type NewDerivative = typeof derivatives.$inferInsert

type Lock = { lock?: 'update' | 'share' }

/** Photos that still exist for anyone: a listing's query starts from these (erased photos are gone). */
const notErased = isNull(photos.erasedAt)

// ---- one photo ------------------------------------------------------------------------------------

export async function photoById(db: DbOrTx, id: string, opts: Lock = {}): Promise<PhotoRow | undefined> {
  const q = db.select().from(photos).where(eq(photos.id, id)).limit(1)
  const [row] = opts.lock ? await q.for(opts.lock) : await q
  return row
}

/** Locks the photo's row (or waits for the lock) and says whether it exists. */
export async function lockPhoto(db: DbOrTx, id: string, lock: 'update' | 'share' = 'update'): Promise<boolean> {
  const [row] = await db.select({ id: photos.id }).from(photos).where(eq(photos.id, id)).limit(1).for(lock)
  return row !== undefined
}

/** The photo's status under a row lock (undefined: no such photo). */
export async function lockedStatus(db: DbOrTx, id: string): Promise<PhotoRow['status'] | undefined> {
  const [row] = await db.select({ status: photos.status }).from(photos).where(eq(photos.id, id)).for('update')
  return row?.status
}

/** The photo with this content MAC among one photographer's photos (the duplicate check). */
export async function photoIdByContentMac(db: DbOrTx, ownerId: string, contentMac: string): Promise<string | null> {
  const [r] = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.ownerId, ownerId), eq(photos.contentMac, contentMac)))
    .limit(1)
  return r?.id ?? null
}

/** What the upload's privacy check found, for a photo that is not erased (undefined otherwise). */
export async function privacyFoundOf(db: DbOrTx, id: string): Promise<unknown> {
  const [row] = await db
    .select({ found: photos.privacyFound })
    .from(photos)
    .where(and(eq(photos.id, id), notErased))
  return row?.found
}

export async function mediaKeyOf(db: DbOrTx, id: string): Promise<string | undefined> {
  const [photo] = await db.select({ mediaKey: photos.mediaKey }).from(photos).where(eq(photos.id, id)).limit(1)
  return photo?.mediaKey
}

/** Where a photo's original blob is, its wrapped data key, and whether it is erased. */
export async function originalOf(db: DbOrTx, id: string): Promise<{ key: string; wrappedKey: string; erased: boolean } | undefined> {
  const [photo] = await db
    .select({ key: photos.originalKey, wrappedKey: photos.originalWrappedKey, erased: sql<boolean>`${photos.erasedAt} is not null` })
    .from(photos)
    .where(eq(photos.id, id))
    .limit(1)
  return photo
}

// ---- many photos ----------------------------------------------------------------------------------

/**
 * A page of the management list, newest first: every photo not erased (or only `ownerId`'s), after the
 * keyset cursor `after` when given. `limit` rows at most.
 */
export async function photosPage(db: DbOrTx, opts: { ownerId?: string; after?: { at: Date; id: string }; limit: number }): Promise<PhotoRow[]> {
  const conds: (SQL | undefined)[] = [notErased]
  if (opts.ownerId !== undefined) conds.push(eq(photos.ownerId, opts.ownerId))
  if (opts.after) {
    const c = opts.after
    conds.push(or(lt(photos.createdAt, c.at), and(eq(photos.createdAt, c.at), lt(photos.id, c.id))))
  }
  return db
    .select()
    .from(photos)
    .where(and(...conds))
    .orderBy(desc(photos.createdAt), desc(photos.id))
    .limit(opts.limit)
}

/** Published photos not erased, newest publication first (ids only). */
export async function publishedPhotoIds(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: photos.id })
    .from(photos)
    .where(and(eq(photos.status, 'published'), notErased))
    .orderBy(desc(photos.publishedAt), desc(photos.id))
    .limit(limit)
  return rows.map((r) => r.id)
}

/** Photos waiting for review (not erased), oldest first: the curators' queue. */
export async function photosInReview(db: DbOrTx, limit: number): Promise<PhotoRow[]> {
  return db
    .select()
    .from(photos)
    .where(and(eq(photos.status, 'in_review'), notErased))
    .orderBy(asc(photos.updatedAt), asc(photos.id))
    .limit(limit)
}

export async function statusesOf(db: DbOrTx, ids: string[]) {
  return db.select({ id: photos.id, status: photos.status, updatedAt: photos.updatedAt }).from(photos).where(inArray(photos.id, ids))
}

/** Every photo's original key and media key: what blobs rows still point to (the orphan sweep). */
export async function blobKeysInUse(db: DbOrTx) {
  return db.select({ o: photos.originalKey, m: photos.mediaKey }).from(photos)
}

export async function countPhotos(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from photos`))
  return row?.n ?? 0
}

/**
 * Whether anyone is linked to the photo: a read-only look at consent's photo_subjects (photos' editor asks
 * it; going through consent's index would be an import cycle, as consent writes photos through photosRepo).
 */
export async function photoHasPeople(db: DbOrTx, photoId: string): Promise<boolean> {
  const rows = await db.select({ s: photoSubjects.subjectId }).from(photoSubjects).where(eq(photoSubjects.photoId, photoId)).limit(1)
  return rows.length > 0
}

// ---- writes ---------------------------------------------------------------------------------------

export async function insertPhoto(db: DbOrTx, values: NewPhoto): Promise<PhotoRow> {
  const [row] = await db.insert(photos).values(values).returning()
  return row!
}

export async function updatePhoto(db: DbOrTx, id: string, set: PhotoChange): Promise<void> {
  await db.update(photos).set(set).where(eq(photos.id, id))
}

/** Publishes the photo: its status, when and by whom; the row as it is now. */
export async function markPublished(db: DbOrTx, id: string, by: string): Promise<PhotoRow | undefined> {
  const [row] = await db
    .update(photos)
    .set({ status: 'published', publishedAt: new Date(), publishedBy: by, updatedAt: new Date() })
    .where(eq(photos.id, id))
    .returning()
  return row
}

/** The photo is withdrawn (the first withdrawal's time is kept). */
export async function markWithdrawn(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(photos)
    .set({ status: 'withdrawn', withdrawnAt: sql`coalesce(${photos.withdrawnAt}, now())`, updatedAt: new Date() })
    .where(eq(photos.id, id))
}

/**
 * Erases these photos: the data key goes (the original is unreadable for good, also a copy of its blob in a
 * backup), and so do the texts and the thumbhash (a caption may describe the person; a thumbhash is a tiny
 * picture of them). The first erasure's time is kept.
 */
export async function markErased(db: DbOrTx, ids: string[]): Promise<void> {
  await db
    .update(photos)
    .set({
      originalWrappedKey: ORIGINAL_KEY_DESTROYED,
      captionNl: null,
      captionEn: null,
      altNl: null,
      altEn: null,
      tags: [],
      tagsEn: [],
      series: null,
      placeCity: null,
      capturedMonth: null,
      thumbhash: null,
      dominantColour: null,
      erasedAt: sql`coalesce(${photos.erasedAt}, now())`,
      updatedAt: new Date(),
    })
    .where(inArray(photos.id, ids))
}

export async function deletePhoto(db: DbOrTx, id: string): Promise<void> {
  await db.delete(photos).where(eq(photos.id, id))
}

/** Deletes the photo if it is still a draft; its blob keys, or undefined when it was not. */
export async function deleteDraft(db: DbOrTx, id: string) {
  const [row] = await db
    .delete(photos)
    .where(and(eq(photos.id, id), eq(photos.status, 'draft')))
    .returning({ originalKey: photos.originalKey, mediaKey: photos.mediaKey })
  return row
}

// ---- derivatives ----------------------------------------------------------------------------------

/** Deletes the derivative rows of these photos (of these formats only, when given). */
export async function deleteDerivatives(db: DbOrTx, photoIds: string | string[], formats?: readonly string[]): Promise<void> {
  const ids = typeof photoIds === 'string' ? [photoIds] : photoIds
  const which = typeof photoIds === 'string' ? eq(derivatives.photoId, photoIds) : inArray(derivatives.photoId, ids)
  await db.delete(derivatives).where(formats ? and(which, inArray(derivatives.format, [...formats])) : which)
}

export async function insertDerivatives(db: DbOrTx, rows: NewDerivative[]): Promise<void> {
  await db.insert(derivatives).values(rows)
}

// ---- notes ----------------------------------------------------------------------------------------

export async function insertNote(db: DbOrTx, note: typeof photoNotes.$inferInsert) {
  const [row] = await db.insert(photoNotes).values(note).returning()
  return row!
}

/** The photo's notes, oldest first, each with its author's display name. */
export async function notesOf(db: DbOrTx, photoId: string) {
  return db
    .select({ id: photoNotes.id, kind: photoNotes.kind, body: photoNotes.body, createdAt: photoNotes.createdAt, author: users.displayName })
    .from(photoNotes)
    .innerJoin(users, eq(users.id, photoNotes.authorId))
    .where(eq(photoNotes.photoId, photoId))
    .orderBy(asc(photoNotes.createdAt))
}
