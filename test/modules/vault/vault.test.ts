import crypto from 'node:crypto'
import fs from 'node:fs'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'

type User = Awaited<ReturnType<TestApp['user']>>
let t: TestApp
let owner: User, other: User, curator: User, admin: User
const fx = inject('fixtures')

beforeAll(async () => {
  t = await startTestApp()
  ;[owner, other, curator, admin] = await Promise.all([t.user('photographer'), t.user('photographer'), t.user('curator'), t.user('admin')])
})
afterAll(() => t?.close())

const call = (method: string, url: string, who: User | null, body?: unknown) => request(t, method, url, who?.token ?? null, body)
const entry = () => {
  const tag = crypto.randomBytes(4).toString('hex')
  return {
    legalName: `Johanna Vault-${tag}`,
    contact: { email: `johanna.${tag}@private.example`, phone: '+31 6 1234 5678' },
    ageCheck: { result: 'adult-verified', checkedOn: '2026-03-01', method: 'passport seen in person, not copied' },
  }
}
async function subject(who = owner) {
  return (await call('POST', '/v1/subjects', who, { pseudonym: `Vera ${crypto.randomBytes(3).toString('hex')}` })).body.id as string
}
const upload = (url: string, who: User, bytes: Buffer) => {
  const form = new FormData()
  form.append('file', new Blob([bytes]), 'form.pdf')
  return fetch(`${t.url}${url}`, { method: 'POST', headers: { authorization: `Bearer ${who.token}` }, body: form })
}

describe('the vault', () => {
  it('lets the photographer add for their own people, never read back; others get 404 or 403', async () => {
    const id = await subject()
    const e = entry()
    const put = await call('PUT', `/v1/subjects/${id}/vault`, owner, e)
    expect(put.status).toBe(204)
    expect(put.text).toBe('')
    expect((await call('GET', `/v1/admin/vault/${id}`, owner)).status).toBe(403)
    expect((await call('GET', `/v1/admin/vault/${id}`, curator)).status).toBe(403)
    expect((await call('GET', `/v1/admin/vault/${id}`, null)).status).toBe(401)
    expect((await call('PUT', `/v1/subjects/${id}/vault`, other, entry())).status).toBe(404)
    expect((await call('PUT', `/v1/subjects/${id}/vault`, curator, entry())).status).toBe(403)
  })

  it('stores it encrypted: neither the name nor the e-mail is in the database', async () => {
    const id = await subject()
    const e = entry()
    await call('PUT', `/v1/subjects/${id}/vault`, owner, e)
    const dump = JSON.stringify(rowsOf(await t.rt.database.db.execute(sql`select * from vault_records where subject_id = ${id}`)))
    expect(dump).not.toContain(e.legalName)
    expect(dump).not.toContain(e.contact.email)
    expect(dump).not.toContain('Vault-')
  })

  it('lets the consent officer read it, and writes every read to the audit trail first', async () => {
    const id = await subject()
    const e = entry()
    await call('PUT', `/v1/subjects/${id}/vault`, owner, e)
    const before = (await t.rt.audit.forSubject(id)).filter((x) => x.type === 'vault.read').length
    const r = await call('GET', `/v1/admin/vault/${id}`, admin)
    expect(r.status).toBe(200)
    expect(r.body.entry).toEqual(e)
    const reads = (await t.rt.audit.forSubject(id)).filter((x) => x.type === 'vault.read')
    expect(reads).toHaveLength(before + 1)
    expect(reads.at(-1)).toMatchObject({ actor: { kind: 'user', id: admin.id }, subjectId: id, data: { what: 'record' } })
    expect(JSON.stringify(reads)).not.toContain(e.legalName)
  })

  it('keeps release forms encrypted; only PDF, JPEG and PNG; the consent officer reads them back, audited', async () => {
    const id = await subject()
    const pdf = fs.readFileSync(fx['document.pdf']!)
    const res = await upload(`/v1/subjects/${id}/vault/documents`, owner, pdf)
    expect(res.status).toBe(201)
    const { id: docId } = (await res.json()) as { id: string }
    const [doc] = rowsOf<{ blob_key: string }>(await t.rt.database.db.execute(sql`select blob_key from vault_documents where id = ${docId}`))
    const stored = fs.readFileSync(`${t.dataDir}/blobs/${doc!.blob_key}`)
    expect(stored.includes(pdf.subarray(0, 64))).toBe(false)
    const refused = await upload(`/v1/subjects/${id}/vault/documents`, owner, fs.readFileSync(fx['page.html']!))
    expect(refused.status).toBe(415)
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/unsupported-document-type')
    expect((await fetch(`${t.url}/v1/admin/vault/${id}/documents/${docId}`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(403)
    const back = await fetch(`${t.url}/v1/admin/vault/${id}/documents/${docId}`, { headers: { authorization: `Bearer ${admin.token}` } })
    expect(back.headers.get('content-type')).toBe('application/pdf')
    expect(Buffer.from(await back.arrayBuffer()).equals(pdf)).toBe(true)
    expect((await t.rt.audit.forSubject(id)).some((e) => e.type === 'vault.read' && e.data.documentId === docId)).toBe(true)
  })

  it('refuses bad input: unknown fields, an empty name, a wrong age-check result', async () => {
    const id = await subject()
    for (const bad of [
      { legalName: '' },
      { legalName: 'A', idDocument: 'scan' },
      { legalName: 'A', ageCheck: { result: 'probably', checkedOn: '2026-01-01', method: 'x' } },
      {},
    ]) {
      expect((await call('PUT', `/v1/subjects/${id}/vault`, owner, bad)).status, JSON.stringify(bad)).toBe(400)
    }
    expect((await call('GET', `/v1/admin/vault/${id}`, admin)).status).toBe(404)
  })
})
