import { describe, expect, it } from 'vitest'
import { axeViolations, screenshots } from './support/browser.ts'
import { useGallery } from './support/session.ts'

// Issue 13, licence per photo: a curator changes a published demo photo's licence on its photo page,
// chosen from GET /v1/licences (names and what each allows), and the page (also for a visitor) then
// shows the new licence.
describe('licence per photo', () => {
  const e2e = useGallery()

  it('a curator changes a demo photo’s licence, and the photo page shows the new one', async () => {
    const shot = screenshots('curator changes a licence')
    const search = (await (await fetch(`${e2e.gallery.url}/v1/search?limit=24`)).json()) as { hits: { id: string }[] }
    const photoId = search.hits[0]!.id
    const before = (await (await fetch(`${e2e.gallery.url}/v1/photos/${photoId}`)).json()) as { licence: string }
    const target =
      before.licence === 'rsw-exhibition@1.0'
        ? { ref: 'rsw-education@1.0', name: 'RSW-onderwijslicentie 1.0' }
        : { ref: 'rsw-exhibition@1.0', name: 'RSW-tentoonstellingslicentie 1.0' }

    const { page, watch } = await e2e.as('curator', `/photos/${photoId}`)
    const choice = page.getByRole('region', { name: 'Licentie' })
    await choice.getByRole('group', { name: 'Kies een licentie' }).waitFor()
    // Ours first, then the open ones, each with what it allows.
    const options = choice.getByRole('radio')
    expect(await options.count()).toBeGreaterThanOrEqual(6)
    await expect.poll(() => choice.getByRole('radio', { checked: true }).getAttribute('value')).toBe(before.licence)
    await choice.getByText('Mag voor: tentoonstellingen.').first().waitFor()
    await choice.getByRole('radio', { name: new RegExp(`^${target.name}`) }).check()
    await shot(page, 'licence chosen')
    expect(await axeViolations(page), 'photo page with the licence choice').toEqual([])
    await choice.getByRole('button', { name: 'Licentie opslaan' }).click()
    await choice.getByRole('status').getByText(`De licentie is nu ${target.name}.`, { exact: false }).waitFor()
    // What the change did to downloads already made (the demo has none of this photo).
    await choice.getByRole('status').getByText('Er is nog niets van deze foto gedownload.').waitFor()
    // The page's licence section follows at once.
    await expect.poll(() => page.locator('section.licence .licence-line strong').first().textContent()).toBe(target.name)
    await shot(page, 'licence changed')

    // The API and a visitor's photo page say the same.
    expect(((await (await fetch(`${e2e.gallery.url}/v1/photos/${photoId}`)).json()) as { licence: string }).licence).toBe(target.ref)
    const { page: anon } = await e2e.visitor()
    await anon.goto(`/photos/${photoId}`)
    await expect.poll(() => anon.locator('section.licence .licence-line strong').first().textContent()).toBe(target.name)
    expect(await anon.getByRole('region', { name: 'Licentie' }).count()).toBe(0)
    expect(watch.errors).toEqual([])
  })
})
