/** The pure parts of search: colour families, orientation, highlighting and language guidance. */
import { describe, expect, it } from 'vitest'
import { colourFamily, orientationOf } from '../../../api/src/modules/search/search.colour.ts'
import { LanguageGuidance } from '../../../api/src/modules/search/search.guidance.ts'
import { highlights } from '../../../api/src/modules/search/search.postgres.repo.ts'
import { highlight, tokenize } from '../../../api/src/modules/search/search.text.ts'
import { colourFamily as cf } from '../../../api/src/modules/search/search.colour.ts'
import { syntheticBatches } from '../../../fixtures/search/generate.ts'

describe('colour families', () => {
  const cases: [string, string | null][] = [
    ['#000000', 'black'],
    ['#ffffff', 'white'],
    ['#808080', 'grey'],
    ['#b03a2e', 'red'],
    ['#d35400', 'orange'],
    ['#f1c40f', 'yellow'],
    ['#27ae60', 'green'],
    ['#2e86c1', 'blue'],
    ['#7d3c98', 'purple'],
    ['#e91e8c', 'pink'],
    ['#6e4b2a', 'brown'],
    ['#ffc0cb', 'pink'],
    ['nonsense', null],
    [null as unknown as string, null],
    ['#12345', null],
  ]
  for (const [hex, family] of cases) it(`${hex} is ${family}`, () => expect(colourFamily(hex)).toBe(family))
})

describe('orientation', () => {
  it('is square within 5 %, otherwise landscape or portrait', () => {
    expect(orientationOf(1000, 1000)).toBe('square')
    expect(orientationOf(1040, 1000)).toBe('square')
    expect(orientationOf(1000, 1049)).toBe('square')
    expect(orientationOf(1100, 1000)).toBe('landscape')
    expect(orientationOf(1000, 1100)).toBe('portrait')
  })
})

describe('highlight', () => {
  it('escapes the text and marks whole words by prefix and shared stem', () => {
    expect(highlight('<b>Fietsen</b> & "cycling" by the canal', ['fiets', 'cycles'])).toBe(
      '&lt;b&gt;<mark>Fietsen</mark>&lt;/b&gt; &amp; &quot;<mark>cycling</mark>&quot; by the canal',
    )
    expect(highlight('Café op het Spui', tokenize('cafe'))).toBe('<mark>Café</mark> op het Spui')
    expect(highlight('nothing here', ['fiets'])).toBeNull()
  })
  it('cuts a long text to a window around the first match', () => {
    const h = highlight(`${'woord '.repeat(100)}bakfiets ${'woord '.repeat(100)}`, ['bakfiets'])!
    expect(h).toContain('<mark>bakfiets</mark>')
    expect(h.length).toBeLessThan(300)
    expect(h.startsWith('… ')).toBe(true)
  })
  it('marks a word cut by the window up to its edge, in plain and in accented text alike', () => {
    // The first match at 100 puts the window at 27–247; "fietsenmaker" starts at 244, so "fie" is inside it.
    for (const filler of ['e ', 'é ']) {
      const text = `${filler.repeat(50)}fiets ${'y'.repeat(137)} fietsenmaker en meer`
      expect(highlight(text, ['fiets']), filler).toBe(`… ${text.slice(27, 100)}<mark>fiets</mark> ${'y'.repeat(137)} <mark>fie</mark> …`)
    }
    expect(highlight('Fiets 2 en fiets-3, FIETSEN', ['fiets'])).toBe('<mark>Fiets</mark> 2 en <mark>fiets</mark>-3, <mark>FIETSEN</mark>')
    expect(highlight('Naïeve fiets · ﬁets', ['naieve', 'fiets'])).toBe('<mark>Naïeve</mark> <mark>fiets</mark> · <mark>ﬁets</mark>')
  })
  it("marks a page's shared texts once, and each hit's own texts as its own (highlights with a page's memo)", () => {
    const hit = (altNl: string, series: string | null) => ({
      caption_nl: 'Fietsen bij de gracht',
      caption_en: 'Bicycles by the canal',
      alt_nl: altNl,
      alt_en: null,
      tags: ['fiets', 'gracht'],
      tags_en: [],
      series,
      credit: 'Fotograaf',
    })
    const terms = ['fiets', 'gracht']
    const page = new Map<string, string | null>()
    const a = highlights(hit('Een fiets tegen een brug', 'Grachtenfietsen'), terms, 'nl', page)
    const b = highlights(hit('Twee mensen op een bank', null), terms, 'nl', page)
    // Each hit's highlights are exactly what it gets without a memo: shared texts equal, its own its own.
    expect(a).toEqual(highlights(hit('Een fiets tegen een brug', 'Grachtenfietsen'), terms, 'nl'))
    expect(b).toEqual(highlights(hit('Twee mensen op een bank', null), terms, 'nl'))
    expect(b.caption).toBe(a.caption)
    expect(a.alt).toBe('Een <mark>fiets</mark> tegen een brug')
    expect(b.alt).toBeUndefined()
    expect(b.series).toBeUndefined()
    // What the memo holds: each distinct text once, the ones without a match as null.
    expect(page.get('Fietsen bij de gracht')).toBe(a.caption)
    expect(page.get('Twee mensen op een bank')).toBeNull()
    // Six distinct texts were asked (shared caption, tags and credit; both alts; one series), each kept once.
    expect(page.size).toBe(6)
  })
})

describe('language guidance', () => {
  const g = new LanguageGuidance()
  it('rewrites whole words, accent- and case-insensitively, with plurals, and notes them in their language', () => {
    expect(g.apply('Prostituées op de fiets')).toMatchObject({
      q: 'sekswerker op de fiets',
      languageNote: { lang: 'nl', terms: ['prostituees'], preferred: ['sekswerker'] },
    })
    expect(g.apply('hoeren')).toMatchObject({ q: 'sekswerker', languageNote: { lang: 'nl' } })
    expect(g.apply('call girls at home')).toMatchObject({
      q: 'escort at home',
      languageNote: { lang: 'en', terms: ['call girls'], preferred: ['escort', 'sex worker'] },
    })
    expect(g.apply('Hookers')).toMatchObject({ q: 'sex worker', languageNote: { lang: 'en' } })
  })
  it('leaves other queries alone, including words that only contain a listed one', () => {
    for (const q of ['sekswerker', 'hoera', 'whoreson-free text', 'prostitutieve', 'shooker']) {
      const r = g.apply(q)
      if (q === 'whoreson-free text') expect(r.languageNote).toBeNull()
      else expect(r).toEqual({ q, languageNote: null })
    }
  })
  it("prefers the caller's language when a query has words from both lists", () => {
    expect(g.apply('prostituee prostitute', 'en').languageNote?.lang).toBe('en')
    expect(g.apply('prostituee prostitute').languageNote?.lang).toBe('nl')
  })
})

describe('synthetic batches for the benchmark', () => {
  it('are deterministic and of the asked size', () => {
    const a = [...syntheticBatches(25, 10, cf)]
    const b = [...syntheticBatches(25, 10, cf)]
    expect(a.map((x) => x.length)).toEqual([10, 10, 5])
    expect(a.flat().map((d) => d.id)).toEqual(b.flat().map((d) => d.id))
    expect(new Set(a.flat().map((d) => d.id)).size).toBe(25)
  })
})
