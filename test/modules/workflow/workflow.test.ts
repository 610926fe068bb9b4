/**
 * No dead ends for a photo (issue 14): the checklist before sending, a curator returning a photo with a
 * note, the photographer removing a person linked by mistake, and deleting a draft, over real HTTP on the
 * test database, with bad input answered as problem+json and nothing half-done.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { files, upload } from '../../support/app.ts'
import { AGREED, TEXTS, world, type World } from '../collections/collections-support.ts'

let w: World
const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: number | string }>(await w.t.rt.database.db.execute(q))[0]!.n)
const audit = async (type: string, photoId: string) => count(sql`select count(*) as n from audit_events where type = ${type} and photo_id = ${photoId}`)
const problem = (r: { status: number; headers: Headers; body: Record<string, any> }, status: number, slug: string) => {
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(r.body.type).toBe(`/problems/${slug}`)
}

beforeAll(async () => {
  w = await world()
})
afterAll(async () => {
  await w?.t.close()
})

async function draft(texts: Record<string, string> = TEXTS) {
  const { res, body } = await upload(w.t, w.owner.token, await w.uniquePhoto(), texts)
  expect(res.status).toBe(201)
  return body.id as string
}
async function person(photoId: string, consent: Record<string, unknown> = AGREED) {
  const s = await w.call('POST', '/v1/subjects', w.owner, { pseudonym: `P ${photoId.slice(0, 6)} ${Math.random().toString(36).slice(2, 7)}` })
  expect(s.status).toBe(201)
  expect((await w.call('POST', `/v1/photos/${photoId}/people`, w.owner, { subjectId: s.body.id, consent })).status).toBe(201)
  return s.body.id as string
}

describe('the checklist before sending', () => {
  it('refuses an empty draft with every missing item, in both languages, and leaves it a draft', async () => {
    const id = await draft({})
    const r = await w.call('POST', `/v1/photos/${id}/submit`, w.owner)
    problem(r, 409, 'submit-refused')
    expect(r.body.missing.map((m: { code: string }) => m.code)).toEqual(['caption-nl', 'caption-en', 'alt-nl', 'alt-en', 'people'])
    expect(r.body.words.nl).toMatch(/Versturen kan nog niet/)
    expect((await w.call('GET', `/v1/photos/${id}`, w.owner)).body.status).toBe('draft')
    const status = await w.call('GET', `/v1/photos/${id}/status`, w.owner)
    expect(status.status).toBe(200)
    expect(status.body.checklist.filter((c: { done: boolean }) => c.done).map((c: { code: string }) => c.code)).toEqual(['licence'])
  })

  it('sends once the texts are there and nobody is pictured', async () => {
    const id = await draft()
    expect((await w.call('PATCH', `/v1/photos/${id}`, w.owner, { noPeople: true })).status).toBe(200)
    expect((await w.call('POST', `/v1/photos/${id}/submit`, w.owner)).status).toBe(200)
    problem(await w.call('POST', `/v1/photos/${id}/submit`, w.owner), 409, 'not-a-draft')
  })
})

describe('a curator returns a photo with a note', () => {
  it('returned → fixed → sent again → published; the note is on the photo and the return is audited without its words', async () => {
    const id = await draft()
    const wrong = await person(id, { identifiable: true, identifiabilityAgreed: false })
    expect((await w.call('POST', `/v1/photos/${id}/submit`, w.owner)).status).toBe(200)
    const refused = await w.call('POST', `/v1/photos/${id}/publish`, w.curator)
    problem(refused, 409, 'publish-refused')

    const note = 'Deze persoon staat er niet op; verwijder haar.'
    const r = await w.call('POST', `/v1/photos/${id}/return`, w.curator, { note })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.status).toBe('returned')
    expect(await audit('photo.returned', id)).toBe(1)
    const trail = rowsOf<{ data: unknown }>(
      await w.t.rt.database.db.execute(sql`select data from audit_events where type = 'photo.returned' and photo_id = ${id}`),
    )
    expect(JSON.stringify(trail)).not.toContain('verwijder')

    const status = await w.call('GET', `/v1/photos/${id}/status`, w.owner)
    expect(status.body.status).toBe('returned')
    expect(status.body.notes).toHaveLength(1)
    expect(status.body.notes[0].body).toBe(note)
    expect(status.body.publishable).toBe(false)
    expect(status.body.reasons.map((x: { code: string }) => x.code)).toContain('identifiability-not-agreed')
    expect(status.body.reasons[0].words.nl).toBeTruthy()

    // Returned is not in review: publishing and returning again are refused.
    problem(await w.call('POST', `/v1/photos/${id}/return`, w.curator, { note: 'nog eens' }), 409, 'not-in-review')

    const del = await w.call('DELETE', `/v1/photos/${id}/people/${wrong}`, w.owner)
    expect(del.status, del.text).toBe(204)
    expect(await count(sql`select count(*) as n from consents where photo_id = ${id}`)).toBe(0)
    expect(await count(sql`select count(*) as n from photo_subjects where photo_id = ${id}`)).toBe(0)
    expect(await audit('consent.removed', id)).toBe(1)
    expect((await w.call('PATCH', `/v1/photos/${id}`, w.owner, { noPeople: true })).status).toBe(200)
    expect((await w.call('POST', `/v1/photos/${id}/submit`, w.owner)).status).toBe(200)
    const pub = await w.call('POST', `/v1/photos/${id}/publish`, w.curator)
    expect(pub.status, JSON.stringify(pub.body)).toBe(200)
    expect((await w.call('GET', `/v1/photos/${id}`, w.journalist)).body.status).toBe('published')
  })

  it('refuses a photographer, an empty note, an unknown photo and a draft, and changes nothing', async () => {
    const id = await draft()
    problem(await w.call('POST', `/v1/photos/${id}/return`, w.owner, { note: 'x' }), 403, 'forbidden')
    problem(await w.call('POST', `/v1/photos/${id}/return`, w.curator, { note: '   ' }), 400, 'validation-failed')
    problem(await w.call('POST', `/v1/photos/00000000-0000-4000-8000-000000000000/return`, w.curator, { note: 'x' }), 404, 'photo-not-found')
    problem(await w.call('POST', `/v1/photos/${id}/return`, w.curator, { note: 'x' }), 409, 'not-in-review')
    expect(await count(sql`select count(*) as n from photo_notes where photo_id = ${id}`)).toBe(0)
    expect(await audit('photo.returned', id)).toBe(0)
  })
})

describe('removing a person linked by mistake', () => {
  it("refuses another photographer's photo, an unknown person, and a published photo; nothing is removed", async () => {
    const other = await w.t.user('photographer')
    const { id, subjectId } = await w.published()
    problem(await w.call('DELETE', `/v1/photos/${id}/people/${subjectId}`, other), 404, 'photo-not-found')
    problem(await w.call('DELETE', `/v1/photos/${id}/people/${subjectId}`, w.owner), 409, 'person-locked')
    expect(await count(sql`select count(*) as n from photo_subjects where photo_id = ${id}`)).toBe(1)
    const d = await draft()
    problem(await w.call('DELETE', `/v1/photos/${d}/people/00000000-0000-4000-8000-000000000000`, w.owner), 404, 'person-not-in-photo')
    problem(await w.call('DELETE', `/v1/photos/${d}/people/not-a-uuid`, w.owner), 400, 'validation-failed')
    expect(await audit('consent.removed', id)).toBe(0)
  })
})

describe('deleting a draft', () => {
  it('removes its rows and blobs, keeps the person, and audits it', async () => {
    const id = await draft()
    const subjectId = await person(id)
    const [row] = rowsOf<{ original_key: string; media_key: string }>(
      await w.t.rt.database.db.execute(sql`select original_key, media_key from photos where id = ${id}`),
    )
    // The AVIF sizes are made in the background after the upload: wait for them (a job still running at
    // deletion would leave its blobs to the start-up sweep of orphans).
    await expect.poll(async () => (await w.jobs('photo.avif', id)).every((j) => j.status === 'done' || j.status === 'dead'), { timeout: 30_000 }).toBe(true)
    const blobDir = `${w.t.dataDir}/blobs`
    const mine = () => files(blobDir).filter((f) => f.includes(row!.media_key) || f.includes(row!.original_key.split('/')[1]!))
    expect(mine().length).toBeGreaterThan(1)
    const r = await w.call('DELETE', `/v1/photos/${id}`, w.owner)
    expect(r.status, r.text).toBe(204)
    expect(await count(sql`select count(*) as n from photos where id = ${id}`)).toBe(0)
    expect(await count(sql`select count(*) as n from consents where photo_id = ${id}`)).toBe(0)
    expect(await count(sql`select count(*) as n from derivatives where photo_id = ${id}`)).toBe(0)
    expect(await count(sql`select count(*) as n from subjects where id = ${subjectId}`)).toBe(1)
    expect(mine()).toEqual([])
    expect(await audit('photo.deleted', id)).toBe(1)
    problem(await w.call('GET', `/v1/photos/${id}`, w.owner), 404, 'photo-not-found')
  })

  it('refuses a photo in review or published, someone else, a curator, and an unknown id; nothing is deleted', async () => {
    const other = await w.t.user('photographer')
    const { id } = await w.published()
    const d = await draft()
    expect((await w.call('PATCH', `/v1/photos/${d}`, w.owner, { noPeople: true })).status).toBe(200)
    expect((await w.call('POST', `/v1/photos/${d}/submit`, w.owner)).status).toBe(200)
    problem(await w.call('DELETE', `/v1/photos/${id}`, w.owner), 409, 'photo-not-deletable')
    problem(await w.call('DELETE', `/v1/photos/${d}`, w.owner), 409, 'photo-not-deletable')
    problem(await w.call('DELETE', `/v1/photos/${d}`, other), 404, 'photo-not-found')
    problem(await w.call('DELETE', `/v1/photos/${d}`, w.curator), 403, 'forbidden')
    problem(await w.call('DELETE', '/v1/photos/00000000-0000-4000-8000-000000000000', w.owner), 404, 'photo-not-found')
    expect(await count(sql`select count(*) as n from photos where id in (${id}, ${d})`)).toBe(2)
    expect(await audit('photo.deleted', d)).toBe(0)
  })
})
