/**
 * Benchmark: `GET /v1/photos/:id` as a picture desk calls it, against a Fastify hello-world, in one run.
 *
 *   npm run bench -- api          (BENCH_SECONDS=n per measurement, default 5; BENCH_ROUNDS, default 3; BENCH_CONNECTIONS, default 32)
 *
 * The app runs in this process as the server does (startRuntime: embedded PostgreSQL in a temp dir, every
 * plugin and hook: auth, rate limit, helmet), with one published photo with a person and consent, and an
 * organisation's API key (`ebk_…`). Each request therefore does the real work: the key lookup (cached
 * briefly), the rate-limit count, the photo row, the consent gate (the photo's people and their current
 * consent, read anew every time), derivatives, and the serialisation of the allow-listed response.
 * The hello-world is a bare Fastify app answering {"hello":"world"}, measured the same way (autocannon,
 * same connections and duration, same process) so the ratio says what our stack costs, not the machine.
 * Goal: requests/s ≥ 0.35 × hello-world. A journalist's session token is measured as well, for comparison.
 * BENCH_DATABASE_URL=postgres://… runs the app on a PostgreSQL server instead (a fresh database is made
 * there and dropped afterwards), with 100k published photos (BENCH_PHOTOS) read at random by an API key and
 * by a journalist's session as well: the photo record cache is cold for almost every request (issue 17).
 * The worker is off, so no background AVIF encode competes for the CPU; and search is the PostgreSQL
 * engine, so no in-process index load of the 100k photos (bench/search.ts measures that) competes either.
 * A photo record not in memory is one statement, shared (up to 12 ids a statement) by the misses of the requests that came in
 * together (gate.records.ts; test/modules/gate/round-trips.test.ts counts them).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import pg from 'pg'
import { sql } from 'drizzle-orm'
import Fastify from 'fastify'
import sharp from 'sharp'
import { loadConfig } from '../api/src/config.ts'
import { rowsOf } from '../api/src/db/client.ts'
import { startRuntime, type Runtime } from '../api/src/runtime.ts'
import { load } from './search.ts'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32)
const GOAL = 0.35
/** Random photo reads (issue 17): goal ≥ 0.2× hello-world with a cold cache, for a key and for a session. */
const RANDOM_GOAL = 0.2
const RANDOM_PHOTOS = Number(process.env.BENCH_PHOTOS ?? 100_000)
/** The ids the search bench's loader gives its photos (md5('bench-photo-' || g)::uuid). */
const benchPhotoId = (g: number) =>
  crypto
    .createHash('md5')
    .update(`bench-photo-${g}`)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')

interface Result {
  name: string
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

async function measure(name: string, url: string, headers: Record<string, string> = {}, paths?: string[]): Promise<Result> {
  // With paths: the requests go through them in a random order, each once before any comes again (random
  // photos out of many, and a cold cache: a run reads fewer photos than there are, so none twice, whatever
  // the size of the photo record cache).
  let next = 0
  const order = paths ? shuffled(paths) : []
  const requests = paths
    ? [{ method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: order[next++ % order.length]! }) }]
    : undefined
  // A short warm-up first (JIT, connection set-up, caches), not counted.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers, ...(requests ? { requests } : {}) })
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers, ...(requests ? { requests } : {}) })
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors }
}

async function call(base: string, method: string, url: string, token: string | null, body?: unknown) {
  const form = body instanceof FormData
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined && !form ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  })
  const json = (await res.json().catch(() => ({}))) as Record<string, any>
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

async function login(rt: Runtime, base: string, role: 'photographer' | 'curator' | 'journalist', orgId?: string): Promise<string> {
  const email = `${role}-${crypto.randomBytes(4).toString('hex')}@bench.example`
  const password = crypto.randomBytes(12).toString('base64url')
  const { id } = await rt.auth.createUser({ email, password, role, displayName: `Bench ${role}` })
  if (orgId) await rt.database.db.execute(sql`insert into organisation_members (user_id, organisation_id) values (${id}, ${orgId})`)
  return (await call(base, 'POST', '/v1/auth/login', null, { email, password })).token as string
}

