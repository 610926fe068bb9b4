/**
 * Engine selection, in one place: PostgreSQL always works (the database is already there); when
 * MEILISEARCH_URL is set the Meilisearch adapter is used instead (branch search-meili plugs it in here).
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.ts'
import type { Db } from '../../db/client.ts'
import type { SearchEngine } from './search.port.ts'
import { PostgresSearchEngine } from './search.postgres.ts'

export function createSearchEngine(config: Pick<Config, 'meilisearch'>, db: Db, log?: FastifyBaseLogger): SearchEngine {
  if (config.meilisearch) {
    // search-meili: return new MeilisearchEngine(config.meilisearch) here.
    log?.warn('MEILISEARCH_URL is set but this build has no Meilisearch adapter; searching with PostgreSQL')
  }
  return new PostgresSearchEngine(db)
}
