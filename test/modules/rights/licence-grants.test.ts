/**
 * A licence change and the downloads already made (issue 13, "Licence per photo … with the gate deciding
 * whether existing grants still hold"): a download keeps the licence it was made under, so its link and
 * its file keep those terms; new downloads follow the new licence; the PATCH answer says how many
 * downloads there are and which no longer hold, as the gate decides now (here: a disabled organisation).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { endExiftool } from '../../support/image.ts'
import { EDITORIAL, journalist, organisation, publishedPhoto, staff, type Staff } from '../../support/factories.ts'
import { readBack } from './rights-support.ts'

let t: TestApp
let s: Staff

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
}, 120_000)
afterAll(async () => {
  await endExiftool()
  await t?.close()
})

const licenceOf = (ref: string) => t.rt.licences.servedFrom(t.rt.origin).get(...(ref.split('@') as [string, string]))!

describe('PATCH licence and the downloads already made', () => {
  it('keeps each download under its own licence, refuses new ones the new licence does not cover, and tells the curator', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const kept = await organisation(t, 'De Blijvende Krant')
    const leaving = await organisation(t, 'De Vertrekkende Krant')
    const a = await journalist(t, kept)
    const b = await journalist(t, leaving)
    const ga = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, a.token, { ...EDITORIAL, preset: 'large', format: 'jpeg' })
    expect(ga.status, ga.text).toBe(201)
    const gb = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, b.token, { ...EDITORIAL, preset: 'large', format: 'jpeg' })
    expect(gb.status, gb.text).toBe(201)

    // Without a licence in the body the answer is the photo alone.
    const texts = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { captionEn: 'A portrait at the window' })
    expect(texts.status, texts.text).toBe(200)
    expect(texts.body.grants).toBeUndefined()

    const changed = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-exhibition@1.0' })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.body.licence).toBe('rsw-exhibition@1.0')
    expect(changed.body.grants).toEqual({ total: 2, holding: 2, ended: [] })

    // The editorial download made before still works, and its file still says editorial terms.
    const file = await fetch(`${t.url}${ga.body.url}`)
    expect(file.status).toBe(200)
    const tags = await readBack(Buffer.from(await file.arrayBuffer()))
    expect(tags['XMP-xmpRights:UsageTerms']).toBe(licenceOf('rsw-editorial@1.0').usageTerms.nl)
    expect(tags['XMP-plus:LicenseID']).toBe(ga.body.grant.id)
    // A new editorial download is refused: the exhibition licence does not cover it.
    const refused = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, a.token, { ...EDITORIAL, preset: 'large', format: 'jpeg' })
    expect(refused.status).toBe(403)
    expect(refused.body.type).toMatch(/use-not-permitted$/)
    // The grant's live rights check agrees: its own licence, still available.
    const check = (await (await fetch(`${t.url}/rights/grants/${ga.body.grant.id}`, { headers: { accept: 'application/json' } })).json()) as Record<
      string,
      unknown
    >
    expect(check).toMatchObject({ status: 'available', licence: { id: 'rsw-editorial', version: '1.0' } })

    // One organisation is disabled: the gate now ends its download, and the next licence change says so.
    expect((await request(t, 'POST', `/v1/organisations/${leaving}/disable`, s.admin.token)).status).toBe(200)
    const again = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-education@1.0' })
    expect(again.status, again.text).toBe(200)
    expect(again.body.grants).toMatchObject({ total: 2, holding: 1, ended: [{ reason: 'organisation-disabled', count: 1 }] })
    expect(again.body.grants.ended[0].detail).toMatch(/not enabled/)
    expect((await fetch(`${t.url}${gb.body.url}`)).status).toBe(403)
  })

  it('answers a photo nobody downloaded with no grants, and changes nothing on a refusal', async () => {
    const { photoId } = await publishedPhoto(t, s)
    const r = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-education@1.0' })
    expect(r.body.grants).toEqual({ total: 0, holding: 0, ended: [] })
    const unknown = await request(t, 'PATCH', `/v1/photos/${photoId}`, s.curator.token, { licence: 'rsw-nope@1.0' })
    expect(unknown.status).toBe(400)
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/)
    expect((await request(t, 'GET', `/v1/photos/${photoId}`, s.curator.token)).body.licence).toBe('rsw-education@1.0')
  })
})
