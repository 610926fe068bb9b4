/**
 * An organisation's grants: the JSON list (cursor), the CSV export (formula injection neutralised), and the
 * publication URL it reports, which the person pictured then sees in their portal.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { neutraliseCell as safeCell } from '../../../api/src/platform/csv.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'
import { EDITORIAL, journalist, organisation, publishedPhoto, staff, type Staff, type User } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let orgId: string, otherOrg: string
let press: User, colleague: User, outsider: User
let photo: { photoId: string; subjectId: string }

beforeAll(async () => {
  t = await startTestApp()
  s = await staff(t)
  orgId = await organisation(t, 'De Dagkrant')
  otherOrg = await organisation(t, 'Omroep Zuid')
  ;[press, colleague, outsider] = await Promise.all([journalist(t, orgId), journalist(t, orgId), journalist(t, otherOrg)])
  photo = await publishedPhoto(t, s)
}, 60_000)
afterAll(() => t?.close())

/** RFC 4180, independent of the writer: quoted fields with "" inside, CRLF between records. */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = []
  let field = ''
  let record: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') record.push(field), (field = '')
    else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      ;(field = ''), (record = []), i++
    } else field += c
  }
  if (field || record.length) record.push(field), records.push(record)
  const [header, ...rows] = records
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])))
}

const download = async (who: User, body: Record<string, unknown> = {}) => {
  const r = await request(t, 'POST', `/v1/photos/${photo.photoId}/downloads`, who.token, { ...EDITORIAL, ...body })
  expect(r.status, r.text).toBe(201)
  return r.body.grant as { id: string }
}

describe('the grants of an organisation', () => {
  it('are listed newest first for its members and the admin, page by page', async () => {
    const ids: string[] = []
    for (let i = 0; i < 5; i++) ids.push((await download(i % 2 ? colleague : press, { headline: `Kop ${i}` })).id)
    await download(outsider)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const r = await request(t, 'GET', `/v1/organisations/${orgId}/grants?limit=2${cursor ? `&cursor=${cursor}` : ''}`, colleague.token)
      expect(r.status).toBe(200)
      expect(r.body.items.length).toBeLessThanOrEqual(2)
      for (const g of r.body.items) expect(g.organisationId).toBe(orgId)
      seen.push(...r.body.items.map((g: { id: string }) => g.id))
      cursor = r.body.nextCursor
    } while (cursor)
    expect(seen).toEqual([...ids].reverse())
    const admin = await request(t, 'GET', `/v1/organisations/${orgId}/grants`, s.admin.token)
    expect(admin.body.items.map((g: { id: string }) => g.id)).toEqual([...ids].reverse())
    // Nothing about who asked beyond the organisation: no e-mail, no display names.
    expect(admin.text).not.toMatch(/@test\.example|Journalist/)
  })

  it('are not shown to other organisations, other roles or anonymous callers', async () => {
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants`, outsider.token)).status).toBe(403)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants.csv`, outsider.token)).status).toBe(403)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants`, s.curator.token)).status).toBe(403)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants`, null)).status).toBe(401)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants.csv`, null)).status).toBe(401)
    expect((await request(t, 'GET', '/v1/organisations/00000000-0000-4000-8000-000000000000/grants', s.admin.token)).status).toBe(404)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants?cursor=bad`, press.token)).status).toBe(400)
    expect((await request(t, 'GET', `/v1/organisations/${orgId}/grants?limit=1000`, press.token)).status).toBe(400)
  })

  it('export as CSV with every cell that a spreadsheet would run as a formula neutralised', async () => {
    const evil = ['=HYPERLINK("https://evil.example","klik")', '+1+2', '-2+3', '@SUM(A1)', "=cmd|' /C calc'!A0"]
    const org = await organisation(t, 'Formulekrant')
    const j = await journalist(t, org)
    for (const headline of evil) {
      const r = await request(t, 'POST', `/v1/photos/${photo.photoId}/downloads`, j.token, {
        ...EDITORIAL,
        headline,
        outlet: '=1+1',
        articleUrl: 'https://krant.example/a?x="q"',
      })
      expect(r.status, r.text).toBe(201)
    }
    const res = await fetch(`${t.url}/v1/organisations/${org}/grants.csv`, { headers: { authorization: `Bearer ${j.token}` } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="grants-${org}.csv"`)
    expect(res.headers.get('cache-control')).toBe('private, no-store')
    const text = await res.text()
    expect(text.split('\r\n')[0]).toBe(
      '"id","createdAt","photoId","licence","use","channel","topic","outlet","headline","articleUrl","publicationUrl","preset","format","attributionNl","attributionEn"',
    )
    const rows = parseCsv(text)
    expect(rows).toHaveLength(evil.length)
    expect(rows.map((r) => r.headline).sort()).toEqual(evil.map((h) => `'${h}`).sort())
    for (const r of rows) {
      expect(r).toMatchObject({
        photoId: photo.photoId,
        licence: 'rsw-editorial@1.0',
        use: 'editorial',
        channel: 'web',
        topic: '',
        outlet: "'=1+1",
        articleUrl: 'https://krant.example/a?x="q"',
        publicationUrl: '',
      })
      expect(r.attributionNl).toContain('Foto: Sam V.')
      expect(r.attributionEn).toContain('Photo: Sam V.')
      for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    }
    // Headlines are trimmed when stored; a leading tab or carriage return elsewhere is neutralised too.
    expect([safeCell('\tx'), safeCell('\rx'), safeCell('a=b'), safeCell('')]).toEqual(["'\tx", "'\rx", 'a=b', ''])
  })
})

