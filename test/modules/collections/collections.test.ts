import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { upload } from '../../support/app.ts'
import { AGREED, TEXTS, world, type World } from './collections-support.ts'

let w: World
beforeAll(async () => {
  w = await world()
})
afterAll(() => w?.t.close())

const newCollection = async (kind: 'collection' | 'exhibition' = 'collection', extra: Record<string, unknown> = {}) => {
  const r = await w.call('POST', '/v1/collections', w.curator, { kind, titleNl: `Titel ${crypto.randomUUID().slice(0, 6)}`, titleEn: 'Title', ...extra })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body.id as string
}
const itemCount = async (collectionId: string) =>
  Number(
    rowsOf<{ n: number }>(await w.t.rt.database.db.execute(sql`select count(*)::int as n from collection_items where collection_id = ${collectionId}`))[0]!.n,
  )

describe('the review queue', () => {
  it('lists photos in review with why publishing would be refused, in Dutch and English, and drops them once published', async () => {
    const { body } = await upload(w.t, w.owner.token, await w.uniquePhoto(), { captionNl: 'Alleen Nederlands' })
    const waiting = body.id as string
    // Sending refuses an incomplete photo now (the checklist, issue 14): one can still reach review from
    // before that rule, so put it there directly, as such a photo would be.
    expect((await w.call('POST', `/v1/photos/${waiting}/submit`, w.owner)).status).toBe(409)
    await w.t.rt.database.db.execute(sql`update photos set status = 'in_review' where id = ${waiting}`)
    const ready = await upload(w.t, w.owner.token, await w.uniquePhoto(), TEXTS)
    const readyId = ready.body.id as string
    const s = await w.call('POST', '/v1/subjects', w.owner, { pseudonym: `Rosa ${readyId.slice(0, 6)}` })
    await w.call('POST', `/v1/photos/${readyId}/people`, w.owner, { subjectId: s.body.id, consent: AGREED })
    await w.call('POST', `/v1/photos/${readyId}/submit`, w.owner)

    const q = await w.call('GET', '/v1/review', w.curator)
    expect(q.status).toBe(200)
    const blocked = q.body.items.find((i: { photo: { id: string } }) => i.photo.id === waiting)
    expect(blocked.publishable).toBe(false)
    expect(blocked.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['text-missing', 'no-people-undeclared']))
    const alt = blocked.reasons.find((r: { field?: string }) => r.field === 'altNl')
    expect(alt.words).toEqual({ nl: 'Vul de Nederlandse alt-tekst in.', en: 'Fill in the Dutch alt text.' })
    // The queue says exactly what publishing answers.
    const refused = await w.call('POST', `/v1/photos/${waiting}/publish`, w.curator)
    expect(refused.body.reasons).toEqual(blocked.reasons.map(({ words: _w, ...r }: { words: unknown }) => r))
    const ok = q.body.items.find((i: { photo: { id: string } }) => i.photo.id === readyId)
    expect(ok).toMatchObject({ publishable: true, reasons: [] })
    expect((await w.call('POST', `/v1/photos/${readyId}/publish`, w.curator)).status).toBe(200)
    const after = await w.call('GET', '/v1/review', w.admin)
    expect(after.body.items.map((i: { photo: { id: string } }) => i.photo.id)).not.toContain(readyId)
  })

  it('is for curators and admins only', async () => {
    expect((await w.call('GET', '/v1/review', null)).status).toBe(401)
    for (const who of [w.owner, w.journalist]) expect((await w.call('GET', '/v1/review', who)).status).toBe(403)
    expect((await w.call('GET', '/v1/review?limit=0', w.curator)).status).toBe(400)
  })
})

