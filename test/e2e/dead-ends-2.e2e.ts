import crypto from 'node:crypto'
import http from 'node:http'
import type net from 'node:net'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { axeViolations, screenshots } from './support/browser.ts'
import { useGallery } from './support/session.ts'

// No dead ends, second round (issue 14): several uploads where one fails for good and one for a moment
// (each with its own reason; a retry sends only that file again), and captions for many drafts at once;
// the admin's users, vault, outbox (a webhook that gave up, sent again) and portal-link status.
describe('no dead ends (2)', () => {
  // Webhooks to a receiver on this machine, and a delivery window of zero: the first failure gives up.
  const e2e = useGallery({ WEBHOOK_ALLOW_LOOPBACK: '1', WEBHOOK_GIVE_UP_HOURS: '0', WEBHOOK_BACKOFF_BASE_MS: '50', WEBHOOK_BACKOFF_MAX_MS: '200' })
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
    (
      (await (await page.request.get('/v1/photos?limit=100')).json()) as {
        items: {
          id: string
          status: string
          caption: { nl: string | null; en: string | null }
          alt: { nl: string | null }
          tags: string[]
          keywords: { nl: string[]; en: string[] }
        }[]
      }
    ).items

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
    await form.getByText("2 foto's gekozen").waitFor()
    await form.getByLabel('Bijschrift (Nederlands)').fill(`Reeks aan de haven ${suffix}`)
    await form.getByLabel('Bijschrift (Engels)').fill(`Series at the harbour ${suffix}`)
    await form.getByLabel('Alt-tekst (Nederlands)').fill('Boten aan de kade')
    await form.getByLabel('Alt-tekst (Engels)').fill('Boats at the quay')
    await form.getByLabel(/Nederlandse trefwoorden toevoegen/).fill('haven, boten')
    await form.getByLabel(/Engelse trefwoorden toevoegen/).fill('harbour, boats')
    await shot(page, 'two drafts chosen, texts filled')
    expect(await axeViolations(page), 'my photos with bulk texts').toEqual([])
    await form.getByRole('button', { name: "Toepassen op de gekozen foto's" }).click()
    await form.getByRole('status').getByText("2 foto's bijgewerkt.").waitFor()
    const after = new Map((await ownPhotos(page)).map((p) => [p.id, p]))
    for (const id of ids.slice(0, 2)) {
      expect(after.get(id)).toMatchObject({
        caption: { nl: `Reeks aan de haven ${suffix}`, en: `Series at the harbour ${suffix}` },
        alt: { nl: 'Boten aan de kade' },
      })
      expect(after.get(id)!.tags).toEqual(['haven', 'boten'])
      expect(after.get(id)!.keywords).toEqual({ nl: ['haven', 'boten'], en: ['harbour', 'boats'] })
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

  it('an admin reaches users and the vault from the admin navigation: adds a photographer, disables them after a confirmation, records a legal name', async () => {
    const shot = screenshots('admin users and vault')
    const { page, watch } = await e2e.as('admin', '/admin')
    const nav = page.getByRole('navigation', { name: 'Beheer' })
    await nav.getByRole('link', { name: 'Gebruikers' }).click()
    await page.getByRole('heading', { level: 1, name: 'Gebruikers' }).waitFor()
    const users = page.getByRole('list', { name: 'Gebruikers' })
    await users.getByText('Demo Redactie', { exact: false }).first().waitFor()
    await page.getByLabel('E-mailadres').fill(`kim-${suffix}@example.test`)
    await page.getByLabel(/^Naam zoals getoond/).fill(`Kim ${suffix}`)
    await page.getByLabel('Rol').selectOption('photographer')
    await page.getByRole('button', { name: 'Account toevoegen' }).click()
    await page.getByRole('status').getByText(`Account voor Kim ${suffix} toegevoegd.`).waitFor()
    const password = await page.getByLabel(`Eerste wachtwoord voor Kim ${suffix}`).inputValue()
    expect(password.length).toBeGreaterThanOrEqual(20)
    // Logging in as Kim from elsewhere (not the admin's browser session).
    const login = async (pw: string) =>
      (
        await fetch(`${e2e.gallery.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `kim-${suffix}@example.test`, password: pw }),
        })
      ).status
    expect(await login(password)).toBe(200)
    await shot(page, 'account added, first password shown once')
    expect(await axeViolations(page), 'users page').toEqual([])

    const row = users.getByRole('listitem').filter({ hasText: `Kim ${suffix}` })
    await row.getByRole('button', { name: `Uitschakelen: Kim ${suffix}` }).click()
    const confirm = page.getByRole('dialog', { name: `Kim ${suffix} uitschakelen?` })
    await confirm.waitFor()
    await shot(page, 'confirm disabling')
    await confirm.getByRole('button', { name: 'Uitschakelen' }).click()
    await row.getByText(/^uitgeschakeld sinds/).waitFor()
    expect(await login(password)).toBe(401)
    await shot(page, 'account disabled')

    // The vault: chosen by pseudonym, opened (audited), a legal name recorded.
    await nav.getByRole('link', { name: 'Kluis' }).click()
    await page.getByRole('heading', { level: 1, name: 'Kluis' }).waitFor()
    const who = page.getByLabel('Persoon (schuilnaam)')
    await expect.poll(() => who.locator('option').count()).toBeGreaterThan(1)
    const subjectId = await who.locator('option').nth(1).getAttribute('value')
    const pseudonym = (await who.locator('option').nth(1).textContent())!
    await who.selectOption(subjectId!)
    await page.getByRole('button', { name: 'Kluis openen' }).click()
    const form = page.getByRole('form', { name: `Vastleggen of bijwerken: ${pseudonym}` })
    await form.waitFor()
    expect(await page.getByRole('alert').count()).toBe(0)
    await form.getByLabel('Wettelijke naam').fill(`Proef Persoon ${suffix}`)
    await form.getByLabel('Leeftijdscontrole').selectOption('adult-verified')
    await form.getByLabel('Gecontroleerd op').fill('2026-03-01')
    await form.getByLabel(/^Hoe gecontroleerd/).fill('paspoort gezien')
    await shot(page, 'vault entry filled')
    expect(await axeViolations(page), 'vault page').toEqual([])
    await form.getByRole('button', { name: 'Opslaan in de kluis' }).click()
    await page
      .getByRole('status')
      .getByText(/^Opgeslagen in de kluis/)
      .waitFor()
    await page.locator('.vault-panel').getByText(`Proef Persoon ${suffix}`).waitFor()
    const stored = (await (await page.request.get(`/v1/admin/vault/${subjectId}`)).json()) as { entry: { legalName: string; ageCheck: { result: string } } }
    expect(stored.entry).toMatchObject({ legalName: `Proef Persoon ${suffix}`, ageCheck: { result: 'adult-verified' } })
    await shot(page, 'vault saved')
    // The empty vault answers 404 (vault-record-not-found), which the page shows as "nothing yet"; the browser logs it.
    expect(watch.errors.filter((e) => !/status of 404/.test(e))).toEqual([])
  })

  it('an admin sees a webhook notice that gave up, with its reason, sends it again and sees it delivered; then the portal link status, revoked and issued anew', async () => {
    const shot = screenshots('admin outbox retry and link status')
    // A newsroom's receiver: refuses at first (500), then takes it (204).
    const received: number[] = []
    const plan = [500, 204]
    const server = http.createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        const status = plan[Math.min(received.length, plan.length - 1)]!
        received.push(status)
        res.writeHead(status).end()
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hooks`
      const token = e2e.gallery.portalLink!.split('#')[1]!
      const journalist = await e2e.as('journalist', '/my-downloads')
      const csrf = await e2e.csrf(journalist.context)
      const ep = await journalist.page.request.post('/v1/webhooks/endpoints', { headers: { 'x-csrf-token': csrf }, data: { url } })
      expect(ep.status(), await ep.text()).toBe(201)
      const overview = (await (await journalist.page.request.get('/v1/portal', { headers: { authorization: `Bearer ${token}` } })).json()) as {
        photos: { id: string; status: string }[]
      }
      const demoPhoto = overview.photos.find((p) => p.status === 'published')!.id
      const dl = await journalist.page.request.post(`/v1/photos/${demoPhoto}/downloads`, {
        headers: { 'x-csrf-token': csrf },
        data: { use: 'editorial', channel: 'web', outlet: 'Demo Redactie online' },
      })
      expect(dl.status(), await dl.text()).toBe(201)
      const withdrawn = await journalist.page.request.post(`/v1/portal/photos/${demoPhoto}/withdraw`, {
        headers: { authorization: `Bearer ${token}` },
        data: { confirm: true },
      })
      expect(withdrawn.status()).toBe(200)
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(1)

      const { page, watch } = await e2e.as('admin', '/admin')
      await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Berichten' }).click()
      await page.getByRole('heading', { level: 1, name: 'Berichten aan redacties' }).waitFor()
      const card = page.getByRole('article', { name: 'Toestemming ingetrokken: Demo Redactie' })
      await expect
        .poll(
          async () => {
            if ((await card.getByText('Webhook: opgegeven', { exact: false }).count()) > 0) return true
            await page.reload()
            await page.getByRole('heading', { level: 1, name: 'Berichten aan redacties' }).waitFor()
            return false
          },
          { timeout: 30_000 },
        )
        .toBe(true)
      await card.getByText('laatste antwoord: 500', { exact: false }).waitFor()
      await shot(page, 'a webhook that gave up, with its reason')
      expect(await axeViolations(page), 'notices page').toEqual([])
      await card.getByRole('button', { name: 'Opnieuw versturen: Webhook aan Demo Redactie' }).click()
      await page.getByRole('status').getByText('Het bericht aan Demo Redactie wordt opnieuw verstuurd.').waitFor()
      await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2)
      // Delivered now: no longer among those that wait or failed; shown with everything.
      await page.reload()
      await page.getByLabel('Alleen berichten die wachten of mislukt zijn').uncheck()
      await card.getByText(/Webhook: afgeleverd op/).waitFor()
      await card.getByText(/opnieuw verstuurd op/).waitFor()
      await shot(page, 'delivered after the retry')

      // The person's portal link: active and used (the demo model's link was used above).
      await page.getByRole('navigation', { name: 'Beheer' }).getByRole('link', { name: 'Organisaties en mensen' }).click()
      const people = page.locator('ul.subjects > li').filter({ has: page.locator('.link-status') })
      await expect.poll(() => people.count(), { timeout: 15_000 }).toBeGreaterThan(0)
      const first = people.filter({ hasText: /Portaallink: actief sinds .*Laatst gebruikt op/ }).first()
      await first.waitFor()
      const name = (await first.locator('strong').first().textContent())!
      const used = people.filter({ has: page.locator('strong', { hasText: name }) })
      await shot(page, 'portal link active and used')
      expect(await axeViolations(page), 'admin overview with link status').toEqual([])
      await used.getByRole('button', { name: `Link intrekken voor ${name}` }).click()
      await page
        .getByRole('dialog', { name: `Portaallink van ${name} intrekken?` })
        .getByRole('button', { name: 'Link intrekken' })
        .click()
      await used.getByText(/^Portaallink: ingetrokken op .* Laatst gebruikt op/).waitFor()
      expect((await page.request.get('/v1/portal', { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401)
      await shot(page, 'portal link revoked')
      await used.getByRole('button', { name: `Persoonlijke link maken voor ${name}` }).click()
      await used.getByText(/^Portaallink: actief sinds .* Nog nooit gebruikt\./).waitFor()
      const fresh = await page.getByLabel(`Persoonlijke link voor ${name}`).inputValue()
      expect((await page.request.get('/v1/portal', { headers: { authorization: `Bearer ${fresh.split('#')[1]}` } })).status()).toBe(200)
      await shot(page, 'new portal link issued')
      expect(watch.errors.filter((e) => !/status of 401/.test(e))).toEqual([])
    } finally {
      await new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections()))
    }
  })
})
