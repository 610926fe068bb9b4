import crypto from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { axeViolations, screenshots } from './support/browser.ts'
import { useGallery } from './support/session.ts'

// No dead ends, second round (issue 14): several uploads where one fails for good and one for a moment
// (each with its own reason; a retry sends only that file again), and captions for many drafts at once.
describe('no dead ends (2)', () => {
  const e2e = useGallery()
  const suffix = crypto.randomBytes(3).toString('hex')
  const jpeg = async (width: number) => {
    const [r, g, b] = crypto.randomBytes(3)
    return sharp({ create: { width, height: Math.round(width * 0.75), channels: 3, background: { r: r!, g: g!, b: b! } } })
      .composite([{ input: crypto.randomBytes(16 * 16 * 3), raw: { width: 16, height: 16, channels: 3 }, left: 4, top: 4 }])
      .jpeg()
      .toBuffer()
  }
  /** The photographer's photos as the API lists them (the first page is enough for a fresh demo). */
  const ownPhotos = async (page: import('playwright-core').Page) =>
    ((await (await page.request.get('/v1/photos?limit=100')).json()) as { items: { id: string; status: string; caption: { nl: string | null; en: string | null }; alt: { nl: string | null }; tags: string[] }[] }).items

  it('uploads three files: the one refused for what it is says why with no retry, the one cut off retries alone, the good one is sent once', async () => {
    const shot = screenshots('failed uploads per file with retry')
    const { page, watch } = await e2e.as('photographer', '/upload')
    const before = (await ownPhotos(page)).length
    const posts: string[] = []
    let cutOff = false
    // The connection drops once, for the file named flaky: the browser sees a network error.
    await page.route('**/v1/photos', async (route) => {
      const body = route.request().postDataBuffer()?.toString('latin1') ?? ''
      const name = /filename="([^"]+)"/.exec(body)?.[1] ?? '?'
      posts.push(name)
      if (name === `flaky-${suffix}.jpg` && !cutOff) {
        cutOff = true
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    await page.getByRole('heading', { level: 1, name: "Foto's uploaden" }).waitFor()
    await page.getByLabel("Kies foto's").setInputFiles([
      { name: `goed-${suffix}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(500) },
      { name: `notities-${suffix}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from('Dit is geen foto maar een boodschappenlijstje.\n'.repeat(20)) },
      { name: `flaky-${suffix}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(520) },
    ])
    const row = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) })
    const good = row(`goed-${suffix}.jpg`)
    const refused = row(`notities-${suffix}.jpg`)
    const flaky = row(`flaky-${suffix}.jpg`)
    await good.getByText('Klaar: opgeslagen als concept.').waitFor({ timeout: 60_000 })
    // Refused for what it is: its own reason in Dutch, no bar, no retry (it would fail the same way).
    await refused.getByRole('alert').getByText('Dit bestand is geen JPEG, PNG, WebP of TIFF.', { exact: false }).waitFor()
    await refused.getByText('Opnieuw proberen helpt hier niet', { exact: false }).waitFor()
    expect(await refused.getByRole('button', { name: /^Opnieuw proberen/ }).count()).toBe(0)
    expect(await refused.getByRole('progressbar').count()).toBe(0)
    // Cut off: the connection's reason, and a retry for just this file.
    await flaky.getByRole('alert').getByText('Geen verbinding met de server.', { exact: false }).waitFor()
    expect(await flaky.getByRole('progressbar').count()).toBe(0)
    await page.getByText('1 van 3 opgeslagen, 2 niet gelukt.').waitFor()
    await shot(page, 'one stored, one refused, one cut off')
    expect(await axeViolations(page), 'upload page with failures').toEqual([])

    await flaky.getByRole('button', { name: `Opnieuw proberen: flaky-${suffix}.jpg` }).click()
    await flaky.getByText('Klaar: opgeslagen als concept.').waitFor({ timeout: 60_000 })
    await page.getByText('2 van 3 opgeslagen, 1 niet gelukt.').waitFor()
    await shot(page, 'retried file stored')
    // Each file went to the server as often as it had to, the good one once; two new drafts stored.
    expect(posts.filter((n) => n === `goed-${suffix}.jpg`)).toHaveLength(1)
    expect(posts.filter((n) => n === `flaky-${suffix}.jpg`)).toHaveLength(2)
    expect(posts.filter((n) => n === `notities-${suffix}.jpg`)).toHaveLength(1)
    expect((await ownPhotos(page)).length).toBe(before + 2)

    // In English, the same row's reason is in English.
    await page.getByRole('button', { name: 'English' }).click()
    await refused.getByRole('alert').getByText('This file is not a JPEG, PNG, WebP or TIFF.', { exact: false }).waitFor()
    await refused.getByText('Trying again will not help here', { exact: false }).waitFor()
    await page.getByRole('button', { name: 'Nederlands' }).click()
    // What the browser reported: the refused upload's 415 and the dropped connection, nothing else.
    expect(watch.errors.filter((e) => !/status of 415|ERR_CONNECTION_RESET|ERR_FAILED/.test(e))).toEqual([])
  })

  it('captions several drafts at once from "Mijn foto’s", and a published photo in the choice refuses the whole change', async () => {
    const shot = screenshots('bulk captioning')
    const { context, page, watch } = await e2e.as('photographer', '/my-photos')
    const csrf = await e2e.csrf(context)
    const ids: string[] = []
    for (const w of [400, 420, 440]) {
      const r = await page.request.post('/v1/photos', {
        headers: { 'x-csrf-token': csrf },
        multipart: { file: { name: 'p.jpg', mimeType: 'image/jpeg', buffer: await jpeg(w) } },
      })
      expect(r.status(), await r.text()).toBe(201)
      ids.push(((await r.json()) as { id: string }).id)
    }
    await page.reload()
    const form = page.getByRole('form', { name: "Teksten voor meerdere foto's tegelijk" })
    await form.waitFor()
    // Choose two of the three drafts with the keyboard (Space on each box).
    const boxes = page.locator('.own-grid input[type="checkbox"]')
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(3)
    const pick = async (id: string) => {
      const box = page.locator(`.own-grid li:has(a[href="/my-photos/${id}"]) input[type="checkbox"]`)
      await box.focus()
      await page.keyboard.press('Space')
      expect(await box.isChecked()).toBe(true)
    }
    await pick(ids[0]!)
    await pick(ids[1]!)
    await form.getByText('2 foto\'s gekozen').waitFor()
    await form.getByLabel('Bijschrift (Nederlands)').fill(`Reeks aan de haven ${suffix}`)
    await form.getByLabel('Bijschrift (Engels)').fill(`Series at the harbour ${suffix}`)
    await form.getByLabel('Alt-tekst (Nederlands)').fill('Boten aan de kade')
    await form.getByLabel('Alt-tekst (Engels)').fill('Boats at the quay')
    await form.getByLabel(/Trefwoorden toevoegen/).fill('haven, boten')
    await shot(page, 'two drafts chosen, texts filled')
    expect(await axeViolations(page), 'my photos with bulk texts').toEqual([])
    await form.getByRole('button', { name: "Toepassen op de gekozen foto's" }).click()
    await form.getByRole('status').getByText("2 foto's bijgewerkt.").waitFor()
    const after = new Map((await ownPhotos(page)).map((p) => [p.id, p]))
    for (const id of ids.slice(0, 2)) {
      expect(after.get(id)).toMatchObject({ caption: { nl: `Reeks aan de haven ${suffix}`, en: `Series at the harbour ${suffix}` }, alt: { nl: 'Boten aan de kade' } })
      expect(after.get(id)!.tags).toEqual(['haven', 'boten'])
    }
    expect(after.get(ids[2]!)!.caption.nl).toBeNull()
    await page.getByText(`Reeks aan de haven ${suffix}`).first().waitFor()
    await shot(page, 'captions applied')

    // A published demo photo of this photographer in the choice: nothing changes, and the page says which and why.
    const published = [...after.values()].find((p) => p.status === 'published')
    expect(published, 'the demo photographer has published photos').toBeTruthy()
    await page.getByRole('button', { name: 'Niets kiezen' }).click()
    await pick(ids[2]!)
    await pick(published!.id)
    await form.getByLabel('Alt-tekst (Nederlands)').fill('Iets anders')
    await form.getByRole('button', { name: "Toepassen op de gekozen foto's" }).click()
    const refusal = form.getByRole('alert')
    await refusal.getByText('Er is niets veranderd', { exact: false }).waitFor()
    await refusal.getByText('Deze foto is gepubliceerd: vraag een curator om hem te wijzigen.').waitFor()
    await shot(page, 'refused as a whole')
    const unchanged = new Map((await ownPhotos(page)).map((p) => [p.id, p]))
    expect(unchanged.get(ids[2]!)!.alt.nl).toBeNull()
    expect(unchanged.get(published!.id)!.alt.nl).toBe(published!.alt.nl)
    expect(watch.errors.filter((e) => !/status of 409/.test(e))).toEqual([])
  })
})
