/**
 * No route serves photo data without the gate. Every registered route (the app's own OpenAPI document, so
 * a new route is seen the day it is added) whose path names a photo, or that lists, searches, embeds,
 * downloads, exports or previews photos, must be in GATED with a request that shows it asks the gate, or
 * in NOT_PHOTO_READS with the reason it serves no photo data. A GATED request must make the gate answer
 * (its `check` is observed, not replaced) for the photo the request names.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WEB_DIR } from '../../../api/src/app.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { EDITORIAL, journalist, organisation, publishedPhoto, randomJpeg, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let press: User
let photoId: string
let subjectId: string
let collectionId: string
let portalToken: string
let grantUrl: string
let grantId: string
let reviewId: string
/** A collection without the photo, so the photo is a candidate for it. */
let candidatesOf: string

/** Routes that may touch photos but serve none of their data (writes answer through a gated read). */
const NOT_PHOTO_READS: Record<string, string> = {
  'GET /v1/photos/{id}/people': 'who is in it and their consent: the consent module, for the photographer and the admin',
  'GET /v1/collections': 'titles and counts only',
  'GET /v1/organisations/{id}/downloads': "an organisation's grant records (ids, uses), no photo data",
  'GET /v1/organisations/{id}/downloads.csv': "an organisation's grant records (ids, uses), no photo data",
  'GET /v1/downloads/{grantId}': 'a grant record, no photo data',
  'GET /v1/portal/events': 'audit events about the person: ids and codes',
  'GET /v1/collections/published': 'the names of the published collections only',
  'GET /v1/subjects/{id}/portal-link': "a portal link's state (dates), no photo data",
}

/** [method, path as in the OpenAPI document] → the request that exercises it, naming `photoId`. */
const GATED: () => Record<string, () => Promise<number>> = () => ({
  'GET /v1/photos/{id}': () => call('GET', `/v1/photos/${photoId}`, null),
  'GET /v1/photos': () => call('GET', '/v1/photos', s.photographer.token),
  'GET /v1/photos/{id}/media/{file}': () => call('GET', `/v1/photos/${photoId}/media/small.jpeg`, null),
  'POST /v1/photos/{id}/downloads': () => call('POST', `/v1/photos/${photoId}/downloads`, press.token, EDITORIAL),
  'GET /v1/downloads/{grantId}/file': () => call('GET', grantUrl, null),
  'GET /v1/search': () => call('GET', '/v1/search?q=portret', null),
  'GET /v1/oembed': () => call('GET', `/v1/oembed?url=${encodeURIComponent(`${t.rt.config.publicUrl}/photos/${photoId}`)}`, null),
  'GET /embed/{id}': () => call('GET', `/embed/${photoId}`, null),
  'GET /embed/{id}/image.jpg': () => call('GET', `/embed/${photoId}/image.jpg`, null),
  'GET /v1/collections/{id}': () => call('GET', `/v1/collections/${collectionId}`, s.curator.token),
  'GET /v1/collections/{id}/export.zip': () => call('GET', `/v1/collections/${collectionId}/export.zip`, s.curator.token),
  'GET /v1/collections/{id}/manifest.json': () => call('GET', `/v1/collections/${collectionId}/manifest.json`, s.curator.token),
  'GET /v1/review': () => call('GET', '/v1/review', s.curator.token),
  'GET /v1/photos/{id}/status': () => call('GET', `/v1/photos/${photoId}/status`, s.photographer.token),
  'GET /v1/collections/{id}/candidates': () => call('GET', `/v1/collections/${candidatesOf}/candidates`, s.curator.token),
  'GET /v1/portal': () => call('GET', '/v1/portal', portalToken),
  'GET /v1/portal/photos/{id}/media/{file}': () => call('GET', `/v1/portal/photos/${photoId}/media/small.jpeg`, portalToken),
  // The public rights statement (the 'rights' purpose) and the public IIIF manifest (an anonymous 'view').
  'GET /rights/{id}': () => call('GET', `/rights/${photoId}.json`, null),
  'GET /rights/grants/{id}': () => call('GET', `/rights/grants/${grantId}.json`, null),
  'GET /iiif/photos/{id}/manifest.json': () => call('GET', `/iiif/photos/${photoId}/manifest.json`, null),
  // The gallery's server-rendered photo page (hidden from the API document, so named here by hand); it
  // exists only once the gallery is built (npm run build), as in production.
  ...(fs.existsSync(path.join(WEB_DIR, 'dist', 'index.html')) ? { 'GET /photos/{id}': () => call('GET', `/photos/${photoId}`, null) } : {}),
})

