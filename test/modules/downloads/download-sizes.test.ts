/**
 * GET /v1/photos/:id states the sizes a download can give: a desk previews up to medium, but its grant gives
 * every size the photo has and 'full'; a caller without an organisation is told nothing of the kind.
 */
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { journalist, organisation, publishedPhoto, randomJpeg, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let press: User
let photoId: string

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  press = await journalist(t, await organisation(t))
  ;({ photoId } = await publishedPhoto(t, s, { file: await randomJpeg(2400, 1600) }))
}, 60_000)
afterAll(() => t?.close())

describe('the sizes a download can give', () => {
  it('lists every preset the photo has and full, with pixel sizes, for a journalist of an organisation', async () => {
    const r = await request(t, 'GET', `/v1/photos/${photoId}`, press.token)
    expect(r.status, r.text).toBe(200)
    // Previews stop at medium for a desk…
    expect(r.body.derivatives.map((d: { preset: string }) => d.preset)).not.toContain('large')
    // …the download sizes do not.
    expect(r.body.downloadSizes).toEqual([
      { preset: 'small', width: 640, height: 427 },
      { preset: 'medium', width: 1280, height: 853 },
      { preset: 'large', width: 2048, height: 1365 },
      { preset: 'full', width: 2400, height: 1600 },
    ])
  })

  it('gives a stated size when asked: a grant for large answers with that preset', async () => {
    const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, press.token, { use: 'editorial', channel: 'web', preset: 'large' })
    expect(r.status, r.text).toBe(201)
    expect(r.body.grant.preset).toBe('large')
    const file = await fetch(new URL(r.body.url, t.url))
    expect(file.status).toBe(200)
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata()
    expect([meta.width, meta.height]).toEqual([2048, 1365])
  })

  it('says nothing of download sizes to a visitor without an organisation', async () => {
    const r = await request(t, 'GET', `/v1/photos/${photoId}`, null)
    expect(r.status, r.text).toBe(200)
    expect(r.body.downloadSizes ?? null).toBeNull()
    const staffView = await request(t, 'GET', `/v1/photos/${photoId}`, s.curator.token)
    expect(staffView.body.downloadSizes ?? null).toBeNull()
  })

  it('tells a journalist how many people are pictured (for "1 persoon in beeld"), and an anonymous visitor nothing', async () => {
    expect((await request(t, 'GET', `/v1/photos/${photoId}`, press.token)).body.peopleCount).toBe(1)
    expect((await request(t, 'GET', `/v1/photos/${photoId}`, null)).body.peopleCount ?? null).toBeNull()
  })
})