describe('collections', () => {
  it('are created, listed, changed and deleted; the photos stay and their search documents are re-synced', async () => {
    const p = await w.published()
    const id = await newCollection('collection', { notesNl: 'Voor het jaarverslag' })
    const added = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id, noteNl: 'Omslag', noteEn: 'Cover' })
    expect(added.status, JSON.stringify(added.body)).toBe(201)
    expect(added.body.items).toHaveLength(1)
    expect(added.body.items[0]).toMatchObject({ photoId: p.id, position: 1, available: true, reason: null, note: { nl: 'Omslag', en: 'Cover' } })
    const photo = added.body.items[0].photo
    expect(photo).toMatchObject({
      id: p.id,
      caption: { nl: TEXTS.captionNl, en: TEXTS.captionEn },
      alt: { nl: TEXTS.altNl, en: TEXTS.altEn },
      credit: 'Sam V.',
    })
    expect(photo.thumbhash).toEqual(expect.any(String))
    expect(photo.derivatives.length).toBeGreaterThan(0)
    // An allow-list: nothing about the photo's management leaks into a collection.
    expect(Object.keys(photo).sort()).toEqual([
      'alt',
      'attribution',
      'caption',
      'credit',
      'derivatives',
      'dominantColour',
      'height',
      'id',
      'licence',
      'thumbhash',
      'width',
    ])
    expect(await w.jobs('search.upsert', p.id)).not.toHaveLength(0)

    const listed = await w.call('GET', '/v1/collections', w.admin)
    expect(listed.body.items.find((c: { id: string }) => c.id === id)).toMatchObject({
      kind: 'collection',
      itemCount: 1,
      notes: { nl: 'Voor het jaarverslag', en: null },
    })
    const exhibitions = await w.call('GET', '/v1/collections?kind=exhibition', w.curator)
    expect(exhibitions.body.items.every((c: { kind: string }) => c.kind === 'exhibition')).toBe(true)
    expect(exhibitions.body.items.map((c: { id: string }) => c.id)).not.toContain(id)
    expect((await w.call('GET', '/v1/collections?kind=album', w.curator)).status).toBe(400)
    const changed = await w.call('PATCH', `/v1/collections/${id}`, w.curator, { titleEn: 'Annual report', notesNl: null })
    expect(changed.body).toMatchObject({ title: { en: 'Annual report' }, notes: { nl: null } })

    const before = await w.jobs('search.upsert', p.id)
    const started = Date.now()
    expect((await w.call('DELETE', `/v1/collections/${id}`, w.curator)).status).toBe(204)
    expect((await w.call('GET', `/v1/collections/${id}`, w.curator)).status).toBe(404)
    expect(await itemCount(id)).toBe(0)
    expect((await w.call('GET', `/v1/photos/${p.id}`, w.journalist)).status).toBe(200)
    const after = await w.jobs('search.upsert', p.id)
    // Re-synced: a new job, or the earlier one still waiting (the dedupe key keeps one per photo).
    expect(
      after.length > before.length ||
        after.some((j) => j.status === 'pending') ||
        after.some((j) => new Date(String(j.created_at)).getTime() >= started - 1000),
    ).toBe(true)
  })

  it('accept only published photos the gate shows, each once', async () => {
    const id = await newCollection()
    const draft = await upload(w.t, w.owner.token, await w.uniquePhoto(), TEXTS)
    const r = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: draft.body.id })
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({ type: '/problems/photo-not-available', reason: 'not-published' })
    expect(await w.jobs('search.upsert', draft.body.id as string)).toHaveLength(0)
    expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: crypto.randomUUID() })).body.type).toBe('/problems/photo-not-found')
    expect((await w.call('POST', `/v1/collections/${crypto.randomUUID()}/items`, w.curator, { photoId: draft.body.id })).body.type).toBe(
      '/problems/collection-not-found',
    )
    const p = await w.published()
    expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })).status).toBe(201)
    const dup = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })
    expect(dup.status).toBe(409)
    expect(dup.body.type).toBe('/problems/photo-already-in-collection')
    expect(await itemCount(id)).toBe(1)
  })

  it('take concurrent additions in turn: every photo once, each at its own position', async () => {
    const id = await newCollection()
    const ps = await Promise.all([w.published(), w.published(), w.published()])
    const results = await Promise.all([...ps, ps[0]!].map((p) => w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })))
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409])
    const positions = rowsOf<{ position: number }>(
      await w.t.rt.database.db.execute(sql`select position from collection_items where collection_id = ${id} order by position`),
    )
    expect(positions.map((r) => r.position)).toEqual([1, 2, 3])
  })

  it('list a photo that is no longer shown as unavailable, with the reason, so curators know', async () => {
    const id = await newCollection()
    const p = await w.published()
    await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })
    await w.call('POST', `/v1/photos/${p.id}/people/${p.subjectId}/withdraw`, w.owner)
    const got = await w.call('GET', `/v1/collections/${id}`, w.curator)
    expect(got.body.items[0]).toMatchObject({ photoId: p.id, available: false, reason: 'withdrawn', photo: null })
    expect(got.body.items[0].reasonWords.nl).toMatch(/ingetrokken/)
  })

  it('reorder to a full list of the current photo ids, and refuse any other list', async () => {
    const id = await newCollection()
    const ps = [await w.published(), await w.published(), await w.published()]
    for (const p of ps) expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: p.id })).status).toBe(201)
    const [a, b, c] = ps.map((p) => p.id) as [string, string, string]
    const order = async () =>
      (await w.call('GET', `/v1/collections/${id}`, w.curator)).body.items.map((i: { photoId: string; position: number }) => [i.position, i.photoId])
    expect(await order()).toEqual([
      [1, a],
      [2, b],
      [3, c],
    ])
    const ok = await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [c, a, b] })
    expect(ok.status).toBe(200)
    expect(ok.body.items.map((i: { photoId: string }) => i.photoId)).toEqual([c, a, b])

    const missing = await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [a, b] })
    expect(missing.status).toBe(409)
    expect(missing.body).toMatchObject({ type: '/problems/order-mismatch', missing: [c], unexpected: [] })
    const stranger = crypto.randomUUID()
    const extra = await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [a, b, c, stranger] })
    expect(extra.body).toMatchObject({ type: '/problems/order-mismatch', missing: [], unexpected: [stranger] })
    const swapped = await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [a, b, stranger] })
    expect(swapped.body).toMatchObject({ missing: [c], unexpected: [stranger] })
    expect((await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [a, a, b, c] })).status).toBe(400)
    expect((await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [a, b, 'not-a-uuid'] })).status).toBe(400)
    expect((await w.call('PUT', `/v1/collections/${id}/order`, w.curator, { photoIds: [] })).status).toBe(409)
    // Nothing changed by the refused lists.
    expect(await order()).toEqual([
      [1, c],
      [2, a],
      [3, b],
    ])

    const noted = await w.call('PATCH', `/v1/collections/${id}/items/${a}`, w.curator, { noteEn: 'Second wall' })
    expect(noted.body.items[1]).toMatchObject({ photoId: a, note: { nl: null, en: 'Second wall' } })
    const removed = await w.call('DELETE', `/v1/collections/${id}/items/${c}`, w.curator)
    expect(removed.body.items.map((i: { photoId: string; position: number }) => [i.position, i.photoId])).toEqual([
      [1, a],
      [2, b],
    ])
    expect((await w.call('DELETE', `/v1/collections/${id}/items/${c}`, w.curator)).body.type).toBe('/problems/collection-item-not-found')
    expect((await w.call('PATCH', `/v1/collections/${id}/items/${c}`, w.curator, { noteNl: 'x' })).status).toBe(404)
  })
})

