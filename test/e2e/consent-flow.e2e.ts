import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { generateFixtures } from '../../fixtures/generate.ts'
import { axeViolations, launchBrowser, newContext, screenshots, watchPage } from './support/browser.ts'
import { loginAs, startGallery, type Gallery } from './support/gallery.ts'

// The whole consent promise through the gallery, as the people involved meet it, in Debian's Chromium
// against the real server: a photographer uploads a photo that carries GPS and sees that it was removed,
// adds the person in it with their consent and sends it; a curator publishes it; a journalist finds and
// downloads it; the person opens their personal link on a phone and withdraws; from the next request on
// the photo is gone from search and its image URL no longer serves.
describe('consent flow: upload → publish → withdraw', () => {
  let gallery: Gallery
  let browser: Browser
  const contexts: BrowserContext[] = []
  let fixtures: Awaited<ReturnType<typeof generateFixtures>>
  // Letters only: one plain word that no other photo has, for search.
  const suffix = `zq${[...crypto.randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`
  const caption = `Werkster leest de krant in de tram ${suffix}`
  const pseudonym = `Sam ${suffix}`
  let photoId = ''
  let secondId = ''
  let mediaUrl = ''
  let portalLink = ''

  const person = async (role: 'photographer' | 'curator' | 'admin' | 'journalist', next: string, opts: { mobile?: boolean } = {}) => {
    const context = await newContext(browser, gallery.url, opts)
    contexts.push(context)
    const page = await context.newPage()
    const watch = watchPage(page)
    await loginAs(page, gallery, role, next)
    return { context, page, watch }
  }
  /** A write through the API as the logged-in page (cookie session + the CSRF cookie's value). */
  const apiPost = async (context: BrowserContext, page: Page, url: string, data: unknown) => {
    const csrf = (await context.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? ''
    return page.request.post(url, { data, headers: { 'x-csrf-token': csrf } })
  }
  /** Whether this server has the journalist search yet (GET /v1/search comes with the search branch). */
  const hasSearch = async (page: Page) => (await page.request.get('/v1/search?q=tram')).status() !== 404

  beforeAll(async () => {
    fixtures = await generateFixtures()
    gallery = await startGallery()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await gallery?.close()
  })

  let photographer: Awaited<ReturnType<typeof person>>

  it('a photographer uploads a file with GPS (and one by drag and drop) and sees the privacy report per file', async () => {
    const shot = screenshots('photographer uploads and sees the privacy report')
    photographer = await person('photographer', '/upload')
    const { page } = photographer
    await page.getByRole('heading', { level: 1, name: "Foto's uploaden" }).waitFor()
    await shot(page, 'upload page')

    // Slow the upload down so that the progress bar is seen between empty and full.
    const cdp = await photographer.context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 400 * 1024 })
    const gps = fixtures['meta-everything.jpg']
    expect(fs.statSync(gps).size).toBeGreaterThan(400 * 1024 * 0.5)
    await page.getByLabel("Kies foto's").setInputFiles(gps)
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'meta-everything.jpg' }) })
    const bar = item.getByRole('progressbar', { name: 'Voortgang van meta-everything.jpg' })
    await bar.waitFor()
    const seen = new Set<number>()
    for (let i = 0; i < 200; i++) {
      const v = await bar.getAttribute('value')
      if (v !== null) seen.add(Number(v))
      if (await item.getByText('Klaar: opgeslagen als concept.').isVisible()) break
      await page.waitForTimeout(25)
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 })
    await item.getByText('Klaar: opgeslagen als concept.').waitFor()
    expect(
      [...seen].some((v) => v > 0 && v < 100),
      `progress values seen: ${[...seen].join(', ')}`,
    ).toBe(true)
    expect(await bar.getAttribute('value')).toBe('100')

    // The privacy report in plain words: the GPS position was there, and it was removed.
    const report = item.getByRole('region', { name: 'Privacyrapport' })
    await report.waitFor()
    const summary = (await report.locator('.summary').textContent()) ?? ''
    expect(summary).toMatch(/^Verwijderd: .*GPS-positie/)
    expect(summary).toContain('serienummers van camera of lens')
    const removed = (await report.locator('ul.removed').textContent()) ?? ''
    expect(removed).toContain('GPS-positie')
    expect(removed).toContain('namen van eigenaar of maker')
    await report.getByText(/^Als lijst \(\d+ soorten gegevens\)$/).click()
    await report.locator('ul.removed').getByText('GPS-positie', { exact: true }).waitFor()
    await shot(page, 'privacy report of the GPS file')

    // A second file by drag and drop: its own row, its own bar and report.
    const second = fixtures['orientation-6.jpg']
    await page.evaluate(
      ({ b64, name }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
        const dt = new DataTransfer()
        dt.items.add(new File([bytes], name, { type: 'image/jpeg' }))
        const zone = document.querySelector('.drop-zone')!
        for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }))
      },
      { b64: fs.readFileSync(second).toString('base64'), name: path.basename(second) },
    )
    const item2 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'orientation-6.jpg' }) })
    await item2.getByText('Klaar: opgeslagen als concept.').waitFor()
    await item2.getByRole('progressbar', { name: 'Voortgang van orientation-6.jpg' }).waitFor()
    await item2.getByRole('region', { name: 'Privacyrapport' }).waitFor()
    secondId = (await item2.getByRole('link', { name: 'Bijschrift, alt-tekst en mensen toevoegen' }).getAttribute('href'))!.split('/').pop()!
    await shot(page, 'two files uploaded')

    expect(await axeViolations(page), 'upload page with reports').toEqual([])

    await item.getByRole('link', { name: 'Bijschrift, alt-tekst en mensen toevoegen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Foto bewerken' }).waitFor()
    photoId = page.url().split('/').pop()!
    expect(photoId).toMatch(/^[0-9a-f-]{36}$/)
    expect(photographer.watch.errors).toEqual([])
  })

  it('the photographer writes captions and alt text, adds the person with consent, and sends it for review', async () => {
    const shot = screenshots('photographer adds a person with consent and sends it')
    const { page } = photographer
    await page.getByLabel('Bijschrift (Nederlands)').fill(caption)
    await page.getByLabel('Bijschrift (Engels)').fill(`A worker reads the paper on the tram ${suffix}`)
    await page.getByLabel('Alt-tekst (Nederlands)').fill('Een vrouw met een krant zit bij het raam van een tram.')
    await page.getByLabel('Alt-tekst (Engels)').fill('A woman with a newspaper sits by the window of a tram.')
    // Keywords in both languages, Dutch first, each field labelled with its language.
    await page.getByLabel('Trefwoorden (Nederlands)').fill('tram, krant, werk')
    await page.getByLabel('Trefwoorden (Engels)').fill('Tram, newspaper , commute, tram')
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click()
    await page.getByText('Opgeslagen.').waitFor()
    // Stored trimmed, lower-cased and without the repeat; shown back as stored.
    expect(await page.getByLabel('Trefwoorden (Engels)').inputValue()).toBe('tram, newspaper, commute')
    const en = (await (await page.request.get(`/v1/photos/${photoId}?lang=en`)).json()) as { tags: string[]; keywords: { nl: string[]; en: string[] } }
    expect(en.tags).toEqual(['tram', 'newspaper', 'commute'])
    expect(en.keywords).toEqual({ nl: ['tram', 'krant', 'werk'], en: ['tram', 'newspaper', 'commute'] })
    await shot(page, 'texts saved')

    const form = page.getByRole('form', { name: 'Persoon toevoegen' })
    await form.getByLabel('Of een nieuw pseudoniem').fill(pseudonym)
    // The vocabulary's words, with the defaults: news on, advertising off, trafficking excluded.
    expect(await form.getByLabel('nieuws en achtergrond').isChecked()).toBe(true)
    expect(await form.getByLabel('reclame').isChecked()).toBe(false)
    expect(await form.getByLabel('mensenhandel').isChecked()).toBe(true)
    await shot(page, 'person and consent filled in')
    await form.getByRole('button', { name: 'Toevoegen met deze toestemming' }).click()
    await page.getByText(`${pseudonym} is toegevoegd.`).waitFor()
    const listed = page.locator('.people li').filter({ hasText: pseudonym })
    await listed.waitFor()
    expect(await listed.textContent()).toMatch(/Mag gebruikt worden voor: nieuws en achtergrond/)
    await shot(page, 'person added')

    await page.getByRole('button', { name: 'Ter beoordeling sturen' }).click()
    await page.getByText('Verstuurd: de foto wacht op een curator.').waitFor()
    await page.getByText('Status: ter beoordeling').waitFor()
    await shot(page, 'sent for review')

    // The second photo, as it is, without texts or people, can't be sent: the checklist says what is missing.
    const empty = await apiPost(photographer.context, page, `/v1/photos/${secondId}/submit`, undefined)
    expect(empty.status()).toBe(409)
    expect(((await empty.json()) as { type: string }).type).toBe('/problems/submit-refused')
    // With texts and a recognisable person who did not agree, it can be sent; the curator will see why it can't be published.
    const csrf = (await photographer.context.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? ''
    expect(
      (
        await page.request.patch(`/v1/photos/${secondId}`, {
          data: { captionNl: `Tweede ${suffix}`, captionEn: `Second ${suffix}`, altNl: 'Een tweede foto', altEn: 'A second photo' },
          headers: { 'x-csrf-token': csrf },
        })
      ).status(),
    ).toBe(200)
    const other = (await (await apiPost(photographer.context, page, '/v1/subjects', { pseudonym: `Tweede ${suffix}` })).json()) as { id: string }
    expect(
      (
        await apiPost(photographer.context, page, `/v1/photos/${secondId}/people`, {
          subjectId: other.id,
          consent: { identifiable: true, identifiabilityAgreed: false },
        })
      ).status(),
    ).toBe(201)
    const r = await apiPost(photographer.context, page, `/v1/photos/${secondId}/submit`, undefined)
    expect(r.status()).toBe(200)
    expect(photographer.watch.errors).toEqual([])
  })

  it('a curator sees why one photo cannot be published, and publishes the other', async () => {
    const shot = screenshots('curator publishes')
    const { page, watch } = await person('curator', '/review')
    await page.getByRole('heading', { level: 1, name: 'Ter beoordeling' }).waitFor()

    const refused = page.locator(`article[data-photo-id="${secondId}"]`)
    await refused.waitFor()
    // Publishing is disabled, with its reasons shown next to it (no click that changes nothing).
    expect(await refused.getByRole('button', { name: /^Publiceren/ }).isDisabled()).toBe(true)
    const reasons = refused.locator('.refusal')
    await reasons.waitFor()
    const text = (await reasons.textContent()) ?? ''
    expect(text).toContain('Nog niet te publiceren, omdat:')
    expect(text).toContain('herkenbaar')
    await shot(page, 'publishing refused with reasons')

    const card = page.getByRole('article', { name: caption })
    await card.waitFor()
    expect(await card.textContent()).toContain(`Toestemming van ${pseudonym}`)
    // The sizes may still be in the making for a moment: then the refusal says so, and a retry publishes.
    for (let i = 0; i < 30; i++) {
      await card.getByRole('button', { name: new RegExp(`^Publiceren ?: ${caption}$`) }).click()
      await Promise.race([card.getByText('Gepubliceerd.').waitFor(), card.getByRole('alert').waitFor()])
      if (await card.getByText('Gepubliceerd.').isVisible()) break
      expect(await card.getByRole('alert').textContent()).toContain('de formaten van de foto nog worden gemaakt')
      await page.waitForTimeout(1000)
    }
    await card.getByText('Gepubliceerd.').waitFor()
    await shot(page, 'published')
    // The refusals are 409 answers, which the browser logs; nothing else may go wrong.
    expect(watch.errors.filter((e) => !/status of 409/.test(e))).toEqual([])
  })

  let journalist: Awaited<ReturnType<typeof person>>

  it('a journalist can see, find and download the published photo', async () => {
    const shot = screenshots('journalist finds and downloads the photo')
    journalist = await person('journalist', `/photos/${photoId}`)
    const { page, context } = journalist
    await page.getByRole('heading', { level: 1, name: caption }).waitFor()
    const detail = await page.request.get(`/v1/photos/${photoId}`)
    expect(detail.status()).toBe(200)
    const small = ((await detail.json()) as { derivatives: { preset: string; format: string; url: string }[] }).derivatives.find(
      (d) => d.preset === 'small' && d.format === 'jpeg',
    )!
    mediaUrl = new URL(small.url, gallery.url).href
    expect((await page.request.get(mediaUrl)).status()).toBe(200)
    await shot(page, 'photo page')

    if (await hasSearch(page)) {
      // The index follows the publication through the outbox: give the worker a moment.
      await expect
        .poll(
          async () => {
            await page.goto(`/?q=${encodeURIComponent(suffix)}`)
            return page
              .getByRole('link', { name: new RegExp(suffix) })
              .first()
              .waitFor({ timeout: 3000 })
              .then(
                () => true,
                () => false,
              )
          },
          { timeout: 30_000, interval: 500 },
        )
        .toBe(true)
      await shot(page, 'found in search')
    }
    const d = await apiPost(context, page, `/v1/photos/${photoId}/downloads`, { use: 'editorial', channel: 'web', outlet: 'Demo Redactie online' })
    expect(d.status(), await d.text()).toBe(201)
    // Once the story is out, the newsroom says where: the person pictured sees it in their portal.
    const grantId = ((await d.json()) as { grant: { id: string } }).grant.id
    const csrf = (await context.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? ''
    const reported = await page.request.patch(`/v1/downloads/${grantId}`, {
      data: { publicationUrl: 'https://demo-redactie.example/verhaal-over-werk' },
      headers: { 'x-csrf-token': csrf },
    })
    expect(reported.status(), await reported.text()).toBe(200)
  })

  it("the admin makes the person's personal link (shown once, copyable) and checks the audit trail", async () => {
    const shot = screenshots('admin makes the portal link and verifies the audit trail')
    const { page, watch } = await person('admin', '/admin')
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor()
    await page.getByRole('button', { name: `Persoonlijke link maken voor ${pseudonym}` }).click()
    const field = page.getByLabel(`Persoonlijke link voor ${pseudonym}`)
    await field.waitFor()
    portalLink = await field.inputValue()
    expect(portalLink).toMatch(new RegExp(`^${gallery.url}/portal#ebp_[\\w-]+$`))
    await page.getByRole('button', { name: `Kopiëren (Persoonlijke link voor ${pseudonym})` }).click()
    await page.getByText('Gekopieerd.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(portalLink)
    await shot(page, 'portal link made')

    await page.getByRole('button', { name: 'Logboek controleren' }).click()
    const ok = page.getByText(/^In orde: \d+ gebeurtenissen, de keten is ongeschonden\.$/)
    await ok.waitFor()
    expect(Number(/(\d+)/.exec((await ok.textContent())!)![1])).toBeGreaterThan(3)
    await shot(page, 'audit trail verified')
    expect(watch.errors).toEqual([])
  })

  it('the person opens their link on a phone, sees the photo, its use and their consent, and withdraws after a clear confirmation', async () => {
    const shot = screenshots('model opens the link and withdraws')
    const context = await newContext(browser, gallery.url, { mobile: true })
    contexts.push(context)
    const page = await context.newPage()
    const watch = watchPage(page)
    await page.goto(portalLink)
    await page.getByRole('heading', { level: 1, name: `Hallo ${pseudonym}` }).waitFor()
    // The token left the address bar at once, and lives in this tab's sessionStorage only.
    expect(page.url()).toBe(`${gallery.url}/portal`)
    expect(await page.evaluate(() => sessionStorage.getItem('eb.portal'))).toBe(portalLink.split('#')[1])

    const card = page.getByRole('article', { name: `Foto 1: ${caption}` })
    await card.waitFor()
    const img = card.getByRole('img', { name: /^Jouw foto: Een vrouw met een krant/ })
    await img.waitFor()
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true)
    expect(await img.getAttribute('src')).toMatch(/^blob:/)
    expect(await card.textContent()).toContain('Deze foto mag gebruikt worden voor: nieuws en achtergrond')
    expect(await card.textContent()).toContain('Gepubliceerd')
    const usage = card.getByRole('region', { name: 'Wie gebruikte deze foto' })
    expect(await usage.textContent()).toMatch(/Demo Redactie — nieuws en achtergrond/)
    expect(await usage.getByRole('link', { name: /Waar het verscheen/ }).getAttribute('href')).toBe('https://demo-redactie.example/verhaal-over-werk')
    // Nothing wider than the phone's screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await shot(page, 'portal on a phone')
    expect(await axeViolations(page), 'portal page').toEqual([])

    await card.getByRole('button', { name: 'Toestemming intrekken' }).click()
    const dialog = page.getByRole('dialog', { name: 'Toestemming voor deze foto intrekken?' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('De foto verdwijnt meteen uit de beeldbank')
    expect(await dialog.textContent()).toContain('Dit is definitief')
    const confirm = dialog.getByRole('button', { name: 'Ja, trek mijn toestemming in' })
    expect(await confirm.isDisabled()).toBe(true)
    await shot(page, 'withdrawal dialog')
    expect(await axeViolations(page), 'portal withdrawal dialog').toEqual([])
    // Escape closes it without withdrawing.
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    await card.getByRole('button', { name: 'Toestemming intrekken' }).click()
    await dialog.getByLabel('Ik begrijp dat dit definitief is').check()
    expect(await confirm.isDisabled()).toBe(false)
    await confirm.click()
    await card.getByText('Je toestemming is ingetrokken. De foto wordt niet meer getoond.').waitFor()
    await card.getByText('Ingetrokken: wordt nergens meer getoond').waitFor()
    await card.getByText('Geen voorbeeld meer: de foto wordt niet meer getoond.').waitFor()
    // The outlet that downloaded it is told: the notice is listed with its state.
    await card
      .getByRole('region', { name: 'Bericht aan media: toestemming ingetrokken' })
      .getByText(/^Demo Redactie: /)
      .waitFor()
    await shot(page, 'withdrawn')
    expect(watch.errors).toEqual([])
  })

  it('from the next request on the photo is gone: its image URL and page answer 404/410, and search no longer finds it', async () => {
    const shot = screenshots('the photo is gone for the journalist')
    const { page, watch } = journalist
    expect([404, 410]).toContain((await page.request.get(mediaUrl)).status())
    expect([404, 410]).toContain((await page.request.get(`/v1/photos/${photoId}`)).status())
    expect([404, 410]).toContain(
      (
        await page.request.post(`/v1/photos/${photoId}/downloads`, {
          data: { use: 'editorial', channel: 'web' },
          headers: { 'x-csrf-token': (await journalist.context.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? '' },
        })
      ).status(),
    )
    await page.goto(`/photos/${photoId}`)
    await page.getByRole('alert').waitFor()
    await shot(page, 'photo page after withdrawal')
    if (await hasSearch(page)) {
      // The search answers from the gate at request time: gone at once, whatever the index still holds.
      const api = (await (await page.request.get(`/v1/search?q=${encodeURIComponent(suffix)}`)).json()) as { hits: { id: string }[] }
      expect(api.hits.map((h) => h.id)).not.toContain(photoId)
      await page.goto(`/?q=${encodeURIComponent(suffix)}`)
      await page.getByText("Geen foto's gevonden.", { exact: false }).waitFor()
      expect(await page.getByRole('link', { name: new RegExp(suffix) }).count()).toBe(0)
      await shot(page, 'search after withdrawal')
    }
    expect(watch.errors.filter((e) => !/status of (404|410)/.test(e))).toEqual([])
  })
})
