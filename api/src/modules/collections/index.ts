/**
 * collections: curators' ordered collections and exhibitions of published photos, the review queue, and
 * exports (a ZIP of large derivatives with credits, a IIIF Presentation 3.0 manifest).
 * Must never: put a photo into an exhibition whose consent (and licence) does not cover 'exhibition',
 * export or list as available a photo the gate does not show at that moment, export an original, or
 * write free text into the audit trail (ids and codes only).
 */
export * as collectionsRepo from './collections.repo.ts'
export { COLLECTION_KINDS, type CollectionItemRow, type CollectionKind, type CollectionRow } from './collections.repo.ts'
export { CollectionsService, MAX_ITEMS, SEARCH_UPSERT, type ExportPlan, type ExportEntry } from './collections.service.ts'
export { collectionsRoutes } from './collections.routes.ts'
export { collectionProblems, UNAVAILABLE_WORDS, type UnavailableReason } from './collections.problems.ts'
export { buildManifest, IIIF_CONTEXT, IN_COPYRIGHT } from './collections.iiif.ts'
export { creditsCsv, creditsJson, zipStream } from './collections.export.ts'
