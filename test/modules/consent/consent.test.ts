import crypto from 'node:crypto'
import path from 'node:path'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { files, request, startTestApp, upload, type TestApp } from '../../support/app.ts'
import { journalist as deskJournalist, organisation } from '../../support/factories.ts'

const fx = inject('fixtures')
type User = Awaited<ReturnType<TestApp['user']>>
let t: TestApp
// other: another photographer (sees what anyone sees); reader: a journalist of an enabled organisation
// (DESIGN.md "Who sees what": the detail and medium of a published photo).
let owner: User, other: User, curator: User, admin: User, reader: User

beforeAll(async () => {
  t = await startTestApp()
  ;[owner, other, curator, admin] = await Promise.all([t.user('photographer', 'Sam V.'), t.user('photographer'), t.user('curator'), t.user('admin')])
  reader = await deskJournalist(t, await organisation(t))
})
afterAll(() => t?.close())

const call = (method: string, url: string, who: User | null, body?: unknown) => request(t, method, url, who?.token ?? null, body)
const TEXTS = {
  captionNl: 'Een sekswerker op de fiets',
  captionEn: 'A sex worker on a bicycle',
  altNl: 'Vrouw op een fiets in de stad',
  altEn: 'Woman on a bicycle in the city',
}
const AGREED = { identifiable: true, identifiabilityAgreed: true, publicPreview: false }
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)

/** A distinct real JPEG per call (the same file twice would be a duplicate for this photographer). */
async function uniquePhoto() {
  const [r, g, b] = crypto.randomBytes(3)
  const bytes = await sharp({ create: { width: 1400, height: 900, channels: 3, background: { r: r!, g: g!, b: b! } } })
    .composite([{ input: crypto.randomBytes(64 * 64 * 3), raw: { width: 64, height: 64, channels: 3 }, left: 100, top: 100 }])
    .jpeg()
    .toBuffer()
  return { name: 'photo.jpg', bytes, type: 'image/jpeg' }
}

async function photoWithPerson(consent: Record<string, unknown> = AGREED) {
  const { body } = await upload(t, owner.token, await uniquePhoto(), TEXTS)
  const id = body.id as string
  const subject = await call('POST', '/v1/subjects', owner, { pseudonym: `Mira ${id.slice(0, 6)}` })
  expect(subject.status).toBe(201)
  const added = await call('POST', `/v1/photos/${id}/people`, owner, { subjectId: subject.body.id, consent })
  expect(added.status).toBe(201)
  return { id, subjectId: subject.body.id as string, derivatives: body.derivatives as { preset: string; url: string }[] }
}

async function publish(id: string) {
  expect((await call('POST', `/v1/photos/${id}/submit`, owner)).status).toBe(200)
  const r = await call('POST', `/v1/photos/${id}/publish`, curator)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
}

describe('publishing', () => {
  it('is refused with every reason at once while texts or consent are missing', async () => {
    const { body } = await upload(t, owner.token, fx['plain.webp']!, { captionNl: 'Alleen Nederlands' })
    const r = await call('POST', `/v1/photos/${body.id}/publish`, curator)
    expect(r.status).toBe(409)
    expect(r.body.type).toBe('/problems/publish-refused')
    expect(r.body.reasons).toEqual(
      expect.arrayContaining([{ code: 'text-missing', field: 'captionEn' }, { code: 'text-missing', field: 'altNl' }, { code: 'no-people-undeclared' }]),
    )
    expect(r.body.reasons.find((x: { field?: string }) => x.field === 'captionNl')).toBeUndefined()
  })

  it('is refused while a recognisable person has not agreed to that, and allowed after a new consent version', async () => {
    const p = await photoWithPerson({ identifiable: true, identifiabilityAgreed: false })
    const refused = await call('POST', `/v1/photos/${p.id}/publish`, curator)
    expect(refused.body.reasons).toEqual([{ code: 'identifiability-not-agreed', subjectId: p.subjectId }])
    const v2 = await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, AGREED)
    expect(v2.body).toMatchObject({ version: 2, state: 'active', identifiabilityAgreed: true, uses: ['editorial', 'education', 'exhibition', 'social'] })
    const versions = rowsOf(await t.rt.database.db.execute(sql`select version from consents where photo_id = ${p.id} order by version`))
    expect(versions).toEqual([{ version: 1 }, { version: 2 }])
    expect((await call('POST', `/v1/photos/${p.id}/publish`, owner)).status).toBe(403)
    await publish(p.id)
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).body).toMatchObject({ status: 'published', licence: 'rsw-editorial@1.0' })
  })

  it("publishes a photo without people on the photographer's declaration, and refuses that declaration when people are linked", async () => {
    const { body } = await upload(t, owner.token, fx['plain.tiff']!, TEXTS)
    expect((await call('PATCH', `/v1/photos/${body.id}`, owner, { noPeople: true })).body.noPeopleDeclared).toBe(true)
    await publish(body.id as string)
    const p = await photoWithPerson()
    expect((await call('PATCH', `/v1/photos/${p.id}`, owner, { noPeople: true })).body.type).toBe('/problems/photo-has-people')
  })
})