describe('the publication URL', () => {
  it('is reported by the organisation and shown to the person pictured in their portal', async () => {
    const g = await download(press, { use: 'social', channel: 'social' })
    const r = await request(t, 'PATCH', `/v1/downloads/${g.id}`, colleague.token, { publicationUrl: 'https://dagkrant.example/2026/werk' })
    expect(r.status, r.text).toBe(200)
    expect(r.body).toMatchObject({ id: g.id, publicationUrl: 'https://dagkrant.example/2026/werk', channel: 'social' })
    const [row] = rowsOf<{ publication_url: string; publication_reported_at: Date | null }>(
      await t.rt.database.db.execute(sql`select publication_url, publication_reported_at from download_grants where id = ${g.id}`),
    )
    expect(row!.publication_url).toBe('https://dagkrant.example/2026/werk')
    expect(row!.publication_reported_at).not.toBeNull()

    const link = await request(t, 'POST', `/v1/subjects/${photo.subjectId}/portal-link`, s.admin.token)
    const portal = await request(t, 'GET', '/v1/portal', link.body.token)
    expect(portal.status).toBe(200)
    const usage = portal.body.photos[0].usage as Record<string, unknown>[]
    expect(usage).toContainEqual({
      organisation: 'De Dagkrant',
      outlet: null,
      headline: null,
      use: 'social',
      channel: 'social',
      topic: null,
      at: expect.any(String),
      publicationUrl: 'https://dagkrant.example/2026/werk',
    })
    // The person sees organisations, never who at the organisation asked.
    expect(JSON.stringify(usage)).not.toMatch(/Journalist|@test\.example/)
  })

  it('refuses unsafe URLs, extra fields, other organisations and anonymous callers, changing nothing', async () => {
    const g = await download(press)
    for (const body of [
      { publicationUrl: 'javascript:alert(1)' },
      { publicationUrl: 'ftp://x.example/a' },
      { publicationUrl: 'https://a.example', note: 'x' },
      {},
    ]) {
      const r = await request(t, 'PATCH', `/v1/downloads/${g.id}`, press.token, body)
      expect(r.status, JSON.stringify(body)).toBe(400)
    }
    expect((await request(t, 'PATCH', `/v1/downloads/${g.id}`, outsider.token, { publicationUrl: 'https://zuid.example/x' })).status).toBe(404)
    expect((await request(t, 'PATCH', `/v1/downloads/${g.id}`, s.admin.token, { publicationUrl: 'https://zuid.example/x' })).status).toBe(403)
    expect((await request(t, 'PATCH', `/v1/downloads/${g.id}`, null, { publicationUrl: 'https://zuid.example/x' })).status).toBe(401)
    expect(
      (await request(t, 'PATCH', '/v1/downloads/00000000-0000-4000-8000-000000000000', press.token, { publicationUrl: 'https://a.example/x' })).status,
    ).toBe(404)
    const [row] = rowsOf<{ publication_url: string | null }>(
      await t.rt.database.db.execute(sql`select publication_url from download_grants where id = ${g.id}`),
    )
    expect(row!.publication_url).toBeNull()
    // And it can be cleared again.
    await request(t, 'PATCH', `/v1/downloads/${g.id}`, press.token, { publicationUrl: 'https://a.example/x' })
    const cleared = await request(t, 'PATCH', `/v1/downloads/${g.id}`, press.token, { publicationUrl: null })
    expect(cleared.body.publicationUrl).toBeNull()
  })
})
