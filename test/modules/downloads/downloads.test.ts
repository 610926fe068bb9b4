/**
 * POST /v1/photos/:id/downloads: refusals with their reason (uses, topics, channels, outlets) that record
 * nothing but an audit event; grants with the exact licence version; bad input; who may ask.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { auditEvents, EDITORIAL, grantCount, journalist, organisation, publishedPhoto, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let orgId: string
let press: User
let photoId: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  orgId = await organisation(t, 'De Dagkrant')
  press = await journalist(t, orgId)
  ;({ photoId } = await publishedPhoto(t, s))
}, 60_000)
afterAll(() => t?.close())

const download = (id: string, token: string | null, body: unknown) => request(t, 'POST', `/v1/photos/${id}/downloads`, token, body)

describe('a download outside the effective permission', () => {
  const cases: { name: string; body: Record<string, unknown>; reason: string; detail: RegExp }[] = [
    // rsw-editorial@1.0 grants editorial and social only.
    { name: 'a use the licence does not grant', body: { use: 'education', channel: 'web' }, reason: 'use-not-permitted', detail: /"education"/ },
    { name: 'a use off unless granted', body: { use: 'advertising', channel: 'print' }, reason: 'use-not-permitted', detail: /"advertising"/ },
    { name: 'an excluded topic', body: { use: 'editorial', channel: 'web', topic: 'trafficking' }, reason: 'topic-excluded', detail: /"trafficking"/ },
    {
      name: 'another excluded topic, on social media',
      body: { use: 'social', channel: 'social', topic: 'victimhood' },
      reason: 'topic-excluded',
      detail: /"victimhood"/,
    },
    { name: 'an editorial use posted on social media', body: { use: 'editorial', channel: 'social' }, reason: 'channel-not-permitted', detail: /"social"/ },
    { name: 'a social use on a website', body: { use: 'social', channel: 'web' }, reason: 'channel-not-permitted', detail: /"web"/ },
    { name: 'an exhibition wall for news', body: { use: 'editorial', channel: 'exhibition' }, reason: 'channel-not-permitted', detail: /"exhibition"/ },
    { name: 'a classroom for news', body: { use: 'editorial', channel: 'classroom' }, reason: 'channel-not-permitted', detail: /"classroom"/ },
  ]
  for (const c of cases) {
    it(`is refused for ${c.name}: 403 ${c.reason}, no grant, one audit event of codes only`, async () => {
      const before = await grantCount(t, photoId)
      const events = (await auditEvents(t, photoId, 'download.refused')).length
      const r = await download(photoId, press.token, { ...c.body, headline: 'Geheime kop', outlet: 'Weekblad X', articleUrl: 'https://dagkrant.example/a' })
      expect(r.status, r.text).toBe(403)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
      expect(r.body).toMatchObject({ type: `/problems/${c.reason}`, reason: c.reason, status: 403 })
      expect(r.body.detail).toMatch(c.detail)
      expect(await grantCount(t, photoId)).toBe(before)
      const after = await auditEvents(t, photoId, 'download.refused')
      expect(after).toHaveLength(events + 1)
      const e = after.at(-1)!
      expect(e).toMatchObject({ actor_kind: 'user', actor_id: press.id })
      expect(e.data).toMatchObject({ reason: c.reason, organisationId: orgId, use: c.body.use, channel: c.body.channel })
      expect(JSON.stringify(e.data)).not.toMatch(/Geheime|Weekblad|dagkrant/)
    })
  }

  it("is refused for an organisation on a person's deny list, and outside an allow list", async () => {
    const denied = await publishedPhoto(t, s, { consent: { outletDeny: [orgId] } })
    const r = await download(denied.photoId, press.token, EDITORIAL)
    expect(r.status).toBe(403)
    expect(r.body).toMatchObject({ type: '/problems/outlet-not-permitted', reason: 'outlet-not-permitted' })
    expect(await grantCount(t, denied.photoId)).toBe(0)
    expect((await auditEvents(t, denied.photoId, 'download.refused'))[0]!.data).toMatchObject({ reason: 'outlet-not-permitted', organisationId: orgId })

    const other = await organisation(t)
    const allowOnly = await publishedPhoto(t, s, { consent: { outletAllow: [other] } })
    const r2 = await download(allowOnly.photoId, press.token, EDITORIAL)
    expect(r2.body.reason).toBe('outlet-not-permitted')
    // The organisation that is allowed gets it.
    const theirs = await journalist(t, other)
    expect((await download(allowOnly.photoId, theirs.token, EDITORIAL)).status).toBe(201)
    expect(await grantCount(t, allowOnly.photoId)).toBe(1)
  })

  it('is granted for a topic the person opted in to (themselves, in the portal)', async () => {
    const optedIn = await publishedPhoto(t, s)
    const link = await request(t, 'POST', `/v1/subjects/${optedIn.subjectId}/portal-link`, s.admin.token)
    const lifted = await request(t, 'PUT', `/v1/portal/photos/${optedIn.photoId}/consent`, link.body.token, {
      identifiable: true,
      identifiabilityAgreed: true,
      publicPreview: true,
      excludedTopics: ['crime'],
    })
    expect(lifted.status, lifted.text).toBe(200)
    expect((await download(optedIn.photoId, press.token, { use: 'editorial', channel: 'print', topic: 'trafficking' })).status).toBe(201)
    expect((await download(optedIn.photoId, press.token, { use: 'editorial', channel: 'print', topic: 'crime' })).body.reason).toBe('topic-excluded')
  })
})

describe('a download inside the permission', () => {
  it('records a grant with the exact licence version and answers with the URL, attribution, caption note and terms', async () => {
    const body = {
      use: 'editorial',
      channel: 'print',
      topic: 'migration',
      outlet: 'Zaterdagbijlage',
      headline: 'Werken in de stad',
      articleUrl: 'https://dagkrant.example/stad',
      preset: 'medium',
      format: 'webp',
    }
    // 900 px wide: medium (1280) is more than it has, so the largest it has below it, small (640), is given.
    const r = await download(photoId, press.token, body)
    expect(r.status, r.text).toBe(201)
    expect(r.headers.get('cache-control')).toBe('no-store')
    const g = r.body.grant
    expect(g).toMatchObject({
      photoId,
      organisationId: orgId,
      licence: 'rsw-editorial@1.0',
      use: 'editorial',
      channel: 'print',
      topic: 'migration',
      outlet: 'Zaterdagbijlage',
      preset: 'small',
      format: 'webp',
      publicationUrl: null,
    })
    expect(r.body.url).toMatch(new RegExp(`^/v1/downloads/${g.id}/file\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}$`))
    const ttl = (Date.parse(r.body.expiresAt) - Date.now()) / 1000
    expect(ttl).toBeGreaterThan(590)
    expect(ttl).toBeLessThanOrEqual(600)

    expect(r.body.attribution.nl.text).toBe('‘Een portret’ – Foto: Sam V. / Reimagining Sex Work via Eerlijk Beeld (RSW-redactielicentie 1.0)')
    expect(r.body.attribution.en.html).toContain(`<a href="${t.rt.origin}/licences/rsw-editorial/1.0" rel="license">RSW editorial licence 1.0</a>`)
    expect(r.body.attribution.en.markdown).toContain(`[RSW editorial licence 1.0](${t.rt.origin}/licences/rsw-editorial/1.0)`)
    expect(r.body.captionNote).toEqual({
      nl: 'De persoon op de foto is niet betrokken bij dit verhaal.',
      en: 'The person pictured is not involved in this story.',
    })
    expect(r.body.terms).toMatchObject({ licence: 'rsw-editorial', version: '1.0', url: `${t.rt.origin}/licences/rsw-editorial/1.0` })
    expect(r.body.terms.title.nl).toContain('redactionele licentie')
    expect(r.body.terms.permittedUses).toEqual([
      { use: 'editorial', label: { nl: 'nieuws en achtergrond', en: 'news and features' } },
      { use: 'social', label: { nl: 'sociale media van media', en: "outlets' social media" } },
    ])
    expect(r.body.terms.prohibitedContexts.topics.map((x: { topic: string }) => x.topic).sort()).toEqual([
      'crime',
      'health',
      'trafficking',
      'victimhood',
      'violence',
    ])
    expect(r.body.terms.prohibitedContexts.topics.find((x: { topic: string }) => x.topic === 'trafficking').label).toEqual({
      nl: 'mensenhandel',
      en: 'trafficking',
    })

    const [row] = rowsOf<Record<string, any>>(await t.rt.database.db.execute(sql`select * from download_grants where id = ${g.id}`))
    expect(row).toMatchObject({
      licence: 'rsw-editorial@1.0',
      use: 'editorial',
      channel: 'print',
      topic: 'migration',
      outlet: 'Zaterdagbijlage',
      headline: 'Werken in de stad',
      article_url: 'https://dagkrant.example/stad',
      preset: 'small',
      format: 'webp',
      organisation_id: orgId,
      requested_by: press.id,
    })
    expect(row!.attribution).toEqual(r.body.attribution)
    const [event] = await auditEvents(t, photoId, 'download.granted')
    expect(event!.data).toMatchObject({
      grantId: g.id,
      organisationId: orgId,
      licence: 'rsw-editorial',
      licenceVersion: '1.0',
      use: 'editorial',
      channel: 'print',
      topic: 'migration',
    })
  })

  it('keeps the licence version the photo had at the time, and defaults to JPEG, as large as the photo has up to large', async () => {
    const { photoId: p } = await publishedPhoto(t, s)
    const first = await download(p, press.token, EDITORIAL)
    expect(first.body.grant).toMatchObject({ licence: 'rsw-editorial@1.0', preset: 'small', format: 'jpeg', topic: null })
    // A curator moves the photo to another licence: later grants record that one, the earlier stays.
    await request(t, 'PATCH', `/v1/photos/${p}`, s.curator.token, { licence: 'rsw-education@1.0' })
    const second = await download(p, press.token, { use: 'education', channel: 'classroom' })
    expect(second.status, second.text).toBe(201)
    expect(second.body.grant.licence).toBe('rsw-education@1.0')
    const rows = rowsOf<{ licence: string }>(await t.rt.database.db.execute(sql`select licence from download_grants where photo_id = ${p} order by created_at`))
    expect(rows.map((x) => x.licence)).toEqual(['rsw-editorial@1.0', 'rsw-education@1.0'])
  })
})

describe('who may download, and bad input', () => {
  it("takes an organisation's API key as that organisation: the grant has no user, the audit names the organisation", async () => {
    const { key } = await t.rt.apiKeys.create(orgId, 'beeldredactie', { kind: 'user', id: s.admin.id, userId: s.admin.id })
    const r = await download(photoId, key, { ...EDITORIAL, preset: 'thumb' })
    expect(r.status, r.text).toBe(201)
    expect(r.body.grant.organisationId).toBe(orgId)
    const [row] = rowsOf<{ requested_by: string | null }>(
      await t.rt.database.db.execute(sql`select requested_by from download_grants where id = ${r.body.grant.id}`),
    )
    expect(row!.requested_by).toBeNull()
    const events = await auditEvents(t, photoId, 'download.granted')
    expect(events.find((e) => e.data.grantId === r.body.grant.id)).toMatchObject({ actor_kind: 'organisation', actor_id: orgId })
    const refused = await download(photoId, key, { use: 'editorial', channel: 'web', topic: 'crime' })
    expect(refused.body.reason).toBe('topic-excluded')
    // The key works for the signed file like any other grant, and the file URL needs no key.
    expect((await fetch(`${t.url}${r.body.url}`)).status).toBe(200)
  })

  it('asks anonymous callers to authenticate, and refuses callers without an enabled organisation', async () => {
    const before = await grantCount(t, photoId)
    expect((await download(photoId, null, EDITORIAL)).status).toBe(401)
    expect((await download(photoId, 'ebs_nonsense', EDITORIAL)).status).toBe(401)
    const loner = await journalist(t, null)
    const disabledOrg = await journalist(t, await organisation(t, 'Nog niet gekeurd', false))
    for (const who of [loner, disabledOrg]) {
      const r = await download(photoId, who.token, EDITORIAL)
      expect(r.status).toBe(403)
      expect(r.body.type).toBe('/problems/no-organisation')
    }
    // Grants belong to organisations: the staff and photographers download nothing.
    for (const who of [s.curator, s.admin, s.photographer]) expect((await download(photoId, who.token, EDITORIAL)).status).toBe(403)
    expect(await grantCount(t, photoId)).toBe(before)
  })

  it('answers 404 for unknown or unpublished photos and 410 after withdrawal, recording nothing', async () => {
    expect((await download('00000000-0000-4000-8000-000000000000', press.token, EDITORIAL)).status).toBe(404)
    expect((await download('not-a-uuid', press.token, EDITORIAL)).status).toBe(400)
    const { photoId: p, subjectId } = await publishedPhoto(t, s)
    await request(t, 'POST', `/v1/photos/${p}/people/${subjectId}/withdraw`, s.admin.token, {})
    const gone = await download(p, press.token, EDITORIAL)
    expect(gone.status).toBe(410)
    expect(gone.body.type).toBe('/problems/photo-gone')
    expect(await grantCount(t, p)).toBe(0)
    expect(await auditEvents(t, p, 'download.refused')).toEqual([])
  })

  it('refuses unknown words, unsafe URLs, extra fields and missing fields with 400, recording nothing', async () => {
    const before = await grantCount(t, photoId)
    const bad: Record<string, unknown>[] = [
      { use: 'propaganda', channel: 'web' },
      { use: 'editorial', channel: 'billboard' },
      { use: 'editorial', channel: 'web', topic: 'gossip' },
      { use: 'editorial', channel: 'web', articleUrl: 'javascript:alert(1)' },
      { use: 'editorial', channel: 'web', articleUrl: 'JaVaScRiPt://x%0aalert(1)' },
      { use: 'editorial', channel: 'web', articleUrl: 'data:text/html,<script>' },
      { use: 'editorial', channel: 'web', articleUrl: 'https://' },
      { use: 'editorial', channel: 'web', articleUrl: 'https://a.example/ space' },
      { use: 'editorial', channel: 'web', preset: 'original' },
      { use: 'editorial', channel: 'web', format: 'avif' },
      { use: 'editorial', channel: 'web', organisationId: '00000000-0000-4000-8000-000000000000' },
      { use: 'editorial', channel: 'web', headline: 'x'.repeat(301) },
      { use: 'editorial', channel: 'web', outlet: '' },
      { channel: 'web' },
      { use: 'editorial' },
    ]
    for (const body of bad) {
      const r = await download(photoId, press.token, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.headers.get('content-type')).toContain('application/problem+json')
    }
    const raw = await fetch(`${t.url}/v1/photos/${photoId}/downloads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${press.token}`, 'content-type': 'application/json' },
      body: '{"use":',
    })
    expect(raw.status).toBe(400)
    expect(await grantCount(t, photoId)).toBe(before)
  })

  it('needs the CSRF token when a journalist downloads with the session cookie', async () => {
    const login = await fetch(`${t.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: press.email, password: press.password }),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const send = (headers: Record<string, string>) =>
      fetch(`${t.url}/v1/photos/${photoId}/downloads`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(EDITORIAL),
      })
    expect((await send({})).status).toBe(403)
    expect((await send({ 'x-csrf-token': csrfToken })).status).toBe(201)
  })
})
