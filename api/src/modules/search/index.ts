/**
 * search: the search port, its PostgreSQL engine (the Meilisearch adapter plugs in at createSearchEngine),
 * documents built from the database, their sync through the outbox, language guidance and GET /v1/search.
 * Must never: return a hit the consent gate does not show right now, index a person (names, pseudonyms,
 * consent details) or anything but a photo's public texts and filterable facts, or block a search because
 * of the words in it.
 */
export * from './search.port.ts'
export { createSearchEngine } from './search.engine.ts'
export { CachedSearchEngine } from './search.cache.ts'
export { PostgresSearchEngine } from './search.postgres.repo.ts'
export { MemorySearchEngine } from './search.memory.ts'
export { SearchDocuments } from './search.documents.ts'
export { SearchService } from './search.service.ts'
export { searchRoutes } from './search.routes.ts'
export { LanguageGuidance } from './search.guidance.ts'
export { enqueueSearchRemove, enqueueSearchSync, searchSyncJob, syncPhoto, SEARCH_REMOVE_JOB, SEARCH_UPSERT_JOB } from './search.sync.ts'
export * as searchRepo from './search.repo.ts'
