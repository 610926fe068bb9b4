/**
 * The in-process engine's own promises beyond the shared contract: typos near stems, erasure leaving no
 * word behind, and every process following the table through its change feed (another replica's writes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Listener } from '../../../api/src/db/client.ts'
import { CachedSearchEngine } from '../../../api/src/modules/search/search.cache.ts'
import { MemoryIndex } from '../../../api/src/modules/search/search.index.ts'
import { MemorySearchEngine } from '../../../api/src/modules/search/search.memory.ts'
import { PostgresSearchEngine } from '../../../api/src/modules/search/search.postgres.repo.ts'
import { COLOURS, FACETS, ORIENTATIONS, type Facet, type SearchDocument, type SearchFilters } from '../../../api/src/modules/search/search.port.ts'
import { USES } from '../../../contract/vocabulary.ts'
import { IndexMemo, type WordGroup } from '../../../api/src/modules/search/search.index.memo.ts'
import { createTestDatabase, engine as dbEngine } from '../../support/db.ts'

const doc = (id: number, captionNl: string, captionEn: string): SearchDocument => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  captionNl,
  captionEn,
  altNl: null,
  altEn: null,
  tags: [],
  tagsEn: [],
  series: null,
  credit: 'Fotograaf',
  photographerId: '00000000-0000-4000-8000-00000000ffff',
  collections: [],
  orientation: 'landscape',
  colour: null,
  uses: ['editorial'],
  publicPreview: true,
  publishedAt: new Date(Date.UTC(2026, 0, id)).toISOString(),
})

const ids = (e: MemoryIndex, q: string) => e.search({ q, filters: {}, sort: 'relevance', top: 50 }).docs.map((d) => d.id)

describe('the in-process index', () => {
  it('finds through a stem what a typo of the plural would find ("dgos" where only "dog" is written)', () => {
    const index = new MemoryIndex()
    index.upsert([doc(1, 'Een hond in het park', 'A dog in the park'), doc(2, 'Een kat', 'A cat')])
    expect(ids(index, 'dogs')).toEqual([doc(1, '', '').id])
    expect(ids(index, 'dgos')).toEqual(ids(index, 'dogs'))
  })

  it('removing a document takes its words out of the vocabulary (erasure leaves nothing to find or suggest)', () => {
    const index = new MemoryIndex()
    index.upsert([doc(1, 'Een xylofoon op zolder', 'A xylophone in the attic'), doc(2, 'Een kat', 'A cat')])
    expect(index.typos('xylofon')).toContain('xylofoon')
    expect(ids(index, 'xylo')).toHaveLength(1)
    index.remove([doc(1, '', '').id])
    expect(index.typos('xylofon')).toEqual([])
    expect(ids(index, 'xylo')).toEqual([])
    expect(ids(index, 'kat')).toHaveLength(1)
  })

  it('counts and filters a photo in more than two collections by each of them, also after it changed', () => {
    const c = (n: number) => `00000000-0000-4000-8000-0000000c000${n}`
    const index = new MemoryIndex()
    const inFour = { ...doc(1, 'Een fiets', 'A bicycle'), collections: [c(1), c(2), c(3), c(4)] }
    index.upsert([inFour, { ...doc(2, 'Een fiets', 'A bicycle'), collections: [c(3)] }, doc(3, 'Een fiets', 'A bicycle')])
    const facets = (filters: { collection?: string } = {}) => index.search({ q: 'fiets', filters, sort: 'relevance', top: 10 })
    expect(facets().facets.collection).toEqual({ [c(1)]: 1, [c(2)]: 1, [c(3)]: 2, [c(4)]: 1 })
    expect(facets({ collection: c(4) }).docs.map((d) => d.id)).toEqual([inFour.id])
    expect(facets({ collection: c(3) }).total).toBe(2)
    // Disjunctive: the collection facet keeps every collection's count when one is chosen.
    expect(facets({ collection: c(4) }).facets.collection).toEqual({ [c(1)]: 1, [c(2)]: 1, [c(3)]: 2, [c(4)]: 1 })
    index.upsert([{ ...inFour, collections: [c(2)] }])
    expect(facets().facets.collection).toEqual({ [c(2)]: 1, [c(3)]: 1 })
    expect(facets({ collection: c(4) }).total).toBe(0)
    expect(facets({ collection: c(2) }).docs.map((d) => d.id)).toEqual([inFour.id])
  })

  it('what it keeps per word (counts, best documents, typos, longer words) is what a fresh index answers, after every change', () => {
    const kept = new MemoryIndex()
    let docs: SearchDocument[] = [
      doc(1, 'Een fiets bij de gracht', 'A bicycle by the canal'),
      { ...doc(2, 'Twee fietsen', 'Two bicycles'), orientation: 'portrait', colour: 'red', uses: ['editorial', 'social'] },
      doc(3, 'Een kat', 'A cat'),
    ]
    kept.upsert(docs)
    // Filters on the facets packed per document (orientation, colour, uses): counted disjunctively.
    const filterSets: SearchFilters[] = [{}, { orientation: 'portrait' }, { colour: 'red', use: 'social' }, { orientation: 'landscape', use: 'education' }]
    let filters: SearchFilters = {}
    const ask = (index: MemoryIndex, q: string, sort: 'relevance' | 'newest', top: number, publicPreviewOnly: boolean) => {
      const a = index.search({ q, filters: { ...filters, ...(publicPreviewOnly ? { publicPreviewOnly } : {}) }, sort, top })
      return { ids: a.docs.map((d) => d.id), total: a.total, facets: a.facets, terms: a.terms }
    }
    const same = (label: string) => {
      const fresh = new MemoryIndex()
      fresh.upsert(docs)
      for (const f of filterSets) {
        filters = f
        for (const q of ['fiets', 'fiets gracht', 'fiest', 'fie', 'kat', ''])
          for (const sort of ['relevance', 'newest'] as const)
            for (const top of [1, 10])
              for (const preview of [false, true]) {
                // Asked twice: the second answer comes from what the first one left behind.
                const at = `${label}: ${q} ${sort} ${top} ${preview} ${JSON.stringify(f)}`
                const first = ask(kept, q, sort, top, preview)
                expect(ask(kept, q, sort, top, preview), at).toEqual(first)
                expect(first, at).toEqual(ask(fresh, q, sort, top, preview))
              }
      }
      filters = {}
    }
    same('at first')
    expect(ask(kept, 'fiets', 'relevance', 10, false).total).toBe(2)
    // A new photo with a longer word, one that is no longer public, one removed: each is seen at once.
    docs = [...docs, doc(4, 'Een fietsenmaker', 'A bicycle repairer')]
    kept.upsert([docs[3]!])
    same('after an upsert')
    expect(ask(kept, 'fie', 'newest', 10, false).ids[0]).toBe(doc(4, '', '').id)
    docs = docs.map((d) => (d.id === doc(2, '', '').id ? { ...d, publicPreview: false } : d))
    kept.upsert([docs[1]!])
    same('after a change')
    expect(ask(kept, 'fiets', 'relevance', 10, true).total).toBe(ask(kept, 'fiets', 'relevance', 10, false).total - 1)
    docs = docs.filter((d) => d.id !== doc(1, '', '').id)
    kept.remove([doc(1, '', '').id])
    same('after a removal')
    expect(ask(kept, 'fiets gracht', 'relevance', 10, false).total).toBe(0)
  })

  it('words asked for again are matched from their sorted lists (merged, or galloped through where the other word is rare) to the same answer as the first time', () => {
    // 3,000 photos: "werk" in all but every 10th, "kat" in 30 (far fewer than werk's, so werk's list is
    // galloped through; 20 of them with werk), "fiets…" words in every 7th under several words ("fie" typed last
    // matches them all: a list merged from several postings, sorted once).
    const docs: SearchDocument[] = []
    const bikes = ['fiets', 'fietsen', 'fietser', 'fietsenmaker']
    for (let n = 1; n <= 3000; n++) {
      const words = [n % 10 === 0 ? 'thuis' : 'werk', n % 150 === 1 || n % 300 === 10 ? 'kat' : 'hond', n % 7 === 0 ? bikes[n % bikes.length]! : 'gracht']
      docs.push({ ...doc(n, words.join(' '), 'photo'), orientation: n % 3 === 0 ? 'portrait' : 'landscape' })
    }
    const has = (d: SearchDocument, w: string) => (d.captionNl ?? '').split(' ').some((x) => x.startsWith(w))
    const index = new MemoryIndex()
    index.upsert(docs)
    const cases: [string, string[]][] = [
      ['kat werk', ['kat', 'werk']],
      ['werk kat', ['kat', 'werk']],
      ['werk fie', ['werk', 'fie']],
      ['kat werk fie', ['kat', 'werk', 'fie']],
      ['werk hond', ['werk', 'hond']],
    ]
    for (const [q, want] of cases) {
      const expected = docs.filter((d) => want.every((w) => has(d, w))).map((d) => d.id)
      const answers = [1, 2, 3].map(() => index.search({ q, filters: {}, sort: 'relevance', top: 5000 }))
      expect(answers[0]!.total, q).toBe(expected.length)
      expect(new Set(answers[0]!.docs.map((d) => d.id)), q).toEqual(new Set(expected))
      // The first answer read postings; the later ones the words' kept lists: the same order and counts.
      for (const a of answers.slice(1)) {
        expect(
          a.docs.map((d) => d.id),
          q,
        ).toEqual(answers[0]!.docs.map((d) => d.id))
        expect(a.facets, q).toEqual(answers[0]!.facets)
      }
      const portrait = index.search({ q, filters: { orientation: 'portrait' }, sort: 'newest', top: 10 })
      expect(portrait.total, q).toBe(docs.filter((d) => d.orientation === 'portrait' && want.every((w) => has(d, w))).length)
    }
    expect(index.search({ q: 'kat werk', filters: {}, sort: 'relevance', top: 50 }).total).toBe(20)
  })

  it('photos alike in score and date (a series published at once) come in id order, the same on every page', () => {
    // 60 photos with the same caption and the same publication time, offered in a shuffled order: the best
    // 10 kept while reading them must be the 10 highest ids, as when every match is sorted.
    const same = '2026-03-01T12:00:00.000Z'
    const order = Array.from({ length: 60 }, (_, i) => ((i * 37) % 60) + 1)
    const index = new MemoryIndex()
    index.upsert(order.map((n) => ({ ...doc(n, 'Een fiets bij de gracht', 'A bicycle by the canal'), publishedAt: same })))
    const byId = [...order].sort((a, b) => b - a).map((n) => doc(n, '', '').id)
    for (const sort of ['relevance', 'newest'] as const) {
      for (const q of ['fiets', 'fiets gracht', '']) {
        const top10 = index.search({ q, filters: {}, sort, top: 10 }).docs.map((d) => d.id)
        expect(top10, `${q} ${sort}`).toEqual(byId.slice(0, 10))
        const top25 = index.search({ q, filters: { orientation: 'landscape' }, sort, top: 25 }).docs.map((d) => d.id)
        expect(top25, `${q} ${sort}, filtered`).toEqual(byId.slice(0, 25))
      }
    }
  })

  it('large word lists are looked up by document number, to the same answers, order and facets as the first time', () => {
    // 12,000 photos, so both words' kept lists are long (from 4,096 documents a kept list is looked up by
    // document number instead of merged with): "werk" in the caption, the alt text or a tag, "hond" in the
    // caption or the alt text (so the order depends on both words' weights), "fiets…" words in every 5th
    // ("fie" typed last matches several words).
    const docs: SearchDocument[] = []
    const bikes = ['fiets', 'fietsen', 'fietser']
    for (let n = 1; n <= 12_000; n++) {
      const werk = n % 11 === 0 ? 'thuis' : 'werk'
      const animal = n % 3 === 0 ? 'kat' : 'hond'
      const bike = n % 5 === 0 ? bikes[n % 3]! : 'gracht'
      // Each word's field (so its weight) varies on its own: caption, alt text or tag.
      const caption = [n % 2 === 0 ? animal : '', n % 3 === 1 ? werk : '', bike].filter(Boolean).join(' ')
      const alt = [n % 2 === 1 ? animal : '', n % 3 === 2 ? werk : ''].filter(Boolean).join(' ')
      docs.push({
        ...doc(n, caption, 'photo'),
        altNl: alt || null,
        tags: n % 3 === 0 ? [werk] : [],
        orientation: n % 4 === 0 ? 'portrait' : 'landscape',
        publicPreview: n % 7 !== 0,
      })
    }
    const text = (d: SearchDocument) => `${d.captionNl} ${d.altNl ?? ''} ${d.tags.join(' ')}`.split(/\s+/)
    const has = (d: SearchDocument, w: string) => text(d).some((x) => x.startsWith(w))
    const byId = new Map(docs.map((d) => [d.id, d]))
    const index = new MemoryIndex()
    index.upsert(docs)
    const cases: [string, string[]][] = [
      ['werk hond', ['werk', 'hond']],
      ['hond werk', ['hond', 'werk']],
      ['werk fie', ['werk', 'fie']],
      ['gracht werk', ['gracht', 'werk']],
      ['kat werk gracht', ['kat', 'werk', 'gracht']],
    ]
    for (const [q, want] of cases)
      for (const sort of ['relevance', 'newest'] as const)
        for (const publicPreviewOnly of [false, true]) {
          const at = `${q}, ${sort}, ${publicPreviewOnly ? 'public only' : 'all'}`
          const expected = docs.filter((d) => (!publicPreviewOnly || d.publicPreview) && want.every((w) => has(d, w))).map((d) => d.id)
          const answers = [1, 2, 3].map(() => index.search({ q, filters: { publicPreviewOnly }, sort, top: 20_000 }))
          expect(answers[0]!.total, at).toBe(expected.length)
          expect(expected.length, at).toBeGreaterThan(100)
          expect(new Set(answers[0]!.docs.map((d) => d.id)), at).toEqual(new Set(expected))
          for (const a of answers.slice(1)) {
            expect(
              a.docs.map((d) => d.id),
              at,
            ).toEqual(answers[0]!.docs.map((d) => d.id))
            expect(a.facets, at).toEqual(answers[0]!.facets)
          }
          const portrait = index.search({ q, filters: { orientation: 'portrait', publicPreviewOnly }, sort, top: 10 })
          expect(portrait.total, at).toBe(expected.filter((id) => byId.get(id)!.orientation === 'portrait').length)
        }
    // Relevance puts a caption match before an alt-text one before a tag, whatever the lookup.
    const top = index.search({ q: 'werk', filters: {}, sort: 'relevance', top: 1 }).docs[0]!
    expect(top.captionNl).toContain('werk')
  })

  it('filters and disjunctive facet counts on photos of many kinds are what counting each photo by hand gives', () => {
    // 600 photos whose facts vary every way (uses, orientation, colour or none, public preview, series or
    // none, four photographers, up to four collections): many kinds of photo, some alike. Each answer is
    // checked against counting the photos one by one.
    let seed = 17
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    const person = (n: number) => `00000000-0000-4000-8000-0000000ff${String(n).padStart(3, '0')}`
    const coll = (n: number) => `00000000-0000-4000-8000-0000000cc${String(n).padStart(3, '0')}`
    const docs: SearchDocument[] = []
    for (let n = 1; n <= 600; n++) {
      const uses = USES.filter(() => rnd(3) === 0)
      docs.push({
        ...doc(n, rnd(2) ? 'werk fiets' : 'werk', 'work'),
        uses: uses.length ? uses : ['editorial'],
        orientation: ORIENTATIONS[rnd(3)]!,
        colour: rnd(4) === 0 ? null : COLOURS[rnd(COLOURS.length)]!,
        publicPreview: rnd(3) !== 0,
        series: rnd(3) === 0 ? null : `Serie ${rnd(5)}`,
        photographerId: person(rnd(4)),
        collections: Array.from({ length: rnd(5) }, () => coll(rnd(6))),
      })
    }
    const index = new MemoryIndex()
    index.upsert(docs)
    type Check = (d: SearchDocument) => boolean
    const checks = (f: SearchFilters): Record<Facet, Check> => ({
      use: (d) => !f.use || d.uses.includes(f.use),
      orientation: (d) => !f.orientation || d.orientation === f.orientation,
      colour: (d) => !f.colour || d.colour === f.colour,
      series: (d) => f.series === undefined || d.series === f.series,
      collection: (d) => f.collection === undefined || d.collections.includes(f.collection),
      photographer: (d) => f.photographer === undefined || d.photographerId === f.photographer,
    })
    const valuesOf: Record<Facet, (d: SearchDocument) => string[]> = {
      use: (d) => [...d.uses],
      orientation: (d) => [d.orientation],
      colour: (d) => (d.colour ? [d.colour] : []),
      series: (d) => (d.series === null ? [] : [d.series]),
      collection: (d) => [...new Set(d.collections)],
      photographer: (d) => [d.photographerId],
    }
    const options: SearchFilters[] = [
      {},
      { orientation: 'portrait' },
      { colour: 'red' },
      { use: 'social' },
      { series: 'Serie 2' },
      { collection: coll(3) },
      { photographer: person(1) },
      { orientation: 'square', series: 'Serie 1' },
      { use: 'education', collection: coll(0), photographer: person(2) },
      { colour: 'blue', orientation: 'landscape', use: 'editorial' },
      { series: 'Serie 4', collection: coll(5) },
      { series: 'no such series' },
      { collection: coll(99) },
    ]
    for (const base of options)
      for (const publicPreviewOnly of [false, true])
        for (const q of ['', 'werk', 'fiets']) {
          const filters: SearchFilters = { ...base, ...(publicPreviewOnly ? { publicPreviewOnly } : {}) }
          const at = `${q} ${JSON.stringify(filters)}`
          const seen = docs.filter((d) => (q === '' || (d.captionNl ?? '').includes(q)) && (!publicPreviewOnly || d.publicPreview))
          const check = checks(filters)
          const hits = seen.filter((d) => FACETS.every((k) => check[k](d)))
          const facets = Object.fromEntries(
            FACETS.map((facet) => {
              const counts: Record<string, number> = {}
              for (const d of seen) if (FACETS.every((k) => k === facet || check[k](d))) for (const v of valuesOf[facet](d)) counts[v] = (counts[v] ?? 0) + 1
              return [facet, counts]
            }),
          )
          const answer = index.search({ q, filters, sort: 'newest', top: 1000 })
          expect(answer.total, at).toBe(hits.length)
          expect(new Set(answer.docs.map((d) => d.id)), at).toEqual(new Set(hits.map((d) => d.id)))
          expect(answer.facets, at).toEqual(facets)
        }
    // The checks above met photos of every kind (not a set where everything is alike).
    expect(
      new Set(docs.map((d) => JSON.stringify([d.uses, d.orientation, d.colour, d.publicPreview, d.series, d.photographerId, d.collections]))).size,
    ).toBeGreaterThan(500)
  })

  it('the word memo, when full, drops the word asked for longest ago, not the one worked out first', () => {
    const memo = new IndexMemo()
    const group = (key: string): WordGroup => ({ key, alts: [], postings: 0, idf: 1, terms: [key], union: null, asked: 0 })
    memo.addGroup(group('fiets'))
    // Past its bound (20,000 words) with words worked out once, while "fiets" keeps being asked for.
    const words = 30_000
    for (let n = 1; n <= words; n++) {
      memo.addGroup(group(`w${n}`))
      if (n % 1000 === 0) expect(memo.group('fiets')?.key, `after ${n} words`).toBe('fiets')
    }
    // The words worked out longest ago and not asked for since went; "fiets", asked all along, stayed.
    expect(memo.group('w1')).toBeUndefined()
    expect(memo.group('w9000')).toBeUndefined()
    expect(memo.group(`w${words}`)?.key).toBe(`w${words}`)
    expect(memo.group('fiets')?.key).toBe('fiets')
  })
})

describe(`the in-process engine follows the table (${dbEngine()})`, () => {
  let database: Database
  let memory: MemorySearchEngine
  let listener: Listener
  beforeAll(async () => {
    database = await createTestDatabase()
    memory = new MemorySearchEngine({ store: new PostgresSearchEngine(database.db) })
    listener = await database.listen('eb_search_changed', { message: (id) => memory.changed(id), up: () => memory.up(), down: () => memory.down() })
    await memory.load()
  })
  afterAll(async () => {
    await listener?.close()
    await database?.close()
  })

  async function until(check: () => Promise<boolean>, what: string) {
    const start = Date.now()
    while (!(await check())) {
      if (Date.now() - start > 5000) throw new Error(`timed out waiting for ${what}`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  it("hears another replica's writes and removals through eb_search_changed", async () => {
    const other = new PostgresSearchEngine(database.db) // another process writing the same table
    const d = doc(7, 'Een trompet op het balkon', 'A trumpet on the balcony')
    await other.upsert([d])
    await until(async () => (await memory.search({ q: 'trompet', filters: {}, sort: 'relevance', limit: 5 })).total === 1, 'the new document')
    await other.upsert([{ ...d, captionNl: 'Een tuba op het balkon', captionEn: 'A tuba on the balcony' }])
    await until(async () => (await memory.search({ q: 'tuba', filters: {}, sort: 'relevance', limit: 5 })).total === 1, 'the changed document')
    expect((await memory.search({ q: 'trompet', filters: {}, sort: 'relevance', limit: 5 })).total).toBe(0)
    await other.remove([d.id])
    await until(async () => (await memory.search({ q: 'tuba', filters: {}, sort: 'relevance', limit: 5 })).total === 0, 'the removal')
  })

  it("an answer cached before another replica's write is forgotten once the write is heard (as runtime.ts wires it)", async () => {
    const cached = new CachedSearchEngine(memory, { ttlMs: 60_000 })
    memory.onApplied = () => cached.clear()
    try {
      const q = { q: 'hobo', filters: {}, sort: 'relevance' as const, limit: 5 }
      expect((await cached.search(q)).total).toBe(0) // cached for a minute
      await new PostgresSearchEngine(database.db).upsert([doc(9, 'Een hobo in het park', 'An oboe in the park')])
      await until(async () => (await cached.search(q)).total === 1, 'the cached answer to be forgotten')
    } finally {
      memory.onApplied = null
    }
  })

  it("another listener's heartbeat on the channel is no change, and does not cost the changes heard with it", async () => {
    memory.changed('heartbeat:0b5e6c1e-7b0a-4a59-9b43-2f1c9e3d5a10:7') // as another replica's listener pings
    await new PostgresSearchEngine(database.db).upsert([doc(10, 'Een fagot in de zaal', 'A bassoon in the hall')])
    await until(
      async () => (await memory.search({ q: 'fagot', filters: {}, sort: 'relevance', limit: 5 })).total === 1,
      'the document heard beside the heartbeat',
    )
  })

  it('loads what the table holds at start', async () => {
    const other = new PostgresSearchEngine(database.db)
    await other.upsert([doc(8, 'Een harp in de kerk', 'A harp in the church')])
    const fresh = new MemorySearchEngine({ store: new PostgresSearchEngine(database.db) })
    expect(await fresh.load()).toBeGreaterThan(0)
    expect((await fresh.search({ q: 'harp', filters: {}, sort: 'relevance', limit: 5 })).hits.map((h) => h.id)).toEqual([doc(8, '', '').id])
  })

  it('answers through the fallback while the first load runs in the background, then from its own index, with changes heard meanwhile', async () => {
    const store = new PostgresSearchEngine(database.db)
    await store.upsert([doc(11, 'Een cello op de stoep', 'A cello on the pavement')])
    // A store whose reading of the table waits until the test lets it go: the load is "still running".
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const slowStore = Object.assign(Object.create(store) as PostgresSearchEngine, {
      async *documents(ids?: string[]) {
        if (!ids) await gate
        yield* store.documents(ids)
      },
    })
    const asked: string[] = []
    const fallback = { search: (q: Parameters<PostgresSearchEngine['search']>[0]) => (asked.push(q.q), store.search(q)) }
    const fresh = new MemorySearchEngine({ store: slowStore, fallback })
    const loaded = new Promise<number>((resolve, reject) => fresh.loadInBackground((n) => resolve(n), reject))
    const cello = { q: 'cello', filters: {}, sort: 'relevance' as const, limit: 5 }
    // Before the index holds anything, the answer is still complete: the fallback's, over the same table.
    expect((await fresh.search(cello)).hits.map((h) => h.id)).toEqual([doc(11, '', '').id])
    expect(asked).toEqual(['cello'])
    // A change heard while the load reads the table is read again once the fresh index is in.
    await store.upsert([doc(12, 'Een banjo op de trap', 'A banjo on the stairs')])
    fresh.changed(doc(12, '', '').id)
    release()
    expect(await loaded).toBeGreaterThan(0)
    await fresh.settled()
    expect((await fresh.search(cello)).total).toBe(1)
    expect((await fresh.search({ ...cello, q: 'banjo' })).hits.map((h) => h.id)).toEqual([doc(12, '', '').id])
    expect(asked).toEqual(['cello']) // the index answers now, not the fallback
  })
})
