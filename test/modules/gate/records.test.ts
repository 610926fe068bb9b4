/**
 * The gate's photo record cache (gate.records.ts): served from memory while the database's change feed is
 * heard, and never beyond a change — whoever makes it, however the listener fails.
 */
import net from 'node:net'
import pg from 'pg'
import sharp from 'sharp'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { listenPostgres, rowsOf } from '../../../api/src/db/client.ts'
import { inPresetOrder, PhotoRecords, photoRecordLoader, photoRecordReader } from '../../../api/src/modules/gate/index.ts'
import { engine } from '../../support/db.ts'
import { journalist as deskJournalist, organisation } from '../../support/factories.ts'
import { request, startTestApp, upload, type TestApp } from '../../support/app.ts'

const fx = inject('fixtures')
let t: TestApp
let photographer: Awaited<ReturnType<TestApp['user']>>
let curator: Awaited<ReturnType<TestApp['user']>>
let journalist: Awaited<ReturnType<TestApp['user']>>

beforeAll(async () => {
  t = await startTestApp()
  photographer = await t.user('photographer')
  curator = await t.user('curator')
  // Of an enabled organisation: only then does a journalist see more than the public preview.
  journalist = await deskJournalist(t, await organisation(t))
  await until(() => t.rt.records.live, 'the change listener to come up')
})
afterAll(() => t?.close())

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<number> {
  const start = Date.now()
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
  return Date.now() - start
}

let shade = 0
/** A published photo with one person in it and their consent. */
async function published(caption: string): Promise<{ id: string; subjectId: string }> {
  // A different image each time (the same file twice is refused as a duplicate).
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: (++shade * 47) % 256, g: (shade * 89) % 256, b: 120 } } })
    .jpeg()
    .toBuffer()
  const { res, body } = await upload(
    t,
    photographer.token,
    { name: 'p.jpg', bytes, type: 'image/jpeg' },
    { captionNl: caption, captionEn: caption, altNl: caption, altEn: caption },
  )
  expect(res.status, JSON.stringify(body)).toBe(201)
  const id = (body as { id: string }).id
  const subject = await request(t, 'POST', '/v1/subjects', photographer.token, { pseudonym: `P ${caption}` })
  const subjectId = (subject.body as { id: string }).id
  const linked = await request(t, 'POST', `/v1/photos/${id}/people`, photographer.token, {
    subjectId,
    consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
  })
  expect(linked.status, JSON.stringify(linked.body)).toBe(201)
  expect((await request(t, 'POST', `/v1/photos/${id}/submit`, photographer.token)).status).toBeLessThan(300)
  expect((await request(t, 'POST', `/v1/photos/${id}/publish`, curator.token)).status).toBeLessThan(300)
  // The background work the upload and publication queued (AVIF, search sync) changes the record when it
  // lands; wait for it, so what a test counts is only what it does itself.
  await expect
    .poll(
      async () => rowsOf(await t.rt.database.db.execute(sql`select 1 from jobs where payload->>'photoId' = ${id} and status in ('pending', 'running')`)).length,
      { timeout: 60_000 },
    )
    .toBe(0)
  return { id, subjectId }
}

/** A new, withdrawn consent version written straight into the database, as psql or another replica would. */
const WITHDRAW = `
  insert into consents (photo_id, subject_id, version, state, uses, excluded_topics, identifiable, identifiability_agreed, outlet_allow, outlet_deny, public_preview, valid_from, valid_until, actor_kind, actor_id, reason)
  select photo_id, subject_id, version + 1, 'withdrawn', uses, excluded_topics, identifiable, identifiability_agreed, outlet_allow, outlet_deny, public_preview, valid_from, valid_until, 'system', null, 'test'
  from consents where photo_id = $1 order by version desc limit 1`
const withdrawBehindTheAppsBack = (photoId: string) => sql.raw(WITHDRAW.replace('$1', `'${photoId}'`))

/** Not through this app's HTTP API nor its services: a separate connection, like psql or another replica (PGlite has one connection: the app's own, still behind its services). */
async function withdrawFromAnotherConnection(id: string) {
  const url = (t.rt.database as { url?: string }).url
  if (!url) return void (await t.rt.database.db.execute(withdrawBehindTheAppsBack(id)))
  const other = new pg.Client({ connectionString: url })
  await other.connect()
  await other.query(WITHDRAW, [id])
  await other.end()
}

const status = async (id: string) => (await fetch(`${t.url}/v1/photos/${id}`, { headers: { authorization: `Bearer ${journalist.token}` } })).status

