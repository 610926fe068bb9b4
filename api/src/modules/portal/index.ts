/**
 * portal: the model's own view, opened with a personal link (no account, no e-mail, no legal name): their
 * photos, their consent in plain words, who used them; change the scope, renew before expiry, withdraw, ask
 * for erasure.
 * Must never: store a token unhashed, show anything of another person, or need anything that identifies them.
 */
export { PortalService, portalProblems, TOKEN_PREFIX } from './portal.service.ts'
export { portalAdminRoutes, portalRoutes } from './portal.routes.ts'
export * as portalRepo from './portal.repo.ts'
