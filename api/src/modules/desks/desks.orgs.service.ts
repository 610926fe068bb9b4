import crypto from 'node:crypto'
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { problems } from '../../platform/problems.ts'
import type { AuditActor, AuditLog } from '../audit/index.ts'
import { users, type AuthService } from '../auth/index.ts'
import type { ApiKeyService } from './desks.keys.ts'
import { desksProblems } from './desks.problems.ts'
import { apiKeys, organisationMembers, organisations, type MemberRole } from './desks.table.ts'

export interface OrganisationView {
  id: string
  name: string
  enabled: boolean
  enabledAt: string | null
  createdAt: string
  noticeEmail: string | null
  members: number
  activeKeys: number
}

export interface MemberView {
  userId: string
  displayName: string
  role: MemberRole
  since: string
}

export type NewMember = { userId: string; role?: MemberRole } | { email: string; displayName: string; password?: string; role?: MemberRole }

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/

/**
 * Organisations (media outlets): made and vetted (enabled) by the admin, with their journalists as members.
 * Only an enabled organisation's keys and journalists act for it: disabling one stops both at once
 * (within the key cache's lifetime on other replicas).
 */
export class OrganisationsService {
  constructor(private readonly deps: { db: Db; audit: AuditLog; auth: AuthService; keys: ApiKeyService }) {}

  /** Each member's organisation (the admin's users screen shows it). */
  async ofUsers(): Promise<Map<string, { id: string; name: string }>> {
    const rows = await this.deps.db
      .select({ userId: organisationMembers.userId, id: organisations.id, name: organisations.name })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    return new Map(rows.map((r) => [r.userId, { id: r.id, name: r.name }]))
  }

