/** GET /v1/auth/help: the bank's contact address for account questions, from CONTACT_EMAIL; nothing else. */
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../api/src/config.ts'
import { request, startTestApp, type TestApp } from '../../support/app.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('account help', () => {
  it('names the configured contact address to anyone, without logging in', async () => {
    t = await startTestApp({ CONTACT_EMAIL: 'hulp@eerlijkbeeld.example' })
    const r = await request(t, 'GET', '/v1/auth/help', null)
    expect(r.status, r.text).toBe(200)
    expect(r.body).toEqual({ contactEmail: 'hulp@eerlijkbeeld.example' })
  })

  it('says there is none when CONTACT_EMAIL is not set', async () => {
    t = await startTestApp()
    const r = await request(t, 'GET', '/v1/auth/help', null)
    expect(r.status, r.text).toBe(200)
    expect(r.body).toEqual({ contactEmail: null })
  })

  it('refuses a CONTACT_EMAIL that is not an address at start-up', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', CONTACT_EMAIL: 'not an address' })).toThrow(ConfigError)
  })
})
