import crypto from 'node:crypto'
import type { Db, Tx } from '../../db/client.ts'
import { problems } from '../../platform/problems.ts'
import type { AuditActor, AuditLog } from '../audit/index.ts'
import { authRepo, type AuthService } from '../auth/index.ts'
import type { ApiKeyService } from './desks.keys.ts'
import { desksProblems } from './desks.problems.ts'
import * as desksRepo from './desks.repo.ts'
import type { MemberRole, organisations } from './desks.table.ts'

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
    const rows = await desksRepo.membersWithOrganisation(this.deps.db)
    return new Map(rows.map((r) => [r.userId, { id: r.id, name: r.name }]))
  }

  async create(input: { name: string; noticeEmail?: string | null; enable?: boolean }, actor: AuditActor): Promise<OrganisationView> {
    const name = input.name.trim()
    if (!name) throw problems.validation('The name must not be empty.', [{ path: '/name', message: 'empty' }])
    const noticeEmail = this.#email(input.noticeEmail)
    const id = await this.deps.db.transaction(async (tx) => {
      const row = await desksRepo.insertOrganisation(tx, { name, noticeEmail, enabledAt: input.enable ? new Date() : null })
      await this.deps.audit.append(tx, { type: 'organisation.created', actor, data: { organisationId: row.id } })
      if (input.enable) await this.deps.audit.append(tx, { type: 'organisation.enabled', actor, data: { organisationId: row.id } })
      return row.id
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
      const row = await desksRepo.updateOrganisation(this.deps.db, id, set)
      if (!row) throw desksProblems.organisationNotFound()
      // The keys' cached principals carry the name.
      this.deps.keys.forgetOrganisation(id)
    }
    return this.get(id)
  }

  /** Enables (vets) or disables. Idempotent: no change, no audit event. */
  async setEnabled(id: string, enabled: boolean, actor: AuditActor): Promise<OrganisationView> {
    await this.deps.db.transaction(async (tx) => {
      const org = await desksRepo.organisationEnabledAt(tx, id, { lock: 'update' })
      if (!org) throw desksProblems.organisationNotFound()
      if ((org.enabledAt !== null) === enabled) return
      await desksRepo.setOrganisationEnabled(tx, id, enabled)
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
      const org = await desksRepo.lockOrganisation(tx, organisationId)
      if (!org) throw desksProblems.organisationNotFound()
      let userId: string
      if ('userId' in input) {
        const user = await authRepo.userRole(tx, input.userId)
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
      const row = await desksRepo.insertMember(tx, { userId, organisationId, role })
      if (!row) throw desksProblems.alreadyMember()
      await this.deps.audit.append(tx, { type: 'organisation.member-added', actor, data: { organisationId, userId, role } })
      return userId
    })
    const member = await this.#member(this.deps.db, organisationId, userId)
    return { ...member!, ...(initialPassword ? { initialPassword } : {}) }
  }

  async removeMember(organisationId: string, userId: string, actor: AuditActor): Promise<void> {
    await this.deps.db.transaction(async (tx) => {
      const row = await desksRepo.deleteMember(tx, organisationId, userId)
      if (!row) throw desksProblems.memberNotFound()
      await this.deps.audit.append(tx, { type: 'organisation.member-removed', actor, data: { organisationId, userId } })
    })
  }

  async members(organisationId: string): Promise<MemberView[]> {
    await this.get(organisationId)
    const rows = await desksRepo.membersOf(this.deps.db, organisationId)
    return rows.map((r) => ({ ...r, since: r.since.toISOString() }))
  }

  /** Whether this user may manage the organisation's keys: a manager of it, while it is enabled. */
  async isManager(userId: string, organisationId: string): Promise<boolean> {
    const row = await desksRepo.enabledMemberRole(this.deps.db, userId, organisationId)
    return row?.role === 'manager'
  }

  async #member(db: Db | Tx, organisationId: string, userId: string): Promise<MemberView | undefined> {
    const r = await desksRepo.memberOf(db, organisationId, userId)
    return r && { ...r, since: r.since.toISOString() }
  }

  async #select(id?: string): Promise<OrganisationView[]> {
    const rows = await desksRepo.organisationsWithCounts(this.deps.db, id)
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
