/**
 * downloads: a media organisation's download of a photo for a stated use, channel, topic and outlet. Owns
 * the decision (the channel must fit the use; the consent gate's decideUse for the rest), the grant with the
 * exact licence version and the attribution given, the signed short-lived file URL, the grant lists and CSV
 * export per organisation, and the publication URL the person pictured then sees in their portal.
 * Must never: record a grant outside the effective permission (a refusal leaves one audit event of ids and
 * codes, nothing else), serve bytes for a grant whose photo the gate no longer shows, serve an original's
 * bytes (full size is a stripped re-encode by the media module), accept a URL scheme other than http(s),
 * or let one organisation see another's grants.
 */
export { DownloadsService, type GrantsHold } from './downloads.service.ts'
export { downloadProblems, type RefusalReason } from './downloads.problems.ts'
export { termsOf, type Granted } from './downloads.views.ts'
export * as downloadsRepo from './downloads.repo.ts'
export type { GrantRow } from './downloads.repo.ts'
export { downloadsRoutes } from './downloads.routes.ts'
export * from './downloads.schemas.ts'
