/**
 * Proposals in the portal: the person sees a wider consent proposed by the photographer, accepts it (then it
 * takes effect, as their own version) or declines it (nothing changes); and every wrong answer is a clear
 * problem: someone else's proposal, answering twice, a proposal superseded by a newer version, an erased person.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { grantCount, journalist, organisation, staff, type Staff, type User } from '../../support/factories.ts'
import { AGREED, auditTypes, proposalRows, publishedModel, versions, type Model } from '../consent/authority-support.ts'

let t: TestApp
let s: Staff
let orgId: string
let press: User

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  orgId = await organisation(t, 'De Weekkrant')
  press = await journalist(t, orgId)
}, 60_000)
afterAll(() => t?.close())

const call = (method: string, url: string, token: string | null, body?: unknown) => request(t, method, url, token, body)
const accept = (m: Model, id: string, confirm = true) => call('POST', `/v1/portal/proposals/${id}/accept`, m.token, { confirm })
const decline = (m: Model, id: string) => call('POST', `/v1/portal/proposals/${id}/decline`, m.token)
const portalPhoto = async (m: Model) =>
  ((await call('GET', '/v1/portal', m.token)).body.photos as { id: string; proposals: Record<string, any>[] }[]).find((p) => p.id === m.photoId)!

/** The person narrows (no public preview, the outlet denied); the photographer proposes to undo it. */
async function proposed() {
  const m = await publishedModel(t, s)
  expect((await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, publicPreview: false, outletDeny: [orgId] })).status).toBe(200)
  const r = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, s.photographer.token, { ...AGREED, publicPreview: true, outletDeny: [] })
  expect(r.status, r.text).toBe(202)
  return { m, proposalId: r.body.proposal.id as string }
}

describe('the person sees a proposal in the portal', () => {
  it('with its state, what it would allow and what it widens, in Dutch and English', async () => {
    const { m, proposalId } = await proposed()
    const [p] = (await portalPhoto(m)).proposals
    expect(p).toMatchObject({
      id: proposalId,
      state: 'pending',
      proposedBy: 'photographer',
      widens: ['outlets', 'public-preview'],
      consent: { publicPreview: true, outletDeny: [] },
    })
    expect(p!.widensInWords.nl).toContain('De fotograaf stelt voor om meer toe te staan: meer media, een kleine versie voor iedereen')
    expect(p!.widensInWords.en).toContain('This applies only if you accept it.')
    expect(p!.inWords.nl).toContain('Iedereen mag een kleine versie zien.')
    // The proposal does not carry the person's id, nor the photographer's.
    expect(p).not.toHaveProperty('subjectId')
    expect(JSON.stringify(p)).not.toContain(s.photographer.id)
  })
})

describe('accepting', () => {
  it('makes the wider consent take effect, as the person’s own version; audited; the photographer sees "accepted"', async () => {
    const { m, proposalId } = await proposed()
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)
    expect((await accept(m, proposalId, false)).body.type).toBe('/problems/confirmation-required')
    const r = await accept(m, proposalId)
    expect(r.status, r.text).toBe(200)
    expect(r.body.consent).toMatchObject({ version: 3, author: 'person', publicPreview: true, outletDeny: [] })
    expect(r.body.proposal).toMatchObject({ id: proposalId, state: 'accepted', acceptedVersion: 3, decidedAt: expect.any(String) })
    expect(r.body.consentInWords.nl).toContain('Iedereen mag een kleine versie zien.')

    expect((await versions(t, m.photoId)).map((v) => [v.version, v.author, v.actor_kind])).toEqual([
      [1, 'photographer', 'user'],
      [2, 'person', 'subject'],
      [3, 'person', 'subject'],
    ])
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(200)
    expect((await fetch(`${t.url}${m.small}`)).status).toBe(200)
    expect((await call('POST', `/v1/photos/${m.photoId}/downloads`, press.token, { use: 'editorial', channel: 'web' })).status).toBe(201)

    const audit = await auditTypes(t, m.photoId)
    const accepted = audit.find((e) => e.type === 'consent.proposal-accepted')!
    expect(accepted).toMatchObject({ actor_kind: 'subject', data: { proposalId, baseVersion: 2, version: 3 } })
    expect(audit.map((e) => e.type)).toEqual(expect.arrayContaining(['consent.proposed', 'consent.proposal-accepted', 'consent.changed']))
    const people = await call('GET', `/v1/photos/${m.photoId}/people`, s.photographer.token)
    expect(people.body.items[0].proposals[0]).toMatchObject({ id: proposalId, state: 'accepted', acceptedVersion: 3 })
    const events = (await call('GET', '/v1/portal/events', m.token)).body.items as { type: string; by: string }[]
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'consent.proposed', by: 'eerlijk-beeld' }),
        expect.objectContaining({ type: 'consent.proposal-accepted', by: 'you' }),
      ]),
    )
  })

  it('a proposal that lifts a topic, accepted, is the person lifting it: the grant says so', async () => {
    const m = await publishedModel(t, s, { excludedTopics: ['crime', 'violence', 'health', 'victimhood'] })
    const [row] = await proposalRows(t, m.photoId)
    expect(row).toMatchObject({ state: 'pending', widens: ['topics'] })
    expect((await accept(m, row!.id)).body.consent).toMatchObject({ author: 'person', liftedTopics: ['trafficking'] })
    const g = await call('POST', `/v1/photos/${m.photoId}/downloads`, press.token, { use: 'editorial', channel: 'web', topic: 'trafficking' })
    expect(g.status, g.text).toBe(201)
    expect(g.body.grant.topicLiftedBy).toBe('person')
  })
})

