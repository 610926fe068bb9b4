import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { decryptBuffer } from '../../../api/src/platform/crypto.ts'
import { originalAad } from '../../../api/src/modules/photos/photos.derivatives.ts'
import { files, startTestApp, type TestApp } from '../../support/app.ts'
import { client, person, photoBlobs, publishedPhoto, readBlob, releaseForm, settle, type Call, type Person, type Staff } from './erasure-support.ts'

let t: TestApp
let call: Call
let staff: Staff
let adminId: string
let journalist: string
const logs: string[] = []

beforeAll(async () => {
  t = await startTestApp({}, { logLines: logs })
  call = client(t.url)
  const [p, c, a, j] = await Promise.all([t.user('photographer'), t.user('curator'), t.user('admin'), t.user('photographer')])
  staff = { photographer: p.token, curator: c.token, admin: a.token }
  adminId = a.id
  journalist = j.token
})
afterAll(() => t?.close())

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')
const db = () => t.rt.database.db
const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db().execute(q))
const askErasure = async (p: Person) => {
  const r = await call('POST', '/v1/portal/erasure', p.portalToken, { confirm: true })
  expect(r.status).toBe(202)
  return r.body.id as string
}
const carryOut = (id: string, token: string | null = staff.admin) => call('POST', `/v1/admin/erasure-requests/${id}/carry-out`, token)

describe('who may carry out an erasure', () => {
  it('is the consent officer only: 401 without a login (a portal link is none), 403 for every other role', async () => {
    const noor = await person(call, staff, 'Noor')
    const id = await askErasure(noor)
    for (const token of [staff.photographer, staff.curator, journalist]) {
      expect((await call('GET', '/v1/admin/erasure-requests', token)).status).toBe(403)
      const r = await carryOut(id, token)
      expect(r.status).toBe(403)
      expect(r.body.type).toBe('/problems/forbidden')
    }
    for (const token of [null, noor.portalToken]) {
      expect((await call('GET', '/v1/admin/erasure-requests', token)).status).toBe(401)
      expect((await carryOut(id, token)).status).toBe(401)
    }
    // Nothing happened: the request is open, the vault and the link still work.
    expect((await query<{ done_at: Date | null }>(sql`select done_at from erasure_requests where id = ${id}`))[0]!.done_at).toBeNull()
    expect((await query(sql`select 1 from vault_records where subject_id = ${noor.subjectId}`)).length).toBe(1)
    expect((await call('GET', '/v1/portal', noor.portalToken)).status).toBe(200)
  })

  it('answers 404 for an unknown request and 400 for an id that is not one', async () => {
    const unknown = await carryOut(crypto.randomUUID())
    expect(unknown.status).toBe(404)
    expect(unknown.body.type).toBe('/problems/erasure-request-not-found')
    expect((await carryOut('not-an-id')).status).toBe(400)
  })
})

