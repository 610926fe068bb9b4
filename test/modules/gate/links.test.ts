/**
 * Hole 3 of issue 11, as found: signed download links handed out before an organisation was disabled, or
 * before its API key was revoked, kept working until they expired; so did links of an organisation the
 * person later excluded. Now the gate asks again for the link's holder on every fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { AGREED, EDITORIAL, journalist, organisation, publishedPhoto, staff, type Staff } from '../../support/factories.ts'

let t: TestApp
let s: Staff
const actor = { kind: 'system' as const, id: 'test' }

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
}, 60_000)
afterAll(() => t?.close())

const fetchFile = async (url: string) => {
  const res = await fetch(`${t.url}${new URL(url, t.url).pathname}${new URL(url, t.url).search}`)
  return { status: res.status, type: res.headers.get('content-type')?.includes('problem') ? ((await res.json()) as { type: string }).type : null }
}
const grant = async (photoId: string, token: string) => {
  const r = await request(t, 'POST', `/v1/photos/${photoId}/downloads`, token, EDITORIAL)
  expect(r.status, r.text).toBe(201)
  return r.body.url as string
}

describe('a signed download link ends with what it was issued under', () => {
  it('ends when the API key it was asked with is revoked', async () => {
    const org = await organisation(t)
    const key = await t.rt.apiKeys.create(org, 'desk', actor)
    const { photoId } = await publishedPhoto(t, s)
    const url = await grant(photoId, key.key)
    expect((await fetchFile(url)).status).toBe(200)
    await t.rt.apiKeys.revoke(key.id, null, actor)
    expect(await fetchFile(url)).toEqual({ status: 403, type: expect.stringMatching(/key-revoked$/) })
  })

  it('ends when the organisation is disabled (for its keys and its journalists), and works again once enabled', async () => {
    const org = await organisation(t)
    const key = await t.rt.apiKeys.create(org, 'desk', actor)
    const press = await journalist(t, org)
    const { photoId } = await publishedPhoto(t, s)
    const [byKey, byJournalist] = [await grant(photoId, key.key), await grant(photoId, press.token)]
    expect((await fetchFile(byKey)).status).toBe(200)
    expect((await fetchFile(byJournalist)).status).toBe(200)
    await t.rt.organisations.setEnabled(org, false, actor)
    expect(await fetchFile(byKey)).toEqual({ status: 403, type: expect.stringMatching(/organisation-disabled$/) })
    expect(await fetchFile(byJournalist)).toEqual({ status: 403, type: expect.stringMatching(/organisation-disabled$/) })
    // The journalist of the disabled organisation now sees the photo as anyone does: no medium.
    expect((await request(t, 'GET', `/v1/photos/${photoId}/media/medium.jpeg`, press.token)).status).toBe(403)
    await t.rt.organisations.setEnabled(org, true, actor)
    expect((await fetchFile(byKey)).status).toBe(200)
  })

  it('ends when the person excludes the organisation, and when the person withdraws', async () => {
    const org = await organisation(t)
    const press = await journalist(t, org)
    const { photoId, subjectId } = await publishedPhoto(t, s)
    const url = await grant(photoId, press.token)
    expect((await fetchFile(url)).status).toBe(200)
    const narrowed = await request(t, 'PUT', `/v1/photos/${photoId}/people/${subjectId}/consent`, s.admin.token, { ...AGREED, outletDeny: [org] })
    expect(narrowed.status, narrowed.text).toBe(200)
    expect(await fetchFile(url)).toEqual({ status: 403, type: expect.stringMatching(/outlet-not-permitted$/) })
    // Nor does the excluded desk see the detail or the medium size any more (no 200 outside the usage log).
    expect((await request(t, 'GET', `/v1/photos/${photoId}/media/medium.jpeg`, press.token)).status).toBe(403)
    expect((await request(t, 'GET', `/v1/photos/${photoId}`, press.token)).body.permittedUses).toBeNull()

    const other = await journalist(t, await organisation(t))
    const second = await grant(photoId, other.token)
    expect((await request(t, 'POST', `/v1/photos/${photoId}/people/${subjectId}/withdraw`, s.admin.token, {})).status).toBe(200)
    expect((await fetchFile(second)).status).toBe(410)
  })
})
