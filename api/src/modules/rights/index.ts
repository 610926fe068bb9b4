/**
 * rights: what anyone outside may check about a photo's rights, now: the live rights check every file's
 * Web Statement of Rights points at (/rights/:photoId, /rights/grants/:grantId, page and JSON), and the
 * public IIIF manifest of a photo anyone may preview.
 * Must never: say anything about the people pictured (names, pseudonyms, how many, their words), or
 * about a photo that was never published (404, as for an id that never existed); cache an answer.
 */
export { RightsService, rightsProblems, TAKEDOWN_HOURS, type PhotoRightsView, type GrantRightsView } from './rights.service.ts'
export { rightsRoutes } from './rights.routes.ts'
export { iiifRights, IN_COPYRIGHT, photoManifest } from './rights.iiif.ts'
export { deedPage, esc } from './rights.page.ts'
