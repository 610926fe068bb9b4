/**
 * The admin's users screen: every account with its role and state, adding a staff account, disabling and
 * enabling one, and a new password. A disabled account's sessions end at once (deleted, and the session
 * cache dropped through the change feed); a new password ends them too. Generated passwords are returned
 * once and never stored in the clear. Journalists are added through their organisation (desks), since an
 * account without one can do nothing.
 */
import crypto from 'node:crypto'
import type { Db, DbOrTx } from '../../db/client.ts'
import { Problem, problems } from '../../platform/problems.ts'
import * as authRepo from './auth.repo.ts'
import type { Role } from './auth.roles.ts'
import type { AuthService, Principal } from './auth.service.ts'
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts'

/** The audit trail, as much of it as this needs (modules/audit). */
export interface UsersAudit {
  append(
    tx: DbOrTx,
    event: {
      type: 'user.created' | 'user.disabled' | 'user.enabled' | 'user.password-reset'
      actor: { kind: 'user'; id: string }
      data: Record<string, string>
    },
  ): Promise<unknown>
}

export interface UserView {
  id: string
  email: string
  displayName: string
  role: Role
  createdAt: string
  disabledAt: string | null
  organisation: { id: string; name: string } | null
}

export const STAFF_ROLES = ['admin', 'curator', 'photographer'] as const

export const usersProblems = {
  notFound: () => new Problem(404, 'user-not-found', 'User not found', 'There is no user with this id.'),
  self: () => new Problem(409, 'cannot-disable-self', 'You cannot disable yourself', 'Ask another admin to disable your account.'),
}

export class UsersAdmin {
  constructor(
    private readonly deps: {
      db: Db
      auth: AuthService
      audit: UsersAudit
      /** Each journalist's organisation (modules/desks owns them). */
      organisationsOf: () => Promise<Map<string, { id: string; name: string }>>
    },
  ) {}

  async list(): Promise<UserView[]> {
    const rows = await authRepo.listUsers(this.deps.db)
    const orgs = await this.deps.organisationsOf()
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      role: r.role,
      createdAt: r.createdAt.toISOString(),
      disabledAt: r.disabledAt?.toISOString() ?? null,
      organisation: orgs.get(r.id) ?? null,
    }))
  }

  async get(id: string): Promise<UserView> {
    const found = (await this.list()).find((u) => u.id === id)
    if (!found) throw usersProblems.notFound()
    return found
  }

  /** A staff account; without a password one is made and returned once. */
  async create(
    input: { email: string; displayName: string; role: (typeof STAFF_ROLES)[number]; password?: string },
    actor: Principal,
  ): Promise<UserView & { initialPassword?: string }> {
    const initialPassword = input.password ? undefined : crypto.randomBytes(18).toString('base64url')
    const { id } = await this.deps.db.transaction(async (tx) => {
      const created = await this.deps.auth.createUser(
        { email: input.email, displayName: input.displayName, role: input.role, password: input.password ?? initialPassword! },
        tx,
      )
      await this.deps.audit.append(tx, { type: 'user.created', actor: { kind: 'user', id: actor.userId }, data: { userId: created.id, role: input.role } })
      return created
    })
    return { ...(await this.get(id)), ...(initialPassword ? { initialPassword } : {}) }
  }

  async setDisabled(id: string, disabled: boolean, actor: Principal): Promise<UserView> {
    if (disabled && id === actor.userId) throw usersProblems.self()
    try {
      await this.deps.db.transaction(async (tx) => {
        const row = await authRepo.setUserDisabled(tx, id, disabled)
        if (!row) throw usersProblems.notFound()
        if (disabled) await authRepo.deleteSessionsOfUser(tx, id)
        await this.deps.audit.append(tx, { type: disabled ? 'user.disabled' : 'user.enabled', actor: { kind: 'user', id: actor.userId }, data: { userId: id } })
      })
    } finally {
      this.deps.auth.cache.clear()
    }
    return this.get(id)
  }

  /** A new password, returned once; every session of the account ends. */
  async resetPassword(id: string, actor: Principal): Promise<{ id: string; initialPassword: string }> {
    const initialPassword = crypto.randomBytes(18).toString('base64url')
    if (initialPassword.length < MIN_PASSWORD_LENGTH) throw problems.internal()
    const passwordHash = await hashPassword(initialPassword)
    try {
      await this.deps.db.transaction(async (tx) => {
        const row = await authRepo.setUserPassword(tx, id, passwordHash)
        if (!row) throw usersProblems.notFound()
        await authRepo.deleteSessionsOfUser(tx, id)
        await this.deps.audit.append(tx, { type: 'user.password-reset', actor: { kind: 'user', id: actor.userId }, data: { userId: id } })
      })
    } finally {
      this.deps.auth.cache.clear()
    }
    return { id, initialPassword }
  }
}