describe('the gate on every way a photo is seen', () => {
  it('anonymous visitors see small previews only while everyone allows a public preview; narrowing hides it at once', async () => {
    const p = await photoWithPerson()
    await publish(p.id)
    const large = p.derivatives.find((d) => d.preset === 'large' || d.preset === 'medium')!.url.split('?')[0]!
    const small = p.derivatives.find((d) => d.preset === 'small')!.url.split('?')[0]!
    expect((await call('GET', `/v1/photos/${p.id}`, null)).status).toBe(404)
    await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, { ...AGREED, publicPreview: true })
    const anon = await call('GET', `/v1/photos/${p.id}`, null)
    expect(anon.status).toBe(200)
    expect(new Set(anon.body.derivatives.map((d: { preset: string }) => d.preset))).toEqual(new Set(['thumb', 'small']))
    expect((await fetch(`${t.url}${small}`)).status).toBe(200)
    // A larger size of a photo the caller may see is refused as such (the gate's 403 preset-not-permitted).
    expect((await fetch(`${t.url}${large}`)).status).toBe(403)
    // Narrowed: the very next request no longer shows it, and says nothing about why.
    await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, { ...AGREED, publicPreview: false })
    expect((await call('GET', `/v1/photos/${p.id}`, null)).status).toBe(404)
    expect((await fetch(`${t.url}${small}`)).status).toBe(404)
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).status).toBe(200)
  })

  it('expiry ends a published photo on the next request (410), for every preset and format', async () => {
    const p = await photoWithPerson()
    await publish(p.id)
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).status).toBe(200)
    await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, { ...AGREED, validFrom: '2020-01-01', validUntil: yesterday() })
    const gone = await call('GET', `/v1/photos/${p.id}`, reader)
    expect(gone.status).toBe(410)
    expect(gone.body).toEqual({ type: '/problems/photo-gone', title: 'Photo no longer available', status: 410, detail: 'This photo is no longer available.' })
    for (const d of p.derivatives) expect((await fetch(`${t.url}${d.url}`, { headers: { authorization: `Bearer ${reader.token}` } })).status, d.url).toBe(410)
    // An edit does not bring it back: expiry is final (test/modules/consent/authority.test.ts, hole 2).
    const revive = await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, {
      ...AGREED,
      validFrom: '2020-01-01',
      validUntil: '2099-01-01',
    })
    expect(revive.status).toBe(409)
    expect(revive.body.type).toBe('/problems/consent-expired')
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).status).toBe(410)
  })

  it('withdrawal takes effect at once: 410 everywhere, derivatives deleted, follow-up work queued, never published again', async () => {
    const p = await photoWithPerson({ ...AGREED, publicPreview: true })
    await publish(p.id)
    const media_key = rowsOf<{ media_key: string }>(await t.rt.database.db.execute(sql`select media_key from photos where id = ${p.id}`))[0]!.media_key
    expect(files(path.join(t.dataDir, 'blobs', 'derivatives', media_key!)).length).toBeGreaterThan(0)

    const w = await call('POST', `/v1/photos/${p.id}/people/${p.subjectId}/withdraw`, owner)
    expect(w.body).toEqual({ id: p.id, status: 'withdrawn' })
    for (const who of [reader, null, curator]) {
      for (const d of p.derivatives)
        expect((await fetch(`${t.url}${d.url}`, { headers: who ? { authorization: `Bearer ${who.token}` } : {} })).status).toBe(410)
    }
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).status).toBe(410)
    expect((await call('GET', `/v1/photos/${p.id}`, null)).status).toBe(410)
    const mine = await call('GET', `/v1/photos/${p.id}`, owner)
    expect(mine.body).toMatchObject({ status: 'withdrawn', derivatives: [] })
    const listed = (await call('GET', '/v1/photos?limit=100', curator)).body.items.find((x: { id: string }) => x.id === p.id)
    expect(listed).toMatchObject({ status: 'withdrawn', derivatives: [] })

    const kinds = rowsOf<{ kind: string }>(await t.rt.database.db.execute(sql`select kind from jobs where payload->>'photoId' = ${p.id} order by id`)).map(
      (r) => r.kind,
    )
    expect(kinds).toEqual(expect.arrayContaining(['photo.purge-media', 'search.remove']))
    await expect.poll(() => files(path.join(t.dataDir, 'blobs', 'derivatives', media_key!)).length, { timeout: 15_000 }).toBe(0)
    const [last] = rowsOf<{ state: string; reason: string }>(
      await t.rt.database.db.execute(sql`select state, reason from consents where photo_id = ${p.id} order by version desc limit 1`),
    )
    expect(last).toEqual({ state: 'withdrawn', reason: 'withdrawn' })

    expect((await call('POST', `/v1/photos/${p.id}/publish`, curator)).body.type).toBe('/problems/consent-withdrawn')
    expect((await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, AGREED)).body.type).toBe('/problems/consent-withdrawn')
  })
})