describe('erasing a person who is in two photos, one of them with someone else', () => {
  let noor: Person, roos: Person
  let alone: { id: string; bytes: Buffer }, shared: { id: string; bytes: Buffer }, control: { id: string; bytes: Buffer }
  let blobs: Record<'alone' | 'shared' | 'control', Awaited<ReturnType<typeof photoBlobs>>>
  let documentId: string, documentBlob: string, requestId: string
  let backup: Buffer

  beforeAll(async () => {
    noor = await person(call, staff, 'Noor')
    roos = await person(call, staff, 'Roos')
    alone = await publishedPhoto(t.url, call, staff, [noor])
    shared = await publishedPhoto(t.url, call, staff, [noor, roos])
    control = await publishedPhoto(t.url, call, staff, [roos])
    documentId = await releaseForm(t.url, staff, noor)
    documentBlob = (await query<{ blob_key: string }>(sql`select blob_key from vault_documents where id = ${documentId}`))[0]!.blob_key
    blobs = { alone: await photoBlobs(db(), alone.id), shared: await photoBlobs(db(), shared.id), control: await photoBlobs(db(), control.id) }
    // A copy of an encrypted original, as a backup of the blob store would keep it. While its key exists, it decrypts.
    backup = readBlob(t.dataDir, blobs.alone.original)
    expect(decryptBuffer(t.rt.masterKey.unwrap(blobs.alone.wrappedKey), backup, originalAad(alone.id)).equals(alone.bytes)).toBe(true)
    const onDisk = files(`${t.dataDir}/blobs`)
    for (const b of [blobs.alone, blobs.shared]) {
      expect(onDisk).toContain(b.original)
      expect(onDisk.filter((f) => f.startsWith(`${b.derivatives}/`)).length).toBeGreaterThan(0)
    }
    expect(onDisk).toContain(documentBlob)
    requestId = await askErasure(noor)
  })

  it('lists the open request with the photos it takes down and how many show someone else too', async () => {
    const r = await call('GET', '/v1/admin/erasure-requests', staff.admin)
    expect(r.status).toBe(200)
    expect(r.headers.get('cache-control')).toBe('no-store')
    expect(r.body.items.find((i: { id: string }) => i.id === requestId)).toEqual({
      id: requestId,
      subjectId: noor.subjectId,
      pseudonym: noor.pseudonym,
      requestedAt: expect.any(String),
      photos: 2,
      sharedPhotos: 1,
    })
  })

  it('carries it out and answers with counts of what it destroyed and queued', async () => {
    const r = await carryOut(requestId)
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      id: requestId,
      subjectId: noor.subjectId,
      doneAt: expect.any(String),
      alreadyDone: false,
      photosWithdrawn: 2,
      destroyed: { originalKeys: 2, photoTexts: 2, vaultRecords: 1, vaultDocuments: 1, portalLinks: 1, pseudonym: 1 },
      blobDeletionsQueued: { originals: 2, derivatives: 2, vaultDocuments: 1 },
    })
    const open = (await call('GET', '/v1/admin/erasure-requests', staff.admin)).body.items as { id: string }[]
    expect(open.map((i) => i.id)).not.toContain(requestId)
  })

  it('takes both photos down for everyone: 410 to the public, outlets, the photographer and the staff', async () => {
    for (const id of [alone.id, shared.id]) {
      for (const token of [null, journalist, staff.photographer, staff.curator, staff.admin]) {
        const r = await call('GET', `/v1/photos/${id}`, token)
        expect(r.status).toBe(410)
        expect(r.body.type).toBe('/problems/photo-gone')
        expect((await call('GET', `/v1/photos/${id}/media/small.jpeg`, token)).status).toBe(410)
      }
    }
    expect((await call('GET', `/v1/photos/${control.id}`, null)).status).toBe(200)
    const mine = ((await call('GET', '/v1/photos?limit=100', staff.photographer)).body.items as { id: string }[]).map((p) => p.id)
    expect(mine).toContain(control.id)
    expect(mine).not.toContain(alone.id)
    expect(mine).not.toContain(shared.id)
  })

  it("destroys the originals' data keys: the master key can't unwrap them, so not even a backup of the blob decrypts", async () => {
    for (const id of [alone.id, shared.id]) {
      const { wrappedKey } = await photoBlobs(db(), id)
      expect(wrappedKey).toBe('destroyed')
      expect(() => t.rt.masterKey.unwrap(wrappedKey)).toThrow()
    }
    const { wrappedKey } = await photoBlobs(db(), alone.id)
    expect(() => decryptBuffer(t.rt.masterKey.unwrap(wrappedKey), backup, originalAad(alone.id))).toThrow()
    // Someone else's photo keeps its key.
    expect(t.rt.masterKey.unwrap(blobs.control.wrappedKey)).toHaveLength(32)
  })

  it("removes the photos' texts and the pseudonym, which may describe or name the person", async () => {
    const rows = await query<Record<string, unknown>>(
      sql`select caption_nl, caption_en, alt_nl, alt_en, tags, tags_en, series, place_city, captured_month, thumbhash, dominant_colour, erased_at is not null as erased, status
          from photos where id in (${alone.id}, ${shared.id})`,
    )
    expect(rows).toHaveLength(2)
    for (const r of rows) {
      expect(r).toEqual({
        caption_nl: null,
        caption_en: null,
        alt_nl: null,
        alt_en: null,
        tags: [],
        tags_en: [],
        series: null,
        place_city: null,
        captured_month: null,
        thumbhash: null,
        dominant_colour: null,
        erased: true,
        status: 'withdrawn',
      })
    }
    const [subject] = await query<{ pseudonym: string; erased: boolean }>(
      sql`select pseudonym, erased_at is not null as erased from subjects where id = ${noor.subjectId}`,
    )
    expect(subject).toEqual({ pseudonym: `erased-${noor.subjectId}`, erased: true })
    const dump = JSON.stringify(await query(sql`select * from photos`)) + JSON.stringify(await query(sql`select * from subjects`))
    expect(dump).not.toContain(noor.pseudonym)
    const people = (await call('GET', '/v1/subjects', staff.admin)).body.items as { id: string }[]
    expect(people.map((p) => p.id)).not.toContain(noor.subjectId)
    expect(people.map((p) => p.id)).toContain(roos.subjectId)
  })

  it("destroys the vault: the record's and every document's keys are gone, and reading answers 404", async () => {
    expect(await query(sql`select 1 from vault_records where subject_id = ${noor.subjectId}`)).toEqual([])
    expect(await query(sql`select 1 from vault_documents where subject_id = ${noor.subjectId}`)).toEqual([])
    const read = await call('GET', `/v1/admin/vault/${noor.subjectId}`, staff.admin)
    expect(read.status).toBe(404)
    expect(read.body.type).toBe('/problems/vault-record-not-found')
    expect((await call('GET', `/v1/admin/vault/${noor.subjectId}/documents/${documentId}`, staff.admin)).status).toBe(404)
    // The other person's vault is untouched.
    expect((await call('GET', `/v1/admin/vault/${roos.subjectId}`, staff.admin)).body.entry.legalName).toBe(roos.legalName)
  })

  it("revokes the person's link (401); the other person in the shared photo sees it withdrawn, and keeps their own", async () => {
    const gone = await call('GET', '/v1/portal', noor.portalToken)
    expect(gone.status).toBe(401)
    expect(gone.body.type).toBe('/problems/portal-link-invalid')
    const theirs = await call('GET', '/v1/portal', roos.portalToken)
    expect(theirs.status).toBe(200)
    const byId = new Map((theirs.body.photos as { id: string }[]).map((p) => [p.id, p]))
    expect(byId.get(shared.id)).toMatchObject({ status: 'withdrawn', preview: null, caption: { nl: null, en: null } })
    expect(byId.get(control.id)).toMatchObject({ status: 'published' })
    expect((await call('GET', `/v1/portal/photos/${shared.id}/media/small.jpeg`, roos.portalToken)).status).toBe(410)
    expect(JSON.stringify(theirs.body)).not.toContain(noor.pseudonym)
  })

  it('leaves no blob of the person on disk once the jobs ran: originals, derivatives, vault documents', async () => {
    await settle(db())
    const onDisk = files(`${t.dataDir}/blobs`)
    for (const b of [blobs.alone, blobs.shared]) {
      expect(onDisk).not.toContain(b.original)
      expect(onDisk.filter((f) => f.startsWith(`${b.derivatives}/`))).toEqual([])
    }
    expect(onDisk).not.toContain(documentBlob)
    expect(onDisk).toContain(blobs.control.original)
    expect(onDisk.filter((f) => f.startsWith(`${blobs.control.derivatives}/`)).length).toBeGreaterThan(0)
  })

  it('keeps the audit trail intact; it records the erasure by ids, counts and a hash, and names nobody', async () => {
    expect((await t.rt.audit.verify()).ok).toBe(true)
    const done = await query<{ actor_kind: string; actor_id: string; photo_id: string | null; subject_id: string | null; data: unknown }>(
      sql`select actor_kind, actor_id, photo_id, subject_id, data from audit_events where type = 'erasure.done' and data->>'requestId' = ${requestId}`,
    )
    expect(done).toEqual([
      {
        actor_kind: 'user',
        actor_id: adminId,
        photo_id: null,
        subject_id: null,
        data: {
          requestId,
          subjectHash: sha256(noor.subjectId),
          photos: 2,
          originalKeys: 2,
          photoTexts: 2,
          vaultRecords: 1,
          vaultDocuments: 1,
          portalLinks: 1,
          pseudonym: 1,
        },
      },
    ])
    // Each photo's withdrawal is its own event, made by the erasure.
    const withdrawals = (await t.rt.audit.forSubject(noor.subjectId)).filter((e) => e.type === 'consent.withdrawn')
    expect(withdrawals.map((e) => [e.photoId, e.actor])).toEqual(
      expect.arrayContaining([
        [alone.id, { kind: 'system', id: 'erasure' }],
        [shared.id, { kind: 'system', id: 'erasure' }],
      ]),
    )
    const about = JSON.stringify([...(await t.rt.audit.forSubject(noor.subjectId)), ...(await t.rt.audit.forPhotos([alone.id, shared.id])), ...done])
    const trail = JSON.stringify(await query(sql`select * from audit_events`))
    for (const secret of [noor.pseudonym, noor.legalName, noor.email, noor.pseudonym.split('-')[1]!]) {
      expect(about).not.toContain(secret)
      expect(trail).not.toContain(secret)
    }
  })

  it("writes none of the person's names or e-mail to the log", async () => {
    expect(logs.length).toBeGreaterThan(0)
    const all = logs.join('\n')
    for (const secret of [noor.legalName, noor.email, noor.pseudonym]) expect(all).not.toContain(secret)
  })

  it('does nothing harmful when carried out again: nothing destroyed twice, no second event, the deletions queued again', async () => {
    const count = async () => (await query<{ n: number }>(sql`select (select count(*) from audit_events) + (select count(*) from consents) as n`))[0]!.n
    const before = await count()
    const first = (await query<{ done_at: Date }>(sql`select done_at from erasure_requests where id = ${requestId}`))[0]!.done_at
    const again = await carryOut(requestId)
    expect(again.status).toBe(200)
    expect(again.body).toEqual({
      id: requestId,
      subjectId: noor.subjectId,
      doneAt: new Date(first).toISOString(),
      alreadyDone: true,
      photosWithdrawn: 0,
      destroyed: { originalKeys: 0, photoTexts: 0, vaultRecords: 0, vaultDocuments: 0, portalLinks: 0, pseudonym: 0 },
      blobDeletionsQueued: { originals: 2, derivatives: 2, vaultDocuments: 0 },
    })
    expect(await count()).toBe(before)
    await settle(db())
    expect((await t.rt.audit.verify()).ok).toBe(true)
    expect(files(`${t.dataDir}/blobs`)).not.toContain(blobs.alone.original)
  })

  it("can't bring the person back: no new link to a photo, no vault record, no portal link, not the same file again", async () => {
    const agreed = { identifiable: true, identifiabilityAgreed: true }
    expect((await call('POST', `/v1/photos/${control.id}/people`, staff.photographer, { subjectId: noor.subjectId, consent: agreed })).status).toBe(404)
    expect((await call('PUT', `/v1/subjects/${noor.subjectId}/vault`, staff.photographer, { legalName: noor.legalName })).status).toBe(404)
    expect((await call('PUT', `/v1/subjects/${noor.subjectId}/vault`, staff.admin, { legalName: noor.legalName })).status).toBe(404)
    expect((await call('POST', `/v1/subjects/${noor.subjectId}/portal-link`, staff.admin)).status).toBe(404)
    expect(await query(sql`select 1 from vault_records where subject_id = ${noor.subjectId}`)).toEqual([])
    // The upload's keyed content hash stays, so its photographer can't simply upload the erased photo anew.
    const form = new FormData()
    form.append('file', new Blob([alone.bytes], { type: 'image/jpeg' }), 'again.jpg')
    const res = await fetch(`${t.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${staff.photographer}` }, body: form })
    expect(res.status).toBe(409)
  })
})

