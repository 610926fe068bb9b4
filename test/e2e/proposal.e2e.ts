import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { axeViolations, launchBrowser, newContext, screenshots, watchPage } from './support/browser.ts'
import { loginAs, startGallery, type Gallery } from './support/gallery.ts'

// "The person's word is final", as the people involved meet it, in Debian's Chromium against the real
// server with the demo: the demo model turns public preview off in their portal; the photographer asks for
// it back, which becomes a proposal (shown as waiting on the photographer's photo screen); the model sees
// the proposal in their portal on a phone and accepts it; the photo is public again, and the photographer
// sees "accepted".
describe('a proposal: the photographer asks, the person decides', () => {
  let gallery: Gallery
  let browser: Browser
  const contexts: BrowserContext[] = []
  let token = ''
  let photoId = ''
  let subjectId = ''

  beforeAll(async () => {
    gallery = await startGallery()
    browser = await launchBrowser()
    expect(gallery.portalLink).toMatch(/^\/portal#ebp_/)
    token = gallery.portalLink!.split('#')[1]!
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await gallery?.close()
  })

  const context = async (opts: { mobile?: boolean } = {}) => {
    const c = await newContext(browser, gallery.url, opts)
    contexts.push(c)
    return c
  }

  it('the person narrows; the photographer’s wider consent becomes a proposal, shown as waiting on the photo screen', async () => {
    const shot = screenshots('photographer proposes a wider consent')
    const c = await context()
    const page = await c.newPage()
    const watch = watchPage(page)
    // The person, through their link: public preview off (their own version).
    const portal = await page.request.get('/v1/portal', { headers: { authorization: `Bearer ${token}` } })
    expect(portal.status()).toBe(200)
    const photo = ((await portal.json()) as { photos: { id: string; consent: Record<string, unknown> }[] }).photos[0]!
    photoId = photo.id
    const narrowed = await page.request.put(`/v1/portal/photos/${photoId}/consent`, {
      headers: { authorization: `Bearer ${token}` },
      data: { identifiable: true, identifiabilityAgreed: true, publicPreview: false },
    })
    expect(narrowed.status(), await narrowed.text()).toBe(200)
    expect((await page.request.get(`/v1/photos/${photoId}`)).status()).toBe(404)

    // The photographer asks for public preview back.
    await loginAs(page, gallery, 'photographer', `/my-photos/${photoId}`)
    const people = (await (await page.request.get(`/v1/photos/${photoId}/people`)).json()) as { items: { subjectId: string }[] }
    subjectId = people.items[0]!.subjectId
    const csrf = (await c.cookies()).find((k) => k.name === 'eb_csrf')?.value ?? ''
    const r = await page.request.put(`/v1/photos/${photoId}/people/${subjectId}/consent`, {
      data: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
      headers: { 'x-csrf-token': csrf },
    })
    expect(r.status(), await r.text()).toBe(202)
    expect(((await r.json()) as { proposal: { state: string } }).proposal.state).toBe('pending')

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Foto bewerken' }).waitFor()
    const list = page.getByRole('list', { name: /^Voorstellen aan / })
    await list.getByText(/^Wacht op antwoord van de persoon — voorgesteld op .*: meer toestaan voor openbare voorvertoning\.$/).waitFor()
    await shot(page, 'proposal waiting on the photo screen')
    expect(await axeViolations(page), 'photo screen with a proposal').toEqual([])
    expect(watch.errors).toEqual([])
  })

  it('the person sees the proposal in their portal on a phone and accepts it: it takes effect', async () => {
    const shot = screenshots('model accepts a proposal')
    const c = await context({ mobile: true })
    const page = await c.newPage()
    const watch = watchPage(page)
    await page.goto(gallery.portalLink!)
    await page.getByRole('heading', { level: 1, name: /^Hallo / }).waitFor()
    // Their photo's preview (the demo photo is only 512 px wide: its thumb).
    const img = page.getByRole('img', { name: /^Jouw foto: / })
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), { timeout: 15_000 }).toBe(true)
    const proposals = page.getByRole('region', { name: 'Voorstellen om meer toe te staan' })
    await proposals.waitFor()
    await proposals.getByText(/^Wacht op jouw antwoord \(voorgesteld op /).waitFor()
    expect(await proposals.textContent()).toContain(
      'De fotograaf stelt voor om meer toe te staan: een kleine versie voor iedereen. Dit geldt alleen als jij het accepteert.',
    )
    expect(await proposals.textContent()).toContain('Als je accepteert, wordt je toestemming: Deze foto mag gebruikt worden voor')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await shot(page, 'proposal in the portal')
    expect(await axeViolations(page), 'portal with a proposal').toEqual([])

    await proposals.getByRole('button', { name: 'Voorstel accepteren' }).click()
    await page.getByText('Geaccepteerd. Het geldt vanaf nu.').waitFor()
    await proposals.getByText(/^Geaccepteerd op /).waitFor()
    expect(await proposals.getByRole('button', { name: 'Voorstel accepteren' }).count()).toBe(0)
    await page.getByText('Iedereen mag een kleine versie zien.', { exact: false }).first().waitFor()
    // The history names the proposal and the person's answer.
    const history = page.getByRole('region', { name: 'Wat er gebeurde' })
    await history.getByText(/Voorstel geaccepteerd .*door jou/).waitFor()
    await shot(page, 'proposal accepted')
    // Public again, for anyone.
    expect((await page.request.get(`/v1/photos/${photoId}`)).status()).toBe(200)
    expect(watch.errors).toEqual([])
  })

  it('the photographer sees that the person accepted', async () => {
    const shot = screenshots('photographer sees the proposal accepted')
    const c = await context()
    const page = await c.newPage()
    const watch = watchPage(page)
    await loginAs(page, gallery, 'photographer', `/my-photos/${photoId}`)
    await page.getByRole('heading', { level: 1, name: 'Foto bewerken' }).waitFor()
    await page
      .getByRole('list', { name: /^Voorstellen aan / })
      .getByText(/^Geaccepteerd door de persoon — /)
      .waitFor()
    await shot(page, 'proposal accepted on the photo screen')
    expect(watch.errors).toEqual([])
  })
})
