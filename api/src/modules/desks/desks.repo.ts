/**
 * The desks module's tables (organisations, organisation_members, api_keys): every statement on them,
 * wherever it is asked from (the gate's signed-link check, webhooks, downloads, the ledger re-apply, the
 * demo seed). Rows in, rows out; the services decide. Members read their user's name and state by a
 * read-only join.
 */
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { users } from '../auth/auth.table.ts'
import { apiKeys, organisationMembers, organisations } from './desks.table.ts'

export type OrganisationRow = typeof organisations.$inferSelect
export type ApiKeyRow = typeof apiKeys.$inferSelect

// ---- organisations ---------------------------------------------------------------------------------

/** The organisation's row locked FOR UPDATE (its keys, members and endpoints change one at a time). */
export async function lockOrganisation(db: DbOrTx, id: string): Promise<{ id: string } | undefined> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for('update')
  return org
}

export async function organisationById(db: DbOrTx, id: string): Promise<{ id: string } | undefined> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).limit(1)
  return org
}

export async function organisationName(db: DbOrTx, id: string): Promise<{ name: string } | undefined> {
  const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id)).limit(1)
  return org
}

/** Where the organisation's takedown notices go by e-mail (null: nowhere). */
export async function organisationNoticeEmail(db: DbOrTx, id: string): Promise<{ noticeEmail: string | null } | undefined> {
  const [org] = await db.select({ noticeEmail: organisations.noticeEmail }).from(organisations).where(eq(organisations.id, id)).limit(1)
  return org
}

/** When the organisation was enabled (null: it is not); with `lock`, its row locked FOR UPDATE. */
export async function organisationEnabledAt(db: DbOrTx, id: string, opts?: { lock?: 'update' }): Promise<{ enabledAt: Date | null } | undefined> {
  const q = db.select({ enabledAt: organisations.enabledAt }).from(organisations).where(eq(organisations.id, id))
  const [org] = opts?.lock ? await q.for('update') : await q.limit(1)
  return org
}

export async function insertOrganisation(db: DbOrTx, values: typeof organisations.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id })
  return row!
}

export async function updateOrganisation(db: DbOrTx, id: string, set: Partial<typeof organisations.$inferInsert>): Promise<{ id: string } | undefined> {
  const [row] = await db.update(organisations).set(set).where(eq(organisations.id, id)).returning({ id: organisations.id })
  return row
}

export async function setOrganisationEnabled(db: DbOrTx, id: string, enabled: boolean): Promise<void> {
  await db
    .update(organisations)
    .set({ enabledAt: enabled ? new Date() : null })
    .where(eq(organisations.id, id))
}

/** Organisations (one, or all oldest first) with their member count and active (unrevoked) key count. */
export async function organisationsWithCounts(db: DbOrTx, id?: string) {
  const memberCount = db
    .select({ organisationId: organisationMembers.organisationId, n: count().as('members_n') })
    .from(organisationMembers)
    .groupBy(organisationMembers.organisationId)
    .as('m')
  const keyCount = db
    .select({ organisationId: apiKeys.organisationId, n: count().as('keys_n') })
    .from(apiKeys)
    .where(isNull(apiKeys.revokedAt))
    .groupBy(apiKeys.organisationId)
    .as('k')
  return db
    .select({ org: organisations, members: memberCount.n, keys: keyCount.n })
    .from(organisations)
    .leftJoin(memberCount, eq(memberCount.organisationId, organisations.id))
    .leftJoin(keyCount, eq(keyCount.organisationId, organisations.id))
    .where(id ? eq(organisations.id, id) : undefined)
    .orderBy(asc(organisations.createdAt), asc(organisations.id))
}

// ---- members ---------------------------------------------------------------------------------------

/** Every member with their organisation's id and name. */
export async function membersWithOrganisation(db: DbOrTx) {
  return db
    .select({ userId: organisationMembers.userId, id: organisations.id, name: organisations.name })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
}

/** Undefined when the user is a member (of any organisation) already. */
export async function insertMember(db: DbOrTx, values: typeof organisationMembers.$inferInsert): Promise<{ userId: string } | undefined> {
  const [row] = await db.insert(organisationMembers).values(values).onConflictDoNothing().returning({ userId: organisationMembers.userId })
  return row
}

