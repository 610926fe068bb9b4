/**
 * What a photo read costs the database (issue 17): the statements the app really sends (counted at the
 * driver, drizzle's per-statement hook), not a timing. A read that misses the photo record cache is one
 * statement for the record; with a PostgreSQL server the freshness check of gate.freshness.ts (other
 * replicas' changes) comes before it, one check shared by every request waiting at that moment. Misses
 * asked for together share one statement; a read from memory with the embedded database sends none.
 * The worker is off so nothing else talks to the database while a test counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
  it('a detail read that misses the cache is one statement for the record, for an API key and for a journalist session', async () => {
    // With a server, the shared freshness check before it (gate.freshness.ts).
    const expected = engine() === 'pglite' ? 1 : 2
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
    // With a server: the check in flight, then the one after it for those who came while it ran (gate.freshness.ts),
    // each followed by the read of its waiters: the last three callers' misses in one statement.
    expect(n).toBe(engine() === 'pglite' ? 1 : 2 + 2)
    for (const [i, x] of asked.entries()) expect([...answers[i]!.keys()].sort()).toEqual(x.filter((id) => id !== MISSING).sort())
    // And they are kept: asking again reads memory.
    const again = await sent(() => t.rt.records.get(ids))
    expect(again).toBe(engine() === 'pglite' ? 0 : 1)
  })

  it('a read under way when a change is heard is not joined by a later caller, nor kept', async () => {
    t.rt.records.clear()
    const before0 = t.rt.database.statements
    const first = t.rt.records.get([ids[0]!])
    // Sent once the (server's) freshness check is done and the event loop turns; a change heard after that must not be answered from it.
    while (t.rt.database.statements < before0 + (engine() === 'pglite' ? 1 : 2)) await new Promise((r) => setImmediate(r))
    t.rt.records.changed(ids[0]!)
    const n = await sent(async () => {
      await first
      await t.rt.records.get([ids[0]!])
    })
    // The second caller read anew (its own statement, after a check with a server), and the first read was not kept.
    expect(n).toBe(engine() === 'pglite' ? 1 : 2)
    expect(t.rt.records.stats.entries).toBe(1)
  })
})
