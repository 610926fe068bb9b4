/**
 * desks: media outlets (organisations), their journalists and API keys (their download grants are
 * modules/downloads', the takedown notices owed to them modules/webhooks'). Keys are `ebk_…`, shown once, stored as SHA-256, accepted only in the
 * Authorization header. Must never: store or log a key in the clear; accept a key from a URL; let a revoked
 * key or a disabled organisation's key act (beyond the key cache's few seconds on another replica); notify
 * an organisation that did not download the photo.
 */
export * as desksRepo from './desks.repo.ts'
export type { ApiKeyRow, OrganisationRow } from './desks.repo.ts'
export type { MemberRole } from './desks.table.ts'
export { ApiKeyService, KEY_PREFIX, type ApiKeyView, type CurrentKey } from './desks.keys.ts'
export { OrganisationsService, type MemberView, type NewMember, type OrganisationView } from './desks.orgs.service.ts'
export { organisationRoutes } from './desks.orgs.routes.ts'
export { desksProblems } from './desks.problems.ts'
