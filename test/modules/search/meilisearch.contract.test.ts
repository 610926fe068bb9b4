/**
 * The engine contract (test/contracts/search-engine.contract.ts) against a real Meilisearch server, when MEILISEARCH_URL points
 * to one (MEILISEARCH_KEY for its key). No server can be installed on our own machines, so without it the
 * suite is skipped and says so in its title. Each run uses its own index (`contract_<time>_<random>`) and
 * deletes it afterwards, so it can share a server with anything else.
 */
import crypto from 'node:crypto'
import { describe } from 'vitest'
import { MeilisearchEngine } from '../../../api/src/modules/search/search.meilisearch.ts'
import { engineContract } from '../../contracts/search-engine.contract.ts'

const url = process.env.MEILISEARCH_URL
const key = process.env.MEILISEARCH_KEY

describe.skipIf(!url)('Meilisearch engine contract (skipped: no MEILISEARCH_URL)', () => {
  engineContract('meilisearch', async () => {
    const index = `contract_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`
    const engine = new MeilisearchEngine({ url: url!, key, index, taskTimeoutMs: 120_000 })
    return {
      engine,
      async close() {
        await engine.client.deleteIndex(index).waitTask({ timeout: 60_000 })
      },
    }
  })
})

// Without a server, a visible line in the output says what did not run and why (the default reporter
// shows a skipped file only as a count).
if (!url) console.warn('Meilisearch engine contract: skipped: no MEILISEARCH_URL (set MEILISEARCH_URL and MEILISEARCH_KEY to run it against a real server)')