describe('reading a record', () => {
  it('reads a page of records in one round trip, the same records as the per-table reads', async () => {
    const a = await published('Eén keer')
    const b = await published('Twee keer')
    const ids = [a.id, b.id, '00000000-0000-4000-8000-000000000000']
    // Both reads must see the same rows: wait for the background AVIF, which adds derivatives after the upload answered.
    await expect
      .poll(
        async () =>
          rowsOf(await t.rt.database.db.execute(sql`select distinct photo_id from derivatives where photo_id in (${a.id}, ${b.id}) and format = 'avif'`))
            .length,
        { timeout: 60_000 },
      )
      .toBe(2)
    const one = await photoRecordReader(t.rt.database.db)(ids)
    const many = await photoRecordLoader(t.rt.database.db, (tx, xs) => t.rt.consent.gateInputs(tx, xs))(ids)
    expect([...one.keys()].sort()).toEqual([a.id, b.id].sort())
    for (const id of [a.id, b.id]) {
      const x = one.get(id)!
      const y = many.get(id)!
      expect(x.photo).toEqual(y.photo)
      expect(x.gate.subjectIds).toEqual(y.gate.subjectIds)
      // The gate keeps what it decides on; the consent module's own view adds who wrote it (not the gate's).
      const gateView = ({ author: _author, liftedTopics: _lifted, ...c }: Record<string, unknown>) => c
      expect([...x.gate.consents.entries()]).toEqual([...y.gate.consents.entries()].map(([k, c]) => [k, gateView({ ...c })]))
      expect(x.gate.consents.size).toBeGreaterThan(0)
      expect(inPresetOrder(x.derivatives)).toEqual(inPresetOrder(y.derivatives))
      expect(x.derivatives.length).toBeGreaterThan(0)
    }
  })
})

