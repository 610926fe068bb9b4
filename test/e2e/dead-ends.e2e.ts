import crypto from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { axeViolations, screenshots, watchPage } from './support/browser.ts'
import { useGallery } from './support/session.ts'

// No dead ends (issue 14), each role in Chromium against the real server with the demo: a photo sent with
// the wrong person is returned with a note, the person removed, sent again and published; an exhibition
// built and exported with only eligible photos; the model's preview of a 512 px photo on a phone; a
// journalist acknowledging a takedown from "Mijn downloads".
describe('no dead ends', () => {
  const e2e = useGallery()
  const suffix = crypto.randomBytes(3).toString('hex')
  const person = e2e.as
  const csrf = e2e.csrf
  const call = async (context: BrowserContext, page: Page, method: 'POST' | 'PATCH', url: string, data?: unknown) => {
    const r = await page.request.fetch(url, { method, data, headers: { 'x-csrf-token': await csrf(context) } })
    expect(r.status(), `${method} ${url}: ${await r.text()}`).toBeLessThan(300)
    return r.json().catch(() => ({}))
  }
  const jpeg = async (width: number) => {
    const [r, g, b] = crypto.randomBytes(3)
    return sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: { r: r!, g: g!, b: b! } } })
      .composite([{ input: crypto.randomBytes(32 * 32 * 3), raw: { width: 32, height: 32, channels: 3 }, left: 10, top: 10 }])
      .jpeg()
      .toBuffer()
  }
  const uploadAs = async (context: BrowserContext, page: Page, width: number, fields: Record<string, string>) => {
    const r = await page.request.post('/v1/photos', {
      headers: { 'x-csrf-token': await csrf(context) },
      multipart: { ...fields, file: { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: await jpeg(width) } },
    })
    expect(r.status(), await r.text()).toBe(201)
    return ((await r.json()) as { id: string }).id
  }

  it('a photo sent with the wrong person: the curator returns it with a note, the photographer removes the person, sends it again, and it is published', async () => {
    const shot = screenshots('returned with a note, wrong person removed, published')
    const photographer = await person('photographer', '/my-photos')
    const caption = `Twee collega's op de markt ${suffix}`
    const id = await uploadAs(photographer.context, photographer.page, 1200, {
      captionNl: caption,
      captionEn: `Two colleagues at the market ${suffix}`,
      altNl: 'Een marktkraam',
      altEn: 'A market stall',
    })
    const subject = (await call(photographer.context, photographer.page, 'POST', '/v1/subjects', { pseudonym: `Verkeerd ${suffix}` })) as { id: string }
    await call(photographer.context, photographer.page, 'POST', `/v1/photos/${id}/people`, {
      subjectId: subject.id,
      consent: { identifiable: true, identifiabilityAgreed: false },
    })
    await call(photographer.context, photographer.page, 'POST', `/v1/photos/${id}/submit`)

    const curator = await person('curator', '/review')
    const card = curator.page.locator(`article[data-photo-id="${id}"]`)
    await card.waitFor()
    await shot(curator.page, 'review card: publish disabled with its reasons')
    const publish = card.getByRole('button', { name: /^Publiceren/ })
    expect(await publish.isDisabled()).toBe(true)
    await card.getByText('Publiceren kan pas als de redenen hieronder zijn opgelost.').waitFor()
    await card.getByRole('button', { name: `Groot bekijken: ${caption}` }).click()
    const zoom = curator.page.getByRole('dialog', { name: /Groot bekijken/ })
    await zoom.waitFor()
    await expect.poll(() => zoom.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThanOrEqual(640)
    await zoom.getByRole('button', { name: '100 %' }).click()
    await shot(curator.page, 'curator zooms in')
    expect(await axeViolations(curator.page), 'review zoom').toEqual([])
    await zoom.getByRole('button', { name: 'Sluiten' }).click()
    await card.getByLabel(`Wat moet de fotograaf aanpassen? (${caption})`).fill('Deze persoon staat niet op de foto. Haal haar eraf.')
    await card.getByRole('button', { name: `Terugsturen: ${caption}` }).click()
    await card.getByText('Teruggestuurd naar de fotograaf.').waitFor()
    await shot(curator.page, 'returned with a note')
    expect(await axeViolations(curator.page), 'review page').toEqual([])

    const { page } = photographer
    await page.goto(`/my-photos/${id}`)
    await page.getByText('Deze persoon staat niet op de foto. Haal haar eraf.').waitFor()
    await page.getByText(/Status: teruggestuurd/).waitFor()
    await shot(page, 'photographer sees the note and why')
    expect(await axeViolations(page), 'photo editor, returned').toEqual([])
    await page.getByRole('button', { name: `Verkeerd ${suffix} van de foto halen` }).click()
    const dialog = page.getByRole('dialog', { name: `Verkeerd ${suffix} van deze foto halen?` })
    await dialog.waitFor()
    await shot(page, 'confirm removing the person')
    await dialog.getByRole('button', { name: 'Van de foto halen' }).click()
    await page.getByText(`Verkeerd ${suffix} is van de foto gehaald.`).waitFor()
    await page.getByLabel('Er staat niemand op deze foto (een plek of een voorwerp)').check()
    await page.getByText('Vastgelegd: er staat niemand op deze foto.').waitFor()
    await page.getByRole('button', { name: 'Opnieuw ter beoordeling sturen' }).click()
    await page.getByText('Verstuurd: de foto wacht op een curator.').waitFor()
    await shot(page, 'sent again')

    await curator.page.goto('/review')
    const again = curator.page.locator(`article[data-photo-id="${id}"]`)
    await again.getByRole('button', { name: /^Publiceren/ }).click()
    await again.getByText(/gepubliceerd/i).waitFor()
    await shot(curator.page, 'published')
    const view = await curator.page.request.get(`/v1/photos/${id}`)
    expect(((await view.json()) as { status: string }).status).toBe('published')
    expect(photographer.watch.errors).toEqual([])
    expect(curator.watch.errors).toEqual([])
  })

  it('an exhibition is built from eligible photos only and exported; empty, it says there is nothing to export', async () => {
    const shot = screenshots('exhibition with only eligible photos')
    const { context, page, watch } = await person('curator', '/collections')
    // One "nobody pictured" photo goes under the exhibition licence; every other published photo under the
    // editorial one, which does not cover exhibitions (the demo's open CC photos would all be eligible).
    const all = (await (await page.request.get('/v1/photos?limit=50')).json()) as {
      items: { id: string; status: string; licence: string; noPeopleDeclared: boolean; caption: { nl: string } }[]
    }
    const chosen = all.items.find((p) => p.status === 'published' && p.noPeopleDeclared)!
    expect(chosen).toBeDefined()
    await call(context, page, 'PATCH', `/v1/photos/${chosen.id}`, { licence: 'rsw-exhibition@1.0' })
    for (const p of all.items)
      if (p.status === 'published' && p.id !== chosen.id && p.licence !== 'rsw-editorial@1.0')
        await call(context, page, 'PATCH', `/v1/photos/${p.id}`, { licence: 'rsw-editorial@1.0' })

    await page.getByRole('heading', { level: 1, name: 'Collecties en tentoonstellingen' }).waitFor()
    await page.getByLabel('Tentoonstelling').check()
    await page.getByLabel('Titel (Nederlands)').fill(`Buiten ${suffix}`)
    await page.getByRole('button', { name: 'Aanmaken' }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(`Buiten ${suffix}`) }).waitFor()
    const exhibitionId = page.url().split('/').pop()!
    await page.getByText('Er is nog niets te exporteren').waitFor()
    const empty = await page.request.get(`/v1/collections/${exhibitionId}/export.zip`)
    expect(empty.status()).toBe(409)
    expect(((await empty.json()) as { type: string }).type).toBe('/problems/nothing-to-export')

    const eligible = page.getByRole('list', { name: 'Deze foto’s kunnen erbij' })
    await expect.poll(() => eligible.getByRole('listitem').count()).toBe(1)
    await expect.poll(() => eligible.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
    await page.getByText(/Deze foto’s kunnen er niet bij, en waarom/).click()
    await page.getByText('De licentie van deze foto dekt geen tentoonstellingen; kies eerst een tentoonstellingslicentie.').first().waitFor()
    await shot(page, 'picker with eligible photos and reasons')
    expect(await axeViolations(page), 'exhibition picker').toEqual([])
    await eligible.getByRole('button', { name: /^Toevoegen: / }).click()
    await expect.poll(() => page.locator('.collection-items > li').count(), { timeout: 20_000 }).toBe(1)
    await shot(page, 'added')
    await expect.poll(() => eligible.getByRole('listitem').count()).toBe(0)

    const zipHref = await page.getByRole('link', { name: /^ZIP met grote versies/ }).getAttribute('href')
    const zip = await page.request.get(zipHref!)
    expect(zip.status()).toBe(200)
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK')
    const manifest = (await (await page.request.get(`/v1/collections/${exhibitionId}/manifest.json`)).json()) as { items: unknown[] }
    expect(manifest.items).toHaveLength(1)
    await shot(page, 'exported')
    expect(watch.errors.filter((e) => !/status of 409/.test(e))).toEqual([])
  })

  it("the model's preview of a 512 px photo shows on a phone (the largest size there is)", async () => {
    const shot = screenshots('model preview of a 512 px photo')
    expect(e2e.gallery.portalLink).toBeTruthy()
    const token = e2e.gallery.portalLink!.split('#')[1]!
    const photographer = await person('photographer', '/my-photos')
    const overview = (await (await photographer.page.request.get('/v1/portal', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      photos: { id: string }[]
    }
    const demoPhoto = overview.photos[0]!.id
    const people = (await (await photographer.page.request.get(`/v1/photos/${demoPhoto}/people`)).json()) as { items: { subjectId: string }[] }
    const small = await uploadAs(photographer.context, photographer.page, 512, {
      captionNl: `Klein portret ${suffix}`,
      captionEn: `Small portrait ${suffix}`,
      altNl: 'Een klein portret',
      altEn: 'A small portrait',
    })
    await call(photographer.context, photographer.page, 'POST', `/v1/photos/${small}/people`, {
      subjectId: people.items[0]!.subjectId,
      consent: { identifiable: false, identifiabilityAgreed: false },
    })

    const context = await e2e.context({ mobile: true })
    const page = await context.newPage()
    const watch = watchPage(page)
    await page.goto(e2e.gallery.portalLink!)
    const card = page.getByRole('article', { name: new RegExp(`Klein portret ${suffix}`) })
    await card.waitFor()
    const img = card.locator('.portal-preview img')
    await img.waitFor()
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(320)
    expect(await card.getByText('Laden…').count()).toBe(0)
    await shot(page, 'portal preview of a 512 px photo')
    expect(await axeViolations(page), 'portal').toEqual([])
    expect(watch.errors).toEqual([])
  })

  it('a journalist sees the takedown notice in "Mijn downloads" with its deadline and confirms the removal; the model sees it confirmed', async () => {
    const shot = screenshots('journalist acknowledges a takedown')
    const token = e2e.gallery.portalLink!.split('#')[1]!
    const journalist = await person('journalist', '/my-downloads')
    const overview = (await (await journalist.page.request.get('/v1/portal', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      photos: { id: string; status: string }[]
    }
    const demoPhoto = overview.photos.find((p) => p.status === 'published')!.id
    await call(journalist.context, journalist.page, 'POST', `/v1/photos/${demoPhoto}/downloads`, {
      use: 'editorial',
      channel: 'web',
      outlet: 'Demo Redactie online',
      headline: `Werk in de stad ${suffix}`,
    })
    const withdrawn = await journalist.page.request.post(`/v1/portal/photos/${demoPhoto}/withdraw`, {
      headers: { authorization: `Bearer ${token}` },
      data: { confirm: true },
    })
    expect(withdrawn.status()).toBe(200)

    const { page } = journalist
    await page.goto('/my-downloads')
    await page.getByRole('heading', { level: 1, name: 'Mijn downloads' }).waitFor()
    await page.getByText(`Artikel: Werk in de stad ${suffix} (Demo Redactie online)`).waitFor()
    await page.getByText(/de toestemming is ingetrokken\. Verwijder de foto\./).waitFor()
    await page.getByText(/Uiterlijk verwijderen op/).waitFor()
    await shot(page, 'notice with its deadline')
    expect(await axeViolations(page), 'my downloads').toEqual([])
    await page.getByRole('button', { name: /^Verwijderd: bevestig/ }).click()
    await page.getByText('Bedankt: de verwijdering is bevestigd.').waitFor()
    await page.getByText(/^Bevestigd op/).waitFor()
    await shot(page, 'removal confirmed')

    const model = await e2e.context({ mobile: true })
    const portal = await model.newPage()
    await portal.goto(e2e.gallery.portalLink!)
    await portal.getByRole('heading', { name: 'Bericht aan media: toestemming ingetrokken' }).first().waitFor()
    await portal
      .getByText(/bevestigd door het medium/)
      .first()
      .waitFor()
    await portal
      .getByText(/Demo Redactie online/)
      .first()
      .waitFor()
    await shot(portal, 'model sees the confirmation')
    expect(await axeViolations(portal), 'portal after withdrawal').toEqual([])
    expect(journalist.watch.errors).toEqual([])
  })
})
