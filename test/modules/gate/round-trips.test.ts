/**
 * What a photo read costs the database (issue 17): the statements the app really sends (counted at the
 * driver, drizzle's per-statement hook), not a timing. A read that misses the photo record cache is one
 * statement for the record, on both databases: with a PostgreSQL server the freshness check of
 * gate.freshness.ts (other replicas' changes) travels in that same statement. Misses asked for together
 * share one statement (a burst of many callers: statements of about 12 ids side by side; one caller's
 * ids always in one); a read from memory sends none with the embedded database, and the one shared
 * freshness check with a server.
 * The worker is off so nothing else talks to the database while a test counts.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PhotoRecords, photoRecordReader, type PhotoRecord } from '../../../api/src/modules/gate/index.ts'
import { PhotoFreshness } from '../../../api/src/modules/gate/gate.freshness.ts'
import { startTestApp, type TestApp } from '../../support/app.ts'
import { engine } from '../../support/db.ts'
import { journalist as deskJournalist, organisation, publishedPhoto, staff, type Staff } from '../../support/factories.ts'

let t: TestApp
let s: Staff
let key: string
let session: string
const ids: string[] = []

beforeAll(async () => {
  t = await startTestApp({ WORKER_ENABLED: '0' })
  s = await staff(t)
  const org = await organisation(t)
  key = (await t.rt.apiKeys.create(org, 'desk', { kind: 'system', id: 'test' })).key
  session = (await deskJournalist(t, org)).token
  for (let i = 0; i < 3; i++) ids.push((await publishedPhoto(t, s)).photoId)
  const start = Date.now()
  while (!t.rt.records.live) {
    if (Date.now() - start > 5000) throw new Error('timed out waiting for the change listener')
    await new Promise((r) => setTimeout(r, 10))
  }
})
afterAll(() => t?.close())

const MISSING = '00000000-0000-4000-8000-000000000000'

/** The statements the app sent while `f` ran. */
async function sent(f: () => Promise<unknown>): Promise<number> {
  const before = t.rt.database.statements
  await f()
  return t.rt.database.statements - before
}

const detail = async (id: string, token: string) => {
  const res = await fetch(`${t.url}/v1/photos/${id}`, { headers: { authorization: `Bearer ${token}` } })
  await res.arrayBuffer()
  return res.status
}