describe('object-level access', () => {
  it("a photographer cannot read or change another photographer's photos, people or consent", async () => {
    const p = await photoWithPerson()
    const theirs = await upload(t, other.token, fx['small.jpg']!)
    const checks: [string, string, unknown?][] = [
      ['GET', `/v1/photos/${p.id}`],
      ['GET', `/v1/photos/${p.id}/people`],
      ['POST', `/v1/photos/${p.id}/people`, { subjectId: p.subjectId, consent: AGREED }],
      ['PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, AGREED],
      ['POST', `/v1/photos/${p.id}/people/${p.subjectId}/withdraw`],
      ['PATCH', `/v1/photos/${p.id}`, { captionNl: 'overgenomen' }],
      ['POST', `/v1/photos/${p.id}/submit`],
      // Someone else's person can't be linked to one's own photo either.
      ['POST', `/v1/photos/${theirs.body.id}/people`, { subjectId: p.subjectId, consent: AGREED }],
    ]
    for (const [method, url, body] of checks) expect((await call(method, url, other, body)).status, `${method} ${url}`).toBe(404)
    expect((await call('GET', '/v1/subjects', other)).body.items.map((s: { id: string }) => s.id)).not.toContain(p.subjectId)
    expect((await call('GET', '/v1/subjects', admin)).body.items.map((s: { id: string }) => s.id)).toContain(p.subjectId)
    // Nothing changed.
    expect((await call('GET', `/v1/photos/${p.id}/people`, owner)).body.items[0].consent.version).toBe(1)
    expect((await call('GET', `/v1/photos/${p.id}`, owner)).body.caption.nl).toBe(TEXTS.captionNl)
  })

  it('curators review but do not change consent; anonymous callers change nothing', async () => {
    const p = await photoWithPerson()
    expect((await call('GET', `/v1/photos/${p.id}/people`, curator)).body.items[0].pseudonym).toMatch(/^Mira/)
    expect((await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, curator, AGREED)).status).toBe(403)
    expect((await call('POST', '/v1/subjects', curator, { pseudonym: 'X' })).status).toBe(403)
    for (const [m, u] of [
      ['POST', '/v1/subjects'],
      ['POST', `/v1/photos/${p.id}/publish`],
      ['PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`],
    ]) {
      expect((await call(m!, u!, null, {})).status).toBe(401)
    }
  })

  it('refuses bad consent input with a validation problem and stores nothing', async () => {
    const p = await photoWithPerson()
    for (const bad of [
      { ...AGREED, uses: ['marketing'] },
      { ...AGREED, validFrom: '2026-05-01', validUntil: '2026-04-01' },
      { ...AGREED, validUntil: '31-12-2026' },
      { ...AGREED, validUntil: '2027-02-31' },
      { identifiable: true },
      { ...AGREED, extra: 1 },
    ]) {
      const r = await call('PUT', `/v1/photos/${p.id}/people/${p.subjectId}/consent`, owner, bad)
      expect(r.status, JSON.stringify(bad)).toBe(400)
    }
    expect((await call('GET', `/v1/photos/${p.id}/people`, owner)).body.items[0].consent.version).toBe(1)
    expect((await call('POST', '/v1/subjects', owner, { pseudonym: '   ' })).status).toBe(400)
  })
})

describe('licence and attribution', () => {
  it('offers a photo under one published licence version, and generates its attribution', async () => {
    const p = await photoWithPerson()
    const photo = (await call('GET', `/v1/photos/${p.id}`, owner)).body
    expect(photo.licence).toBe('rsw-editorial@1.0')
    expect(photo.attribution.nl.text).toContain('Sam V.')
    // Our own licence's deed is a page this bank serves (PUBLIC_URL, or its own address), linked as the licence.
    expect(photo.attribution.en.html).toMatch(/<a href="[^"]*\/licences\/rsw-editorial\/1\.0" rel="license">/)
    expect((await call('PATCH', `/v1/photos/${p.id}`, owner, { licence: 'rsw-nothing@9.9' })).status).toBe(400)
    expect((await call('PATCH', `/v1/photos/${p.id}`, owner, { licence: 'not a licence' })).status).toBe(400)
    const changed = await call('PATCH', `/v1/photos/${p.id}`, owner, { licence: 'rsw-exhibition@1.0' })
    expect(changed.body.licence).toBe('rsw-exhibition@1.0')
    expect(changed.body.attribution.en.text).not.toBe(photo.attribution.en.text)
    await publish(p.id)
    expect((await call('GET', `/v1/photos/${p.id}`, reader)).status).toBe(200)
  })

  it("shows nothing when the licence and everyone's consent share no use", async () => {
    const p = await photoWithPerson({ ...AGREED, uses: ['editorial'] })
    await call('PATCH', `/v1/photos/${p.id}`, owner, { licence: 'rsw-exhibition@1.0' })
    const r = await call('POST', `/v1/photos/${p.id}/publish`, curator)
    expect(r.body.reasons).toEqual([{ code: 'no-common-use' }])
  })
})