describe('exhibitions', () => {
  it('refuse a photo whose effective permission lacks exhibition, saying why, and accept one that has it', async () => {
    const id = await newCollection('exhibition')
    // Consent without exhibition (under the editorial licence).
    const noConsent = await w.published({ consent: { ...AGREED, uses: ['editorial', 'education'] } })
    // Publishing queued its own search sync; a refused addition must not queue another.
    const syncsBefore = (await w.jobs('search.upsert', noConsent.id)).length
    const r = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: noConsent.id })
    expect(r.status).toBe(409)
    expect(r.body).toMatchObject({
      type: '/problems/exhibition-not-covered',
      reason: 'exhibition-not-covered',
      words: { nl: expect.stringMatching(/tentoonstelling/), en: expect.stringMatching(/exhibitions/) },
    })
    // Consent with exhibition, but a licence without it: refused too, and the detail names the licence.
    const editorial = await w.published()
    const r2 = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: editorial.id })
    expect(r2.body).toMatchObject({ type: '/problems/exhibition-not-covered' })
    expect(r2.body.detail).toMatch(/licence \(rsw-editorial@1\.0\)/)
    expect(await itemCount(id)).toBe(0)
    expect(await w.jobs('search.upsert', noConsent.id)).toHaveLength(syncsBefore)

    const ok = await w.published({ licence: 'rsw-exhibition@1.0' })
    const added = await w.call('POST', `/v1/collections/${id}/items`, w.curator, { photoId: ok.id })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ kind: 'exhibition', items: [{ photoId: ok.id, available: true }] })
    // The same editorial photo is welcome in a plain collection.
    const plain = await newCollection()
    expect((await w.call('POST', `/v1/collections/${plain}/items`, w.curator, { photoId: editorial.id })).status).toBe(201)

    // Narrowing the consent to leave exhibitions out makes the item unavailable at once.
    await w.call('PUT', `/v1/photos/${ok.id}/people/${ok.subjectId}/consent`, w.owner, { ...AGREED, uses: ['editorial'] })
    const got = await w.call('GET', `/v1/collections/${id}`, w.curator)
    expect(got.body.items[0]).toMatchObject({ available: false, photo: null })
    expect(['not-shown', 'exhibition-not-covered']).toContain(got.body.items[0].reason)
  })

  it('keep their kind: a PATCH cannot turn a collection into an exhibition', async () => {
    const id = await newCollection()
    const r = await w.call('PATCH', `/v1/collections/${id}`, w.curator, { kind: 'exhibition' })
    expect(r.status).toBe(400)
    expect((await w.call('GET', `/v1/collections/${id}`, w.curator)).body.kind).toBe('collection')
  })
})

