/**
 * licences: the licence versions under licences/ (one licence.json and a Dutch and an English text per
 * version), validated at start into frozen values; their immutability once published (content hashes in
 * licence_versions; a changed published version stops the start); attribution and credit lines generated
 * from each licence's own templates.
 * Must never: let a published version change in place (a change is a new version), serve a licence that did
 * not validate, put a hand-typed attribution anywhere, or decide on its own what a person consented to (the
 * consent gate intersects a licence with consent; this module only says what a licence allows).
 */
export * from './licences.schema.ts'
export { canonicalJson, canonicalText, LICENCE_FILES, type FileHashes, type LicenceFile } from './licences.hash.ts'
export { LICENCES_DIR, LicenceLoadError, LicenceRegistry, licenceKind, loadLicences, type Licence, type LoadProblem } from './licences.registry.ts'
export { LicenceIntegrityError, verifyPublishedLicences, type LicenceChange } from './licences.integrity.ts'
export {
  attribution,
  attributions,
  cleanValue,
  creditLine,
  licenceLabel,
  parseTemplate,
  TemplateError,
  type Attribution,
  type AttributionInput,
} from './licences.attribution.ts'
export * as licencesRepo from './licences.repo.ts'
export type { LicenceVersionRow } from './licences.repo.ts'
export { licencesRoutes, licenceView, LicenceView } from './licences.routes.ts'
