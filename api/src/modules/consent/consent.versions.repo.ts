/**
 * consent's data access for consent versions, proposals and renewal questions (consents,
 * consent_proposals, renewal_requests); re-exported by consent.repo.ts. Versions are only ever inserted
 * (or deleted with a person removed by mistake), never updated. No rules here: services decide.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { consentProposals, consents, renewalRequests } from './consent.table.ts'

type NewConsent = typeof consents.$inferInsert
type NewProposal = typeof consentProposals.$inferInsert

// ---- consent versions --------------------------------------------------------------------------------

/** The current (highest) version of every person's consent in these photos, as the database sends it (snake case). */
export async function currentConsentRows(db: DbOrTx, photoIds: string[]): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`select distinct on (photo_id, subject_id) * from consents where photo_id in ${photoIds} order by photo_id, subject_id, version desc`),
  )
}

/** The current version of one person's consent in one photo. */
export async function currentVersion(db: DbOrTx, photoId: string, subjectId: string) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.photoId, photoId), eq(consents.subjectId, subjectId)))
    .orderBy(sql`${consents.version} desc`)
    .limit(1)
  return row
}

export async function insertVersion(db: DbOrTx, values: NewConsent) {
  const [row] = await db.insert(consents).values(values).returning()
  return row!
}

/** Whether the person ever wrote a version of their consent in this photo themselves. */
export async function personHasWritten(db: DbOrTx, photoId: string, subjectId: string): Promise<boolean> {
  const [row] = await db
    .select({ version: consents.version })
    .from(consents)
    .where(and(eq(consents.photoId, photoId), eq(consents.subjectId, subjectId), eq(consents.author, 'person')))
    .limit(1)
  return !!row
}

/** Every version of every consent in a photo, by person, oldest first. */
export async function consentHistoryOfPhoto(db: DbOrTx, photoId: string) {
  return db.select().from(consents).where(eq(consents.photoId, photoId)).orderBy(asc(consents.subjectId), asc(consents.version))
}

/** Deletes every version of one person's consent in one photo; returns how many. */
export async function deleteConsentsOfPerson(db: DbOrTx, photoId: string, subjectId: string): Promise<number> {
  const versions = await db
    .delete(consents)
    .where(and(eq(consents.photoId, photoId), eq(consents.subjectId, subjectId)))
    .returning({ version: consents.version })
  return versions.length
}

/** (photo, person) of every consent whose current version is active and ended before `today`. */
export async function activeConsentsEndedBefore(db: DbOrTx, today: string) {
  return rowsOf<{ photo_id: string; subject_id: string }>(
    await db.execute(sql`
      select photo_id, subject_id from (
        select distinct on (photo_id, subject_id) photo_id, subject_id, state, valid_until
        from consents order by photo_id, subject_id, version desc) c
      where c.state = 'active' and c.valid_until < ${today}::date`),
  )
}

// ---- renewal questions -------------------------------------------------------------------------------

/**
 * A renewal question for every current, active consent (of a photo not withdrawn) whose last day lies
 * within [today, horizon], unless this person was asked about that last day already; one per version.
 * Returns the questions made (photo and last day).
 */
export async function insertRenewalRequestsDue(db: DbOrTx, today: string, horizon: string) {
  return rowsOf<{ photo_id: string; valid_until: string | Date }>(
    await db.execute(sql`
      with current as (
        select distinct on (photo_id, subject_id) photo_id, subject_id, version, state, valid_until
        from consents order by photo_id, subject_id, version desc)
      insert into renewal_requests (photo_id, subject_id, consent_version, valid_until)
      select c.photo_id, c.subject_id, c.version, c.valid_until
      from current c join photos p on p.id = c.photo_id
      where c.state = 'active' and p.status <> 'withdrawn'
        and c.valid_until >= ${today}::date and c.valid_until <= ${horizon}::date
        and not exists (select 1 from renewal_requests r
                        where r.photo_id = c.photo_id and r.subject_id = c.subject_id and r.valid_until = c.valid_until)
      on conflict (photo_id, subject_id, consent_version) do nothing
      returning photo_id, valid_until::text as valid_until`),
  )
}

/** Marks the person's open renewal questions about this photo answered. */
export async function answerRenewalRequests(db: DbOrTx, photoId: string, subjectId: string): Promise<void> {
  await db
    .update(renewalRequests)
    .set({ answeredAt: new Date() })
    .where(and(eq(renewalRequests.photoId, photoId), eq(renewalRequests.subjectId, subjectId), isNull(renewalRequests.answeredAt)))
}

/** The person's open renewal questions. */
export async function openRenewalRequests(db: DbOrTx, subjectId: string) {
  return db
    .select({ photoId: renewalRequests.photoId, validUntil: renewalRequests.validUntil, createdAt: renewalRequests.createdAt })
    .from(renewalRequests)
    .where(and(eq(renewalRequests.subjectId, subjectId), isNull(renewalRequests.answeredAt)))
}

export async function deleteRenewalRequestsOfPerson(db: DbOrTx, photoId: string, subjectId: string): Promise<void> {
  await db.delete(renewalRequests).where(and(eq(renewalRequests.photoId, photoId), eq(renewalRequests.subjectId, subjectId)))
}

export async function deleteRenewalRequestsOfPhoto(db: DbOrTx, photoId: string): Promise<void> {
  await db.delete(renewalRequests).where(eq(renewalRequests.photoId, photoId))
}

// ---- proposals ---------------------------------------------------------------------------------------

/** Marks the open proposal about this person in this photo superseded; returns the ids of those it marked. */
export async function supersedeOpenProposals(db: DbOrTx, photoId: string, subjectId: string): Promise<string[]> {
  const rows = await db
    .update(consentProposals)
    .set({ state: 'superseded', decidedAt: new Date() })
    .where(and(eq(consentProposals.photoId, photoId), eq(consentProposals.subjectId, subjectId), eq(consentProposals.state, 'pending')))
    .returning({ id: consentProposals.id })
  return rows.map((r) => r.id)
}

export async function insertProposal(db: DbOrTx, values: NewProposal) {
  const [row] = await db.insert(consentProposals).values(values).returning()
  return row!
}

/** Proposals for these photos (and this person), newest first. */
export async function proposalsOf(db: DbOrTx, photoIds: string[], subjectId?: string) {
  return db
    .select()
    .from(consentProposals)
    .where(and(inArray(consentProposals.photoId, photoIds), subjectId ? eq(consentProposals.subjectId, subjectId) : undefined))
    .orderBy(sql`${consentProposals.createdAt} desc`)
}

/** Whose proposal it is (photo and person), without locking it. */
export async function proposalOwner(db: DbOrTx, id: string) {
  const [found] = await db
    .select({ photoId: consentProposals.photoId, subjectId: consentProposals.subjectId })
    .from(consentProposals)
    .where(eq(consentProposals.id, id))
    .limit(1)
  return found
}

/** The proposal, locked FOR UPDATE. */
export async function proposalForUpdate(db: DbOrTx, id: string) {
  const [p] = await db.select().from(consentProposals).where(eq(consentProposals.id, id)).limit(1).for('update')
  return p
}

/** Records the answer to a proposal; returns it as it is now. */
export async function decideProposal(db: DbOrTx, id: string, decided: { state: 'accepted' | 'declined'; decidedAt: Date; acceptedVersion?: number }) {
  const [row] = await db.update(consentProposals).set(decided).where(eq(consentProposals.id, id)).returning()
  return row
}
