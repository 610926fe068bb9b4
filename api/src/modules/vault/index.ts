/**
 * vault: what identifies a person (legal name, contact, age-check result, signed release forms),
 * encrypted per record. Only the consent officer (admin) reads it, and every read is audited.
 * Must never: return its contents outside the admin's vault endpoints, put them in a log, a search
 * document, an export or an audit event, or keep an ID document.
 */
export { VaultService, vaultProblems, type VaultEntry, type VaultReadHook } from './vault.service.ts'
export { vaultRoutes } from './vault.routes.ts'
export * as vaultRepo from './vault.repo.ts'
