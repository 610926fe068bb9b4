import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { axeViolations, launchBrowser, newContext, screenshots, watchPage } from './support/browser.ts'
import { loginAs, startGallery, type Gallery } from './support/gallery.ts'

// A journalist of the demo newsroom finds an honest photo in Dutch, reads what the licence allows,
// downloads it for a story and copies the credit line: in Debian's Chromium against the real server.
describe('journalist', () => {
  let gallery: Gallery
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let watch: { errors: string[] }

  beforeAll(async () => {
    gallery = await startGallery()
    browser = await launchBrowser()
    context = await newContext(browser, gallery.url)
    page = await context.newPage()
    watch = watchPage(page)
    // The demo's espresso photo is offered under its own CC0; this flow is about our editorial licence (its
    // prohibited topics, its refusal), so a curator puts the photo under it first, as the gallery allows.
    const { email, password } = gallery.logins.curator
    const login = (await (
      await fetch(`${gallery.url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
    ).json()) as { token: string }
    const hit = ((await (await fetch(`${gallery.url}/v1/search?q=espresso`)).json()) as { hits: { id: string }[] }).hits[0]!
    const patched = await fetch(`${gallery.url}/v1/photos/${hit.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ licence: 'rsw-editorial@1.0' }),
    })
    expect(patched.status).toBe(200)
  })
  afterAll(async () => {
    await browser?.close()
    await gallery?.close()
  })

  it('searches in Dutch, opens a photo, downloads it and copies the attribution', async () => {
    const shot = screenshots('journalist searches, downloads and copies the attribution')

    await page.goto('/')
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl')
    await page.getByRole('heading', { level: 1, name: 'Zoek een eerlijke foto' }).waitFor()
    await shot(page, 'search page, anonymous')

    await loginAs(page, gallery, 'journalist')
    await shot(page, 'logged in')

    // Search as you type: a real search field, results appear without pressing Enter.
    const field = page.getByRole('searchbox', { name: 'Zoeken' })
    await field.pressSequentially('kopje', { delay: 40 })
    const result = page.getByRole('link', { name: /espresso/i }).first()
    await result.waitFor()
    await expect.poll(() => page.url()).toContain('q=kopje')
    await expect.poll(() => page.locator('.results-status').textContent()).toMatch(/^\d+ foto's$|^1 foto$/)
    // Every result image has alt text and a srcset; the placeholder is a thumbhash data: URL.
    const imgs = await page.locator('.results img').evaluateAll((els) => els.map((e) => ({ alt: e.getAttribute('alt'), srcset: e.getAttribute('srcset') })))
    expect(imgs.length).toBeGreaterThan(0)
    for (const i of imgs) {
      expect(i.alt?.length).toBeGreaterThan(5)
      expect(i.srcset).toMatch(/\/v1\/photos\/[0-9a-f-]{36}\/media\/\w+\.jpeg\?v=\S+ \d+w/)
    }
    await shot(page, 'search results for kopje')

    await result.click()
    const h1 = page.getByRole('heading', { level: 1 })
    await h1.waitFor()
    expect(await h1.textContent()).toMatch(/espresso/i)
    expect(page.url()).toMatch(/\/photos\/[0-9a-f-]{36}$/)
    const photoId = page.url().split('/').pop()!
    const alt = await page.locator('.photo-figure img').getAttribute('alt')
    expect(alt).toMatch(/\S{10,}/)
    await page.getByRole('heading', { name: 'Voordat u deze foto gebruikt' }).waitFor()
    await page.getByRole('heading', { name: 'Wat mag wel en wat niet' }).waitFor()

    // schema.org ImageObject for search engines.
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>
    expect(ld['@type']).toBe('ImageObject')
    // The photo's own licence (the demo's open CC licences are offered as they are): its deed, and its credit.
    const json = (await (await page.request.get(`/v1/photos/${photoId}`)).json()) as { licenceUrl: string; attribution: { nl: { text: string; html: string } } }
    // Without PUBLIC_URL the bank's own deeds are on this server (the origin names localhost and the port it was given).
    const origin = `http://(localhost|127\\.0\\.0\\.1):${new URL(gallery.url).port}`
    expect(json.licenceUrl).toMatch(new RegExp(`^(https://creativecommons\\.org/|${origin}/licences/)`))
    expect(ld.license).toBe(json.licenceUrl)
    expect(ld.acquireLicensePage).toMatch(new RegExp(`^${origin}/photos/${photoId}$`))
    expect(ld.contentUrl).toMatch(new RegExp(`^${origin}/v1/photos/${photoId}/media/(thumb|small|medium|large)\\.jpeg`))
    expect(ld.creditText).toMatch(/ \/ Eerlijk Beeld$/)
    expect(ld.copyrightNotice).toBeTruthy()
    expect((ld.creator as { name: string }).name).toBeTruthy()
    // The licence in plain words: what the effective permission allows, what it doesn't.
    const allowed = await page.locator('.licence ul.allowed li').allTextContents()
    expect(allowed).toContain('nieuws en achtergrond')
    const notAllowed = (await page.locator('.licence ul.not-allowed').textContent())!
    expect(notAllowed).toMatch(/mensenhandel/)
    // The same ImageObject is in the HTML the server sends (for crawlers without JavaScript), and the
    // rendered page carries exactly one.
    const served = await (await page.request.get(`/photos/${photoId}`)).text()
    expect(served).toMatch(/<script type="application\/ld\+json" id="server-jsonld">\{"@context":"https:\/\/schema.org","@type":"ImageObject"/)
    expect(await page.locator('script[type="application/ld+json"]').count()).toBe(1)
    await shot(page, 'photo page')

    // The download dialog: a stated use, channel, outlet and headline.
    await page.getByRole('button', { name: 'Deze foto downloaden' }).click()
    const dialog = page.getByRole('dialog', { name: 'Downloaden' })
    await dialog.waitFor()
    await dialog.getByLabel('Waarvoor gebruikt u de foto?').selectOption('editorial')
    await dialog.getByLabel('Waar verschijnt de foto?').selectOption('web')
    await dialog.getByLabel('Titel of medium (optioneel)').fill('Demo Redactie online')
    await dialog.getByLabel('Kop van het verhaal (optioneel)').fill('Koffie op het werk')
    await shot(page, 'download dialog filled in')
    await dialog.getByRole('button', { name: 'Downloaden aanvragen' }).click()
    await page.getByRole('heading', { name: 'De foto staat klaar' }).waitFor()
    await shot(page, 'download ready')

    // The file link answers with a JPEG.
    const href = await page.getByRole('link', { name: 'Download het bestand (JPEG)' }).getAttribute('href')
    expect(href).toMatch(/\/v1\/downloads\/[0-9a-f-]{36}\/file\?exp=\d+&sig=/)
    const file = await page.request.get(new URL(href!, gallery.url).href)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('image/jpeg')
    const bytes = await file.body()
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]))

    // Copy the plain credit line: the clipboard holds exactly what the field shows, and the page says so.
    const plain = await page.getByLabel('Naamsvermelding (tekst)').inputValue()
    expect(plain).toBe(json.attribution.nl.text)
    await page.getByRole('button', { name: 'Kopieer de naamsvermelding als tekst' }).click()
    await page.getByText(`Gekopieerd: ${plain}`).waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(plain)
    await page.getByRole('button', { name: 'Kopieer de naamsvermelding als HTML' }).click()
    const html = await page.evaluate(() => navigator.clipboard.readText())
    expect(html).toContain(`href="${json.licenceUrl}"`)
    await shot(page, 'attribution copied')
    expect(watch.errors, watch.errors.join('\n')).toEqual([])
  })

  it("shows a refusal in the user's language, and the page in English after the switch", async () => {
    const shot = screenshots('journalist refused download and English')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Deze foto downloaden' }).click()
    const dialog = page.getByRole('dialog', { name: 'Downloaden' })
    await dialog.getByLabel('Onderwerp van het verhaal').selectOption('trafficking')
    await dialog.getByRole('button', { name: 'Downloaden aanvragen' }).click()
    await dialog.getByRole('alert').waitFor()
    expect(await dialog.getByRole('alert').textContent()).toMatch(/Deze foto mag niet bij een verhaal over dit onderwerp/)
    await shot(page, 'refused for a trafficking story')
    await dialog.getByRole('button', { name: 'Annuleren' }).click()

    await page.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('heading', { name: 'Before you use this photo' }).waitFor()
    await page.reload()
    // Remembered across a reload.
    await page.getByRole('heading', { name: 'Before you use this photo' }).waitFor()
    await shot(page, 'photo page in English')
    await page.getByRole('button', { name: 'Nederlands' }).click()
    expect(watch.errors.filter((e) => !/status of 403/.test(e))).toEqual([])
  })

  it('has no serious or critical accessibility violations on the search and photo pages (axe-core)', async () => {
    const shot = screenshots('journalist accessibility')
    // A stigmatising word still searches, and the page explains the preferred word (checked by axe too).
    await page.goto('/?q=prostituee')
    const note = page.getByRole('complementary', { name: 'Over woorden' })
    await note.waitFor()
    expect(await note.textContent()).toMatch(/sekswerker/)
    expect(await axeViolations(page), 'search page with a language note').toEqual([])
    await shot(page, 'language note')
    await page.goto('/?q=brug')
    await page.locator('.results a').first().waitFor()
    await shot(page, 'search page checked')
    expect(await axeViolations(page), 'search page').toEqual([])
    await page.locator('.results a').first().click()
    await page.getByRole('heading', { name: 'Voordat u deze foto gebruikt' }).waitFor()
    await shot(page, 'photo page checked')
    expect(await axeViolations(page), 'photo page').toEqual([])
    await page.getByRole('button', { name: 'Deze foto downloaden' }).click()
    await page.getByRole('dialog').waitFor()
    expect(await axeViolations(page), 'download dialog').toEqual([])
  })

  it('works with the keyboard alone: skip link, search field, result, and focus moves to the new page', async () => {
    const mobile = await newContext(browser, gallery.url, { mobile: true })
    const p = await mobile.newPage()
    const shot = screenshots('journalist keyboard and phone')
    await p.goto('/')
    await p.getByRole('heading', { level: 1 }).waitFor()
    await p.keyboard.press('Tab')
    const skip = p.getByRole('link', { name: 'Naar de inhoud' })
    expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true)
    // The focused skip link is visible (not clipped off-screen).
    const box = await skip.boundingBox()
    expect(box && box.y >= 0).toBe(true)
    await shot(p, 'skip link focused')
    await p.keyboard.press('Enter')
    await p.getByRole('searchbox').focus()
    await p.keyboard.type('brug')
    // The front page already shows the latest photos: wait for the answer to "brug" itself (its address, a
    // grid no longer busy, a hit with the word marked), or the link focused below may be swapped out under the keyboard.
    await p.waitForURL(/[?&]q=brug(&|$)/)
    const first = p.locator('[aria-busy="false"] .results a:has(mark)').first()
    await first.waitFor()
    await first.focus()
    expect(await first.evaluate((e) => e === document.activeElement)).toBe(true)
    // A visible focus indicator: an outline on the focused link.
    expect(await first.evaluate((e) => getComputedStyle(e).outlineStyle)).not.toBe('none')
    await p.keyboard.press('Enter')
    await p.waitForURL(/\/photos\/[^/?#]+$/)
    await p.getByRole('heading', { name: 'Voordat u deze foto gebruikt' }).waitFor()
    await expect.poll(() => p.evaluate(() => document.activeElement?.id)).toBe('main')
    // Nothing wider than a phone's screen.
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await shot(p, 'photo page on a phone')
    await mobile.close()
  })

  it('goes back to the same query and filters, offers every size with its pixels, and finds a published collection by name', async () => {
    const shot = screenshots('journalist back to results, sizes, collections')
    // A curator publishes a collection with one photo: journalists see its name, never its id.
    const curatorContext = await newContext(browser, gallery.url)
    const cp = await curatorContext.newPage()
    await loginAs(cp, gallery, 'curator', '/collections')
    const csrf = (await curatorContext.cookies()).find((c) => c.name === 'eb_csrf')?.value ?? ''
    const post = async (url: string, data?: unknown) => {
      const r = await cp.request.post(url, { data, headers: { 'x-csrf-token': csrf } })
      expect(r.status(), `${url}: ${await r.text()}`).toBeLessThan(300)
      return (await r.json()) as { id: string }
    }
    const title = `Op de markt ${Date.now().toString(36)}`
    const collection = await post('/v1/collections', { kind: 'collection', titleNl: title, titleEn: `At the market` })
    // A photo the journalist finds (so it is in the search index already).
    const found = (await (await page.request.get('/v1/search?q=kopje')).json()) as { hits: { id: string }[] }
    await post(`/v1/collections/${collection.id}/items`, { photoId: found.hits[0]!.id })
    await post(`/v1/collections/${collection.id}/publish`)
    await curatorContext.close()

    // The search documents follow through the outbox (a moment later): reload until the entry is there.
    const entry = page.getByRole('region', { name: 'Collecties en tentoonstellingen' }).getByRole('link', { name: new RegExp(title) })
    for (let i = 0; ; i++) {
      await page.goto('/')
      const shown = await entry.waitFor({ timeout: 3_000 }).then(
        () => true,
        () => false,
      )
      if (shown) break
      expect(i, 'the published collection never showed on the front page').toBeLessThan(20)
    }
    await entry.click()
    await expect.poll(() => page.url()).toContain(`collection=${collection.id}`)
    await page.getByRole('button', { name: `Filter weghalen: Collectie: ${title}` }).waitFor()
    await shot(page, 'a published collection by name')
    // The chip shows the name (in the column, and again in the phone's drawer).
    const pressed = await page.locator('.filter-group button[aria-pressed="true"]').allTextContents()
    expect(pressed.length).toBeGreaterThan(0)
    for (const p of pressed) expect(p).toContain(title)

    // A query and a filter, a photo, and back: the same query and filter.
    await page.goto('/?q=kopje')
    await page.locator('.results a').first().waitFor()
    await page.locator('.filter-group').first().getByRole('button').first().click()
    await expect.poll(() => new URL(page.url()).searchParams.size).toBe(2)
    const searched = new URL(page.url())
    await page.locator('.results a').first().click()
    await page.getByRole('heading', { name: 'Voordat u deze foto gebruikt' }).waitFor()

    await page.getByRole('button', { name: 'Deze foto downloaden' }).click()
    const dialog = page.getByRole('dialog', { name: 'Downloaden' })
    const size = dialog.getByLabel('Formaat (JPEG)')
    await size.waitFor()
    const options = await size.locator('option').allTextContents()
    expect(options.length).toBeGreaterThan(0)
    for (const o of options) expect(o).toMatch(/^.+: \d+ × \d+$/)
    expect(options.at(-1)).toMatch(/^Origineel formaat \(print\): \d+ × \d+$/)
    // A desk previews up to medium; the download offers more than the previews the page shows.
    const previews = await page.locator('.sizes th').allTextContents()
    expect(previews).toContain('Origineel formaat (print)')
    await shot(page, 'sizes in the download dialog')
    await dialog.getByRole('button', { name: 'Annuleren' }).click()

    await page.getByRole('link', { name: 'Terug naar de zoekresultaten' }).click()
    await expect.poll(() => page.url()).toBe(searched.href)
    expect(await page.getByRole('searchbox', { name: 'Zoeken' }).inputValue()).toBe('kopje')
    await page.locator('.results a').first().waitFor()
    await shot(page, 'back at the same results')
  })

  it('tells someone without an account, password or link whom to ask (account help from the login page)', async () => {
    const shot = screenshots('account help')
    const anonymous = await newContext(browser, gallery.url)
    const p = await anonymous.newPage()
    await p.goto('/login')
    await p.getByRole('link', { name: 'Geen account, wachtwoord of link kwijt?' }).click()
    await p.getByRole('heading', { level: 1, name: 'Hulp bij inloggen' }).waitFor()
    await p.getByRole('heading', { name: 'Wachtwoord vergeten' }).waitFor()
    // The demo sets no CONTACT_EMAIL: the page says so instead of showing an empty address.
    await p.getByText('Deze installatie heeft nog geen contactadres ingesteld (CONTACT_EMAIL).', { exact: false }).waitFor()
    await shot(p, 'account help')
    expect(await axeViolations(p), 'account help').toEqual([])
    await anonymous.close()
  })
})
