import crypto from 'node:crypto'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, startTestApp, upload, type TestApp } from './support/app.ts'

// Every role against every endpoint that reads or changes someone else's data (here: a photographer's
// draft, the person in it, their consent and vault). Expected statuses are the whole contract: 401 for
// anonymous, 404 where another photographer must not learn the thing exists, 403 for a role that may
// know it exists but not do this.
type Who = 'anonymous' | 'other' | 'curator' | 'admin'
type User = Awaited<ReturnType<TestApp['user']>>

let t: TestApp
let users: Record<Exclude<Who, 'anonymous'>, User> & { owner: User }
let photoId: string
let subjectId: string

beforeAll(async () => {
  t = await startTestApp()
  const [owner, other, curator, admin] = await Promise.all([t.user('photographer'), t.user('photographer'), t.user('curator'), t.user('admin')])
  users = { owner, other, curator, admin }
  const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#345' } })
    .jpeg()
    .toBuffer()
  photoId = (await upload(t, owner.token, { name: 'p.jpg', bytes, type: 'image/jpeg' }, { captionNl: 'x', captionEn: 'x', altNl: 'x', altEn: 'x' })).body
    .id as string
  const s = await fetch(`${t.url}/v1/subjects`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pseudonym: 'Lin' }),
  })
  subjectId = ((await s.json()) as { id: string }).id
  const link = await fetch(`${t.url}/v1/photos/${photoId}/people`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subjectId, consent: { identifiable: true, identifiabilityAgreed: true } }),
  })
  expect(link.status).toBe(201)
})
afterAll(() => t?.close())

async function call(who: Who, method: string, path: string, body?: unknown): Promise<number> {
  const r = await request(t, method, path, who === 'anonymous' ? null : users[who].token, body)
  expect(r.headers.get('content-type') ?? '', `${who} ${method} ${path}`).not.toMatch(/text\/html/)
  return r.status
}

const consent = { identifiable: true, identifiabilityAgreed: true }
const pdfForm = () => {
  const f = new FormData()
  f.append('file', new Blob([Buffer.from(`%PDF-1.4\n% release ${crypto.randomUUID()}\n%%EOF\n`)]), 'release.pdf')
  return f
}

// [method, path, body, { anonymous, other, curator, admin }]
const matrix: () => [string, string, unknown, Record<Who, number>][] = () => [
  ['GET', `/v1/photos/${photoId}`, undefined, { anonymous: 404, other: 404, curator: 200, admin: 200 }],
  ['GET', `/v1/photos/${photoId}/media/small.jpeg`, undefined, { anonymous: 404, other: 404, curator: 200, admin: 200 }],
  ['GET', `/v1/photos/${photoId}/people`, undefined, { anonymous: 401, other: 404, curator: 200, admin: 200 }],
  ['PATCH', `/v1/photos/${photoId}`, { series: 'Staff edit' }, { anonymous: 401, other: 404, curator: 200, admin: 200 }],
  ['POST', `/v1/photos/${photoId}/people`, { subjectId, consent }, { anonymous: 401, other: 404, curator: 403, admin: 409 }],
  ['PUT', `/v1/photos/${photoId}/people/${subjectId}/consent`, consent, { anonymous: 401, other: 404, curator: 403, admin: 200 }],
  ['POST', `/v1/photos/${photoId}/submit`, undefined, { anonymous: 401, other: 404, curator: 403, admin: 403 }],
  ['GET', '/v1/subjects', undefined, { anonymous: 401, other: 200, curator: 403, admin: 200 }],
  ['PUT', `/v1/subjects/${subjectId}/vault`, { legalName: 'Lin Echtenaam' }, { anonymous: 401, other: 404, curator: 403, admin: 204 }],
  ['POST', `/v1/subjects/${subjectId}/vault/documents`, 'pdf', { anonymous: 401, other: 404, curator: 403, admin: 201 }],
  ['GET', `/v1/admin/vault/${subjectId}`, undefined, { anonymous: 401, other: 403, curator: 403, admin: 200 }],
  ['POST', `/v1/subjects/${subjectId}/portal-link`, undefined, { anonymous: 401, other: 403, curator: 403, admin: 201 }],
  ['DELETE', `/v1/subjects/${subjectId}/portal-link`, undefined, { anonymous: 401, other: 403, curator: 403, admin: 200 }],
  ['GET', '/v1/admin/vault/00000000-0000-4000-8000-000000000000', undefined, { anonymous: 401, other: 403, curator: 403, admin: 404 }],
  // Changes state for good, so last: publication (staff only; publishing twice is a no-op), then withdrawal.
  ['POST', `/v1/photos/${photoId}/publish`, undefined, { anonymous: 401, other: 403, curator: 200, admin: 200 }],
  ['POST', `/v1/photos/${photoId}/people/${subjectId}/withdraw`, undefined, { anonymous: 401, other: 404, curator: 403, admin: 200 }],
]

describe("who may do what with someone else's photo, person, consent and vault", () => {
  it('answers every role on every endpoint as the contract says', async () => {
    const seen: string[] = []
    const expected: string[] = []
    for (const [method, path, body, want] of matrix()) {
      for (const who of ['anonymous', 'other', 'curator', 'admin'] as Who[]) {
        const status = await call(who, method, path, body === 'pdf' ? pdfForm() : body)
        seen.push(`${who} ${method} ${path} → ${status}`)
        expected.push(`${who} ${method} ${path} → ${want[who]}`)
      }
    }
    expect(seen).toEqual(expected)
  })

  it('lists only what each may see', async () => {
    const list = async (who: 'other' | 'curator' | 'owner') =>
      (
        (await (await fetch(`${t.url}/v1/photos?limit=100`, { headers: { authorization: `Bearer ${users[who].token}` } })).json()) as {
          items: { id: string }[]
        }
      ).items.map((p) => p.id)
    expect(await list('other')).not.toContain(photoId)
    expect(await list('curator')).toContain(photoId)
    expect(await list('owner')).toContain(photoId)
    const subjects = async (who: 'other' | 'owner') =>
      (
        (await (await fetch(`${t.url}/v1/subjects`, { headers: { authorization: `Bearer ${users[who].token}` } })).json()) as { items: { id: string }[] }
      ).items.map((s) => s.id)
    expect(await subjects('other')).not.toContain(subjectId)
    expect(await subjects('owner')).toContain(subjectId)
  })
})
