import { describe, expect, it } from 'vitest'
import {
  decideUse,
  effectivePermission,
  evaluateConsent,
  type CurrentConsent,
  type GatePhoto,
  type LicenceTerms,
} from '../../../api/src/modules/gate/gate.consent.ts'

const licence: LicenceTerms = { ref: 'rsw-editorial@1.0', permittedUses: ['editorial', 'social'], prohibitedTopics: ['trafficking', 'crime'] }
const today = '2026-11-28'
const consent = (over: Partial<CurrentConsent> = {}): CurrentConsent => ({
  subjectId: 's1',
  version: 1,
  state: 'active',
  uses: ['editorial', 'social', 'education'],
  excludedTopics: ['health'],
  identifiable: true,
  identifiabilityAgreed: true,
  outletAllow: null,
  outletDeny: [],
  publicPreview: true,
  validFrom: '2026-01-01',
  validUntil: '2029-01-01',
  reason: null,
  ...over,
})
const photo = (over: Partial<GatePhoto> = {}): GatePhoto => ({ status: 'published', noPeopleDeclared: false, subjectIds: ['s1'], ...over })
const map = (...cs: CurrentConsent[]) => new Map(cs.map((c) => [c.subjectId, c]))

describe('the gate', () => {
  it("intersects the licence with everyone's consent", () => {
    const v = effectivePermission(
      photo({ subjectIds: ['s1', 's2'] }),
      map(
        consent(),
        consent({ subjectId: 's2', uses: ['editorial', 'exhibition'], excludedTopics: ['violence'], publicPreview: false, validUntil: '2028-05-01' }),
      ),
      licence,
      today,
    )
    expect(v).toEqual({
      shown: true,
      permission: {
        uses: ['editorial'],
        excludedTopics: ['health', 'violence'],
        outletAllow: null,
        outletDeny: [],
        publicPreview: false,
        validUntil: '2028-05-01',
      },
    })
  })

  it('keeps a licence topic excluded until everyone pictured opted in to it', () => {
    const defaults = consent({ excludedTopics: ['trafficking', 'crime'] })
    const optedIn = consent({ subjectId: 's2', excludedTopics: ['crime'] })
    const one = effectivePermission(photo({ subjectIds: ['s1', 's2'] }), map(defaults, optedIn), licence, today)
    expect(one.shown && one.permission.excludedTopics).toEqual(['trafficking', 'crime'])
    const both = effectivePermission(photo({ subjectIds: ['s1', 's2'] }), map({ ...defaults, excludedTopics: ['crime'] }, optedIn), licence, today)
    expect(both.shown && both.permission.excludedTopics).toEqual(['crime'])
    const nobody = effectivePermission(photo({ subjectIds: [], noPeopleDeclared: true }), map(), licence, today)
    expect(nobody.shown && nobody.permission.excludedTopics).toEqual(['trafficking', 'crime'])
  })

  it('blocks while anyone in the photo lacks active, valid consent, naming who', () => {
    const cases: [CurrentConsent | undefined, string][] = [
      [undefined, 'no-consent'],
      [consent({ state: 'withdrawn' }), 'withdrawn'],
      [consent({ state: 'withdrawn', reason: 'expired' }), 'expired'],
      [consent({ validUntil: '2026-11-27' }), 'expired'],
      [consent({ validFrom: '2026-11-29' }), 'not-yet-valid'],
      [consent({ identifiable: true, identifiabilityAgreed: false }), 'identifiability-not-agreed'],
      [consent({ uses: ['exhibition'] }), 'no-common-use'],
    ]
    for (const [c2, reason] of cases) {
      const v = evaluateConsent(photo({ subjectIds: ['s1', 's2'] }), map(consent(), ...(c2 ? [{ ...c2, subjectId: 's2' }] : [])), licence, today)
      expect(v, reason).toEqual({ ok: false, blocks: [{ reason, ...(reason === 'no-common-use' ? {} : { subjectId: 's2' }) }] })
    }
  })

  it('counts the last valid day as valid', () => {
    expect(evaluateConsent(photo(), map(consent({ validUntil: today })), licence, today).ok).toBe(true)
  })

  it("lets a photo without people through only with the photographer's declaration", () => {
    expect(evaluateConsent(photo({ subjectIds: [] }), map(), licence, today)).toEqual({ ok: false, blocks: [{ reason: 'no-people-undeclared' }] })
    const v = evaluateConsent(photo({ subjectIds: [], noPeopleDeclared: true }), map(), licence, today)
    expect(v.ok && v.permission.uses).toEqual(['editorial', 'social'])
  })

  it('shows only published photos; a withdrawn or lapsed published photo is gone (410), a draft is not (404)', () => {
    expect(effectivePermission(photo({ status: 'draft' }), map(consent()), licence, today)).toMatchObject({ shown: false, gone: false })
    expect(effectivePermission(photo({ status: 'withdrawn' }), map(consent()), licence, today)).toMatchObject({ shown: false, gone: true })
    expect(effectivePermission(photo(), map(consent({ validUntil: '2020-01-01' })), licence, today)).toMatchObject({ shown: false, gone: true })
  })

  it('intersects outlet allow-lists and unions deny-lists', () => {
    const v = evaluateConsent(
      photo({ subjectIds: ['s1', 's2'] }),
      map(consent({ outletAllow: ['a', 'b'], outletDeny: ['x'] }), consent({ subjectId: 's2', outletAllow: ['b', 'c'], outletDeny: ['b'] })),
      licence,
      today,
    )
    expect(v.ok && { allow: v.permission.outletAllow, deny: v.permission.outletDeny }).toEqual({ allow: [], deny: ['x', 'b'] })
  })

  it('decides a stated use, topic and outlet', () => {
    const v = evaluateConsent(photo(), map(consent({ outletDeny: ['org-9'] })), licence, today)
    if (!v.ok) throw new Error('expected ok')
    expect(decideUse(v.permission, { use: 'editorial', topic: 'housing' as never })).toEqual({ allowed: true })
    expect(decideUse(v.permission, { use: 'advertising' })).toMatchObject({ allowed: false, reason: 'use-not-permitted' })
    expect(decideUse(v.permission, { use: 'editorial', topic: 'health' })).toMatchObject({
      allowed: false,
      reason: 'topic-excluded',
      detail: expect.stringContaining('health'),
    })
    expect(decideUse(v.permission, { use: 'editorial', outletId: 'org-9' })).toMatchObject({ allowed: false, reason: 'outlet-not-permitted' })
  })
})
