/** consent.authority.ts as pure functions: which change widens, what narrows at once, what waits for the person. */
import { describe, expect, it } from 'vitest'
import { splitChange, type ConsentTerms } from '../../../api/src/modules/consent/index.ts'

const base: ConsentTerms & { liftedTopics: [] } = {
  uses: ['editorial', 'social'],
  excludedTopics: ['trafficking', 'crime', 'violence', 'health', 'victimhood'],
  identifiable: true,
  identifiabilityAgreed: true,
  outletAllow: null,
  outletDeny: ['org-a'],
  publicPreview: false,
  validFrom: '2026-01-01',
  validUntil: '2028-01-01',
  liftedTopics: [],
}
const { liftedTopics: _l, ...terms } = base

describe('a change by a photographer or admin after the person has written', () => {
  const cases: { name: string; change: Partial<ConsentTerms>; widens: string[]; now: Partial<ConsentTerms> | null }[] = [
    { name: 'a use added', change: { uses: ['editorial', 'social', 'education'] }, widens: ['uses'], now: null },
    { name: 'a deny entry removed', change: { outletDeny: [] }, widens: ['outlets'], now: null },
    { name: 'an allow-list where there was none is narrower', change: { outletAllow: ['org-b'] }, widens: [], now: { outletAllow: ['org-b'] } },
    { name: 'public preview on', change: { publicPreview: true }, widens: ['public-preview'], now: null },
    { name: 'a later last day', change: { validUntil: '2030-01-01' }, widens: ['valid-until'], now: null },
    { name: 'an earlier last day', change: { validUntil: '2027-01-01' }, widens: [], now: { validUntil: '2027-01-01' } },
    { name: 'a topic lifted', change: { excludedTopics: ['crime', 'violence', 'health', 'victimhood'] }, widens: ['topics'], now: null },
    {
      name: 'a topic added',
      change: { excludedTopics: [...terms.excludedTopics, 'drugs'] },
      widens: [],
      now: { excludedTopics: [...terms.excludedTopics, 'drugs'] },
    },
    {
      name: 'agreement to be recognisable withdrawn',
      change: { identifiabilityAgreed: false },
      widens: [],
      now: { identifiable: true, identifiabilityAgreed: false },
    },
    {
      name: 'a mixed change',
      change: { uses: ['editorial', 'education'], publicPreview: true },
      widens: ['uses', 'public-preview'],
      now: { uses: ['editorial'], publicPreview: false },
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const requested = { ...terms, ...c.change }
      const split = splitChange(base, requested, true)
      expect(split.proposal?.widens ?? []).toEqual(c.widens)
      if (c.widens.length) expect(split.proposal!.terms).toEqual(requested)
      if (c.now === null) expect(split.now).toBeNull()
      else expect(split.now).toMatchObject(c.now)
    })
  }

  it('a held-back recognisable person is not let through by calling them unrecognisable', () => {
    const held = { ...base, identifiabilityAgreed: false }
    const split = splitChange(held, { ...terms, identifiabilityAgreed: false, identifiable: false }, true)
    expect(split.proposal?.widens).toEqual(['identifiability'])
    expect(split.now).toBeNull()
  })

  it('saying the person is recognisable, with an agreement they did not give, holds the photo back at once', () => {
    const notRecognisable = { ...base, identifiable: false, identifiabilityAgreed: false }
    const split = splitChange(notRecognisable, { ...terms, identifiable: true, identifiabilityAgreed: true }, true)
    expect(split.now).toMatchObject({ identifiable: true, identifiabilityAgreed: false })
    expect(split.proposal?.widens).toEqual(['identifiability'])
  })
})

describe('before the person has written', () => {
  it('the release stands as recorded, except a lifted topic, which waits for the person', () => {
    const wider = { ...terms, uses: ['editorial', 'social', 'education'] as ConsentTerms['uses'], publicPreview: true }
    expect(splitChange(base, wider, false)).toEqual({ now: wider, proposal: null })
    const lifted = splitChange(null, { ...terms, excludedTopics: [] }, false)
    expect(lifted.now!.excludedTopics).toEqual(['trafficking', 'crime', 'violence', 'health', 'victimhood'])
    expect(lifted.proposal).toMatchObject({ widens: ['topics'], terms: { excludedTopics: [] } })
  })
})