describe('who may, and bad input', () => {
  it('answers 401 without a session and 403 for photographers and journalists, on every route', async () => {
    const id = await newCollection()
    const p = crypto.randomUUID()
    const routes: [string, string, unknown?][] = [
      ['GET', '/v1/collections'],
      ['POST', '/v1/collections', { kind: 'collection', titleNl: 'x' }],
      ['GET', `/v1/collections/${id}`],
      ['PATCH', `/v1/collections/${id}`, { titleNl: 'x' }],
      ['DELETE', `/v1/collections/${id}`],
      ['POST', `/v1/collections/${id}/items`, { photoId: p }],
      ['PATCH', `/v1/collections/${id}/items/${p}`, { noteNl: 'x' }],
      ['DELETE', `/v1/collections/${id}/items/${p}`],
      ['PUT', `/v1/collections/${id}/order`, { photoIds: [] }],
      ['GET', `/v1/collections/${id}/export.zip`],
      ['GET', `/v1/collections/${id}/manifest.json`],
    ]
    for (const [method, url, body] of routes) {
      expect((await w.call(method, url, null, body)).status, `${method} ${url}`).toBe(401)
      for (const who of [w.owner, w.journalist]) expect((await w.call(method, url, who, body)).status, `${method} ${url}`).toBe(403)
    }
    expect((await w.call('GET', `/v1/collections/${id}`, w.curator)).status).toBe(200)
    const n = rowsOf<{ n: number }>(await w.t.rt.database.db.execute(sql`select count(*)::int as n from collections where title_nl = 'x'`))[0]!.n
    expect(n).toBe(0)
  })

  it('needs the CSRF header when the session comes from the cookie', async () => {
    const login = await fetch(`${w.t.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: w.curator.email, password: w.curator.password }),
    })
    const { csrfToken } = (await login.json()) as { csrfToken: string }
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const post = (headers: Record<string, string>) =>
      fetch(`${w.t.url}/v1/collections`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ kind: 'collection', titleNl: 'Via cookie' }),
      })
    const refused = await post({})
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/csrf-token-missing')
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201)
  })

  it('refuses bad input with a problem and stores nothing', async () => {
    const count = async () => rowsOf<{ n: number }>(await w.t.rt.database.db.execute(sql`select count(*)::int as n from collections`))[0]!.n
    const before = await count()
    const bad: unknown[] = [
      { kind: 'album', titleNl: 'x' },
      { kind: 'collection' },
      { kind: 'collection', titleNl: '   ' },
      { kind: 'collection', titleNl: 'x', extra: true },
      { kind: 'collection', titleNl: 'x', createdBy: w.owner.id },
      { kind: 'collection', titleNl: 'x'.repeat(201) },
      { kind: 'collection', titleNl: 'x', notesNl: 'n'.repeat(4001) },
    ]
    for (const body of bad) {
      const r = await w.call('POST', '/v1/collections', w.curator, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/)
    }
    expect(await count()).toBe(before)
    const id = await newCollection()
    const p = await w.published()
    for (const body of [{ photoId: p.id, noteNl: 'n'.repeat(2001) }, { photoId: p.id, position: 1 }, { photoId: 'nope' }, {}]) {
      expect((await w.call('POST', `/v1/collections/${id}/items`, w.curator, body)).status, JSON.stringify(body)).toBe(400)
    }
    expect(await itemCount(id)).toBe(0)
    expect((await w.call('GET', '/v1/collections/not-a-uuid', w.curator)).status).toBe(400)
    expect((await w.call('GET', `/v1/collections/${crypto.randomUUID()}`, w.curator)).body.type).toBe('/problems/collection-not-found')
    expect((await w.call('PATCH', `/v1/collections/${id}`, w.curator, {})).status).toBe(400)
    expect((await w.call('DELETE', `/v1/collections/${crypto.randomUUID()}`, w.curator)).status).toBe(404)
  })
})
