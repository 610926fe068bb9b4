import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app.ts'

const CHROMIUM = '/usr/bin/chromium'
const haveBrowser = fs.existsSync(CHROMIUM)

// Playwright gives the browser a fresh temporary profile of its own.
// Swagger UI in a real browser, under the app's own Content-Security-Policy (helmet): the docs must
// render with scripts from 'self' only, and nothing may be blocked.
describe.skipIf(!haveBrowser)('interactive docs in Chromium', () => {
  let t: TestApp
  let browser: Browser
  beforeAll(async () => {
    t = await startTestApp()
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
  })
  afterAll(async () => {
    await browser?.close()
    await t?.close()
  })

  it('renders the API at /docs with no CSP violation and no request leaving the server', async () => {
    const page = await browser.newPage()
    const problems: string[] = []
    const elsewhere: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text())
    })
    page.on('pageerror', (e) => problems.push(e.message))
    page.on('request', (r) => {
      if (!r.url().startsWith(t.url) && !r.url().startsWith('data:')) elsewhere.push(r.url())
    })
    const res = await page.goto(`${t.url}/docs`)
    expect(res?.status()).toBe(200)
    await page.waitForSelector('.swagger-ui .info .title', { timeout: 30_000 })
    expect(await page.textContent('.swagger-ui .info .title')).toContain('Eerlijk Beeld API')
    // The operations are listed, ours among them.
    await page.waitForSelector('.opblock-summary-path[data-path="/v1/keys/current"]', { timeout: 30_000 })
    expect(problems.filter((p) => /Content Security Policy|Refused to/i.test(p))).toEqual([])
    expect(problems).toEqual([])
    expect(elsewhere).toEqual([])
    await page.close()
  })
})