const PHOTO_DATA = /photo|embed|search|download|collection|portal|review|export|manifest|rights|iiif/i

async function call(method: string, url: string, token: string | null, body?: unknown): Promise<number> {
  const r = await request(t, method, url, token, body)
  return r.status
}

beforeAll(async () => {
  t = await startTestApp({ PUBLIC_URL: 'http://bank.test' })
  s = await staff(t)
  press = await journalist(t, await organisation(t))
  ;({ photoId, subjectId } = await publishedPhoto(t, s, { texts: { captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand', altEn: 'Someone' } }))
  collectionId = (await request(t, 'POST', '/v1/collections', s.curator.token, { kind: 'collection', titleNl: 'Alles' })).body.id as string
  expect((await request(t, 'POST', `/v1/collections/${collectionId}/items`, s.curator.token, { photoId })).status).toBe(201)
  candidatesOf = (await request(t, 'POST', '/v1/collections', s.curator.token, { kind: 'collection', titleNl: 'Leeg' })).body.id as string
  portalToken = (await request(t, 'POST', `/v1/subjects/${subjectId}/portal-link`, s.admin.token)).body.token as string
  const g = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, press.token, EDITORIAL)
  expect(g.status, g.text).toBe(201)
  grantUrl = new URL(g.body.url as string).pathname + new URL(g.body.url as string).search
  grantId = g.body.grant.id as string
  // A photo waiting for review, for the review queue.
  const up = await upload(
    t,
    s.photographer.token,
    { name: 'r.jpg', bytes: await randomJpeg(), type: 'image/jpeg' },
    { captionNl: 'Wacht', captionEn: 'Waits', altNl: 'x', altEn: 'x' },
  )
  reviewId = up.body.id as string
  // Its checklist complete (nobody pictured), so it may be sent.
  expect((await request(t, 'PATCH', `/v1/photos/${reviewId}`, s.photographer.token, { noPeople: true })).status).toBe(200)
  expect((await request(t, 'POST', `/v1/photos/${reviewId}/submit`, s.photographer.token)).status).toBe(200)
  await t.rt.worker.drain()
}, 120_000)
afterAll(() => t?.close())

describe('every route that serves photo data asks the gate', () => {
  it('knows every photo route: each is gate-backed or named as serving no photo data', async () => {
    const doc = (await (await fetch(`${t.url}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> }
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    const reads = routes.filter((r) => PHOTO_DATA.test(r) && (r.startsWith('GET ') || r === 'POST /v1/photos/{id}/downloads'))
    const gated = GATED()
    const unknown = reads.filter((r) => !(r in gated) && !(r in NOT_PHOTO_READS))
    expect(unknown, 'routes that may serve photo data without the gate: add them to GATED (through gate.require/check) or NOT_PHOTO_READS').toEqual([])
    // And the list names no route that no longer exists (a renamed route must be checked anew).
    const stale = Object.keys(gated).filter((r) => r !== 'GET /photos/{id}' && !routes.includes(r))
    expect(stale).toEqual([])
  })

  it('each gate-backed route makes the gate decide on the photo it serves', async () => {
    const gate = t.rt.gate
    const asked: string[][] = []
    const original = gate.check.bind(gate)
    // Observed, not replaced: the real gate answers; we only note which photos it was asked about.
    gate.check = (ids, purpose, caller, tx) => {
      asked.push([...ids])
      return original(ids, purpose, caller, tx)
    }
    try {
      const missed: string[] = []
      for (const [route, go] of Object.entries(GATED())) {
        asked.length = 0
        const status = await go()
        expect(status, route).toBeLessThan(400)
        const about = route === 'GET /v1/review' ? reviewId : photoId
        if (route === 'GET /v1/search' ? asked.length === 0 : !asked.some((ids) => ids.includes(about))) missed.push(route)
      }
      expect(missed, 'served photo data without asking the gate about the photo').toEqual([])
    } finally {
      gate.check = original
    }
  })
})
