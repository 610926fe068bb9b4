import type { Db, DbOrTx } from '../../db/client.ts'
import { randomToken, sha256 } from '../../platform/crypto.ts'
import { Problem, problems } from '../../platform/problems.ts'
import { AuthCache } from './auth.cache.ts'
import * as authRepo from './auth.repo.ts'
import { type Role, ROLES } from './auth.roles.ts'
import { dummyHash, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts'

export interface Principal {
  /** The user; for an API key (via 'apikey') the key's own id, as is sessionId: a key is not a person. */
  userId: string
  role: Role
  displayName: string
  sessionId: string
  /** How the request authenticated: a cookie needs CSRF protection, a bearer header does not. */
  via: 'bearer' | 'cookie' | 'apikey'
  /** The organisation (media outlet) the caller acts for: a journalist's, or an API key's; null otherwise. */
  organisationId: string | null
}

export interface NewUser {
  email: string
  password: string
  role: Role
  displayName?: string
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly sessionTtlHours: number,
    /** Resolved sessions while the change feed is heard (auth.cache.ts); without it every check reads the database. */
    readonly cache: AuthCache<Principal & { csrfHash: string }> = new AuthCache({ maxAgeMs: 0 }),
  ) {}

  /** Creates an account; pass a transaction to make it part of a larger change (a journalist with their membership). */
  async createUser(input: NewUser, db: DbOrTx = this.db): Promise<{ id: string }> {
    const email = input.email.trim().toLowerCase()
    if (!EMAIL.test(email)) throw problems.validation('The e-mail address is not valid.', [{ path: '/email', message: 'not an e-mail address' }])
    if (!ROLES.includes(input.role)) throw problems.validation(`The role must be one of ${ROLES.join(', ')}.`, [{ path: '/role', message: 'unknown role' }])
    if (input.password.length < MIN_PASSWORD_LENGTH)
      throw problems.validation(`The password must have at least ${MIN_PASSWORD_LENGTH} characters.`, [{ path: '/password', message: 'too short' }])
    const displayName = (input.displayName ?? email.split('@')[0] ?? 'user').trim().slice(0, 80)
    const passwordHash = await hashPassword(input.password)
    const row = await authRepo.insertUser(db, { email, passwordHash, role: input.role, displayName })
    if (!row) throw problems.conflict('user-exists', 'User exists', 'A user with this e-mail address exists already.')
    return row
  }

  /** Checks the password and opens a session. Unknown e-mail and wrong password answer alike, in like time. */
  async login(
    emailInput: string,
    password: string,
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date; user: { id: string; role: Role; displayName: string } }> {
    const email = emailInput.trim().toLowerCase()
    const user = await authRepo.userByEmail(this.db, email)
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false)
    if (!user || !ok || user.disabledAt) {
      throw new Problem(401, 'invalid-credentials', 'Invalid e-mail address or password', 'The e-mail address or the password is not right.')
    }
    const token = `ebs_${randomToken(32)}`
    const csrfToken = randomToken(24)
    const expiresAt = new Date(Date.now() + this.sessionTtlHours * 3_600_000)
    await authRepo.insertSession(this.db, { tokenHash: sha256(token), csrfHash: sha256(csrfToken), userId: user.id, expiresAt })
    // Expired sessions are swept as a side effect of logging in: cheap, and keeps the table small.
    await authRepo.deleteExpiredSessions(this.db)
    return { token, csrfToken, expiresAt, user: { id: user.id, role: user.role, displayName: user.displayName } }
  }

  async authenticate(token: string, via: Principal['via']): Promise<(Principal & { csrfHash: string }) | null> {
    if (!token.startsWith('ebs_') || token.length > 200) return null
    const hash = sha256(token)
    const cached = this.cache.get(hash)
    if (cached) return { ...cached, via }
    const generation = this.cache.generation
    // Only an enabled (vetted) organisation counts: a disabled one's journalists act for nobody.
    const row = await authRepo.sessionPrincipal(this.db, hash)
    if (!row || row.disabledAt) return null
    const principal = {
      userId: row.userId,
      role: row.role,
      displayName: row.displayName,
      sessionId: row.sessionId,
      csrfHash: row.csrfHash,
      via,
      organisationId: row.organisationId ?? null,
    }
    this.cache.set(hash, principal, generation, row.expiresAt.getTime())
    return { ...principal }
  }

  async logout(sessionId: string): Promise<void> {
    try {
      await authRepo.deleteSession(this.db, sessionId)
    } finally {
      // At once in this process; the change feed tells the others.
      this.cache.clear()
    }
  }
}
