/**
 * photos: upload, the photo record, its derivatives and serving them, and its lifecycle: review and
 * publication (submit, the checklist, what blocks publishing, publish). Its tables are queried only in
 * photos.repo.ts (photosRepo).
 * Must never: serve or log the original or its metadata, keep an upload's filename, show a draft to
 * anyone but its photographer and the staff, or store anything for an upload that was refused.
 */
export { PhotosService, type ServedDerivative } from './photos.service.ts'
export type { Lang, RightsGrant } from './photos.rights.ts'
export { photosRoutes, sendDerivative } from './photos.routes.ts'
export * as photosRepo from './photos.repo.ts'
export type { DerivativeRow, NewDerivative, NewPhoto, PhotoChange, PhotoRow } from './photos.repo.ts'
export { ORIGINAL_KEY_DESTROYED } from './photos.repo.ts'
export type { PhotoStatus } from './photos.table.ts'
export { Photo, PhotoParams, PhotoStatusValue } from './photos.schemas.ts'
export { originalAad, rightsFor } from './photos.derivatives.ts'
export { mediaProblem, photoProblems } from './photos.problems.ts'
export { receiveUpload } from './photos.upload.ts'
export { Publication, type PublicationDeps } from './photos.publication.ts'
export { CHECKLIST_WORDS, type ChecklistCode } from './photos.checklist.ts'
