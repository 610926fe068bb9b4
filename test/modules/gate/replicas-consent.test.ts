/**
 * Consent across replicas (issue 18, promise 1): two instances on one PostgreSQL database and one
 * DATA_DIR. A withdrawal answered by A leaves B unable to serve the photo on its very next request —
 * detail, bytes, search, download grant and grant file — under load, and also while B's change-feed
 * connection is stalled without B noticing (gate.freshness.ts).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../api/src/config.ts'
import { listenPostgres, openDatabase, type Database } from '../../../api/src/db/client.ts'
import { startRuntime, type Runtime } from '../../../api/src/runtime.ts'
import { createTestDatabase, engine } from '../../support/db.ts'
import { journalist, organisation } from '../../support/factories.ts'
import { request, upload, type TestApp } from '../../support/app.ts'

const TRIALS = 100
const READERS = 6

type Instance = TestApp & { database: Database }

describe.skipIf(engine() !== 'postgres')('a withdrawal on one replica, the next request on another (PostgreSQL)', () => {
  let shared: Database & { url?: string }
  let dataDir: string
  const instances: Instance[] = []
  const stall = { on: false, sockets: [] as net.Socket[], server: null as net.Server | null }

  /** An instance on the shared database and DATA_DIR; `listenUrl` routes only its change feed elsewhere. */
  async function instance(database: Database, listenUrl?: string): Promise<Instance> {
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      LOG_LEVEL: 'silent',
      WORKER_POLL_MS: '50',
      PORT: '0',
      DATABASE_URL: shared.url!,
      MASTER_KEY: masterKey,
      API_RATE_LIMIT_PER_MINUTE: '100000',
      SESSION_RATE_LIMIT_PER_MINUTE: '100000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
    })
    // A stalled listener that never notices: its heartbeat is ten minutes long, so the cache stays in use.
    const db: Database = listenUrl
      ? { ...database, listen: (channel, handlers) => listenPostgres(listenUrl, channel, handlers, { heartbeatMs: 600_000 }) }
      : database
    const rt: Runtime = await startRuntime(config, { database: db, keepDatabase: true })
    const url = await rt.app.listen({ host: '127.0.0.1', port: 0 })
    const t: Instance = {
      rt,
      url,
      dataDir,
      database,
      async user(role, name) {
        const email = `${role}-${crypto.randomBytes(4).toString('hex')}@test.example`
        const password = crypto.randomBytes(12).toString('base64url')
        const { id } = await rt.auth.createUser({ email, password, role, displayName: name ?? role })
        const res = await fetch(`${url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        })
        const body = (await res.json()) as { token: string; csrfToken: string }
        return { id, token: body.token, csrfToken: body.csrfToken, email, password }
      },
      close: () => rt.close(),
    }
    instances.push(t)
    return t
  }
  const masterKey = crypto.randomBytes(32).toString('base64')

  beforeAll(async () => {
    shared = await createTestDatabase()
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-replicas-'))
  })
  afterAll(async () => {
    stall.on = false
    for (const t of instances.reverse()) await t.close().catch(() => {})
    for (const t of instances) if (t.database !== shared) await t.database.close().catch(() => {})
    for (const s of stall.sockets) s.destroy()
    stall.server?.close()
    await shared?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** Letters only, so the search engine's tokenisers keep it one word. */
  const word = (i: number) =>
    `kwal${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}${crypto
      .randomBytes(3)
      .toString('hex')
      .replace(/[0-9]/g, (d) => String.fromCharCode(103 + Number(d)))}`

  async function publishMany(a: Instance, n: number) {
    const photographer = await a.user('photographer')
    const curator = await a.user('curator')
    const out: { id: string; subjectId: string; word: string }[] = []
    for (let i = 0; i < n; i++) {
      const bytes = await sharp({
        create: { width: 360, height: 240, channels: 3, background: { r: crypto.randomInt(256), g: crypto.randomInt(256), b: crypto.randomInt(256) } },
      })
        .jpeg()
        .toBuffer()
      const w = word(i)
      const { res, body } = await upload(
        a,
        photographer.token,
        { name: 'p.jpg', bytes, type: 'image/jpeg' },
        { captionNl: `Proef ${w}`, captionEn: `Trial ${w}`, altNl: w, altEn: w },
      )
      expect(res.status, JSON.stringify(body)).toBe(201)
      const id = body.id as string
      const subject = await request(a, 'POST', '/v1/subjects', photographer.token, { pseudonym: `P ${w}` })
      const linked = await request(a, 'POST', `/v1/photos/${id}/people`, photographer.token, {
        subjectId: subject.body.id,
        consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
      })
      expect(linked.status, linked.text).toBe(201)
      expect((await request(a, 'POST', `/v1/photos/${id}/submit`, photographer.token)).status).toBe(200)
      expect((await request(a, 'POST', `/v1/photos/${id}/publish`, curator.token)).status).toBe(200)
      out.push({ id, subjectId: subject.body.id as string, word: w })
    }
    return { photographer, photos: out }
  }

  /** Reads on B the whole time, so that B is busy when each withdrawal lands. */
  function load(b: Instance, token: string, ids: string[]) {
    let stop = false
    let requests = 0
    const readers = Array.from({ length: READERS }, async () => {
      while (!stop) {
        const id = ids[crypto.randomInt(ids.length)]!
        await fetch(`${b.url}/v1/photos/${id}`, { headers: { authorization: `Bearer ${token}` } })
          .then((r) => r.arrayBuffer())
          .catch(() => {})
        requests++
      }
    })
    return async () => {
      stop = true
      await Promise.all(readers)
      return requests
    }
  }

  /** Withdraw on A; the moment A answers, every read path on B. Returns what B still served. */
  async function trials(a: Instance, b: Instance, set: Awaited<ReturnType<typeof publishMany>>, beforeWithdrawals = () => {}) {
    const orgId = await organisation(b as unknown as TestApp)
    const reader = await journalist(b as unknown as TestApp, orgId)
    const auth = { authorization: `Bearer ${reader.token}` }
    // Indexed and cached on B before anything is withdrawn, and a grant each whose file link is checked after.
    const grants = new Map<string, string>()
    for (const p of set.photos) {
      for (let tries = 0; ; tries++) {
        const s = (await (await fetch(`${b.url}/v1/search?q=${p.word}`, { headers: auth })).json()) as { hits: { id: string }[] }
        if (s.hits.some((h) => h.id === p.id)) break
        expect(tries, `indexing ${p.id}`).toBeLessThan(200)
        await new Promise((r) => setTimeout(r, 50))
      }
      for (let k = 0; k < 2; k++) {
        expect((await fetch(`${b.url}/v1/photos/${p.id}`, { headers: auth })).status).toBe(200)
        expect((await fetch(`${b.url}/v1/photos/${p.id}/media/thumb.jpeg`, { headers: auth })).status).toBe(200)
      }
      const g = await fetch(`${b.url}/v1/photos/${p.id}/downloads`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ use: 'editorial', channel: 'web', topic: null }),
      })
      expect(g.status).toBe(201)
      grants.set(p.id, ((await g.json()) as { url: string }).url)
    }
    beforeWithdrawals()
    const hitsBefore = b.rt.records.stats.hits
    const stopLoad = load(
      b,
      reader.token,
      set.photos.map((p) => p.id),
    )
    const served: string[] = []
    try {
      for (const p of set.photos) {
        const w = await request(a, 'POST', `/v1/photos/${p.id}/people/${p.subjectId}/withdraw`, set.photographer.token)
        expect(w.status, w.text).toBe(200)
        const [detail, bytes, search, grant, file] = await Promise.all([
          fetch(`${b.url}/v1/photos/${p.id}`, { headers: auth }),
          fetch(`${b.url}/v1/photos/${p.id}/media/thumb.jpeg`, { headers: auth }),
          fetch(`${b.url}/v1/search?q=${p.word}`, { headers: auth }),
          fetch(`${b.url}/v1/photos/${p.id}/downloads`, {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify({ use: 'editorial', channel: 'web', topic: null }),
          }),
          fetch(new URL(grants.get(p.id)!, b.url)),
        ])
        if (detail.status === 200) served.push(`detail ${p.id}`)
        if (bytes.status === 200) served.push(`bytes ${p.id}`)
        if (((await search.json()) as { hits: { id: string }[] }).hits.some((h) => h.id === p.id)) served.push(`search ${p.id}`)
        if (grant.status === 201) served.push(`grant ${p.id}`)
        if (file.status === 200) served.push(`file ${p.id}`)
        for (const r of [detail, bytes, grant, file]) await r.arrayBuffer()
      }
    } finally {
      const background = await stopLoad()
      expect(background).toBeGreaterThan(TRIALS)
    }
    // B answered from memory meanwhile: the cache was in use, not bypassed.
    expect(b.rt.records.stats.hits).toBeGreaterThan(hitsBefore)
    return served
  }

  it(`serves none of ${TRIALS} photos withdrawn on A to the next request on B, under load`, async () => {
    const a = await instance(shared)
    const b = await instance(await openDatabase({ kind: 'postgres', url: shared.url!, poolSize: 5 }))
    await until(() => a.rt.records.live && b.rt.records.live)
    const set = await publishMany(a, TRIALS)
    expect(await trials(a, b, set)).toEqual([])
  }, 900_000)

  it(`and none while B's change feed is stalled without B noticing`, async () => {
    const a = instances[0] ?? (await instance(shared))
    const url = new URL(shared.url!)
    // A loopback proxy in front of the server that stops passing bytes, like a dead network path.
    stall.server = net.createServer((inbound) => {
      const outbound = net.connect(Number(url.port || 5432), url.hostname)
      stall.sockets.push(inbound, outbound)
      inbound.on('data', (d) => void (stall.on || outbound.write(d)))
      outbound.on('data', (d) => void (stall.on || inbound.write(d)))
      inbound.on('error', () => outbound.destroy())
      outbound.on('error', () => inbound.destroy())
      inbound.on('close', () => outbound.destroy())
      outbound.on('close', () => inbound.destroy())
    })
    await new Promise<void>((r) => stall.server!.listen(0, '127.0.0.1', r))
    const proxied = Object.assign(new URL(url.toString()), { port: String((stall.server.address() as net.AddressInfo).port) }).toString()
    const b = await instance(await openDatabase({ kind: 'postgres', url: shared.url!, poolSize: 5 }), proxied)
    await until(() => b.rt.records.live)
    const set = await publishMany(a, TRIALS)
    const served = await trials(a, b, set, () => void (stall.on = true))
    expect(served).toEqual([])
    // B trusted its stalled listener (up, cache in use) the whole time, and heard none of the withdrawals.
    expect(b.rt.records.live).toBe(true)
  }, 900_000)
})

async function until(check: () => boolean, ms = 15_000) {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}
