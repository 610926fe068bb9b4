/**
 * The auth module's tables (users, sessions): every statement on them, wherever it is asked from. Rows in,
 * rows out; the services decide. A session's principal reads the member's organisation by a read-only join.
 */
import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { rowsOf, type DbOrTx } from '../../db/client.ts'
import { organisationMembers, organisations } from '../desks/desks.table.ts'
import { sessions, users } from './auth.table.ts'

export type UserRow = typeof users.$inferSelect

// ---- users ----------------------------------------------------------------------------------------

/** A new account; undefined when the e-mail address is taken. */
export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning({ id: users.id })
  return row
}

export async function userByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1)
  return user
}

export async function userRole(db: DbOrTx, id: string): Promise<{ role: UserRow['role'] } | undefined> {
  const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, id))
  return user
}

/** Every account for the admin's list: by role, then name. */
export async function listUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .orderBy(asc(users.role), asc(users.displayName), asc(users.id))
}

/** Disables (keeping the first time) or enables; undefined when there is no such user. */
export async function setUserDisabled(db: DbOrTx, id: string, disabled: boolean): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(users)
    .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
    .where(eq(users.id, id))
    .returning({ id: users.id })
  return row
}

export async function setUserPassword(db: DbOrTx, id: string, passwordHash: string): Promise<{ id: string } | undefined> {
  const [row] = await db.update(users).set({ passwordHash }).where(eq(users.id, id)).returning({ id: users.id })
  return row
}

export async function countUsers(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users`))
  return row?.n ?? 0
}

export async function countUsersWithEmail(db: DbOrTx, email: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users where email = ${email}`))
  return row?.n ?? 0
}

// ---- sessions -------------------------------------------------------------------------------------

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values)
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`)
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

/**
 * What an unexpired session's token hash stands for: its user, and the organisation the user is a member
 * of when that organisation is enabled (a disabled one's journalists act for nobody).
 */
export async function sessionPrincipal(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfHash: sessions.csrfHash,
      userId: users.id,
      role: users.role,
      displayName: users.displayName,
      disabledAt: users.disabledAt,
      organisationId: sql<string | null>`case when ${organisations.enabledAt} is not null then ${organisationMembers.organisationId} end`,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisationMembers, eq(organisationMembers.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)))
    .limit(1)
  return row
}