/** One published photo (a person in it, with consent), an organisation, its API key and a journalist. */
export async function fixture(rt: Runtime, base: string) {
  const photographer = await login(rt, base, 'photographer')
  const curator = await login(rt, base, 'curator')
  const form = new FormData()
  for (const [k, v] of Object.entries({ captionNl: 'Een portret', captionEn: 'A portrait', altNl: 'Iemand bij het raam', altEn: 'Someone at the window' }))
    form.append(k, v)
  const jpeg = await sharp(path.resolve('fixtures/photos/coffee.jpg')).resize({ width: 2400 }).jpeg().toBuffer()
  form.append('file', new Blob([jpeg], { type: 'image/jpeg' }), 'bench.jpg')
  const photo = await call(base, 'POST', '/v1/photos', photographer, form)
  const subject = await call(base, 'POST', '/v1/subjects', photographer, { pseudonym: 'Bench' })
  await call(base, 'POST', `/v1/photos/${photo.id}/people`, photographer, {
    subjectId: subject.id,
    consent: { identifiable: true, identifiabilityAgreed: true, publicPreview: true },
  })
  await call(base, 'POST', `/v1/photos/${photo.id}/submit`, photographer)
  await call(base, 'POST', `/v1/photos/${photo.id}/publish`, curator)
  const [org] = rowsOf<{ id: string }>(
    await rt.database.db.execute(sql`insert into organisations (name, enabled_at) values ('Bench Dagblad', now()) returning id`),
  )
  const { key } = await rt.apiKeys.create(org!.id, 'bench', { kind: 'system', id: 'bench' })
  const journalist = await login(rt, base, 'journalist', org!.id)
  return { photoId: photo.id as string, key, journalist }
}

