/**
 * consent's data access for the people in photos: subjects (by pseudonym) and who is in which photo. The
 * only files that query subjects, photo_subjects, consents, consent_proposals and renewal_requests are this
 * one and consent.versions.repo.ts (re-exported below, so other modules see one `consentRepo`). Joins read
 * photos (read-only). No rules here: services decide.
 * Whether a person is erased is answered here and nowhere else: subjectById(...).erased, unerasedSubjectIds().
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { photos } from '../photos/photos.table.ts'
import { CONSENT_STATES, PROPOSAL_STATES, photoSubjects, subjects } from './consent.table.ts'

export { CONSENT_STATES, PROPOSAL_STATES }

export * from './consent.versions.repo.ts'

/** A photo row as the joins here return it (the photos module owns the table). */
export type PhotoRow = typeof photos.$inferSelect

export interface SubjectRef {
  id: string
  pseudonym: string
  createdBy: string
  /** The person was erased (modules/erasure): nobody's to link, give a link or a vault record again. */
  erased: boolean
}

// ---- people -----------------------------------------------------------------------------------------

/** A new person under this pseudonym; undefined when the photographer already has one by that name. */
export async function insertSubject(db: DbOrTx, s: { pseudonym: string; createdBy: string }) {
  const [row] = await db
    .insert(subjects)
    .values(s)
    .onConflictDoNothing()
    .returning({ id: subjects.id, pseudonym: subjects.pseudonym, createdAt: subjects.createdAt })
  return row
}

/** People not erased, by pseudonym: those this user added, or everyone's when createdBy is null. */
export async function liveSubjects(db: DbOrTx, createdBy: string | null) {
  return db
    .select({ id: subjects.id, pseudonym: subjects.pseudonym, createdAt: subjects.createdAt })
    .from(subjects)
    .where(and(isNull(subjects.erasedAt), createdBy === null ? undefined : eq(subjects.createdBy, createdBy)))
    .orderBy(subjects.pseudonym)
}

/**
 * One person, and whether they were erased. With a lock, the row is locked (FOR SHARE makes an erasure,
 * which updates the row, wait until the caller's transaction ends).
 */
export async function subjectById(db: DbOrTx, id: string, opts: { lock?: 'share' | 'update' } = {}): Promise<SubjectRef | undefined> {
  const q = db
    .select({ id: subjects.id, pseudonym: subjects.pseudonym, createdBy: subjects.createdBy, erasedAt: subjects.erasedAt })
    .from(subjects)
    .where(eq(subjects.id, id))
    .limit(1)
  const [row] = opts.lock ? await q.for(opts.lock) : await q
  return row && { id: row.id, pseudonym: row.pseudonym, createdBy: row.createdBy, erased: row.erasedAt !== null }
}

/** Of these people, the ids of those who exist and were not erased. */
export async function unerasedSubjectIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: subjects.id })
    .from(subjects)
    .where(and(inArray(subjects.id, ids), isNull(subjects.erasedAt)))
  return rows.map((r) => r.id)
}

/** Marks the person erased, replacing the pseudonym. */
export async function markSubjectErased(db: DbOrTx, id: string, pseudonym: string): Promise<void> {
  await db.update(subjects).set({ pseudonym, erasedAt: new Date() }).where(eq(subjects.id, id))
}

// ---- who is in which photo ----------------------------------------------------------------------------

/** Links the person to the photo; false when they were linked already. */
export async function linkPerson(db: DbOrTx, photoId: string, subjectId: string): Promise<boolean> {
  const linked = await db.insert(photoSubjects).values({ photoId, subjectId }).onConflictDoNothing().returning()
  return linked.length > 0
}

/** Unlinks the person from the photo; false when they were not linked. */
export async function unlinkPerson(db: DbOrTx, photoId: string, subjectId: string): Promise<boolean> {
  const removed = await db
    .delete(photoSubjects)
    .where(and(eq(photoSubjects.photoId, photoId), eq(photoSubjects.subjectId, subjectId)))
    .returning()
  return removed.length > 0
}

export async function isPersonInPhoto(db: DbOrTx, subjectId: string, photoId: string): Promise<boolean> {
  const [row] = await db
    .select()
    .from(photoSubjects)
    .where(and(eq(photoSubjects.subjectId, subjectId), eq(photoSubjects.photoId, photoId)))
    .limit(1)
  return !!row
}

