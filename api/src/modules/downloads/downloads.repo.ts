/**
 * The downloads module's table (download_grants): every statement on it, wherever it is asked from (the
 * notices' fan-out, the person's portal). Rows in, rows out; the services decide. The portal's list reads
 * the organisation's name by a read-only join.
 */
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { organisations } from '../desks/desks.table.ts'
import { downloadGrants } from './downloads.table.ts'

export type GrantRow = typeof downloadGrants.$inferSelect

export async function insertGrant(db: DbOrTx, values: typeof downloadGrants.$inferInsert): Promise<GrantRow> {
  const [grant] = await db.insert(downloadGrants).values(values).returning()
  return grant!
}

export async function grantById(db: DbOrTx, id: string): Promise<GrantRow | undefined> {
  const [grant] = await db.select().from(downloadGrants).where(eq(downloadGrants.id, id)).limit(1)
  return grant
}

export async function setPublication(db: DbOrTx, id: string, publicationUrl: string | null): Promise<GrantRow | undefined> {
  const [row] = await db.update(downloadGrants).set({ publicationUrl, publicationReportedAt: new Date() }).where(eq(downloadGrants.id, id)).returning()
  return row
}

/**
 * An organisation's grants, newest first, at most `limit`; after a keyset position (the last of the
 * previous page) when one is given.
 */
export async function grantsOfOrganisation(db: DbOrTx, organisationId: string, limit: number, after?: { at: Date; id: string }): Promise<GrantRow[]> {
  const conds = [eq(downloadGrants.organisationId, organisationId)]
  if (after) conds.push(or(lt(downloadGrants.createdAt, after.at), and(eq(downloadGrants.createdAt, after.at), lt(downloadGrants.id, after.id)))!)
  return db
    .select()
    .from(downloadGrants)
    .where(and(...conds))
    .orderBy(desc(downloadGrants.createdAt), desc(downloadGrants.id))
    .limit(limit)
}

/** The photo's grants grouped by everything the gate asks about a link's holder, with how many each. */
export async function grantGroupsOfPhoto(db: DbOrTx, photoId: string) {
  return db
    .select({
      use: downloadGrants.use,
      channel: downloadGrants.channel,
      topic: downloadGrants.topic,
      licence: downloadGrants.licence,
      organisationId: downloadGrants.organisationId,
      apiKeyId: downloadGrants.apiKeyId,
      requestedBy: downloadGrants.requestedBy,
      n: sql<number>`count(*)::int`,
    })
    .from(downloadGrants)
    .where(eq(downloadGrants.photoId, photoId))
    .groupBy(
      downloadGrants.use,
      downloadGrants.channel,
      downloadGrants.topic,
      downloadGrants.licence,
      downloadGrants.organisationId,
      downloadGrants.apiKeyId,
      downloadGrants.requestedBy,
    )
}

/** Every organisation that holds a grant for the photo (who is owed a takedown notice), by id. */
export async function organisationsHoldingPhoto(db: DbOrTx, photoId: string): Promise<string[]> {
  const rows = rowsOf<{ organisation_id: string }>(
    await db.execute(sql`select distinct organisation_id from download_grants where photo_id = ${photoId} order by organisation_id`),
  )
  return rows.map((r) => r.organisation_id)
}

/** What was downloaded of these photos, by whom (the organisation's name) and for what, oldest first. */
export async function usageOfPhotos(db: DbOrTx, photoIds: string[]) {
  return db
    .select({
      photoId: downloadGrants.photoId,
      organisation: organisations.name,
      outlet: downloadGrants.outlet,
      headline: downloadGrants.headline,
      use: downloadGrants.use,
      channel: downloadGrants.channel,
      topic: downloadGrants.topic,
      at: downloadGrants.createdAt,
      publicationUrl: downloadGrants.publicationUrl,
    })
    .from(downloadGrants)
    .innerJoin(organisations, eq(organisations.id, downloadGrants.organisationId))
    .where(inArray(downloadGrants.photoId, photoIds))
    .orderBy(downloadGrants.createdAt)
}