describe('the photo record cache', () => {
  it('serves a photo from memory once read, and drops it the moment its consent changes in the database behind the app', async () => {
    const { id } = await published('Geheugen')
    expect(await status(id)).toBe(200)
    const before = t.rt.records.stats
    expect(await status(id)).toBe(200)
    expect(await status(id)).toBe(200)
    const after = t.rt.records.stats
    // Read from memory: no further database reads for it.
    expect(after.hits - before.hits).toBe(2)
    expect(after.misses - before.misses).toBe(0)

    await withdrawFromAnotherConnection(id)
    // Heard within moments, without anyone telling this process…
    // (How soon is the benchmark's business; a time limit here would fail on a busy machine.)
    await until(async () => (await status(id)) === 410, 'the withdrawal to show', 30_000)
    expect(await status(id)).toBe(410)
  })

  it('sync() returns once every change committed before it has been heard', async () => {
    const { id } = await published('Synchroon')
    expect(await status(id)).toBe(200)
    expect(await status(id)).toBe(200)
    await withdrawFromAnotherConnection(id)
    await t.rt.records.sync()
    expect(await status(id)).toBe(410)
  })

  it('runs the gate on every request: a cached record whose consent has since run out is not shown', async () => {
    const { id } = await published('Einddatum')
    expect(await status(id)).toBe(200)
    const record = await t.rt.records.one(id)
    expect(record).toBeDefined()
    const until = [...record!.gate.consents.values()][0]!.validUntil
    expect(t.rt.records.verdict(record!, until)).toMatchObject({ shown: true })
    const dayAfter = new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect(t.rt.records.verdict(record!, dayAfter)).toMatchObject({ shown: false, gone: true, blocks: [{ reason: 'expired' }] })
  })

  it('never keeps a read that was under way when a change was heard', async () => {
    const { id } = await published('Traag')
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    // Resolved once the slow read has read the row (the old consent), however long it took to start.
    let readDone!: () => void
    const readIt = new Promise<void>((r) => (readDone = r))
    const load = photoRecordLoader(t.rt.database.db, (tx, ids) => t.rt.consent.gateInputs(tx, ids))
    const records = new PhotoRecords({
      maxAgeMs: 60_000,
      verdict: (photo, inputs, today) => t.rt.records.verdict({ photo, gate: inputs, derivatives: [] }, today),
      load: async (ids) => {
        const read = await load(ids)
        readDone()
        await held
        return read
      },
    })
    records.up()
    const slow = records.get([id])
    await readIt
    await t.rt.database.db.execute(withdrawBehindTheAppsBack(id))
    records.changed(id)
    release()
    // The slow read answers with what it read (the old consent) but does not keep it…
    expect([...(await slow).get(id)!.gate.consents.values()][0]!.state).toBe('active')
    expect(records.stats.entries).toBe(0)
    // …so the next read goes to the database and sees the withdrawal.
    const fresh = records.get([id])
    const r = (await fresh).get(id)!
    expect([...r.gate.consents.values()][0]!.state).toBe('withdrawn')
    expect(records.stats.entries).toBe(1)
  })

  it("keeps the serialised answer per variant: a journalist's full view never reaches an anonymous caller", async () => {
    const { id } = await published('Varianten')
    const other = await deskJournalist(t, await organisation(t))
    const get = async (token?: string) => (await fetch(`${t.url}/v1/photos/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).text()
    const first = await get(journalist.token)
    expect(await get(other.token)).toBe(first)
    expect(JSON.parse(first).permittedUses.length).toBeGreaterThan(0)
    const anonymous = JSON.parse(await get())
    expect(anonymous.permittedUses).toBeNull()
    expect(anonymous.consentValidUntil).toBeNull()
    expect(anonymous.derivatives.map((d: { preset: string }) => d.preset).every((p: string) => p === 'thumb' || p === 'small')).toBe(true)
    // And the other way round, from a fresh record: the preview first, then the full view.
    t.rt.records.changed(id)
    expect(JSON.parse(await get()).permittedUses).toBeNull()
    expect(JSON.parse(await get(journalist.token)).permittedUses.length).toBeGreaterThan(0)
    for (const k of ['ownerId', 'originalKey', 'originalWrappedKey', 'mediaKey', 'contentMac']) expect(JSON.parse(first)).not.toHaveProperty(k)
  })

  it('any write request through the API empties the cache before its response leaves; reads do not', async () => {
    const { id } = await published('Schrijven')
    expect(await status(id)).toBe(200)
    expect(t.rt.records.stats.entries).toBeGreaterThan(0)
    expect(await status(id)).toBe(200)
    expect(t.rt.records.stats.entries).toBeGreaterThan(0)
    // A write that has nothing to do with this photo: the cache can't know that, so it forgets everything.
    const r = await request(t, 'POST', '/v1/subjects', photographer.token, { pseudonym: 'Iemand anders' })
    expect(r.status).toBe(201)
    expect(t.rt.records.stats.entries).toBe(0)
  })

  it('a write request through the API is seen by the next request at once (read your own writes)', async () => {
    const { id, subjectId } = await published('Meteen')
    expect(await status(id)).toBe(200)
    expect(await status(id)).toBe(200)
    const w = await request(t, 'POST', `/v1/photos/${id}/people/${subjectId}/withdraw`, photographer.token)
    expect(w.status).toBe(200)
    expect(await status(id)).toBe(410)
  })
})

describe('without the cache', () => {
  it('PHOTO_CACHE_SECONDS=0 reads every photo from the database', async () => {
    const t0 = await startTestApp({ PHOTO_CACHE_SECONDS: '0' })
    try {
      expect(t0.rt.records.live).toBe(false)
      const owner = await t0.user('photographer')
      const { body } = await upload(t0, owner.token, fx['plain.jpg']!)
      const id = (body as { id: string }).id
      for (let i = 0; i < 3; i++) expect((await fetch(`${t0.url}/v1/photos/${id}`, { headers: { authorization: `Bearer ${owner.token}` } })).status).toBe(200)
      expect(t0.rt.records.stats).toMatchObject({ entries: 0, hits: 0, live: false })
      expect(t0.rt.records.stats.misses).toBeGreaterThanOrEqual(3)
    } finally {
      await t0.close()
    }
  })
})

describe.skipIf(engine() !== 'postgres')('the change listener on a PostgreSQL server', () => {
  it('is down the moment its connection is killed (the cache is bypassed), and up again once it hears its heartbeat', async () => {
    expect(t.rt.records.live).toBe(true)
    const { id } = await published('Verbinding')
    expect(await status(id)).toBe(200)
    await t.rt.database.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'eerlijk-beeld-listen' and datname = current_database()`,
    )
    await until(() => !t.rt.records.live, 'the listener to report down', 2000)
    const before = t.rt.records.stats
    expect(before.entries).toBe(0)
    expect(await status(id)).toBe(200)
    expect(t.rt.records.stats.hits).toBe(before.hits)
    await until(() => t.rt.records.live, 'the listener to reconnect', 10_000)
    expect(await status(id)).toBe(200)
    expect(await status(id)).toBe(200)
    expect(t.rt.records.stats.hits).toBeGreaterThan(before.hits)
  })

  it('reports down when its heartbeat goes unanswered (a stalled connection), and up when it flows again', async () => {
    const url = new URL((t.rt.database as { url?: string }).url!)
    // A loopback proxy in front of the server that can stop passing bytes, like a dead network path.
    let stalled = false
    const sockets: net.Socket[] = []
    const proxy = net.createServer((inbound) => {
      const outbound = net.connect(Number(url.port || 5432), url.hostname)
      sockets.push(inbound, outbound)
      inbound.on('data', (b) => void (stalled || outbound.write(b)))
      outbound.on('data', (b) => void (stalled || inbound.write(b)))
      inbound.on('error', () => outbound.destroy())
      outbound.on('error', () => inbound.destroy())
      inbound.on('close', () => outbound.destroy())
      outbound.on('close', () => inbound.destroy())
    })
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r))
    const proxied = Object.assign(new URL(url.toString()), { port: String((proxy.address() as net.AddressInfo).port) }).toString()
    const events: string[] = []
    const messages: string[] = []
    const listener = await listenPostgres(
      proxied,
      'eb_test_channel',
      { message: (m) => messages.push(m), up: () => events.push('up'), down: () => events.push('down') },
      { heartbeatMs: 150 },
    )
    try {
      await until(() => events.at(-1) === 'up', 'up')
      await t.rt.database.db.execute(sql`select pg_notify('eb_test_channel', 'hello')`)
      await until(() => messages.includes('hello'), 'a message')
      stalled = true
      await until(() => events.at(-1) === 'down', 'down after a missed heartbeat', 3000)
      stalled = false
      await until(() => events.at(-1) === 'up', 'up again', 10_000)
      // Heartbeats are never passed on as messages.
      expect(messages).toEqual(['hello'])
    } finally {
      await listener.close()
      for (const s of sockets) s.destroy()
      proxy.close()
    }
  })
})