export async function run(): Promise<void> {
  console.log(`\n== api: GET /v1/photos/:id vs Fastify hello-world (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, same process) ==\n`)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-bench-api-'))
  const server = process.env.BENCH_DATABASE_URL
  const dbName = `eb_bench_${crypto.randomBytes(4).toString('hex')}`
  const admin = server ? new pg.Client({ connectionString: server }) : null
  if (admin) {
    await admin.connect()
    await admin.query(`create database ${dbName}`)
  }
  const databaseUrl = server ? Object.assign(new URL(server), { pathname: `/${dbName}` }).toString() : undefined
  const hello = Fastify({ logger: false })
  hello.get('/', async () => ({ hello: 'world' }))
  let rt: Runtime | undefined
  try {
    const helloUrl = await hello.listen({ host: '127.0.0.1', port: 0 })
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'http://localhost:3000',
      DATA_DIR: dataDir,
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
      PORT: '0',
      // The limiter runs (its cost is part of every request) but never refuses here.
      API_RATE_LIMIT_PER_MINUTE: '1000000000',
      SESSION_RATE_LIMIT_PER_MINUTE: '1000000000',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000000',
      WORKER_ENABLED: '0',
      SEARCH_ENGINE: 'postgres',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl, MASTER_KEY: crypto.randomBytes(32).toString('base64') } : {}),
    })
    // On a server: 100k published photos as well (the search bench's loader, plus derivative rows), for
    // random photo reads, what a page of search results causes: the photo record cache is mostly cold.
    const many = databaseUrl ? RANDOM_PHOTOS : 0
    if (databaseUrl) {
      process.stderr.write(`  loading ${many} photos…\n`)
      await load(databaseUrl, many)
      const c = new pg.Client({ connectionString: databaseUrl })
      await c.connect()
      await c.query('alter table derivatives disable trigger user')
      await c.query(`insert into derivatives (photo_id, preset, format, width, height, bytes, blob_key, etag)
        select md5('bench-photo-' || g)::uuid, p.preset, 'jpeg', p.w, p.h, 1000, 'bench/' || g || '/' || p.preset, md5(g || p.preset)
        from generate_series(0, ${many - 1}) g, (values ('thumb', 320, 200), ('small', 640, 400), ('medium', 1280, 800), ('large', 2400, 1500)) as p(preset, w, h)`)
      await c.query('alter table derivatives enable trigger user')
      // The loader's aftermath settled before measuring: autovacuum on the new rows and the checkpoint that
      // writes them out otherwise fall into the measurements of some runs and not others (random reads
      // swung 0.16-0.22x from run to run).
      await c.query('vacuum (analyze)')
      await c.query('checkpoint').catch(() => {})
      await c.end()
    }
    rt = await startRuntime(config)
    const base = await rt.app.listen({ host: '127.0.0.1', port: 0 })
    const f = await fixture(rt, base)
    const photoUrl = `${base}/v1/photos/${f.photoId}`
    // The answer a desk gets: check once that it is the full view, so we measure the real thing.
    const probe = await call(base, 'GET', `/v1/photos/${f.photoId}`, f.key)
    if (!probe.permittedUses || !probe.srcset?.jpeg) throw new Error('bench: the photo view is not the full client view')

    // Interleaved rounds (hello-world, then each target, again and again) and the median of each round's
    // ratio: this machine's speed drifts by tens of percent within a minute, and a reference measured
    // next to each target takes that out of the ratio.
    const targets: [string, string, Record<string, string>, string[]?][] = [
      // The stack without the database: auth, rate limit, headers, one licence from memory. (Not /healthz: probes
      // have their own limit of 600 a minute, so nearly every answer there would be a cheap 429.)
      [
        'GET /v1/licences/rsw-editorial, API key (no database, but a large JSON: the licence with its texts)',
        `${base}/v1/licences/rsw-editorial`,
        { authorization: `Bearer ${f.key}` },
      ],
      ['GET /v1/photos/:id, API key', photoUrl, { authorization: `Bearer ${f.key}` }],
      ['GET /v1/photos/:id, journalist session', photoUrl, { authorization: `Bearer ${f.journalist}` }],
    ]
    const randomPaths = Array.from({ length: many }, (_, g) => `/v1/photos/${benchPhotoId(g)}`)
    if (many) {
      const probeRandom = await call(base, 'GET', randomPaths[12345 % many]!, f.key)
      if (!probeRandom.permittedUses) throw new Error('bench: a random photo is not the full client view')
      targets.push([`GET /v1/photos/:id, random photos out of ${many / 1000}k, API key`, base, { authorization: `Bearer ${f.key}` }, randomPaths])
      targets.push([
        `GET /v1/photos/:id, random photos out of ${many / 1000}k, journalist session`,
        base,
        { authorization: `Bearer ${f.journalist}` },
        randomPaths,
      ])
    }
    const statementsBefore = rt.database.statements
    const rounds: { hello: Result; targets: Result[] }[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const helloResult = await measure('fastify hello-world', helloUrl)
      const targetResults: Result[] = []
      for (const [name, url, headers, paths] of targets) targetResults.push(await measure(name, url, headers, paths))
      rounds.push({ hello: helloResult, targets: targetResults })
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const records = rt.records.stats
    console.log(`| target | req/s (median of ${ROUNDS}) | p50 ms | p99 ms | ratio to hello-world (median of rounds) | non-2xx | errors |`)
    console.log('|---|---:|---:|---:|---:|---:|---:|')
    const helloRps = median(rounds.map((r) => r.hello.rps))
    console.log(
      `| fastify hello-world | ${helloRps.toFixed(0)} | ${median(rounds.map((r) => r.hello.p50))} | ${median(rounds.map((r) => r.hello.p99))} | 1.00× | ${rounds.reduce((n, r) => n + r.hello.non2xx, 0)} | ${rounds.reduce((n, r) => n + r.hello.errors, 0)} |`,
    )
    const ratios = targets.map((_, t) => median(rounds.map((r) => r.targets[t]!.rps / r.hello.rps)))
    targets.forEach(([name], t) => {
      const rs = rounds.map((r) => r.targets[t]!)
      console.log(
        `| ${name} | ${median(rs.map((r) => r.rps)).toFixed(0)} | ${median(rs.map((r) => r.p50))} | ${median(rs.map((r) => r.p99))} | ${ratios[t]!.toFixed(2)}× | ${rs.reduce((n, r) => n + r.non2xx, 0)} | ${rs.reduce((n, r) => n + r.errors, 0)} |`,
      )
    })
    console.log(
      `\nper round (API key ÷ hello-world): ${rounds.map((r) => `${r.targets[1]!.rps.toFixed(0)} ÷ ${r.hello.rps.toFixed(0)} = ${(r.targets[1]!.rps / r.hello.rps).toFixed(2)}`).join('; ')}`,
    )
    if (many)
      for (const t of [3, 4])
        console.log(
          `per round (${targets[t]![0].replace(/^GET \/v1\/photos\/:id, /, '')} ÷ hello-world): ${rounds.map((r) => `${r.targets[t]!.rps.toFixed(0)} ÷ ${r.hello.rps.toFixed(0)} = ${(r.targets[t]!.rps / r.hello.rps).toFixed(3)}`).join('; ')}`,
        )
    console.log(
      `photo records: ${records.hits} read from memory, ${records.misses} from the database (cache ${records.live ? 'live' : 'OFF'}); ${rt.database.statements - statementsBefore} statements sent while measuring`,
    )
    const bad = rounds.some((r) => r.targets.some((x) => x.non2xx > 0 || x.errors > 0))
    const ratio = ratios[1]!
    console.log(
      bad
        ? '\nINVALID RUN: a measurement had non-2xx answers or errors'
        : `\nAPI key: ${ratio.toFixed(2)}× hello-world (goal ≥ ${GOAL}×): ${ratio >= GOAL ? 'met' : 'NOT met'}`,
    )
    if (many) {
      for (const t of [3, 4])
        console.log(
          `${targets[t]![0]}: ${ratios[t]!.toFixed(3)}× hello-world (goal ≥ ${RANDOM_GOAL}×, cache cold): ${ratios[t]! >= RANDOM_GOAL ? 'met' : 'NOT met'}`,
        )
    } else console.log('random photos out of 100k: only with BENCH_DATABASE_URL (the bulk loader writes to a PostgreSQL server)')
    console.log(`database: ${rt.database.engine}; node ${process.version}; ${os.cpus().length} cores`)
  } finally {
    // Requests autocannon still had in flight when it stopped finish first; then the pool may close.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    await hello.close()
    await rt?.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    if (admin) {
      await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => admin.query(`drop database if exists ${dbName}`))
      await admin.end()
    }
  }
}