describe('a photo read, counted in statements sent to the database', () => {
  it('a detail read that misses the cache is one statement, for an API key and for a journalist session, on both databases', async () => {
    // With a server, the freshness check (gate.freshness.ts) is part of that statement.
    const expected = 1
    for (const token of [key, session]) {
      // Once, so the credential itself is known (its own cache is tested in test/modules/auth and desks).
      expect(await detail(ids[0]!, token)).toBe(200)
      for (const id of ids) {
        t.rt.records.clear()
        let status = 0
        expect(await sent(async () => (status = await detail(id, token)))).toBe(expected)
        expect(status).toBe(200)
      }
      // No such photo: the same one statement, then 404.
      let status = 0
      expect(await sent(async () => (status = await detail(MISSING, token)))).toBe(expected)
      expect(status).toBe(404)
    }
  })

  it('a read from memory sends nothing with the embedded database, one freshness check with a server', async () => {
    t.rt.records.clear()
    expect(await detail(ids[1]!, key)).toBe(200)
    const n = await sent(async () => expect(await detail(ids[1]!, key)).toBe(200))
    // With a PostgreSQL server other replicas may write: the one shared check of gate.freshness.ts.
    expect(n).toBe(engine() === 'pglite' ? 0 : 1)
  })

  it('misses asked for together go out as one statement for all of them, each caller getting its own records', async () => {
    t.rt.records.clear()
    const asked = [[ids[0]!], [ids[1]!, MISSING], [ids[2]!], [ids[0]!, ids[2]!]]
    let answers: Map<string, unknown>[] = []
    const n = await sent(async () => (answers = await Promise.all(asked.map((x) => t.rt.records.get(x)))))
    // With a server too: the freshness check travels in that one statement.
    expect(n).toBe(1)
    for (const [i, x] of asked.entries()) expect([...answers[i]!.keys()].sort()).toEqual(x.filter((id) => id !== MISSING).sort())
    // And they are kept: asking again reads memory.
    const again = await sent(() => t.rt.records.get(ids))
    expect(again).toBe(engine() === 'pglite' ? 0 : 1)
  })

  it("a burst of many callers goes out in statements of about 12 ids, side by side; one caller's ids always in one", async () => {
    t.rt.records.clear()
    // 29 callers together: the three photos and 27 ids of no photo (each still an id the statement asks for).
    const unknown = Array.from({ length: 27 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`)
    // The twelfth caller asks for two: the statement it joins (11 ids so far) takes both, then is full.
    const asked = [...unknown.slice(0, 11).map((id) => [id]), [ids[0]!, ids[1]!], [ids[2]!], ...unknown.slice(11).map((id) => [id])]
    let answers: Map<string, unknown>[] = []
    const n = await sent(async () => (answers = await Promise.all(asked.map((x) => t.rt.records.get(x)))))
    // 30 ids: 13 + 12 + 5, one statement each (the freshness check travels in each of them).
    expect(n).toBe(3)
    for (const [i, x] of asked.entries()) expect([...answers[i]!.keys()].sort()).toEqual(x.filter((id) => ids.includes(id)).sort())
    expect([...answers[11]!.keys()].sort()).toEqual([ids[0]!, ids[1]!].sort())
    // And all three are kept: asking again reads memory.
    expect(await sent(() => t.rt.records.get(ids))).toBe(engine() === 'pglite' ? 0 : 1)

    // One caller asking for 30 at once (a page of search hits): one statement, however many.
    t.rt.records.clear()
    let page = new Map<string, unknown>()
    expect(await sent(async () => (page = await t.rt.records.get([...unknown, ...ids])))).toBe(1)
    expect([...page.keys()].sort()).toEqual([...ids].sort())
  })

  it('a read under way when a change is heard is not joined by a later caller, nor kept', async () => {
    t.rt.records.clear()
    const before0 = t.rt.database.statements
    const first = t.rt.records.get([ids[0]!])
    // Sent once the event loop turns; a change heard after that must not be answered from it.
    while (t.rt.database.statements < before0 + 1) await new Promise((r) => setImmediate(r))
    t.rt.records.changed(ids[0]!)
    const n = await sent(async () => {
      await first
      await t.rt.records.get([ids[0]!])
    })
    // The second caller read anew (its own statement, the check in it with a server), and the first read was not kept.
    expect(n).toBe(1)
    expect(t.rt.records.stats.entries).toBe(1)
  })

  it('a read that misses one record takes another from memory only after the changes its statement saw: a withdrawal no message told of is seen', async () => {
    const [a, b] = [(await publishedPhoto(t, s)).photoId, (await publishedPhoto(t, s)).photoId]
    const db = t.rt.database.db
    // A cache of its own that hears no messages, as if its listener had stalled: only the freshness check tells it.
    let freshness!: PhotoFreshness
    const records = new PhotoRecords({
      maxAgeMs: 60_000,
      verdict: (photo, inputs, today) => t.rt.records.verdict({ photo, gate: inputs, derivatives: [] }, today),
      load: photoRecordReader(db),
      fresh: () => freshness.check(),
      loadFresh: (xs) => freshness.read(xs),
    })
    freshness = new PhotoFreshness(db, records)
    records.up()
    expect(await sent(() => records.get([a]))).toBe(1)
    expect(records.stats.entries).toBe(1)
    // From memory, after the one shared check.
    expect(await sent(() => records.get([a]))).toBe(1)
    expect(records.stats.hits).toBe(1)
    await db.execute(
      sql.raw(`insert into consents (photo_id, subject_id, version, state, uses, excluded_topics, identifiable, identifiability_agreed, outlet_allow, outlet_deny, public_preview, valid_from, valid_until, actor_kind, actor_id, reason)
        select photo_id, subject_id, version + 1, 'withdrawn', uses, excluded_topics, identifiable, identifiability_agreed, outlet_allow, outlet_deny, public_preview, valid_from, valid_until, 'system', null, 'test'
        from consents where photo_id = '${a}' order by version desc limit 1`),
    )
    let got = new Map<string, PhotoRecord>()
    // b misses: its read carries the check, which names a; a is then read again, not taken from memory.
    const n = await sent(async () => (got = await records.get([a, b])))
    expect(n).toBe(2)
    expect([...got.keys()].sort()).toEqual([a, b].sort())
    expect([...got.get(a)!.gate.consents.values()].map((c) => c.state)).toEqual(['withdrawn'])
    expect([...got.get(b)!.gate.consents.values()].map((c) => c.state)).toEqual(['active'])
    // And nothing changed since: both from memory after one check.
    expect(await sent(async () => (got = await records.get([a, b])))).toBe(1)
    expect([...got.get(a)!.gate.consents.values()].map((c) => c.state)).toEqual(['withdrawn'])
  })
})