describe('two consent officers carrying out the same request at once', () => {
  it('erases once: one carries it out, the other finds it done', async () => {
    const sam = await person(call, staff, 'Sam')
    const photo = await publishedPhoto(t.url, call, staff, [sam])
    const id = await askErasure(sam)
    const results = await Promise.all([carryOut(id), carryOut(id)])
    expect(results.map((r) => r.status)).toEqual([200, 200])
    expect(results.map((r) => r.body.alreadyDone).sort()).toEqual([false, true])
    expect(results.find((r) => !r.body.alreadyDone)!.body.destroyed).toMatchObject({ originalKeys: 1, vaultRecords: 1 })
    expect(await query(sql`select 1 from audit_events where type = 'erasure.done' and data->>'requestId' = ${id}`)).toHaveLength(1)
    expect((await call('GET', `/v1/photos/${photo.id}`, null)).status).toBe(410)
    expect((await t.rt.audit.verify()).ok).toBe(true)
  })
})

describe('the blob-deletion jobs delete only what the database says is erased', () => {
  it('refuses a delete-original job for a live photo (a wrong or forged payload) and leaves its original in place', async () => {
    const lea = await person(call, staff, 'Lea')
    const live = await publishedPhoto(t.url, call, staff, [lea])
    const { original } = await photoBlobs(db(), live.id)
    const before = readBlob(t.dataDir, original)
    const job = { id: crypto.randomUUID(), kind: 'erasure.delete-original', payload: { photoId: live.id }, attempts: 1 }
    await expect(t.rt.erasure.deleteOriginalJob(job as never)).rejects.toThrow('photo not erased')
    expect(readBlob(t.dataDir, original).equals(before)).toBe(true)
    expect((await call('GET', `/v1/photos/${live.id}`, null)).status).toBe(200)
    // An unknown photo: nothing to delete, nothing thrown.
    await expect(t.rt.erasure.deleteOriginalJob({ ...job, payload: { photoId: crypto.randomUUID() } } as never)).resolves.toBeUndefined()
  })
})
