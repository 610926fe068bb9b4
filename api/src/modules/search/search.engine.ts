/**
 * Engine selection, in one place: PostgreSQL always works (the database is already there); when
 * MEILISEARCH_URL is set the Meilisearch adapter is used instead (MEILISEARCH_KEY as its key).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import type { SearchEngine } from './search.port.ts'
import { MeilisearchEngine } from './search.meilisearch.ts'
import { PostgresSearchEngine } from './search.postgres.ts'

export function createSearchEngine(config: Pick<Config, 'meilisearch'>, db: Db, log?: FastifyBaseLogger): SearchEngine {
  if (config.meilisearch) {
    // The index is created (with its settings) on the first write, so a Meilisearch that is down at start
    // delays index updates (they wait in the outbox) but not the app.
    log?.info({ engine: 'meilisearch' }, 'search engine')
    return new MeilisearchEngine({ url: config.meilisearch.url, key: config.meilisearch.key })
  }
  return new PostgresSearchEngine(db)
}