  async create(input: { name: string; noticeEmail?: string | null; enable?: boolean }, actor: AuditActor): Promise<OrganisationView> {
    const name = input.name.trim()
    if (!name) throw problems.validation('The name must not be empty.', [{ path: '/name', message: 'empty' }])
    const noticeEmail = this.#email(input.noticeEmail)
    const id = await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(organisations)
        .values({ name, noticeEmail, enabledAt: input.enable ? new Date() : null })
        .returning({ id: organisations.id })
      await this.deps.audit.append(tx, { type: 'organisation.created', actor, data: { organisationId: row!.id } })
      if (input.enable) await this.deps.audit.append(tx, { type: 'organisation.enabled', actor, data: { organisationId: row!.id } })
      return row!.id
    })
    return this.get(id)
  }

  async list(): Promise<OrganisationView[]> {
    return this.#select()
  }

  async get(id: string): Promise<OrganisationView> {
    const [row] = await this.#select(id)
    if (!row) throw desksProblems.organisationNotFound()
    return row
  }

  async update(id: string, input: { name?: string; noticeEmail?: string | null }): Promise<OrganisationView> {
    const set: Partial<typeof organisations.$inferInsert> = {}
    if (input.name !== undefined) {
      set.name = input.name.trim()
      if (!set.name) throw problems.validation('The name must not be empty.', [{ path: '/name', message: 'empty' }])
    }
    if (input.noticeEmail !== undefined) set.noticeEmail = this.#email(input.noticeEmail)
    if (Object.keys(set).length) {
      const [row] = await this.deps.db.update(organisations).set(set).where(eq(organisations.id, id)).returning({ id: organisations.id })
      if (!row) throw desksProblems.organisationNotFound()
      // The keys' cached principals carry the name.
      this.deps.keys.forgetOrganisation(id)
    }
    return this.get(id)
  }

  /** Enables (vets) or disables. Idempotent: no change, no audit event. */
  async setEnabled(id: string, enabled: boolean, actor: AuditActor): Promise<OrganisationView> {
    await this.deps.db.transaction(async (tx) => {
      const [org] = await tx.select({ enabledAt: organisations.enabledAt }).from(organisations).where(eq(organisations.id, id)).for('update')
      if (!org) throw desksProblems.organisationNotFound()
      if ((org.enabledAt !== null) === enabled) return
      await tx
        .update(organisations)
        .set({ enabledAt: enabled ? new Date() : null })
        .where(eq(organisations.id, id))
      await this.deps.audit.append(tx, { type: enabled ? 'organisation.enabled' : 'organisation.disabled', actor, data: { organisationId: id } })
    })
    this.deps.keys.forgetOrganisation(id)
    return this.get(id)
  }

  /**
   * Adds a journalist: an existing user with the role journalist, or a new account made in the same
   * transaction (with a generated password when none is given, returned once).
   */
  async addMember(organisationId: string, input: NewMember, actor: AuditActor): Promise<MemberView & { initialPassword?: string }> {
    const role = input.role ?? 'member'
    let initialPassword: string | undefined
    const userId = await this.deps.db.transaction(async (tx) => {
      const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for('update')
      if (!org) throw desksProblems.organisationNotFound()
      let userId: string
      if ('userId' in input) {
        const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, input.userId))
        if (!user) throw desksProblems.userNotFound()
        if (user.role !== 'journalist') throw desksProblems.notJournalist()
        userId = input.userId
      } else {
        if (!input.password) initialPassword = crypto.randomBytes(18).toString('base64url')
        userId = (
          await this.deps.auth.createUser(
            { email: input.email, password: input.password ?? initialPassword!, role: 'journalist', displayName: input.displayName },
            tx,
          )
        ).id
      }
      const [row] = await tx
        .insert(organisationMembers)
        .values({ userId, organisationId, role })
        .onConflictDoNothing()
        .returning({ userId: organisationMembers.userId })
      if (!row) throw desksProblems.alreadyMember()
      await this.deps.audit.append(tx, { type: 'organisation.member-added', actor, data: { organisationId, userId, role } })
      return userId
    })
    const member = await this.#member(this.deps.db, organisationId, userId)
    return { ...member!, ...(initialPassword ? { initialPassword } : {}) }
  }

  async removeMember(organisationId: string, userId: string, actor: AuditActor): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const [row] = await tx
        .delete(organisationMembers)
        .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
        .returning({ userId: organisationMembers.userId })
      if (!row) throw desksProblems.memberNotFound()
      await this.deps.audit.append(tx, { type: 'organisation.member-removed', actor, data: { organisationId, userId } })
    })
  }

  async members(organisationId: string): Promise<MemberView[]> {
    await this.get(organisationId)
    const rows = await this.deps.db
      .select({ userId: organisationMembers.userId, displayName: users.displayName, role: organisationMembers.role, since: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(eq(organisationMembers.organisationId, organisationId))
      .orderBy(asc(organisationMembers.createdAt), asc(organisationMembers.userId))
    return rows.map((r) => ({ ...r, since: r.since.toISOString() }))
  }

  /** Whether this user may manage the organisation's keys: a manager of it, while it is enabled. */
  async isManager(userId: string, organisationId: string): Promise<boolean> {
    const [row] = await this.deps.db
      .select({ role: organisationMembers.role })
      .from(organisationMembers)
      .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
      .where(and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId), sql`${organisations.enabledAt} is not null`))
    return row?.role === 'manager'
  }

  async #member(db: Db | Tx, organisationId: string, userId: string): Promise<MemberView | undefined> {
    const [r] = await db
      .select({ userId: organisationMembers.userId, displayName: users.displayName, role: organisationMembers.role, since: organisationMembers.createdAt })
      .from(organisationMembers)
      .innerJoin(users, eq(users.id, organisationMembers.userId))
      .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)))
    return r && { ...r, since: r.since.toISOString() }
  }

  async #select(id?: string): Promise<OrganisationView[]> {
    const memberCount = this.deps.db
      .select({ organisationId: organisationMembers.organisationId, n: count().as('members_n') })
      .from(organisationMembers)
      .groupBy(organisationMembers.organisationId)
      .as('m')
    const keyCount = this.deps.db
      .select({ organisationId: apiKeys.organisationId, n: count().as('keys_n') })
      .from(apiKeys)
      .where(isNull(apiKeys.revokedAt))
      .groupBy(apiKeys.organisationId)
      .as('k')
    const rows = await this.deps.db
      .select({ org: organisations, members: memberCount.n, keys: keyCount.n })
      .from(organisations)
      .leftJoin(memberCount, eq(memberCount.organisationId, organisations.id))
      .leftJoin(keyCount, eq(keyCount.organisationId, organisations.id))
      .where(id ? eq(organisations.id, id) : undefined)
      .orderBy(asc(organisations.createdAt), asc(organisations.id))
    return rows.map(({ org, members, keys }) => ({
      id: org.id,
      name: org.name,
      enabled: org.enabledAt !== null,
      enabledAt: org.enabledAt?.toISOString() ?? null,
      createdAt: org.createdAt.toISOString(),
      noticeEmail: org.noticeEmail,
      members: Number(members ?? 0),
      activeKeys: Number(keys ?? 0),
    }))
  }

  #email(v: string | null | undefined): string | null {
    if (v === undefined || v === null || v.trim() === '') return null
    const email = v.trim().toLowerCase()
    if (!EMAIL.test(email)) throw problems.validation('The notice e-mail address is not valid.', [{ path: '/noticeEmail', message: 'not an e-mail address' }])
    return email
  }
}
