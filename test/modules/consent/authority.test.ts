/**
 * "The person's word is final" (DESIGN.md, consent model), through real HTTP on a real database: the two
 * holes of issue 11 as they were found, now refused; the photographer's first consent from a signed
 * release; a mixed change; topics lifted by the person only, and the grant that says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, EXPIRY_ACTOR, todayUtc } from '../../../api/src/modules/consent/index.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { grantCount, journalist, organisation, staff, type Staff, type User } from '../../support/factories.ts'
import { AGREED, auditTypes, EVERY_USE, grants, proposalRows, publishedModel, versions } from './authority-support.ts'

let t: TestApp
let s: Staff
let deniedOrg: string
let denied: User
let otherPress: User

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  deniedOrg = await organisation(t, 'De Roddelkrant')
  denied = await journalist(t, deniedOrg)
  otherPress = await journalist(t, await organisation(t, 'De Dagkrant'))
}, 60_000)
afterAll(() => t?.close())

const call = (method: string, url: string, token: string | null, body?: unknown) => request(t, method, url, token, body)
const put = (photoId: string, subjectId: string, body: unknown) => call('PUT', `/v1/photos/${photoId}/people/${subjectId}/consent`, s.photographer.token, body)
const download = (photoId: string, who: User, body: Record<string, unknown>) =>
  call('POST', `/v1/photos/${photoId}/downloads`, who.token, { use: 'editorial', channel: 'web', ...body })

describe('hole 1: a photographer can no longer undo the person’s own decision', () => {
  it('the person narrows in the portal; the photographer’s PUT with every use, no denied outlet, public preview and no excluded topic widens nothing: it becomes a proposal (202)', async () => {
    const m = await publishedModel(t, s)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(200)

    // The person denies an outlet and turns public preview off, in the portal.
    const narrowed = await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, outletDeny: [deniedOrg], publicPreview: false })
    expect(narrowed.status, narrowed.text).toBe(200)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)

    // The photographer tries to put everything back.
    const r = await put(m.photoId, m.subjectId, { ...AGREED, uses: EVERY_USE, outletDeny: [], publicPreview: true, excludedTopics: [] })
    expect(r.status, r.text).toBe(202)
    expect(r.body).toMatchObject({ version: 2, author: 'person', outletDeny: [deniedOrg], publicPreview: false })
    expect(r.body.excludedTopics).toEqual(['trafficking', 'crime', 'violence', 'health', 'victimhood'])
    expect(r.body.proposal).toMatchObject({ state: 'pending', proposedBy: 'photographer', baseVersion: 2, acceptedVersion: null, decidedAt: null })
    expect(r.body.proposal.widens).toEqual(['uses', 'topics', 'outlets', 'public-preview'])
    expect(r.body.proposal.consent).toMatchObject({ uses: EVERY_USE, outletDeny: [], publicPreview: true, excludedTopics: [] })

    // Nothing was written as consent: version 2 (the person's) stands, and the proposal waits.
    const rows = await versions(t, m.photoId)
    expect(rows.map((v) => [v.version, v.author])).toEqual([
      [1, 'photographer'],
      [2, 'person'],
    ])
    expect(await proposalRows(t, m.photoId)).toEqual([expect.objectContaining({ state: 'pending', base_version: 2, proposed_by_kind: 'photographer' })])
    expect((await auditTypes(t, m.photoId)).map((e) => e.type)).toContain('consent.proposed')

    // The photo is not public again, its preview neither.
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)
    expect((await fetch(`${t.url}${m.small}`)).status).toBe(404)
    // The denied outlet's key gets no grant for topic trafficking (nor for anything else).
    const refused = await download(m.photoId, denied, { topic: 'trafficking' })
    expect(refused.status).toBe(403)
    expect(refused.body.type).toMatch(/^\/problems\/(topic-excluded|outlet-not-permitted)$/)
    expect((await download(m.photoId, denied, {})).body.type).toBe('/problems/outlet-not-permitted')
    expect((await download(m.photoId, otherPress, { topic: 'trafficking' })).body.type).toBe('/problems/topic-excluded')
    expect(await grantCount(t, m.photoId)).toBe(0)
    // The photographer sees the proposal waiting, with its state.
    const people = await call('GET', `/v1/photos/${m.photoId}/people`, s.photographer.token)
    expect(people.body.items[0].proposals).toEqual([expect.objectContaining({ id: r.body.proposal.id, state: 'pending' })])
  })

  it('a mixed change: the narrowing part takes effect at once as a new version, the widening part waits (202)', async () => {
    const m = await publishedModel(t, s, { uses: ['editorial', 'social'] })
    expect((await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, uses: ['editorial', 'social'] })).status).toBe(200)
    // Drop social (narrower) and add education (wider), in one request.
    const r = await put(m.photoId, m.subjectId, { ...AGREED, uses: ['editorial', 'education'] })
    expect(r.status, r.text).toBe(202)
    expect(r.body).toMatchObject({ version: 3, author: 'photographer', uses: ['editorial'] })
    expect(r.body.proposal).toMatchObject({ state: 'pending', baseVersion: 3, widens: ['uses'], consent: { uses: ['editorial', 'education'] } })
    expect((await download(m.photoId, otherPress, { use: 'social', channel: 'social' })).body.type).toBe('/problems/use-not-permitted')
  })

  it('narrowing by the photographer takes effect at once (200), also after the person wrote', async () => {
    const m = await publishedModel(t, s)
    expect((await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, AGREED)).status).toBe(200)
    const r = await put(m.photoId, m.subjectId, { ...AGREED, publicPreview: false, outletDeny: [deniedOrg] })
    expect(r.status, r.text).toBe(200)
    expect(r.body).toMatchObject({ version: 3, author: 'photographer', publicPreview: false, outletDeny: [deniedOrg], proposal: null })
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)
    expect(await proposalRows(t, m.photoId)).toEqual([])
  })

  it('an admin is held to the same rule', async () => {
    const m = await publishedModel(t, s)
    expect((await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, publicPreview: false })).status).toBe(200)
    const r = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, s.admin.token, { ...AGREED, publicPreview: true })
    expect(r.status, r.text).toBe(202)
    expect(r.body.proposal).toMatchObject({ proposedBy: 'admin', widens: ['public-preview'] })
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)
  })
})

describe('the photographer’s first consent from a signed release', () => {
  it('takes effect as recorded while the person has not written a version, and a later widening by the photographer too', async () => {
    const m = await publishedModel(t, s, { uses: ['editorial'], publicPreview: false })
    expect((await versions(t, m.photoId))[0]).toMatchObject({ version: 1, author: 'photographer', actor_kind: 'user', uses: ['editorial'] })
    const r = await put(m.photoId, m.subjectId, { ...AGREED, uses: ['editorial', 'social'], validUntil: addDays(todayUtc(), 400) })
    expect(r.status, r.text).toBe(200)
    expect(r.body).toMatchObject({ version: 2, author: 'photographer', uses: ['editorial', 'social'], publicPreview: true, proposal: null })
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(200)
    expect((await download(m.photoId, otherPress, { use: 'social', channel: 'social' })).status).toBe(201)
  })

  it('cannot lift an excluded topic: that part goes to the person as a proposal, and the rest takes effect (201)', async () => {
    const m = await publishedModel(t, s, { excludedTopics: ['crime'] })
    const [v1] = await versions(t, m.photoId)
    expect(v1!.excluded_topics).toEqual(['trafficking', 'crime', 'violence', 'health', 'victimhood'])
    expect(await proposalRows(t, m.photoId)).toEqual([expect.objectContaining({ state: 'pending', base_version: 1, widens: ['topics'] })])
    expect((await download(m.photoId, otherPress, { topic: 'trafficking' })).body.type).toBe('/problems/topic-excluded')
  })
})

describe('excluded topics are lifted by the person only, and the grant records that they did', () => {
  it('the person lifts trafficking in the portal: the grant for it says topicLiftedBy "person"; other topics say null', async () => {
    const m = await publishedModel(t, s)
    const lifted = await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, {
      ...AGREED,
      excludedTopics: ['crime', 'violence', 'health', 'victimhood'],
    })
    expect(lifted.status, lifted.text).toBe(200)
    expect(lifted.body.consent).toMatchObject({ author: 'person', liftedTopics: ['trafficking'] })
    const g = await download(m.photoId, otherPress, { topic: 'trafficking' })
    expect(g.status, g.text).toBe(201)
    expect(g.body.grant).toMatchObject({ topic: 'trafficking', topicLiftedBy: 'person' })
    const plain = await download(m.photoId, otherPress, { topic: 'migration' })
    expect(plain.body.grant).toMatchObject({ topic: 'migration', topicLiftedBy: null })
    expect(await grants(t, m.photoId)).toEqual([
      { topic: 'trafficking', topic_lifted_by: 'person' },
      { topic: 'migration', topic_lifted_by: null },
    ])
    const granted = (await auditTypes(t, m.photoId)).filter((e) => e.type === 'download.granted')
    expect(granted.map((e) => e.data.topicLiftedBy ?? null)).toEqual(['person', null])

    // The photographer narrows something else later: the person's lift is kept, not re-recorded as theirs.
    const r = await put(m.photoId, m.subjectId, { ...AGREED, publicPreview: false, excludedTopics: ['crime', 'violence', 'health', 'victimhood'] })
    expect(r.status, r.text).toBe(200)
    expect(r.body).toMatchObject({ author: 'photographer', liftedTopics: ['trafficking'] })
    // Closing it again is a narrowing anyone may make; reopening it is the person's again.
    const closed = await put(m.photoId, m.subjectId, {
      ...AGREED,
      publicPreview: false,
      excludedTopics: ['trafficking', 'crime', 'violence', 'health', 'victimhood'],
    })
    expect(closed.status, closed.text).toBe(200)
    expect(closed.body.liftedTopics).toEqual([])
    const reopen = await put(m.photoId, m.subjectId, { ...AGREED, publicPreview: false, excludedTopics: ['crime', 'violence', 'health', 'victimhood'] })
    expect(reopen.status).toBe(202)
    expect(reopen.body.proposal.widens).toEqual(['topics'])
  })
})

describe('hole 2: an expired consent does not come back', () => {
  it('after validUntil has passed, a PUT with a new validUntil by the photographer or in the portal is refused 409 consent-expired, and the photo stays 410', async () => {
    const m = await publishedModel(t, s, { validFrom: '2024-01-01' })
    // The last day passes (recorded here as a narrowing to yesterday, which anyone may make).
    const yesterday = addDays(todayUtc(), -1)
    expect((await put(m.photoId, m.subjectId, { ...AGREED, validFrom: '2024-01-01', validUntil: yesterday })).status).toBe(200)
    expect((await call('GET', `/v1/photos/${m.photoId}`, otherPress.token)).status).toBe(410)
    const before = await versions(t, m.photoId)

    const byPhotographer = await put(m.photoId, m.subjectId, { ...AGREED, validFrom: '2024-01-01', validUntil: addDays(todayUtc(), 365) })
    expect(byPhotographer.status).toBe(409)
    expect(byPhotographer.headers.get('content-type')).toContain('application/problem+json')
    expect(byPhotographer.body.type).toBe('/problems/consent-expired')
    const inPortal = await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, validUntil: addDays(todayUtc(), 365) })
    expect(inPortal.status).toBe(409)
    expect(inPortal.body.type).toBe('/problems/consent-expired')
    // Renewal is its own action, made before the last day: afterwards it is refused the same way.
    const renew = await call('POST', `/v1/portal/photos/${m.photoId}/renew`, m.token, { confirm: true })
    expect(renew.status).toBe(409)
    expect(renew.body.type).toBe('/problems/consent-expired')

    expect(await versions(t, m.photoId)).toEqual(before)
    expect((await call('GET', `/v1/photos/${m.photoId}`, otherPress.token)).status).toBe(410)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(410)

    // Once the sweep has written the expiry down, the answer is the same (not "withdrawn").
    expect(await t.rt.consent.withdraw(m.photoId, m.subjectId, EXPIRY_ACTOR, 'expired')).toBe(true)
    const after = await put(m.photoId, m.subjectId, { ...AGREED, validUntil: addDays(todayUtc(), 365) })
    expect(after.body.type).toBe('/problems/consent-expired')
    expect((await versions(t, m.photoId)).at(-1)).toMatchObject({ state: 'withdrawn', author: 'system' })
    expect((await call('GET', `/v1/photos/${m.photoId}`, otherPress.token)).status).toBe(410)
  })
})