/** Whether anyone is linked to the photo. */
export async function photoHasPeople(db: DbOrTx, photoId: string): Promise<boolean> {
  const rows = rowsOf(await db.execute(sql`select 1 from photo_subjects where photo_id = ${photoId} limit 1`))
  return rows.length > 0
}

/** The people in a photo with their pseudonyms, by pseudonym. */
export async function peopleInPhoto(db: DbOrTx, photoId: string) {
  return db
    .select({ id: subjects.id, pseudonym: subjects.pseudonym })
    .from(photoSubjects)
    .innerJoin(subjects, eq(subjects.id, photoSubjects.subjectId))
    .where(eq(photoSubjects.photoId, photoId))
    .orderBy(subjects.pseudonym)
}

/** The ids of the people in a photo. */
export async function subjectIdsInPhoto(db: DbOrTx, photoId: string): Promise<string[]> {
  const links = await db.select({ subjectId: photoSubjects.subjectId }).from(photoSubjects).where(eq(photoSubjects.photoId, photoId))
  return links.map((l) => l.subjectId)
}

/** Every link of these photos. */
export async function linksOfPhotos(db: DbOrTx, photoIds: string[]) {
  return db.select().from(photoSubjects).where(inArray(photoSubjects.photoId, photoIds))
}

/** The ids of the photos a person is in. */
export async function photoIdsOfSubject(db: DbOrTx, subjectId: string): Promise<string[]> {
  return (await db.select({ id: photoSubjects.photoId }).from(photoSubjects).where(eq(photoSubjects.subjectId, subjectId))).map((r) => r.id)
}

/** The photos a person is in, newest first (whole rows). */
export async function photosOfSubject(db: DbOrTx, subjectId: string): Promise<PhotoRow[]> {
  const rows = await db
    .select({ photo: photos })
    .from(photoSubjects)
    .innerJoin(photos, eq(photos.id, photoSubjects.photoId))
    .where(eq(photoSubjects.subjectId, subjectId))
    .orderBy(sql`${photos.createdAt} desc`)
  return rows.map((r) => r.photo)
}

/** The photos a person is in, with their status. */
export async function photoStatesOfSubject(db: DbOrTx, subjectId: string) {
  return db
    .select({ id: photos.id, status: photos.status })
    .from(photoSubjects)
    .innerJoin(photos, eq(photos.id, photoSubjects.photoId))
    .where(eq(photoSubjects.subjectId, subjectId))
}

/** The photos a person is in, locked FOR UPDATE (the photo rows only) in id order, with their status and original's key. */
export async function photosOfSubjectForUpdate(db: DbOrTx, subjectId: string) {
  return db
    .select({ id: photos.id, status: photos.status, wrappedKey: photos.originalWrappedKey })
    .from(photoSubjects)
    .innerJoin(photos, eq(photos.id, photoSubjects.photoId))
    .where(eq(photoSubjects.subjectId, subjectId))
    .orderBy(asc(photos.id))
    .for('update', { of: photos })
}

/** The ids of the erased photos a person is in. */
export async function erasedPhotoIdsOfSubject(db: DbOrTx, subjectId: string): Promise<string[]> {
  const rows = await db
    .select({ id: photos.id })
    .from(photoSubjects)
    .innerJoin(photos, eq(photos.id, photoSubjects.photoId))
    .where(and(eq(photoSubjects.subjectId, subjectId), isNotNull(photos.erasedAt)))
  return rows.map((r) => r.id)
}

/**
 * Of these (photo, person) pairs, those still linked where the photo is not withdrawn or the person's
 * current consent is not (one query for all).
 */
export async function pairsNotYetWithdrawn(db: DbOrTx, pairs: { photoId: string; subjectId: string }[]) {
  if (pairs.length === 0) return []
  const values = sql.join(
    pairs.map((w) => sql`(${w.photoId}::uuid, ${w.subjectId}::uuid)`),
    sql`, `,
  )
  return rowsOf<{ photo_id: string; subject_id: string }>(
    await db.execute(sql`
      select ps.photo_id, ps.subject_id from (values ${values}) as w(photo_id, subject_id)
      join photo_subjects ps on ps.photo_id = w.photo_id and ps.subject_id = w.subject_id
      join photos p on p.id = ps.photo_id
      where p.status <> 'withdrawn'
         or coalesce((select c.state from consents c where c.photo_id = ps.photo_id and c.subject_id = ps.subject_id order by c.version desc limit 1), 'active') <> 'withdrawn'`),
  )
}
