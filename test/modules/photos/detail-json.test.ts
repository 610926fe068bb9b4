/**
 * GET /v1/photos/:id's answer is serialised once per photo record, variant and day (photos.service.ts
 * getJson): sent as text the first time and not kept (most records out of many are read once), made again
 * and kept as bytes once asked for again. Either way a caller gets the
 * same answer, and a change to the photo is a new record, so a new answer at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { publishedPhoto, staff, type Staff } from '../../support/factories.ts'

let t: TestApp
let s: Staff
beforeAll(async () => {
  // No background worker: its AVIF files would change the record (and so the answer) between two reads.
  t = await startTestApp({ WORKER_ENABLED: '0' })
  s = await staff(t)
})
afterAll(() => t?.close())

/**
 * A published photo asked for three times in a row, its record kept throughout: the asks are about what is
 * kept WITH a record. On a loaded machine the record cache can be bypassed or dropped between two asks (a late
 * heartbeat of the change listener, a change to the new photo heard late: gate.records.ts); the record is then
 * read anew, a new record's first ask. Seen as more than one miss, and then asked again with a new photo.
 */
type Answer = string | Buffer
async function threeAsks(serialize: (call: number) => (view: unknown) => string) {
  for (let attempt = 1; ; attempt++) {
    const { photoId } = await publishedPhoto(t, s)
    await t.rt.records.sync()
    const misses = t.rt.records.stats.misses
    const answers: Answer[] = []
    for (let call = 0; call < 3; call++) answers.push(await t.rt.photos.getJson(photoId, null, serialize(call)))
    if (t.rt.records.stats.misses - misses <= 1 || attempt === 5) return { photoId, answers: answers as [Answer, Answer, Answer] }
  }
}

describe("a photo's detail answer, kept with its record", () => {
  it('is the same answer as text the first time and as kept bytes after, and a new one after a change', async () => {
    const serialize = (view: unknown) => JSON.stringify(view)
    const {
      photoId,
      answers: [first, second, third],
    } = await threeAsks(() => serialize)
    expect(typeof first).toBe('string')
    expect(Buffer.isBuffer(second)).toBe(true)
    expect(second.toString()).toBe(first)
    // Kept: the same bytes, not made again.
    expect(third).toBe(second)
    expect(JSON.parse(first as string)).toMatchObject({ id: photoId, caption: { nl: 'Een portret' } })

    // Over HTTP, through the route's own serialiser: the cold and the warm answers are the same text.
    const cold = await (await fetch(`${t.url}/v1/photos/${photoId}?lang=en`)).text()
    const warm = await (await fetch(`${t.url}/v1/photos/${photoId}?lang=en`)).text()
    expect(warm).toBe(cold)
    expect(JSON.parse(cold)).toMatchObject({ id: photoId, caption: { en: 'A portrait' } })

    // A change makes a new record: the next answer says it, as text again.
    const patched = await fetch(`${t.url}/v1/photos/${photoId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${s.curator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ captionEn: 'A portrait by the window' }),
    })
    expect(patched.status, await patched.clone().text()).toBe(200)
    await t.rt.records.sync()
    const after = await t.rt.photos.getJson(photoId, null, serialize)
    expect(typeof after).toBe('string')
    expect(JSON.parse(after as string)).toMatchObject({ caption: { en: 'A portrait by the window' } })
    const served = await (await fetch(`${t.url}/v1/photos/${photoId}?lang=en`)).text()
    expect(JSON.parse(served)).toMatchObject({ caption: { en: 'A portrait by the window' } })
  })

  it('keeps nothing for a record asked for once: the second ask makes the answer again, and that one is kept', async () => {
    // Serialisers that say which call made the answer: what comes back tells what was kept.
    const {
      photoId,
      answers: [first, second, third],
    } = await threeAsks((call) => () => JSON.stringify(['first', 'second', 'third'][call]))
    expect(first).toBe('"first"')
    expect(Buffer.isBuffer(second) && second.toString()).toBe('"second"')
    expect(third).toBe(second)
    // Another variant of the same record (English) is its own first ask.
    expect(await t.rt.photos.getJson(photoId, null, () => '"en"', 'en')).toBe('"en"')
  })
})
