import crypto from 'node:crypto'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../api/src/db/client.ts'
import { startTestApp, type TestApp } from './support/app.ts'

// One person's whole story through the bank, recording everything the bank says and logs on the way.
describe('a full scenario: upload → vault → consent → publish → portal → withdraw', () => {
  let t: TestApp
  const logs: string[] = []
  const responses: string[] = []
  const tag = crypto.randomBytes(5).toString('hex')
  const LEGAL_NAME = `Marieke Geheim-${tag}`
  const EMAIL = `m.${tag}@verborgen.example`

  beforeAll(async () => {
    t = await startTestApp({}, { logLines: logs })
  })
  afterAll(() => t?.close())

  async function call(method: string, url: string, token: string | null, body?: unknown, form?: FormData) {
    const res = await fetch(`${t.url}${url}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: form ?? (body === undefined ? undefined : JSON.stringify(body)),
    })
    const text = await res.text()
    responses.push(`${method} ${url} ${res.status} ${[...res.headers].join(' ')} ${text}`)
    return { status: res.status, body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null) as Record<string, any> }
  }

  it("never shows the vault outside the consent officer's own endpoint: not in responses, logs, jobs or the audit trail", async () => {
    const photographer = await t.user('photographer', 'Fotograaf Z.')
    const curator = await t.user('curator')
    const admin = await t.user('admin')
    const journalist = await t.user('photographer')

    const bytes = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#8a5' } })
      .jpeg()
      .toBuffer()
    const form = new FormData()
    form.append('file', new Blob([bytes]), `${LEGAL_NAME}.jpg`)
    for (const [k, v] of Object.entries({
      captionNl: 'Een sekswerker aan het werk in haar atelier',
      captionEn: 'A sex worker at work in her studio',
      altNl: 'Vrouw achter een naaimachine',
      altEn: 'Woman at a sewing machine',
    }))
      form.append(k, v)
    const photo = (await call('POST', '/v1/photos', photographer.token, undefined, form)).body
    const subject = (await call('POST', '/v1/subjects', photographer.token, { pseudonym: 'Roos' })).body
    expect((await call('PUT', `/v1/subjects/${subject.id}/vault`, photographer.token, { legalName: LEGAL_NAME, contact: { email: EMAIL } })).status).toBe(204)
    expect(
      (
        await call('POST', `/v1/photos/${photo.id}/people`, photographer.token, {
          subjectId: subject.id,
          consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
        })
      ).status,
    ).toBe(201)
    await call('POST', `/v1/photos/${photo.id}/submit`, photographer.token)
    expect((await call('POST', `/v1/photos/${photo.id}/publish`, curator.token)).status).toBe(200)
    await call('GET', `/v1/photos/${photo.id}`, journalist.token)
    await call('GET', `/v1/photos/${photo.id}`, null)
    await call('GET', `/v1/photos/${photo.id}/people`, curator.token)
    await call('GET', '/v1/subjects', photographer.token)
    const link = (await call('POST', `/v1/subjects/${subject.id}/portal-link`, admin.token)).body
    await call('GET', '/v1/portal', link.token)
    await call('GET', '/v1/portal/events', link.token)
    expect((await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, link.token, { confirm: true })).status).toBe(200)
    await call('GET', `/v1/photos/${photo.id}`, journalist.token)
    await call('GET', `/v1/photos/${photo.id}`, photographer.token)

    // The one place it may appear: the consent officer's vault read (audited).
    const vault = await fetch(`${t.url}/v1/admin/vault/${subject.id}`, { headers: { authorization: `Bearer ${admin.token}` } })
    expect(await vault.text()).toContain(LEGAL_NAME)

    expect(responses.length).toBeGreaterThan(12)
    expect(logs.length).toBeGreaterThan(0)
    const tables = ['photos', 'derivatives', 'subjects', 'photo_subjects', 'consents', 'jobs', 'audit_events', 'portal_links', 'users', 'sessions']
    const stored = await Promise.all(tables.map(async (tb) => JSON.stringify(rowsOf(await t.rt.database.db.execute(sql.raw(`select * from ${tb}`))))))
    for (const secret of [LEGAL_NAME, EMAIL, `Geheim-${tag}`, tag]) {
      for (const r of responses) expect(r, `response: ${r.slice(0, 80)}`).not.toContain(secret)
      for (const l of logs) expect(l, 'log line').not.toContain(secret)
      stored.forEach((s, i) => {
        expect(s, `table ${tables[i]}`).not.toContain(secret)
      })
    }
  })

  it('leaves an intact audit trail of what happened, which the person can read about their own photo', async () => {
    const verdict = await t.rt.audit.verify()
    expect(verdict.ok).toBe(true)
    const types = rowsOf<{ type: string }>(await t.rt.database.db.execute(sql`select type from audit_events order by seq`)).map((r) => r.type)
    expect(types).toEqual(['consent.created', 'photo.published', 'consent.withdrawn', 'vault.read'])
    const events = responses.find((r) => r.startsWith('GET /v1/portal/events 200'))!
    expect(events).toContain('consent.created')
    expect(events).toContain('photo.published')
  })
})
