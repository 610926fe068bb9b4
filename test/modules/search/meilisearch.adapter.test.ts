/**
 * The Meilisearch adapter against a recording endpoint (test/support/meilisearch-recorder.ts): what it
 * sends, that a write resolves only once the task succeeded, that failures throw, and that reindex builds
 * a new index and swaps it in. The same adapter runs against a real server in the contract suite when
 * MEILISEARCH_URL is set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SearchCursorError, type SearchDocument } from '../../../api/src/modules/search/search.port.ts'
import {
  buildSynonyms,
  decodeCursor,
  encodeCursor,
  filterOf,
  highlightsOf,
  MeilisearchEngine,
  MeilisearchTaskError,
} from '../../../api/src/modules/search/search.meilisearch.ts'
import { closedPort, MeilisearchRecorder } from '../../support/meilisearch-recorder.ts'

function doc(id: string, over: Partial<SearchDocument> = {}): SearchDocument {
  return {
    id,
    captionNl: `Sekswerker op de fiets ${id}`,
    captionEn: `Sex worker on a bicycle ${id}`,
    altNl: 'Een vrouw fietst door de stad',
    altEn: 'A woman cycles through the city',
    tags: ['fiets', 'stad'],
    tagsEn: ['bicycle'],
    series: 'Op weg',
    credit: 'Fotograaf A / Eerlijk Beeld',
    photographerId: '00000000-0000-4000-8000-0000000000aa',
    collections: [],
    orientation: 'landscape',
    colour: 'blue',
    uses: ['editorial', 'education'],
    publicPreview: true,
    publishedAt: '2026-01-02T03:04:05.000Z',
    ...over,
  }
}
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

let rec: MeilisearchRecorder
let engine: MeilisearchEngine
beforeEach(async () => {
  rec = await new MeilisearchRecorder().listen()
  engine = new MeilisearchEngine({ url: rec.url, key: 'test-key', taskTimeoutMs: 5_000 })
})
afterEach(() => rec.close())

describe('Meilisearch adapter: writes', () => {
  it('creates the live index with primary key id and its settings before the first document', async () => {
    await engine.upsert([doc(ID(1))])
    const writes = rec.writes().map((a) => `${a.method} ${a.path}`)
    expect(writes).toEqual(['POST /indexes', 'PATCH /indexes/photos/settings', 'POST /indexes/photos/documents'])
    expect(rec.writes()[0]!.body).toEqual({ uid: 'photos', primaryKey: 'id' })
    // No primaryKey parameter on document additions (Meilisearch v1 fails a task that re-sends it).
    expect(rec.writes()[2]!.query).toEqual({})
    expect(rec.arrivals.every((a) => a.auth === 'Bearer test-key')).toBe(true)
    const s = rec.indexes.get('photos')!.settings as Record<string, any>
    expect(s.searchableAttributes).toEqual(['captionNl', 'captionEn', 'tags', 'tagsEn', 'altNl', 'altEn', 'series', 'credit'])
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(['uses', 'orientation', 'colour', 'series', 'collections', 'photographerId', 'publicPreview']),
    )
    expect(s.sortableAttributes).toEqual(['publishedAt'])
    expect(s.rankingRules[0]).toBe('sort')
    expect(s.synonyms.sekswerker).toContain('sex worker')
    expect(s.synonyms['sex worker']).toContain('sekswerker')
    expect(s.synonyms.prostituee).toEqual(['sekswerker'])
    // One way only: the preferred word does not lead back to the stigmatising one.
    expect(s.synonyms.sekswerker).not.toContain('prostituee')
    expect(s.typoTolerance.enabled).toBe(true)
    expect(s.localizedAttributes).toEqual([
      { attributePatterns: ['captionNl', 'altNl'], locales: ['nld'] },
      { attributePatterns: ['captionEn', 'altEn', 'tagsEn'], locales: ['eng'] },
    ])
    // Nothing newer than Meilisearch 1.12 (the pinned server) is sent.
    expect(Object.keys(s).sort()).toEqual([
      'faceting',
      'filterableAttributes',
      'localizedAttributes',
      'pagination',
      'rankingRules',
      'searchableAttributes',
      'sortableAttributes',
      'synonyms',
      'typoTolerance',
    ])
    expect(s.typoTolerance).not.toHaveProperty('disableOnNumbers')
  })

  it('stores the document by id, with a sortable date; the same document twice is one document', async () => {
    await engine.upsert([doc(ID(1)), doc(ID(2))])
    await engine.upsert([doc(ID(1), { captionNl: 'Nieuw bijschrift' })])
    const docs = rec.docs('photos')
    expect(docs.map((d) => d.id)).toEqual([ID(1), ID(2)])
    expect(docs[0]!.captionNl).toBe('Nieuw bijschrift')
    expect(docs[0]!.publishedAt).toBe(Date.parse('2026-01-02T03:04:05.000Z'))
    // The index is prepared once per engine, not before every write.
    expect(rec.writes().filter((a) => a.path === '/indexes')).toHaveLength(1)
  })

  it('resolves a write only once the task reports succeeded', async () => {
    await engine.ensureIndex()
    rec.processingPolls = 3
    const before = rec.arrivals.length
    await engine.upsert([doc(ID(1))])
    const polls = rec.arrivals.slice(before).filter((a) => a.method === 'GET' && a.path.startsWith('/tasks/'))
    expect(polls.length).toBeGreaterThanOrEqual(4)
    const uid = Number(polls.at(-1)!.path.split('/').pop())
    expect(rec.tasks.get(uid)!.status).toBe('succeeded')
    expect(rec.docs('photos')).toHaveLength(1)
  })

  it('throws when Meilisearch reports the task failed, and nothing was stored', async () => {
    await engine.ensureIndex()
    rec.failNext('documentAdditionOrUpdate', 'internal')
    const err = await engine.upsert([doc(ID(1))]).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MeilisearchTaskError)
    expect((err as MeilisearchTaskError).status).toBe('failed')
    expect((err as MeilisearchTaskError).code).toBe('internal')
    expect(rec.docs('photos')).toEqual([])
    rec.failNext('documentDeletion', 'internal')
    await expect(engine.remove([ID(1)])).rejects.toBeInstanceOf(MeilisearchTaskError)
  })

  it('throws when the task does not finish in time (the job retries; the write is idempotent)', async () => {
    const slow = new MeilisearchEngine({ url: rec.url, taskTimeoutMs: 200 })
    await slow.ensureIndex()
    rec.processingPolls = 1_000_000
    await expect(slow.upsert([doc(ID(1))])).rejects.toThrow(/timeout|timed out/i)
  })

  it('removes by id, idempotently', async () => {
    await engine.upsert([doc(ID(1)), doc(ID(2))])
    await engine.remove([ID(1), ID(9)])
    await engine.remove([ID(1)])
    expect(rec.docs('photos').map((d) => d.id)).toEqual([ID(2)])
    const del = rec.writes().filter((a) => a.path.endsWith('/delete-batch'))
    expect(del.map((a) => a.body)).toEqual([[ID(1), ID(9)], [ID(1)]])
  })

  it('sends nothing for an empty write', async () => {
    await engine.upsert([])
    await engine.remove([])
    expect(rec.arrivals).toEqual([])
  })

  it('rejects when the server is unreachable, and prepares the index again once it is back', async () => {
    const port = await closedPort()
    const down = new MeilisearchEngine({ url: `http://127.0.0.1:${port}`, requestTimeoutMs: 2_000 })
    await expect(down.upsert([doc(ID(1))])).rejects.toThrow(/has failed|ECONNREFUSED|fetch failed/)
    await expect(down.remove([ID(1)])).rejects.toThrow()
    // A server comes up on that very port: the same engine converges.
    const back = await new MeilisearchRecorder().listen(port)
    try {
      await down.upsert([doc(ID(1))])
      expect(back.docs('photos').map((d) => d.id)).toEqual([ID(1)])
      expect(back.writes()[0]!.path).toBe('/indexes')
    } finally {
      await back.close()
    }
  })
})

describe('Meilisearch adapter: reindex', () => {
  async function* batches(...groups: SearchDocument[][]) {
    for (const g of groups) yield g
  }

  it('builds a new index, swaps it in under the same name and deletes the old one', async () => {
    await engine.upsert([doc(ID(1)), doc(ID(99))])
    const small = new MeilisearchEngine({ url: rec.url, key: 'test-key', batchSize: 2 })
    const before = rec.writes().length
    const { count } = await small.reindex(batches([doc(ID(1)), doc(ID(2)), doc(ID(3))], [doc(ID(4))]))
    expect(count).toBe(4)
    const steps = rec
      .writes()
      .slice(before)
      .map((a) => `${a.method} ${a.path.replace(/photos_\d+/, 'photos_<ts>')}`)
    expect(steps).toEqual([
      'POST /indexes',
      'PATCH /indexes/photos_<ts>/settings',
      'POST /indexes/photos_<ts>/documents',
      'POST /indexes/photos_<ts>/documents',
      'POST /indexes/photos_<ts>/documents',
      'POST /indexes', // the live index, in case it didn't exist (already there: index_already_exists is fine)
      'PATCH /indexes/photos/settings',
      'POST /swap-indexes',
      'DELETE /indexes/photos_<ts>',
    ])
    const building = (rec.writes()[before]!.body as { uid: string }).uid
    expect(building).toMatch(/^photos_\d+$/)
    expect(rec.writes().find((a) => a.path === '/swap-indexes')!.body).toEqual([{ indexes: ['photos', building] }])
    // Live: exactly the rebuilt documents (ID 99 was only in the old index); the old index is gone.
    expect(rec.docs('photos').map((d) => d.id)).toEqual([ID(1), ID(2), ID(3), ID(4)])
    expect([...rec.indexes.keys()]).toEqual(['photos'])
    expect(rec.indexes.get('photos')!.settings).toHaveProperty('synonyms')
  })

  it('works on a fresh server (no live index yet)', async () => {
    const { count } = await engine.reindex(batches([doc(ID(5))]))
    expect(count).toBe(1)
    expect(rec.docs('photos').map((d) => d.id)).toEqual([ID(5)])
    expect([...rec.indexes.keys()]).toEqual(['photos'])
  })

  it('leaves the live index untouched and removes the half-built one when a batch fails', async () => {
    await engine.upsert([doc(ID(1))])
    rec.failNext('documentAdditionOrUpdate', 'invalid_document_fields')
    await expect(engine.reindex(batches([doc(ID(2))], [doc(ID(3))]))).rejects.toBeInstanceOf(MeilisearchTaskError)
    expect(rec.docs('photos').map((d) => d.id)).toEqual([ID(1)])
    expect([...rec.indexes.keys()]).toEqual(['photos'])
    expect(rec.writes().some((a) => a.path === '/swap-indexes')).toBe(false)
  })

  it('does not delete anything when the swap fails', async () => {
    await engine.upsert([doc(ID(1))])
    rec.failNext('indexSwap', 'internal')
    await expect(engine.reindex(batches([doc(ID(2))]))).rejects.toBeInstanceOf(MeilisearchTaskError)
    expect(rec.docs('photos').map((d) => d.id)).toEqual([ID(1)])
    expect([...rec.indexes.keys()]).toEqual(['photos'])
  })
})

describe('Meilisearch adapter: search', () => {
  it('asks for filters, facets, highlights and one extra hit, and returns an opaque cursor', async () => {
    await engine.upsert([doc(ID(1)), doc(ID(2)), doc(ID(3))])
    const before = rec.searches.length
    const r = await engine.search({
      q: 'fiets',
      lang: 'nl',
      filters: { use: 'editorial', series: 'Op "weg"', publicPreviewOnly: true },
      sort: 'relevance',
      limit: 2,
    })
    const sent = rec.searches.slice(before)
    const body = sent.find((b) => b.limit === 3)!
    // Disjunctive facets: each facet filtered on is counted once more without its own filter, count only.
    expect(sent.filter((b) => b.limit === 0)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ q: 'fiets', filter: ['series = "Op \\"weg\\""', 'publicPreview = true'], facets: ['uses'] }),
        expect.objectContaining({ q: 'fiets', filter: ['uses = "editorial"', 'publicPreview = true'], facets: ['series'] }),
      ]),
    )
    expect(sent).toHaveLength(3)
    expect(body).toMatchObject({
      q: 'fiets',
      offset: 0,
      limit: 3,
      filter: ['uses = "editorial"', 'series = "Op \\"weg\\""', 'publicPreview = true'],
      facets: ['uses', 'orientation', 'colour', 'series', 'collections', 'photographerId'],
    })
    expect(body).not.toHaveProperty('sort')
    expect(r.hits.map((h) => h.id)).toEqual([ID(1), ID(2)])
    expect(r.nextCursor).not.toBeNull()
    expect(decodeCursor(r.nextCursor!)).toBe(2)
    await engine.search({ q: 'fiets', filters: {}, sort: 'relevance', limit: 2, cursor: r.nextCursor! })
    expect(rec.searches.at(-1)).toMatchObject({ offset: 2, limit: 3 })
    await engine.search({ q: 'fiets', filters: {}, sort: 'newest', limit: 2 })
    expect(rec.searches.at(-1)).toMatchObject({ sort: ['publishedAt:desc'] })
    await engine.search({ q: '', filters: {}, sort: 'relevance', limit: 2 })
    expect(rec.searches.at(-1)).toMatchObject({ sort: ['publishedAt:desc'] })
  })

  it('maps facet distributions to the port facets and keeps text HTML-escaped around <mark>', async () => {
    await engine.upsert([doc(ID(1))])
    rec.nextSearchResponse = {
      hits: [
        {
          id: ID(1),
          _formatted: {
            id: ID(1),
            captionNl: 'Een \uE000sekswerker\uE001 <script>alert(1)</script>',
            captionEn: 'A \uE000sex worker\uE001',
            altNl: 'geen treffer',
            tags: ['\uE000fiets\uE001', 'stad'],
            series: null,
            credit: 'A & B',
          },
        },
      ],
      estimatedTotalHits: 1,
      facetDistribution: { uses: { editorial: 1 }, orientation: { landscape: 1 }, photographerId: { p1: 1 } },
      query: 'sekswerker',
      processingTimeMs: 1,
      offset: 0,
      limit: 21,
    }
    const r = await engine.search({ q: 'sekswerker', lang: 'nl', filters: {}, sort: 'relevance', limit: 20 })
    expect(r.hits).toEqual([
      { id: ID(1), highlights: { caption: 'Een <mark>sekswerker</mark> &lt;script&gt;alert(1)&lt;/script&gt;', tags: '<mark>fiets</mark>' } },
    ])
    expect(r.facets).toEqual({ use: { editorial: 1 }, orientation: { landscape: 1 }, colour: {}, series: {}, collection: {}, photographer: { p1: 1 } })
    expect(r.total).toBe(1)
    expect(r.nextCursor).toBeNull()
  })

  it('stores the English keywords and shows the matched keywords of the query language first', async () => {
    await engine.upsert([doc(ID(1), { tags: ['fiets'], tagsEn: ['\uE000bicycle', 'city'] })])
    expect(rec.docs('photos')[0]!.tagsEn).toEqual(['bicycle', 'city'])
    const answer = (formatted: Record<string, unknown>) => ({
      hits: [{ id: ID(1), _formatted: { id: ID(1), ...formatted } }],
      estimatedTotalHits: 1,
      facetDistribution: {},
      query: 'bicycle',
      processingTimeMs: 1,
      offset: 0,
      limit: 21,
    })
    rec.nextSearchResponse = answer({ tags: ['\uE000fiets\uE001'], tagsEn: ['\uE000bicycle\uE001', 'city'] })
    expect((await engine.search({ q: 'bicycle', lang: 'en', filters: {}, sort: 'relevance', limit: 20 })).hits[0]!.highlights.tags).toBe('<mark>bicycle</mark>')
    rec.nextSearchResponse = answer({ tags: ['\uE000fiets\uE001'], tagsEn: ['\uE000bicycle\uE001', 'city'] })
    expect((await engine.search({ q: 'bicycle', lang: 'nl', filters: {}, sort: 'relevance', limit: 20 })).hits[0]!.highlights.tags).toBe('<mark>fiets</mark>')
    // Only the English keyword matched: shown also to a Dutch query (the other language as fallback).
    rec.nextSearchResponse = answer({ tags: ['fiets'], tagsEn: ['\uE000bicycle\uE001', 'city'] })
    expect((await engine.search({ q: 'bicycle', lang: 'nl', filters: {}, sort: 'relevance', limit: 20 })).hits[0]!.highlights.tags).toBe('<mark>bicycle</mark>')
  })

  it('answers an empty result before the index exists', async () => {
    const r = await engine.search({ q: 'fiets', filters: {}, sort: 'relevance', limit: 5 })
    expect(r).toEqual({ hits: [], facets: { use: {}, orientation: {}, colour: {}, series: {}, collection: {}, photographer: {} }, total: 0, nextCursor: null })
  })

  it('refuses a cursor it did not make', async () => {
    for (const bad of [
      'x',
      encodeCursor(0),
      Buffer.from('{"m":-1}').toString('base64url'),
      Buffer.from('{"m":1.5}').toString('base64url'),
      'a'.repeat(100),
      '../../etc',
    ]) {
      await expect(engine.search({ q: '', filters: {}, sort: 'relevance', limit: 5, cursor: bad })).rejects.toBeInstanceOf(SearchCursorError)
    }
    expect(rec.searches).toEqual([])
  })
})

describe('Meilisearch adapter: pure parts', () => {
  it('quotes filter values so a value cannot add a condition', () => {
    expect(filterOf({ series: 'x" OR publicPreview = false OR series = "y' })).toEqual(['series = "x\\" OR publicPreview = false OR series = \\"y"'])
    expect(filterOf({ series: 'back\\slash' })).toEqual(['series = "back\\\\slash"'])
    expect(filterOf({})).toEqual([])
  })

  it('prefers the highlight in the query language, and falls back to the other', () => {
    const f = { captionNl: '\uE000fiets\uE001 nl', captionEn: '\uE000bike\uE001 en' }
    expect(highlightsOf(f, 'en').caption).toBe('<mark>bike</mark> en')
    expect(highlightsOf(f, 'nl').caption).toBe('<mark>fiets</mark> nl')
    expect(highlightsOf({ captionNl: 'geen', captionEn: '\uE000bike\uE001' }, 'nl').caption).toBe('<mark>bike</mark>')
    expect(highlightsOf(undefined, 'nl')).toEqual({})
  })

  it('strips highlight markers from stored text so they cannot fake a <mark>', async () => {
    await engine.upsert([doc(ID(1), { captionNl: 'a\uE000b\uE001c', tags: ['\uE000t'] })])
    expect(rec.docs('photos')[0]!.captionNl).toBe('abc')
    expect(rec.docs('photos')[0]!.tags).toEqual(['t'])
  })

  it('adds language-guidance terms as one-way synonyms', () => {
    const s = buildSynonyms([{ term: 'Hoertje', preferred: ['sekswerker'] }])
    expect(s.hoertje).toEqual(['sekswerker'])
    expect(s.sekswerker).not.toContain('hoertje')
  })
})
