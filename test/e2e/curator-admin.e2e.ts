import { describe, expect, it } from 'vitest'
import { axeViolations, screenshots } from './support/browser.ts'
import { useGallery } from './support/session.ts'

// The curator's collections (made, filled, reordered from the keyboard, noted, exported) and the admin's
// organisations and keys (a key shown once, then revoked), on the demo's published photos.
describe('curator collections and admin keys', () => {
  const e2e = useGallery()

  it('a curator makes a collection, adds two photos, reorders them with the keyboard, adds a note and exports it', async () => {
    const shot = screenshots('curator builds and exports a collection')
    const { page, watch } = await e2e.as('curator', '/collections')
    await page.getByRole('heading', { level: 1, name: 'Collecties en tentoonstellingen' }).waitFor()
    await page.getByLabel('Titel (Nederlands)').fill('Werk in de stad')
    await page.getByLabel('Titel (Engels)').fill('Work in the city')
    await page.getByRole('button', { name: 'Aanmaken' }).click()
    await page.getByRole('heading', { level: 1, name: /Werk in de stad/ }).waitFor()
    const collectionId = page.url().split('/').pop()!

    // The picker lists the photos that may be added, with thumbnails, each with its own button.
    const eligible = page.getByRole('list', { name: 'Deze foto’s kunnen erbij' })
    for (let i = 0; i < 2; i++) {
      await expect.poll(() => eligible.getByRole('listitem').count()).toBeGreaterThan(0)
      await eligible
        .getByRole('button', { name: /^Toevoegen: / })
        .first()
        .click()
      await expect.poll(() => page.locator('.collection-items > li').count(), { timeout: 20_000 }).toBe(i + 1)
    }
    const titles = () => page.locator('.collection-items .item-title strong').allTextContents()
    const before = await titles()
    expect(before).toHaveLength(2)
    await shot(page, 'two photos added')
    expect(await axeViolations(page), 'collection page').toEqual([])

    // Keyboard only: focus the first photo's "down" button and press Enter.
    const down = page.getByRole('button', { name: `Omlaag: ${before[0]}` })
    await down.focus()
    await page.keyboard.press('Enter')
    await expect.poll(titles).toEqual([before[1], before[0]])
    await page.getByText(`${before[0]} staat nu op plaats 2.`).waitFor({ state: 'attached' })
    await shot(page, 'reordered')

    await page.getByLabel(`Notitie bij deze foto (${before[1]})`).fill('Openingsbeeld')
    await page.getByRole('button', { name: `Notitie opslaan (${before[1]})` }).click()
    await page.getByText('Notitie opgeslagen.').waitFor()

    const zipHref = await page.getByRole('link', { name: /^ZIP met grote versies/ }).getAttribute('href')
    expect(zipHref).toBe(`/v1/collections/${collectionId}/export.zip`)
    const zip = await page.request.get(zipHref!)
    expect(zip.status()).toBe(200)
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK')
    const manifestHref = await page.getByRole('link', { name: /^IIIF Presentation 3/ }).getAttribute('href')
    const manifest = (await (await page.request.get(manifestHref!)).json()) as { type: string; items: unknown[] }
    expect(manifest.type).toBe('Manifest')
    expect(manifest.items).toHaveLength(2)
    await shot(page, 'note saved and export links')
    expect(watch.errors).toEqual([])
  })

  it('the admin adds an organisation, makes a key shown once with a copy button, and revokes it', async () => {
    const shot = screenshots('admin organisation and key')
    const { page, watch } = await e2e.as('admin', '/admin')
    await page.getByLabel('Naam van de organisatie').fill('Het Stadsblad')
    await page.getByRole('button', { name: 'Organisatie aanmaken' }).click()
    const card = page.getByRole('article', { name: /Het Stadsblad/ })
    await card.waitFor()
    await card.getByRole('button', { name: 'Activeren: Het Stadsblad' }).click()
    await card.getByText('actief', { exact: true }).waitFor()
    await card.getByRole('button', { name: /Journalisten/ }).click()
    await card.getByLabel('Omschrijving van de sleutel').fill('redactiesysteem')
    await card.getByRole('button', { name: 'Sleutel aanmaken' }).click()
    const key = card.getByLabel('Nieuwe API-sleutel: redactiesysteem')
    await key.waitFor()
    const secret = await key.inputValue()
    expect(secret).toMatch(/^ebk_/)
    await card.getByRole('button', { name: 'Kopiëren (Nieuwe API-sleutel: redactiesysteem)' }).click()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
    const ok = await page.request.get('/v1/keys/current', { headers: { authorization: `Bearer ${secret}` } })
    expect(ok.status()).toBe(200)
    await shot(page, 'key shown once')
    expect(await axeViolations(page), 'admin page').toEqual([])

    // Destructive: a confirmation first; cancelling leaves the key working.
    await card.getByRole('button', { name: 'Intrekken: redactiesysteem' }).click()
    const confirm = page.getByRole('dialog', { name: 'Sleutel “redactiesysteem” intrekken?' })
    await confirm.waitFor()
    await shot(page, 'confirm revoking the key')
    expect(await axeViolations(page), 'revoke confirmation').toEqual([])
    await confirm.getByRole('button', { name: 'Annuleren' }).click()
    expect((await page.request.get('/v1/keys/current', { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(200)
    await card.getByRole('button', { name: 'Intrekken: redactiesysteem' }).click()
    await confirm.getByRole('button', { name: 'Sleutel intrekken' }).click()
    await card.getByText('De sleutel werkt niet meer.').waitFor()
    expect(await card.getByLabel('Nieuwe API-sleutel: redactiesysteem').count()).toBe(0)
    await expect
      .poll(async () => (await page.request.get('/v1/keys/current', { headers: { authorization: `Bearer ${secret}` } })).status(), { timeout: 15_000 })
      .toBe(401)
    await shot(page, 'key revoked')
    expect(watch.errors.filter((e) => !/status of 401/.test(e))).toEqual([])
  })
})
