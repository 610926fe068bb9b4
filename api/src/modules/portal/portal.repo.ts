/** portal's data access: the only file that queries portal_links (only token hashes are stored). No rules here: the service decides. */
import { and, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { portalLinks } from './portal.table.ts'

/** Revokes the person's live links; returns their ids. */
export async function revokeLiveLinksOf(db: DbOrTx, subjectId: string): Promise<string[]> {
  const rows = await db
    .update(portalLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(portalLinks.subjectId, subjectId), isNull(portalLinks.revokedAt)))
    .returning({ id: portalLinks.id })
  return rows.map((r) => r.id)
}

/** Revokes those of these links still live; returns their ids. */
export async function revokeLinks(db: DbOrTx, ids: string[]): Promise<string[]> {
  const rows = await db
    .update(portalLinks)
    .set({ revokedAt: new Date() })
    .where(and(inArray(portalLinks.id, ids), isNull(portalLinks.revokedAt)))
    .returning({ id: portalLinks.id })
  return rows.map((r) => r.id)
}

export async function insertLink(db: DbOrTx, link: { subjectId: string; tokenHash: string; createdBy: string; expiresAt: Date }): Promise<void> {
  await db.insert(portalLinks).values(link)
}

/** The person's newest link, whatever its state. */
export async function latestLinkOf(db: DbOrTx, subjectId: string) {
  const [link] = await db.select().from(portalLinks).where(eq(portalLinks.subjectId, subjectId)).orderBy(sql`${portalLinks.createdAt} desc`).limit(1)
  return link
}

/** The live, unexpired link with this token hash, marked used now; undefined when there is none. */
export async function liveLinkUsedNow(db: DbOrTx, tokenHash: string): Promise<{ subjectId: string } | undefined> {
  const [link] = await db
    .update(portalLinks)
    .set({ lastUsedAt: new Date() })
    .where(and(eq(portalLinks.tokenHash, tokenHash), isNull(portalLinks.revokedAt), gt(portalLinks.expiresAt, sql`now()`)))
    .returning({ subjectId: portalLinks.subjectId })
  return link
}