export async function deleteMember(db: DbOrTx, organisationId: string, userId: string): Promise<{ userId: string } | undefined> {
  const [row] = await db
    .delete(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
    .returning({ userId: organisationMembers.userId })
  return row
}

const memberColumns = {
  userId: organisationMembers.userId,
  displayName: users.displayName,
  role: organisationMembers.role,
  since: organisationMembers.createdAt,
}

/** An organisation's members with their display names, longest-standing first. */
export async function membersOf(db: DbOrTx, organisationId: string) {
  return db
    .select(memberColumns)
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.createdAt), asc(organisationMembers.userId))
}

export async function memberOf(db: DbOrTx, organisationId: string, userId: string) {
  const [r] = await db
    .select(memberColumns)
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
  return r
}

/** The user's role in the organisation, while the organisation is enabled. */
export async function enabledMemberRole(db: DbOrTx, userId: string, organisationId: string) {
  const [row] = await db
    .select({ role: organisationMembers.role })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId), sql`${organisations.enabledAt} is not null`))
  return row
}

/** The membership, when the user is a member of the organisation and their account is not disabled. */
export async function activeMembership(db: DbOrTx, userId: string, organisationId: string): Promise<{ userId: string } | undefined> {
  const [member] = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId), sql`${users.disabledAt} is null`))
    .limit(1)
  return member
}

// ---- API keys --------------------------------------------------------------------------------------

/** Undefined when the prefix is taken (the caller tries another). */
export async function insertApiKey(db: DbOrTx, values: typeof apiKeys.$inferInsert): Promise<ApiKeyRow | undefined> {
  const [row] = await db.insert(apiKeys).values(values).onConflictDoNothing({ target: apiKeys.prefix }).returning()
  return row
}

export async function keysOfOrganisation(db: DbOrTx, organisationId: string): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.organisationId, organisationId)).orderBy(desc(apiKeys.createdAt), apiKeys.id)
}

const keyWhere = (keyId: string, organisationId: string | null) =>
  organisationId ? and(eq(apiKeys.id, keyId), eq(apiKeys.organisationId, organisationId)) : eq(apiKeys.id, keyId)

/** Revokes the key (of this organisation, when one is given); undefined when it is unknown or revoked already. */
export async function revokeKey(db: DbOrTx, keyId: string, organisationId: string | null): Promise<ApiKeyRow | undefined> {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(keyWhere(keyId, organisationId), isNull(apiKeys.revokedAt)))
    .returning()
  return row
}

export async function keyById(db: DbOrTx, keyId: string, organisationId: string | null): Promise<ApiKeyRow | undefined> {
  const [existing] = await db.select().from(apiKeys).where(keyWhere(keyId, organisationId))
  return existing
}

/** The key with this public prefix, and its organisation's name and state. */
export async function keyByPrefix(db: DbOrTx, prefix: string) {
  const [row] = await db
    .select({
      id: apiKeys.id,
      secretHash: apiKeys.secretHash,
      revokedAt: apiKeys.revokedAt,
      organisationId: apiKeys.organisationId,
      orgName: organisations.name,
      enabledAt: organisations.enabledAt,
    })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .where(eq(apiKeys.prefix, prefix))
    .limit(1)
  return row
}

export async function keyWithOrganisationName(db: DbOrTx, keyId: string): Promise<{ key: ApiKeyRow; orgName: string } | undefined> {
  const [row] = await db
    .select({ key: apiKeys, orgName: organisations.name })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .where(eq(apiKeys.id, keyId))
  return row
}

export async function touchKey(db: DbOrTx, keyId: string, at: Date): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId))
}

export async function keyRevokedAt(db: DbOrTx, keyId: string): Promise<{ revokedAt: Date | null } | undefined> {
  const [key] = await db.select({ revokedAt: apiKeys.revokedAt }).from(apiKeys).where(eq(apiKeys.id, keyId)).limit(1)
  return key
}

/** Which of these keys exist and are not revoked. */
export async function unrevokedKeys(db: DbOrTx, keyIds: string[]): Promise<{ id: string }[]> {
  return db
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .where(and(inArray(apiKeys.id, keyIds), isNull(apiKeys.revokedAt)))
}
