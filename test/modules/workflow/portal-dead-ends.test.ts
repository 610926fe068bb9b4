/**
 * The model's portal and the admin's link without dead ends (issue 14): a 512 px photo's preview is the
 * largest size that exists (no `small`), revoking a link that doesn't exist says so, and the admin sees
 * the link's state (never its token).
 */
import crypto from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'

type User = Awaited<ReturnType<TestApp['user']>>
let t: TestApp
let owner: User, admin: User, curator: User
beforeAll(async () => {
  t = await startTestApp()
  ;[owner, admin, curator] = await Promise.all([t.user('photographer'), t.user('admin'), t.user('curator')])
})
afterAll(() => t?.close())

const call = (method: string, url: string, auth: string | null, body?: unknown) => request(t, method, url, auth, body)

async function model(width: number) {
  const [r, g, b] = crypto.randomBytes(3)
  const bytes = await sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: { r: r!, g: g!, b: b! } } })
    .jpeg()
    .toBuffer()
  const { res, body: photo } = await upload(
    t,
    owner.token,
    { name: 'p.jpg', bytes, type: 'image/jpeg' },
    { captionNl: 'x', captionEn: 'x', altNl: 'x', altEn: 'x' },
  )
  expect(res.status).toBe(201)
  const subject = (await call('POST', '/v1/subjects', owner.token, { pseudonym: `Noor ${crypto.randomBytes(3).toString('hex')}` })).body
  expect(
    (
      await call('POST', `/v1/photos/${photo.id}/people`, owner.token, {
        subjectId: subject.id,
        consent: { identifiable: false, identifiabilityAgreed: false },
      })
    ).status,
  ).toBe(201)
  return { photoId: photo.id as string, subjectId: subject.id as string }
}

describe('the portal preview', () => {
  it('of a 512 px photo is its thumb (no small exists), and it serves', async () => {
    const m = await model(512)
    const link = await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    const r = await call('GET', '/v1/portal', link.body.token)
    expect(r.status).toBe(200)
    expect(r.body.photos[0].preview).toBe(`/v1/portal/photos/${m.photoId}/media/thumb.jpeg`)
    expect((await call('GET', `/v1/portal/photos/${m.photoId}/media/small.jpeg`, link.body.token)).status).toBe(404)
    const img = await fetch(`${t.url}${r.body.photos[0].preview}`, { headers: { authorization: `Bearer ${link.body.token}` } })
    expect(img.status).toBe(200)
    expect((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).width).toBe(320)
  })

  it('of a large photo is still small (640 px)', async () => {
    const m = await model(1200)
    const link = await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect((await call('GET', '/v1/portal', link.body.token)).body.photos[0].preview).toBe(`/v1/portal/photos/${m.photoId}/media/small.jpeg`)
  })
})

describe('the admin and a portal link', () => {
  it('sees its state, revokes it once, and is told when there is nothing to revoke', async () => {
    const m = await model(400)
    expect((await call('GET', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)).body.state).toBe('none')
    const none = await call('DELETE', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect(none.status).toBe(404)
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(none.body.type).toBe('/problems/portal-link-not-found')
    expect(none.body.words.nl).toMatch(/geen werkende link/)

    const link = await call('POST', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    const active = await call('GET', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect(active.body).toMatchObject({ state: 'active', lastUsedAt: null, revokedAt: null })
    expect(active.text).not.toContain(link.body.token)
    await call('GET', '/v1/portal', link.body.token)
    expect((await call('GET', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)).body.lastUsedAt).toEqual(expect.any(String))

    const revoked = await call('DELETE', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)
    expect(revoked.body).toEqual({ revoked: 1 })
    expect((await call('GET', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)).body.state).toBe('revoked')
    expect((await call('DELETE', `/v1/subjects/${m.subjectId}/portal-link`, admin.token)).status).toBe(404)
    expect((await call('GET', '/v1/portal', link.body.token)).status).toBe(401)
  })

  it('refuses other roles and unknown people with problem+json', async () => {
    const m = await model(300)
    expect((await call('GET', `/v1/subjects/${m.subjectId}/portal-link`, curator.token)).status).toBe(403)
    expect((await call('DELETE', `/v1/subjects/${m.subjectId}/portal-link`, owner.token)).status).toBe(403)
    const unknown = await call('GET', '/v1/subjects/00000000-0000-4000-8000-000000000000/portal-link', admin.token)
    expect(unknown.status).toBe(404)
    expect(unknown.body.type).toBe('/problems/subject-not-found')
  })
})
