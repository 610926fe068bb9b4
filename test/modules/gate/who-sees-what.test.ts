/**
 * DESIGN.md "Who sees what", as one table: every caller kind × every purpose (and size) × four photos →
 * the HTTP status, asked over real HTTP. The photos: P1 published, public preview, its person denies
 * outlet X; P2 published, no public preview, also denies X; P3 a draft; P4 published, then withdrawn.
 * The person pictured is the same in all four. (Hole 3 of issue 11: outlet rules, disabled organisations
 * and "no public preview" used to stop only downloads: medium/large and the detail went out with a 200.)
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, upload, type TestApp, startTestApp } from '../../support/app.ts'
import { AGREED, journalist, organisation, randomJpeg, staff, type Staff } from '../../support/factories.ts'

type CallerKind = 'anonymous' | 'desk' | 'disabledOrg' | 'excludedKey' | 'revokedKey' | 'owner' | 'otherPhotographer' | 'curator' | 'admin' | 'person'
type Photo = 'P1' | 'P2' | 'P3' | 'P4'
const PURPOSES = ['view', 'thumb', 'small', 'medium', 'large', 'download', 'portal', 'embed'] as const
type Purpose = (typeof PURPOSES)[number]

// The one table. Per caller, per photo: the status for each purpose, in the order of PURPOSES:
//              view thumb small medium large download(large) portal(small) embed
// ('-': not asked: only the person has a portal link, and wrong portal tokens are rate-limited per client.)
const TABLE: Record<CallerKind, Record<Photo, string>> = {
  anonymous: {
    P1: '200 200 200 403 403 401 - 200',
    P2: '404 404 404 404 404 401 - 410',
    P3: '404 404 404 404 404 401 - 404',
    P4: '410 410 410 410 410 401 - 410',
  },
  desk: { P1: '200 200 200 200 403 201 - 200', P2: '200 200 200 200 403 201 - 410', P3: '404 404 404 404 404 404 - 404', P4: '410 410 410 410 410 410 - 410' },
  disabledOrg: {
    P1: '200 200 200 403 403 403 - 200',
    P2: '404 404 404 404 404 403 - 410',
    P3: '404 404 404 404 404 403 - 404',
    P4: '410 410 410 410 410 403 - 410',
  },
  excludedKey: {
    P1: '200 200 200 403 403 403 - 200',
    P2: '404 404 404 404 404 403 - 410',
    P3: '404 404 404 404 404 404 - 404',
    P4: '410 410 410 410 410 410 - 410',
  },
  revokedKey: {
    P1: '401 401 401 401 401 401 - 401',
    P2: '401 401 401 401 401 401 - 401',
    P3: '401 401 401 401 401 401 - 401',
    P4: '401 401 401 401 401 401 - 401',
  },
  owner: { P1: '200 200 200 200 200 403 - 200', P2: '200 200 200 200 200 403 - 410', P3: '200 200 200 200 200 403 - 404', P4: '200 410 410 410 410 403 - 410' },
  otherPhotographer: {
    P1: '200 200 200 403 403 403 - 200',
    P2: '404 404 404 404 404 403 - 410',
    P3: '404 404 404 404 404 403 - 404',
    P4: '410 410 410 410 410 403 - 410',
  },
  curator: {
    P1: '200 200 200 200 200 403 - 200',
    P2: '200 200 200 200 200 403 - 410',
    P3: '200 200 200 200 200 403 - 404',
    P4: '200 410 410 410 410 403 - 410',
  },
  admin: { P1: '200 200 200 200 200 403 - 200', P2: '200 200 200 200 200 403 - 410', P3: '200 200 200 200 200 403 - 404', P4: '200 410 410 410 410 403 - 410' },
  person: {
    P1: '200 200 200 403 403 401 200 200',
    P2: '404 404 404 404 404 401 200 410',
    P3: '404 404 404 404 404 401 200 404',
    P4: '410 410 410 410 410 401 410 410',
  },
}

let t: TestApp
let s: Staff
const tokens = {} as Record<CallerKind, string | null>
const photos = {} as Record<Photo, string>
let orgX: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  const [orgA, orgB] = [await organisation(t), await organisation(t, undefined, false)]
  orgX = await organisation(t)
  const actor = { kind: 'system' as const, id: 'test' }
  const excluded = await t.rt.apiKeys.create(orgX, 'excluded', actor)
  const revoked = await t.rt.apiKeys.create(orgA, 'revoked', actor)
  await t.rt.apiKeys.revoke(revoked.id, null, actor)
  const other = await t.user('photographer')
  Object.assign(tokens, {
    anonymous: null,
    desk: (await journalist(t, orgA)).token,
    disabledOrg: (await journalist(t, orgB)).token,
    excludedKey: excluded.key,
    revokedKey: revoked.key,
    owner: s.photographer.token,
    otherPhotographer: other.token,
    curator: s.curator.token,
    admin: s.admin.token,
  })
  const subject = (await request(t, 'POST', '/v1/subjects', s.photographer.token, { pseudonym: 'Tafel' })).body
  const consents: Record<Photo, Record<string, unknown>> = {
    P1: { ...AGREED, outletDeny: [orgX] },
    P2: { ...AGREED, publicPreview: false, outletDeny: [orgX] },
    P3: AGREED,
    P4: AGREED,
  }
  for (const p of ['P1', 'P2', 'P3', 'P4'] as Photo[]) {
    // 2400 px wide: every preset exists, 'large' too.
    const up = await upload(
      t,
      s.photographer.token,
      { name: 'p.jpg', bytes: await randomJpeg(2400, 1600), type: 'image/jpeg' },
      { captionNl: 'Tafel', captionEn: 'Table', altNl: 'Een tafel', altEn: 'A table' },
    )
    expect(up.res.status).toBe(201)
    photos[p] = up.body.id as string
    expect((await request(t, 'POST', `/v1/photos/${photos[p]}/people`, s.photographer.token, { subjectId: subject.id, consent: consents[p] })).status).toBe(201)
    if (p === 'P3') continue
    expect((await request(t, 'POST', `/v1/photos/${photos[p]}/submit`, s.photographer.token)).status).toBe(200)
    expect((await request(t, 'POST', `/v1/photos/${photos[p]}/publish`, s.curator.token)).status).toBe(200)
  }
  expect((await request(t, 'POST', `/v1/photos/${photos.P4}/people/${subject.id}/withdraw`, s.admin.token, {})).status).toBe(200)
  tokens.person = (await request(t, 'POST', `/v1/subjects/${subject.id}/portal-link`, s.admin.token)).body.token as string
}, 120_000)
afterAll(() => t?.close())

async function ask(caller: CallerKind, photo: Photo, purpose: Purpose): Promise<number> {
  const id = photos[photo]
  const token = tokens[caller]
  const get = async (url: string) => (await fetch(`${t.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status
  switch (purpose) {
    case 'view':
      return get(`/v1/photos/${id}`)
    case 'thumb':
    case 'small':
    case 'medium':
    case 'large':
      return get(`/v1/photos/${id}/media/${purpose}.jpeg`)
    case 'download':
      return (await request(t, 'POST', `/v1/photos/${id}/downloads`, token, { use: 'editorial', channel: 'web', preset: 'large' })).status
    case 'portal':
      return get(`/v1/portal/photos/${id}/media/small.jpeg`)
    case 'embed':
      return get(`/embed/${id}`)
  }
}

describe('who sees what: every caller × purpose × size, from one table', () => {
  it('answers each as the table says', async () => {
    const seen: string[] = []
    const want: string[] = []
    for (const caller of Object.keys(TABLE) as CallerKind[]) {
      for (const photo of ['P1', 'P2', 'P3', 'P4'] as Photo[]) {
        const expected = TABLE[caller][photo].split(' ')
        for (const [i, purpose] of PURPOSES.entries()) {
          seen.push(`${caller} ${photo} ${purpose} → ${expected[i] === '-' ? '-' : await ask(caller, photo, purpose)}`)
          want.push(`${caller} ${photo} ${purpose} → ${expected[i]}`)
        }
      }
    }
    expect(seen).toEqual(want)
  })

  it('gives each caller only the sizes it may have in the detail (no URL to a size it would be refused)', async () => {
    const presets = async (caller: CallerKind) => {
      const r = await request(t, 'GET', `/v1/photos/${photos.P1}`, tokens[caller])
      return [...new Set((r.body.derivatives as { preset: string }[]).map((d) => d.preset))]
    }
    expect(await presets('anonymous')).toEqual(['thumb', 'small'])
    expect(await presets('otherPhotographer')).toEqual(['thumb', 'small'])
    expect(await presets('disabledOrg')).toEqual(['thumb', 'small'])
    expect(await presets('excludedKey')).toEqual(['thumb', 'small'])
    expect(await presets('desk')).toEqual(['thumb', 'small', 'medium'])
    expect(await presets('owner')).toEqual(['thumb', 'small', 'medium', 'large'])
    expect(await presets('curator')).toEqual(['thumb', 'small', 'medium', 'large'])
    // The permission (uses, topics, validity) is told to the desk, not to a public preview.
    expect((await request(t, 'GET', `/v1/photos/${photos.P1}`, tokens.desk)).body.permittedUses).not.toBeNull()
    expect((await request(t, 'GET', `/v1/photos/${photos.P1}`, tokens.excludedKey)).body.permittedUses).toBeNull()
  })

  it("records a curator's or admin's view of an unpublished photo in the audit trail, not a published one", async () => {
    const count = async (id: string) =>
      rowsOf<{ n: number }>(
        await t.rt.database.db.execute(sql`select count(*)::int as n from audit_events where photo_id = ${id} and type = 'photo.reviewed'`),
      )[0]!.n
    const [draftBefore, publishedBefore] = [await count(photos.P3), await count(photos.P1)]
    expect((await request(t, 'GET', `/v1/photos/${photos.P3}`, s.curator.token)).status).toBe(200)
    expect((await request(t, 'GET', `/v1/photos/${photos.P1}`, s.curator.token)).status).toBe(200)
    expect(await count(photos.P3)).toBe(draftBefore + 1)
    expect(await count(photos.P1)).toBe(publishedBefore)
    // Its own photographer looking at the draft is not a review.
    expect((await request(t, 'GET', `/v1/photos/${photos.P3}`, s.photographer.token)).status).toBe(200)
    expect(await count(photos.P3)).toBe(draftBefore + 1)
  })
})
