/**
 * The search engine contract: one suite every SearchEngine adapter must pass (STYLE.md: test/contracts runs
 * one suite against every adapter of a port). Call `engineContract(name, factory)` from a test file; the
 * factory gives a fresh, empty engine. The relevance set is loaded once; tests that change documents use
 * their own documents and clean up after themselves, and reindex runs last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { colourFamily } from '../../api/src/modules/search/search.colour.ts'
import {
  FACETS,
  SearchCursorError,
  type SearchDocument,
  type SearchEngine,
  type SearchFilters,
  type SearchQuery,
  type SearchResult,
} from '../../api/src/modules/search/search.port.ts'
import { FIXTURE_COLLECTIONS, relevancePhotos, toDocuments, uuidFor } from '../../fixtures/search/generate.ts'
import { RELEVANCE } from '../../fixtures/search/relevance.ts'

export interface ContractEngine {
  engine: SearchEngine
  close(): Promise<void>
}

export const relevanceDocuments = (): SearchDocument[] => toDocuments(relevancePhotos(200), colourFamily)

const text = (d: SearchDocument) => [d.captionNl, d.captionEn, d.altNl, d.altEn, d.tags.join(' '), d.tagsEn.join(' '), d.series, d.credit].join(' ')

export function engineContract(name: string, factory: () => Promise<ContractEngine>) {
  describe(`search engine contract: ${name}`, () => {
    let h: ContractEngine
    let engine: SearchEngine
    const docs = relevanceDocuments()
    const byId = new Map(docs.map((d) => [d.id, d]))
    const keyOf = new Map(relevancePhotos(200).map((t) => [uuidFor(t.key), t.key]))

    const search = (q: string, more: Partial<SearchQuery> = {}): Promise<SearchResult> =>
      engine.search({ q, filters: {}, sort: 'relevance', limit: 24, ...more })

    async function all(q: string, more: Partial<SearchQuery> = {}): Promise<{ ids: string[]; pages: number; first: SearchResult }> {
      const ids: string[] = []
      let cursor: string | undefined
      let first: SearchResult | undefined
      let pages = 0
      do {
        const r = await search(q, { ...more, ...(cursor ? { cursor } : {}) })
        first ??= r
        ids.push(...r.hits.map((x) => x.id))
        cursor = r.nextCursor ?? undefined
        pages++
      } while (cursor && pages < 200)
      return { ids, pages, first: first! }
    }

    beforeAll(async () => {
      h = await factory()
      engine = h.engine
      await engine.upsert(docs)
    })
    afterAll(async () => {
      await h?.close()
    })

    describe('relevance', () => {
      for (const c of RELEVANCE) {
        it(`"${c.q}"${c.lang ? ` (${c.lang})` : ''}: ${c.why}`, async () => {
          const r = await search(c.q, c.lang ? { lang: c.lang } : {})
          expect(r.total).toBeGreaterThan(0)
          if (c.first) {
            const top = r.hits.slice(0, c.first.length).map((x) => keyOf.get(x.id))
            expect(top.sort()).toEqual([...c.first].sort())
          }
          if (c.topMatch) {
            const top = r.hits.slice(0, c.top ?? 5)
            expect(top.length).toBe(c.top ?? 5)
            for (const hit of top) expect(text(byId.get(hit.id)!)).toMatch(c.topMatch)
          }
        })
      }

      it('finds nothing for a word no photo has, and says so with total 0', async () => {
        const r = await search('qwxzvbnm')
        expect(r.hits).toEqual([])
        expect(r.total).toBe(0)
        expect(r.nextCursor).toBeNull()
      })

      it('treats query syntax as plain words (no operators, no errors)', async () => {
        for (const q of ['bakfiets & | ! ( ) : * <->', "o'reilly \\ \" '", '-- drop table', '***', 'a:*b']) {
          const r = await search(q)
          expect(Array.isArray(r.hits)).toBe(true)
        }
        expect((await search('bakfiets!')).hits[0]?.id).toBe(uuidFor('bakfiets'))
      })
    })

    describe('listing, filters and facets', () => {
      it('an empty query lists every document, newest first', async () => {
        const { ids } = await all('', { sort: 'newest', limit: 50 })
        expect(new Set(ids).size).toBe(docs.length)
        const times = ids.map((id) => Date.parse(byId.get(id)!.publishedAt))
        expect(times).toEqual([...times].sort((a, b) => b - a))
      })

      const filters: [string, SearchFilters, (d: SearchDocument) => boolean][] = [
        ['orientation', { orientation: 'square' }, (d) => d.orientation === 'square'],
        ['colour', { colour: 'yellow' }, (d) => d.colour === 'yellow'],
        ['use', { use: 'social' }, (d) => d.uses.includes('social')],
        ['series', { series: 'Samen sterk' }, (d) => d.series === 'Samen sterk'],
        ['collection', { collection: FIXTURE_COLLECTIONS[1]! }, (d) => d.collections.includes(FIXTURE_COLLECTIONS[1]!)],
        ['photographer', { photographer: docs[0]!.photographerId }, (d) => d.photographerId === docs[0]!.photographerId],
        ['public preview only', { publicPreviewOnly: true }, (d) => d.publicPreview],
      ]
      for (const [label, f, holds] of filters) {
        it(`filters by ${label}: exactly the matching documents, on every page`, async () => {
          const expected = docs.filter(holds).map((d) => d.id)
          expect(expected.length).toBeGreaterThan(0)
          expect(expected.length).toBeLessThan(docs.length)
          const { ids, first } = await all('', { filters: f, limit: 40 })
          expect(first.total).toBe(expected.length)
          expect(ids.sort()).toEqual(expected.sort())
        })
      }

      it('combines a query with filters', async () => {
        const expected = docs.filter((d) => /sekswerk/i.test(text(d)) && d.orientation === 'portrait' && d.uses.includes('exhibition'))
        const { ids } = await all('sekswerker', { filters: { orientation: 'portrait', use: 'exhibition' }, limit: 50 })
        expect(ids.length).toBeGreaterThan(0)
        for (const id of ids) {
          const d = byId.get(id)!
          expect(d.orientation).toBe('portrait')
          expect(d.uses).toContain('exhibition')
        }
        expect(ids.length).toBeLessThanOrEqual(expected.length + 5)
      })

      it('counts facets over the whole filtered match set, and single-valued facets add up to the total', async () => {
        for (const q of ['', 'sekswerker', 'fiets']) {
          const r = await search(q, { limit: 5 })
          expect(Object.keys(r.facets).sort()).toEqual([...FACETS].sort())
          const sum = (f: Record<string, number>) => Object.values(f).reduce((a, b) => a + b, 0)
          expect(sum(r.facets.orientation)).toBe(r.total)
          expect(sum(r.facets.photographer)).toBe(r.total)
          expect(sum(r.facets.colour)).toBe(r.total)
          // Multi-valued facets: every document has at least one use.
          expect(sum(r.facets.use)).toBeGreaterThanOrEqual(r.total)
        }
        const r = await search('', { limit: 1 })
        const count = (f: (d: SearchDocument) => boolean) => docs.filter(f).length
        expect(r.total).toBe(docs.length)
        expect(r.facets.orientation.square).toBe(count((d) => d.orientation === 'square'))
        expect(r.facets.use.social).toBe(count((d) => d.uses.includes('social')))
        expect(r.facets.collection[FIXTURE_COLLECTIONS[0]!]).toBe(count((d) => d.collections.includes(FIXTURE_COLLECTIONS[0]!)))
        expect(r.facets.series['Samen sterk']).toBe(count((d) => d.series === 'Samen sterk'))
      })

      it('counts facets disjunctively: a facet filtered on keeps the counts of its other values', async () => {
        const tally = (ds: SearchDocument[], key: (d: SearchDocument) => string | null) => {
          const out: Record<string, number> = {}
          for (const d of ds) {
            const k = key(d)
            if (k !== null) out[k] = (out[k] ?? 0) + 1
          }
          return out
        }
        const everything = await search('', { limit: 1 })
        const square = await search('', { limit: 1, filters: { orientation: 'square' } })
        expect(square.total).toBe(docs.filter((d) => d.orientation === 'square').length)
        expect(square.facets.orientation).toEqual(everything.facets.orientation)
        expect(Object.keys(square.facets.orientation).length).toBeGreaterThan(1)
        // The other facets count within the chosen orientation.
        expect(square.facets.colour).toEqual(
          tally(
            docs.filter((d) => d.orientation === 'square'),
            (d) => d.colour,
          ),
        )
        // Two filters: each facet is counted with the other one applied.
        const both = await search('', { limit: 1, filters: { orientation: 'square', colour: 'yellow' } })
        expect(both.total).toBe(docs.filter((d) => d.orientation === 'square' && d.colour === 'yellow').length)
        expect(both.facets.orientation).toEqual(
          tally(
            docs.filter((d) => d.colour === 'yellow'),
            (d) => d.orientation,
          ),
        )
        expect(both.facets.colour).toEqual(
          tally(
            docs.filter((d) => d.orientation === 'square'),
            (d) => d.colour,
          ),
        )
        // With words too: choosing a use keeps the other uses' counts for the same words.
        const fiets = await search('fiets', { limit: 1 })
        const social = await search('fiets', { limit: 1, filters: { use: 'social' } })
        expect(social.facets.use).toEqual(fiets.facets.use)
        expect(social.total).toBe(fiets.facets.use.social)
      })
    })

    describe('order and pages', () => {
      for (const sort of ['relevance', 'newest'] as const) {
        it(`pages through every match without duplicates or gaps (${sort})`, async () => {
          const r0 = await search('sekswerker', { sort, limit: 100 })
          const { ids, pages } = await all('sekswerker', { sort, limit: 7 })
          expect(pages).toBeGreaterThan(2)
          expect(new Set(ids).size).toBe(ids.length)
          expect(ids.length).toBe(r0.total)
          if (sort === 'newest') {
            const times = ids.map((id) => Date.parse(byId.get(id)!.publishedAt))
            expect(times).toEqual([...times].sort((a, b) => b - a))
          }
        })
      }

      it('refuses a cursor it did not issue with SearchCursorError', async () => {
        for (const cursor of ['nonsense', 'eyJvIjotMX0', 'AAAA']) {
          await expect(search('sekswerker', { cursor })).rejects.toBeInstanceOf(SearchCursorError)
        }
      })

      it('returns at most `limit` hits', async () => {
        const r = await search('sekswerker', { limit: 3 })
        expect(r.hits).toHaveLength(3)
        expect(r.nextCursor).not.toBeNull()
      })
    })

    describe('typos', () => {
      it('swapped letters find what the word finds (a swap is one typo)', async () => {
        const extra: SearchDocument[] = [
          {
            ...docs[2]!,
            id: uuidFor('swap-brug'),
            captionNl: 'Fietsers op de brug over de Schie',
            captionEn: 'Cyclists on the bridge over the Schie',
            altNl: null,
            altEn: null,
            tags: [],
            series: null,
          },
          {
            ...docs[3]!,
            id: uuidFor('swap-hond'),
            captionNl: 'Twee honden en een hond in het park',
            captionEn: 'Two dogs in the park',
            altNl: null,
            altEn: null,
            tags: [],
            series: null,
          },
          {
            ...docs[4]!,
            id: uuidFor('swap-berg'),
            captionNl: 'Uitzicht vanaf een heuvel',
            captionEn: 'A view of the mountain',
            altNl: null,
            altEn: null,
            tags: [],
            series: null,
          },
        ]
        await engine.upsert(extra)
        try {
          for (const [typed, word] of [
            ['brgu', 'brug'],
            ['hnod', 'hond'],
            ['brigde', 'bridge'],
            ['mountian', 'mountain'],
            ['dgos', 'dogs'],
          ] as const) {
            const expected = (await all(word, { limit: 50 })).ids
            expect(expected.length, word).toBeGreaterThan(0)
            const found = (await all(typed, { limit: 50 })).ids
            expect(found, `${typed} finds what ${word} finds`).toEqual(expect.arrayContaining(expected))
          }
        } finally {
          await engine.remove(extra.map((d) => d.id))
        }
      })
    })

    describe('highlights', () => {
      it('marks the matched words with <mark> and escapes everything else', async () => {
        const r = await search('bakfiets')
        expect(r.hits[0]!.highlights.caption ?? r.hits[0]!.highlights.alt ?? r.hits[0]!.highlights.tags).toMatch(/<mark>bakfiets<\/mark>/i)
        const evil: SearchDocument = {
          ...docs[0]!,
          id: uuidFor('evil'),
          captionNl: '<script>alert(1)</script> trompetles & "meer"',
          captionEn: 'trumpet lesson <b>bold</b>',
          altNl: null,
          altEn: null,
          tags: [],
          series: null,
        }
        await engine.upsert([evil])
        try {
          const e = await search('trompetles')
          expect(e.hits[0]!.id).toBe(evil.id)
          const hl = e.hits[0]!.highlights.caption!
          expect(hl).toContain('<mark>')
          expect(hl).not.toContain('<script>')
          expect(hl).toContain('&lt;script&gt;')
          expect(hl.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
        } finally {
          await engine.remove([evil.id])
        }
      })
    })

    describe('keywords', () => {
      it('finds a photo by its English keywords as well as its Dutch ones, and marks the keywords of the query language', async () => {
        const d: SearchDocument = {
          ...docs[2]!,
          id: uuidFor('keywords'),
          captionNl: 'Een kamer met een lamp',
          captionEn: 'A room with a lamp',
          altNl: null,
          altEn: null,
          tags: ['zwaluwstaart', 'vlinderkast'],
          tagsEn: ['swallowtail', 'butterfly cabinet'],
          series: null,
        }
        await engine.upsert([d])
        try {
          for (const q of ['zwaluwstaart', 'swallowtail', 'butterfly cabinet', 'vlinderkast']) {
            expect(
              (await search(q)).hits.map((x) => x.id),
              q,
            ).toEqual([d.id])
          }
          // Typed as you go: the last word is a prefix, in the English list too.
          expect((await search('swallowt')).hits.map((x) => x.id)).toEqual([d.id])
          // (An engine may show the whole list or only the matched keywords; never the other language's list instead.)
          const en = (await search('swallowtail', { lang: 'en' })).hits[0]!.highlights.tags
          expect(en).toMatch(/^<mark>swallowtail<\/mark>/)
          expect(en).not.toMatch(/zwaluwstaart|vlinderkast/)
          // A Dutch reader whose word only the English list has still sees which keyword matched.
          expect((await search('swallowtail', { lang: 'nl' })).hits[0]!.highlights.tags).toMatch(/<mark>swallowtail<\/mark>/)
          const nl = (await search('zwaluwstaart', { lang: 'en' })).hits[0]!.highlights.tags
          expect(nl).toMatch(/^<mark>zwaluwstaart<\/mark>/)
          expect(nl).not.toMatch(/swallowtail|butterfly/)
          await engine.upsert([{ ...d, tagsEn: [] }])
          expect((await search('swallowtail')).total).toBe(0)
          expect((await search('zwaluwstaart')).hits.map((x) => x.id)).toEqual([d.id])
        } finally {
          await engine.remove([d.id])
        }
        expect((await search('zwaluwstaart')).total).toBe(0)
      })
    })

    describe('writes', () => {
      it('upsert is idempotent and replaces the document; remove is idempotent', async () => {
        const d: SearchDocument = {
          ...docs[1]!,
          id: uuidFor('xylo'),
          captionNl: 'Een xylofoon in de woonkamer',
          captionEn: 'A xylophone in the living room',
          tags: [],
          series: null,
        }
        await engine.upsert([d])
        await engine.upsert([d])
        expect((await search('xylofoon')).hits.map((x) => x.id)).toEqual([d.id])
        await engine.upsert([{ ...d, captionNl: 'Een marimba in de woonkamer', captionEn: 'A marimba in the living room' }])
        expect((await search('xylofoon')).total).toBe(0)
        expect((await search('marimba')).hits.map((x) => x.id)).toEqual([d.id])
        await engine.remove([d.id])
        await engine.remove([d.id, uuidFor('never-there')])
        expect((await search('marimba')).total).toBe(0)
        expect((await search('', { limit: 1 })).total).toBe(docs.length)
      })

      it('reindex replaces everything with the given documents and counts them', async () => {
        const subset = docs.slice(0, 20)
        async function* batches() {
          yield subset.slice(0, 12)
          yield subset.slice(12)
        }
        expect(await engine.reindex(batches())).toEqual({ count: 20 })
        expect((await search('', { limit: 1 })).total).toBe(20)
        async function* everything() {
          for (let i = 0; i < docs.length; i += 50) yield docs.slice(i, i + 50)
        }
        expect(await engine.reindex(everything())).toEqual({ count: docs.length })
        expect((await search('bakfiets')).hits[0]?.id).toBe(uuidFor('bakfiets'))
      })
    })
  })
}
