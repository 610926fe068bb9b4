/**
 * The typo vocabulary (search_words) forgets what only removed photos said: an erased photo's alt text must
 * not live on as a "did you mean" suggestion (issue 16). Words other photos still use stay.
 */
import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { PostgresSearchEngine } from '../../../api/src/modules/search/index.ts'
import type { SearchDocument } from '../../../api/src/modules/search/search.port.ts'
import { createTestDatabase, engine } from '../../support/db.ts'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database?.close())

const doc = (over: Partial<SearchDocument>): SearchDocument => ({
  id: crypto.randomUUID(),
  captionNl: null,
  captionEn: null,
  altNl: null,
  altEn: null,
  tags: [],
  tagsEn: [],
  series: null,
  credit: 'Demo',
  photographerId: crypto.randomUUID(),
  collections: [],
  orientation: 'landscape',
  colour: null,
  uses: ['editorial'],
  publicPreview: true,
  publishedAt: new Date().toISOString(),
  ...over,
})

async function words(): Promise<string[]> {
  return rowsOf<{ word: string }>(await database.db.execute(sql`select word from search_words order by word`)).map((r) => r.word)
}

describe(`search words (${engine()})`, () => {
  it('removes the words only the removed photos contributed, and keeps the words others still use', async () => {
    const search = new PostgresSearchEngine(database.db)
    const erased = doc({ captionNl: 'Fietser op de brug', altNl: 'Zeldzaamwoord bij het Café-raam', tags: ['eenmalig'] })
    const kept = doc({ captionNl: 'Een andere fietser', altEn: 'Bridge at night', tags: ['brug'] })
    await search.upsert([erased, kept])
    expect(await words()).toEqual(expect.arrayContaining(['zeldzaamwoord', 'eenmalig', 'cafe', 'raam', 'fietser', 'brug', 'bridge']))
    await search.remove([erased.id])
    const after = await words()
    for (const gone of ['zeldzaamwoord', 'eenmalig', 'cafe', 'raam']) expect(after, gone).not.toContain(gone)
    for (const stays of ['fietser', 'brug', 'bridge', 'andere']) expect(after, stays).toContain(stays)
    await search.remove([kept.id])
    expect(await words()).toEqual([])
  })
})