describe('declining', () => {
  it('changes nothing: no new version, the photo stays as the person set it; audited; shown as declined', async () => {
    const { m, proposalId } = await proposed()
    const before = await versions(t, m.photoId)
    const r = await decline(m, proposalId)
    expect(r.status, r.text).toBe(200)
    expect(r.body.proposal).toMatchObject({ id: proposalId, state: 'declined', acceptedVersion: null })
    expect(r.body.consent).toMatchObject({ version: 2, publicPreview: false, outletDeny: [orgId] })
    expect(await versions(t, m.photoId)).toEqual(before)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)
    expect((await call('POST', `/v1/photos/${m.photoId}/downloads`, press.token, { use: 'editorial', channel: 'web' })).body.type).toBe(
      '/problems/outlet-not-permitted',
    )
    expect((await auditTypes(t, m.photoId)).find((e) => e.type === 'consent.proposal-declined')).toMatchObject({ actor_kind: 'subject', data: { proposalId } })
    expect((await portalPhoto(m)).proposals[0]).toMatchObject({ state: 'declined' })
  })
})

describe('wrong answers are clear problems, and change nothing', () => {
  it('someone else’s proposal, or one that does not exist: 404 proposal-not-found', async () => {
    const { m, proposalId } = await proposed()
    const other = await publishedModel(t, s)
    for (const r of [await accept(other, proposalId), await decline(other, proposalId), await accept(m, '00000000-0000-4000-8000-000000000000')]) {
      expect(r.status).toBe(404)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
      expect(r.body.type).toBe('/problems/proposal-not-found')
    }
    expect((await accept(m, 'not-a-uuid')).status).toBe(400)
    expect((await proposalRows(t, m.photoId))[0]!.state).toBe('pending')
    // Another photographer sees neither the person nor their proposals.
    const stranger = await t.user('photographer')
    expect((await call('GET', `/v1/photos/${m.photoId}/people`, stranger.token)).status).toBe(404)
  })

  it('answering twice: 409 proposal-decided, naming the answer given', async () => {
    const { m, proposalId } = await proposed()
    expect((await accept(m, proposalId)).status).toBe(200)
    const again = await accept(m, proposalId)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ type: '/problems/proposal-decided', state: 'accepted' })
    expect((await decline(m, proposalId)).body.type).toBe('/problems/proposal-decided')
    expect((await versions(t, m.photoId)).length).toBe(3)
  })

  it('a proposal superseded by a newer version (the person changed it, or a newer proposal came): 409 proposal-superseded', async () => {
    const { m, proposalId } = await proposed()
    // The person changes their consent themselves: the proposal was made against what stood before.
    expect(
      (await call('PUT', `/v1/portal/photos/${m.photoId}/consent`, m.token, { ...AGREED, publicPreview: false, outletDeny: [orgId], uses: ['editorial'] }))
        .status,
    ).toBe(200)
    const r = await accept(m, proposalId)
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ type: '/problems/proposal-superseded', currentVersion: 3 })
    expect((await versions(t, m.photoId)).length).toBe(3)
    expect((await call('GET', `/v1/photos/${m.photoId}`, null)).status).toBe(404)

    // A newer proposal replaces an open one.
    const first = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, s.photographer.token, {
      ...AGREED,
      uses: ['editorial'],
      outletDeny: [orgId],
      publicPreview: true,
    })
    const second = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, s.photographer.token, {
      ...AGREED,
      uses: ['editorial', 'social'],
      outletDeny: [orgId],
      publicPreview: false,
    })
    expect([first.status, second.status]).toEqual([202, 202])
    expect((await accept(m, first.body.proposal.id)).body.type).toBe('/problems/proposal-superseded')
    expect((await proposalRows(t, m.photoId)).map((p) => p.state)).toEqual(['superseded', 'superseded', 'pending'])
    expect((await portalPhoto(m)).proposals.map((p) => p.state)).toEqual(['pending', 'superseded', 'superseded'])
    expect((await auditTypes(t, m.photoId)).filter((e) => e.type === 'consent.proposal-superseded')).toHaveLength(2)
  })

  it('an erased person: their proposal is superseded, a new one is refused 410 person-erased, and nothing can be accepted', async () => {
    const { m, proposalId } = await proposed()
    const asked = await call('POST', '/v1/portal/erasure', m.token, { confirm: true })
    expect(asked.status).toBe(202)
    const done = await call('POST', `/v1/admin/erasure-requests/${asked.body.id}/carry-out`, s.admin.token)
    expect(done.status, done.text).toBe(200)
    expect((await proposalRows(t, m.photoId))[0]!.state).toBe('superseded')

    const r = await call('PUT', `/v1/photos/${m.photoId}/people/${m.subjectId}/consent`, s.photographer.token, { ...AGREED, publicPreview: true })
    expect(r.status).toBe(410)
    expect(r.body.type).toBe('/problems/person-erased')
    expect((await proposalRows(t, m.photoId)).length).toBe(1)
    // Their link no longer works; and even past it, the answer is refused.
    expect((await accept(m, proposalId)).status).toBe(401)
    await expect(t.rt.consent.answerProposal(m.subjectId, proposalId, 'accept')).rejects.toMatchObject({ status: 410, slug: 'person-erased' })
    const [c] = rowsOf<{ n: number }>(
      await t.rt.database.db.execute(sql`select count(*)::int as n from consents where photo_id = ${m.photoId} and state = 'active' and version > 2`),
    )
    expect(c!.n).toBe(0)
    expect(await grantCount(t, m.photoId)).toBe(0)
  })
})
