/**
 * The live rights check (/rights/:photoId, /rights/grants/:grantId) before and after narrowing,
 * withdrawal, expiry and erasure; 404 for a photo never published; the licences API and our deeds; the
 * public IIIF manifest opened by an outside client (@iiif/parser) without a login; schema.org read back
 * from the rendered photo page.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { normalize } from '@iiif/parser'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import { rowsOf } from '../../../api/src/db/client.ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { galleryRoutes } from '../../../api/src/platform/gallery.ts'
import { request, upload, startTestApp, type TestApp } from '../../support/app.ts'
import { AGREED, EDITORIAL, journalist, organisation, publishedPhoto, randomJpeg, staff, type Staff, type User } from '../../support/factories.ts'
import { placePhoto } from './rights-support.ts'

let t: TestApp
let s: Staff
let press: User

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t))
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const check = async (p: string) => {
  const res = await fetch(`${t.url}${p}`, { headers: { accept: 'application/json' } })
  return { status: res.status, body: (await res.json()) as Record<string, any>, headers: res.headers }
}
const grantOf = async (photoId: string, body: Record<string, unknown> = EDITORIAL) => {
  const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, press.token, body)
  expect(r.status, r.text).toBe(201)
  return r.body.grant.id as string
}
const hoursBetween = (a: string, b: string | Date) => (new Date(a).getTime() - new Date(b).getTime()) / 3_600_000

describe('the rights check', () => {
  it('is 404 for a photo never published, exactly as for one that never existed or a malformed id', async () => {
    const { body: draft } = await upload(t, s.photographer.token, { name: 'd.jpg', bytes: await randomJpeg(), type: 'image/jpeg' }, { captionNl: 'Concept' })
    const answers = await Promise.all(
      [`/rights/${draft.id}`, `/rights/${crypto.randomUUID()}`, '/rights/not-an-id', `/rights/grants/${crypto.randomUUID()}`].map(check),
    )
    for (const a of answers) expect(a.status).toBe(404)
    expect(new Set(answers.map((a) => JSON.stringify({ ...a.body, instance: undefined }))).size).toBe(1)
  })

  it('says "available", then "narrowed" with what changed, then "remove" by a deadline for a grant the narrowing no longer covers', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const editorial = await grantOf(photoId)
    const social = await grantOf(photoId, { use: 'social', channel: 'social', topic: null })
    const before = await check(`/rights/${photoId}`)
    expect(before.status).toBe(200)
    expect(before.headers.get('access-control-allow-origin')).toBe('*')
    expect(before.headers.get('cache-control')).toBe('no-cache')
    expect(before.body).toMatchObject({
      photoId,
      status: 'available',
      reason: null,
      changes: null,
      removeBy: null,
      licence: { id: 'rsw-editorial', version: '1.0', url: `${t.rt.origin}/licences/rsw-editorial/1.0` },
    })
    expect((await check(`/rights/grants/${social}`)).body.status).toBe('available')

    // The person narrows: no more social media.
    const narrowed = await request(t, 'PUT', `/v1/photos/${photoId}/people/${subjectId}/consent`, s.photographer.token, {
      ...AGREED,
      uses: ['editorial', 'education', 'exhibition'],
    })
    expect(narrowed.status, narrowed.text).toBe(200)
    const after = await check(`/rights/${photoId}`)
    expect(after.body.status).toBe('narrowed')
    expect(after.body.changes.removedUses.map((u: { use: string }) => u.use)).toEqual(['social'])
    expect(after.body.permittedUses.map((u: { use: string }) => u.use)).not.toContain('social')
    expect((await check(`/rights/grants/${editorial}`)).body).toMatchObject({ status: 'narrowed', removeBy: null, grant: { id: editorial, use: 'editorial' } })
    const gone = (await check(`/rights/grants/${social}`)).body
    expect(gone).toMatchObject({ status: 'remove', reason: 'narrowed', grant: { use: 'social' } })
    expect(hoursBetween(gone.removeBy, gone.changes.since)).toBe(48)
    // Nothing about the person: not their pseudonym, not their id.
    for (const text of [JSON.stringify(after.body), JSON.stringify(gone)]) {
      expect(text).not.toContain(subjectId)
      expect(text).not.toMatch(/Noor/)
    }
    const page = await fetch(`${t.url}/rights/grants/${social}`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('Niet meer gebruiken: weghalen')
    expect(html).toContain('No longer to be used: remove it')
    expect(html).not.toContain('<script')
  })

  it('says "remove" after a withdrawal, with the deadline 48 hours from it, for the photo and every grant', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const g = await grantOf(photoId)
    const w = await request(t, 'POST', `/v1/photos/${photoId}/people/${subjectId}/withdraw`, s.photographer.token)
    expect(w.status, w.text).toBe(200)
    const [row] = rowsOf<{ created_at: string | Date }>(
      await t.rt.database.db.execute(sql`select created_at from consents where photo_id = ${photoId} and state = 'withdrawn'`),
    )
    const withdrawnAt = new Date(row!.created_at)
    for (const p of [`/rights/${photoId}`, `/rights/grants/${g}`]) {
      const r = await check(p)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ status: 'remove', reason: 'withdrawn', permittedUses: [], changes: null })
      expect(Math.round(hoursBetween(r.body.removeBy, withdrawnAt))).toBe(48)
    }
  })

  it('says "remove" once consent expired, counted from the day after the last valid day', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const g = await grantOf(photoId)
    expect((await check(`/rights/${photoId}`)).body.status).toBe('available')
    // The calendar moves on: the last valid day was yesterday.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)
    await t.rt.database.db.execute(
      sql`update consents set valid_from = '2024-01-01', valid_until = ${yesterday} where photo_id = ${photoId} and subject_id = ${subjectId}`,
    )
    t.rt.records.clear()
    for (const p of [`/rights/${photoId}`, `/rights/grants/${g}`]) {
      const r = await check(p)
      expect(r.body).toMatchObject({ status: 'remove', reason: 'expired' })
      expect(r.body.removeBy).toBe(new Date(new Date(`${yesterday}T00:00:00Z`).getTime() + 72 * 3_600_000).toISOString())
    }
  })

  it('says "remove" after the person pictured was erased, and nothing of them', async () => {
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const g = await grantOf(photoId)
    const link = await request(t, 'POST', `/v1/subjects/${subjectId}/portal-link`, s.admin.token)
    expect(link.status).toBe(201)
    const asked = await request(t, 'POST', '/v1/portal/erasure', link.body.token, { confirm: true })
    expect(asked.status, asked.text).toBe(202)
    expect((await request(t, 'POST', `/v1/admin/erasure-requests/${asked.body.id}/carry-out`, s.admin.token)).status).toBe(200)
    for (const p of [`/rights/${photoId}`, `/rights/grants/${g}`]) {
      const r = await check(p)
      expect(r.status).toBe(200)
      expect(r.body).toMatchObject({ status: 'remove', reason: 'withdrawn' })
      expect(r.body.removeBy).toEqual(expect.any(String))
      expect(JSON.stringify(r.body)).not.toContain(subjectId)
    }
  })
})

describe('licences', () => {
  it('GET /v1/licences serves our own and the open ones, each with texts, uses, contexts, version and hash', async () => {
    const r = await request(t, 'GET', '/v1/licences', null)
    expect(r.status).toBe(200)
    const byRef = new Map((r.body.items as Record<string, any>[]).map((l) => [l.ref, l]))
    expect([...byRef.keys()].sort()).toEqual([
      'cc-by-sa@3.0',
      'cc-by-sa@4.0',
      'cc-by@4.0',
      'cc0@1.0',
      'rsw-editorial@1.0',
      'rsw-education@1.0',
      'rsw-exhibition@1.0',
    ])
    const ccBySa = byRef.get('cc-by-sa@4.0')!
    expect(ccBySa).toMatchObject({ kind: 'open', url: 'https://creativecommons.org/licenses/by-sa/4.0/', prohibitedContexts: { topics: [] } })
    expect(ccBySa.permittedUses).toContain('advertising')
    const ours = byRef.get('rsw-editorial@1.0')!
    expect(ours).toMatchObject({
      kind: 'own',
      url: `${t.rt.origin}/licences/rsw-editorial/1.0`,
      permittedUses: ['editorial', 'social'],
      sha256: t.rt.licences.get('rsw-editorial', '1.0')!.sha256,
    })
    expect(ours.text.nl).toMatch(/CONCEPT/)
    expect(ours.text.en.length).toBeGreaterThan(100)
    for (const l of byRef.values()) expect(l.url).not.toContain('eerlijkbeeld.nl')

    // Only the open ones, or only ours; anything else is a problem, not an empty list.
    expect(((await request(t, 'GET', '/v1/licences?kind=open', null)).body.items as { ref: string }[]).map((l) => l.ref).sort()).toEqual([
      'cc-by-sa@3.0',
      'cc-by-sa@4.0',
      'cc-by@4.0',
      'cc0@1.0',
    ])
    expect(((await request(t, 'GET', '/v1/licences?kind=own', null)).body.items as { kind: string }[]).every((l) => l.kind === 'own')).toBe(true)
    const bad = await request(t, 'GET', '/v1/licences?kind=free', null)
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect((await request(t, 'GET', '/v1/licences/cc0', null)).body.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/')
    expect((await request(t, 'GET', '/v1/licences/rsw-exhibition@1.0', null)).body.version).toBe('1.0')
    expect((await request(t, 'GET', '/v1/licences/nope', null)).status).toBe(404)
    const deed = await fetch(`${t.url}/licences/rsw-editorial/1.0`)
    expect(deed.status).toBe(200)
    const html = await deed.text()
    expect(html).toContain(ours.title.nl)
    expect(html).toContain(ours.sha256)
    const paths = (await request(t, 'GET', '/v1/openapi.json', null)).body.paths
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/v1/licences', '/v1/licences/{id}', '/rights/{id}', '/rights/grants/{id}', '/iiif/photos/{id}/manifest.json']),
    )
  })
})

describe('public metadata outward', () => {
  it('an outside IIIF client loads the manifest of a photo anyone may preview, and its images, without a login', async () => {
    const open = await placePhoto(t, s, 'cc-by-sa@4.0')
    const { photoId: person } = await publishedPhoto(t, s)
    for (const [photoId, rights] of [
      [open, 'http://creativecommons.org/licenses/by-sa/4.0/'],
      [person, 'http://rightsstatements.org/vocab/InC/1.0/'],
    ] as const) {
      const res = await fetch(`${t.url}/iiif/photos/${photoId}/manifest.json`, { headers: { origin: 'https://viewer.example' } })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      const json = await res.json()
      const { entities, resource } = normalize(json) as any
      const manifest = entities.Manifest[resource.id]
      expect(manifest.rights).toBe(rights)
      const canvas = entities.Canvas[manifest.items[0].id]
      const page = entities.AnnotationPage[canvas.items[0].id]
      const anno = entities.Annotation[page.items[0].id]
      const image = entities.ContentResource[anno.body[0].id]
      expect(image.type).toBe('Image')
      // Links are on the app's own origin (PUBLIC_URL or its configured address), never the request's Host;
      // the test server listens on a port of its own, so the path is fetched from there.
      expect(image.id.startsWith(`${t.rt.origin}/v1/photos/${photoId}/media/`)).toBe(true)
      const served = new URL(image.id)
      const img = await fetch(`${t.url}${served.pathname}${served.search}`, { headers: { origin: 'https://viewer.example' } })
      expect(img.status).toBe(200)
      expect(img.headers.get('content-type')).toBe('image/jpeg')
      expect(img.headers.get('access-control-allow-origin')).toBe('*')
      expect(img.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      expect(canvas.width).toBe(image.width)
    }
    // The curator's full manifest of a collection stays behind login.
    const id = (await request(t, 'POST', '/v1/collections', s.curator.token, { kind: 'collection', titleNl: 'C', titleEn: 'C' })).body.id
    expect((await request(t, 'GET', `/v1/collections/${id}/manifest.json`, null)).status).toBe(401)
  })

  it('answers 404 for the manifest of a photo whose people allow no public preview', async () => {
    const { photoId } = await publishedPhoto(t, s, { consent: { publicPreview: false } })
    expect((await fetch(`${t.url}/iiif/photos/${photoId}/manifest.json`)).status).toBe(404)
  })

  it('the rendered photo page carries schema.org ImageObject with the served size, the creator, the deed and the credit', async () => {
    const photoId = await placePhoto(t, s, 'cc-by@4.0')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-web-'))
    fs.mkdirSync(path.join(dir, 'dist'))
    fs.writeFileSync(path.join(dir, 'dist/index.html'), '<!doctype html><html><head><title>g</title></head><body></body></html>')
    const app = Fastify()
    await app.register(galleryRoutes, { webDir: dir, origin: 'http://beeld.example', publicPhoto: (id) => t.rt.photos.get(id, null) })
    try {
      const r = await app.inject({ url: `/photos/${photoId}`, headers: { host: 'beeld.example' } })
      const ld = JSON.parse(/<script type="application\/ld\+json" id="server-jsonld">([\s\S]*?)<\/script>/.exec(r.body)![1]!)
      const view = await t.rt.photos.get(photoId, null)
      const small = view.derivatives.find((d) => d.preset === 'small' && d.format === 'jpeg')!
      expect(ld).toMatchObject({
        '@type': 'ImageObject',
        width: small.width,
        height: small.height,
        creator: { '@type': 'Person', name: 'Sam V.' },
        license: 'https://creativecommons.org/licenses/by/4.0/',
        acquireLicensePage: `http://beeld.example/photos/${photoId}`,
        creditText: 'Sam V. / Eerlijk Beeld',
        copyrightNotice: `© ${new Date().getUTCFullYear()} Sam V.`,
      })
      expect(ld.width).not.toBe(1500)
      expect(r.body).toContain('type="application/json+oembed"')
    } finally {
      await app.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
