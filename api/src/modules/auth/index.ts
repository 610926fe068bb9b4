/**
 * auth: accounts, passwords (argon2id), sessions (bearer token or cookie + CSRF) and role checks.
 * Must never: log or return e-mail addresses, passwords or tokens; store a token unhashed; let an
 * anonymous request change data.
 */
export * from './auth.service.ts'
export { AuthCache } from './auth.cache.ts'
export * from './auth.plugin.ts'
export { authRoutes } from './auth.routes.ts'
export * as authRepo from './auth.repo.ts'
export { ROLES, type Role } from './auth.roles.ts'
export type { UserRow } from './auth.repo.ts'
export { UsersAdmin, STAFF_ROLES, type UserView } from './auth.users.ts'
export { usersRoutes } from './auth.users.routes.ts'
