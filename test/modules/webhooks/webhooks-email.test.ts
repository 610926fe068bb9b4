import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf } from '../../../api/src/db/client.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { client, person, publishedPhoto, type Call, type Staff } from '../erasure/erasure-support.ts'
import { grant, noticesOf, smtpReceiver } from './webhooks-support.ts'
import { outletWithJournalist as organisation } from '../../support/factories.ts'

let t: TestApp
let call: Call
let staff: Staff
let smtp: Awaited<ReturnType<typeof smtpReceiver>>

beforeAll(async () => {
  smtp = await smtpReceiver()
  t = await startTestApp({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Eerlijk Beeld <noreply@beeld.example>',
    WORKER_ENABLED: '0',
    PUBLIC_URL: 'https://beeld.example',
    LOGIN_RATE_LIMIT: '1000',
  })
  call = client(t.url)
  const [p, c, a] = await Promise.all([t.user('photographer'), t.user('curator'), t.user('admin')])
  staff = { photographer: p.token, curator: c.token, admin: a.token }
})
afterAll(async () => {
  await t?.close()
  await smtp?.close()
})

describe('e-mail notices with SMTP', () => {
  it("go to the organisation's notice address through a real SMTP server, in Dutch and English, without personal data", async () => {
    const model = await person(call, staff, 'Yara')
    const photo = await publishedPhoto(t.url, call, staff, [model])
    const org = await organisation(t, 'Post Krant', { noticeEmail: 'fotodesk@postkrant.example' })
    const silent = await organisation(t, 'Geen Adres')
    await grant(t.rt.database.db, photo.id, org.id)
    await grant(t.rt.database.db, photo.id, silent.id)
    await call('POST', `/v1/portal/photos/${photo.id}/withdraw`, model.portalToken, { confirm: true })
    await t.rt.worker.drain()

    expect(smtp.messages).toHaveLength(1)
    const m = smtp.messages[0]!
    // The text part may be quoted-printable: undo soft line breaks and =XX escapes before reading it.
    const text = Buffer.from(
      m.data.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8')
    expect(m.to).toEqual(['<fotodesk@postkrant.example>'])
    const notices = await noticesOf(t.rt.database.db, photo.id)
    const mine = notices.find((n) => n.organisation_id === org.id)!
    expect(m.data.toLowerCase()).toContain(`x-eerlijkbeeld-notice: ${mine.id}`)
    expect(text).toContain('De toestemming voor deze foto is ingetrokken')
    expect(text).toContain('Consent for this photo was withdrawn')
    expect(text).toContain(`https://beeld.example/v1/webhooks/notices/${mine.id}/ack`)
    for (const s of [model.pseudonym, model.legalName, model.email]) expect(text).not.toContain(s)
    // Delivered by e-mail counts as delivered; the organisation without an address had no channel.
    expect(mine.state).toBe('delivered')
    expect(notices.find((n) => n.organisation_id === silent.id)!.state).toBe('queued')
    const deliveries = rowsOf<{ channel: string; state: string; attempts: number }>(
      await t.rt.database.db.execute(sql`select channel, state, attempts from notice_deliveries where notice_id = ${mine.id}`),
    )
    expect(deliveries).toEqual([{ channel: 'email', state: 'delivered', attempts: 1 }])
    const log = await call('GET', '/v1/webhooks/deliveries', org.token)
    expect(log.body.items).toEqual([expect.objectContaining({ channel: 'email', attempt: 1, statusCode: 250, errorClass: null, endpointId: null })])
  })
})
