/**
 * The one contract suite, run against every engine available here: PostgreSQL always (on PGlite or the
 * server, whichever this run uses), the in-process engine alone and over the database, Meilisearch only where
 * MEILISEARCH_URL points to a server.
 */
import { describe, it } from 'vitest'
import { MemorySearchEngine } from '../../../api/src/modules/search/search.memory.ts'
import { PostgresSearchEngine } from '../../../api/src/modules/search/search.postgres.repo.ts'
import { createTestDatabase } from '../../support/db.ts'
import { engineContract } from '../../contracts/search-engine.contract.ts'

engineContract('postgres', async () => {
  const database = await createTestDatabase()
  return { engine: new PostgresSearchEngine(database.db), close: () => database.close() }
})

engineContract('memory', async () => ({ engine: new MemorySearchEngine(), close: async () => {} }))

// The default: in memory, with the documents kept in the database (what a restart or another replica loads).
engineContract('memory over postgres', async () => {
  const database = await createTestDatabase()
  return { engine: new MemorySearchEngine({ store: new PostgresSearchEngine(database.db) }), close: () => database.close() }
})

const meiliUrl = process.env.MEILISEARCH_URL
// Also a plain line, so the skip shows with every reporter, not only the verbose one.
if (!meiliUrl) console.log('search engine contract: meilisearch — skipped: no MEILISEARCH_URL')
describe.skipIf(!meiliUrl)(meiliUrl ? 'search engine contract: meilisearch' : 'search engine contract: meilisearch — skipped: no MEILISEARCH_URL', () => {
  // The Meilisearch adapter (branch search-meili) runs engineContract('meilisearch', …) here.
  it('runs the contract against the Meilisearch adapter', () => {})
})
