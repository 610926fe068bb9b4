/**
 * Engine selection, in one place: by default the in-process index over the database's `search_documents`
 * (search.memory.ts; no extra service, no database round trip per search); SEARCH_ENGINE=postgres answers
 * from PostgreSQL full text instead; when MEILISEARCH_URL is set the Meilisearch adapter is used
 * (MEILISEARCH_KEY as its key).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import type { SearchEngine } from './search.port.ts'
import { MeilisearchEngine } from './search.meilisearch.ts'
import { MemorySearchEngine } from './search.memory.ts'
import { PostgresSearchEngine } from './search.postgres.repo.ts'

export function createSearchEngine(config: Pick<Config, 'meilisearch'> & Partial<Pick<Config, 'searchEngine'>>, db: Db, log?: FastifyBaseLogger): SearchEngine {
  if (config.meilisearch) {
    // The index is created (with its settings) on the first write, so a Meilisearch that is down at start
    // delays index updates (they wait in the outbox) but not the app.
    log?.info({ engine: 'meilisearch' }, 'search engine')
    return new MeilisearchEngine({ url: config.meilisearch.url, key: config.meilisearch.key })
  }
  if (config.searchEngine === 'postgres') return new PostgresSearchEngine(db)
  const store = new PostgresSearchEngine(db)
  return new MemorySearchEngine({ store, fallback: store, ...(log ? { log } : {}) })
}
