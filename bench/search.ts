/**
 * Benchmark: GET /v1/search (the configured engine: by default the in-process index over PostgreSQL) with
 * 10k, 100k and 1M synthetic photos, against a Fastify hello-world measured in the same run (issues 4, 17).
 *
 *   npm run bench -- search [--sizes 10k,100k,1m] [--seconds 10] [--mode varied|fixed] [--keep] [--database <name>] [--workers n]
 *
 * --mode varied (the default): a stream of 3,000 distinct queries drawn from the captions' vocabulary
 * (search-queries.ts), sent in order across all connections, so neither cache sees the same query twice
 * within a few seconds. Besides the app (caches off, then as shipped) it measures the engine floor: the
 * in-process engine alone, loaded from the same table, one query at a time. --mode fixed: the 16-query mix
 * of issue 4 (what an answer cache is best at). One summary line per size and configuration:
 * `search varied <size>: p50 …, p95 …, p99 …, <ratio>× hello-world`. --database: measure an existing
 * database loaded earlier with --keep (one size; neither loaded nor dropped). --workers n: the app with
 * WORKERS=n (n processes sharing the port, each with its own index: platform/workers.ts), measured once
 * every worker has its index; the hello-world stays one process, so its ratio then compares n processes
 * with one (the p50/p95/p99 are what a caller meets on this machine either way). RSS is the sum of all.
 *   BENCH_DATABASE_URL=postgres://…/postgres   (default postgres://postgres:postgres@127.0.0.1:5432/postgres)
 *   BENCH_PROFILE_DIR=/some/dir                  (each app process writes a V8 CPU profile there when it stops)
 *
 * Per size, in a fresh database (dropped afterwards unless --keep):
 *  1. Load: the vocabulary is search-core's caption generator (fixtures/search/generate.ts): 5 000
 *     generated texts plus the hand-written anchors (each anchor's rare words occur in exactly one photo).
 *     Those templates go through the real engine's upsert once (so their tsvector and search_words are
 *     exactly what the app writes), then `generate_series` fans them out in SQL into `photos`,
 *     `subjects`, `photo_subjects`, `consents` (the gate re-check needs real rows for every hit) and
 *     `search_documents`, with the secondary indexes and the change-notification triggers off during the
 *     load and back after it.
 *  2. The real app as its own process, as `npm start` runs it (the built JavaScript its start script names,
 *     built first when stale), worker off, LOG_LEVEL=warn (request logging would measure the logger),
 *     talking to that database, in three configurations, each its own process, measured only once it has
 *     logged that its in-process index is complete (before that the PostgreSQL fallback answers):
 *      - caches off (SEARCH_CACHE_SECONDS=0, PHOTO_CACHE_SECONDS=0): first each query of the fixed mix alone,
 *        15 times in a row (median and p95: which queries are slow);
 *      - answer cache off, records cached (SEARCH_CACHE_SECONDS=0): the goals' configuration (issue 17:
 *        "answer cache off"; the gate's photo records are not answers, the gate decides every hit on them);
 *      - as shipped (both caches on).
 *     Each: 2 s of the fixed mix to warm up, then the stream with autocannon, 16 connections, for --seconds:
 *     p50/p95/p99 over every response, req/s, and the process's RSS after.
 * The hello-world is the same fastify, started the same way, measured with the same autocannon settings
 * right before and right after each size; ratios use the mean of the two.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import type { EventEmitter } from 'node:events'
import { readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, rowsOf, type Database } from '../api/src/db/client.ts'
import { loadLicences } from '../api/src/modules/licences/index.ts'
import { DEFAULT_LICENCE } from '../api/src/modules/photos/photos.table.ts'
import { colourFamily } from '../api/src/modules/search/search.colour.ts'
import { MemorySearchEngine } from '../api/src/modules/search/search.memory.ts'
import { PostgresSearchEngine } from '../api/src/modules/search/search.postgres.repo.ts'
import { ANCHORS, generateSearchPhotos, toDocuments } from '../fixtures/search/generate.ts'
import { variedQueries, type VariedQuery } from './search-queries.ts'
import { freePort } from './support.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const TSX = [process.execPath, '--import', 'tsx']
const TEMPLATES = 5000
const CONNECTIONS = 16
const GOALS = { p95At100k: 30, p95At1m: 100, throughputRatioAt100k: 0.15 }
const CHANGE_TRIGGER_TABLES = ['photos', 'photo_subjects', 'consents', 'derivatives', 'search_documents']
/** Distinct queries in the varied stream (issue 17: at least 2,000). */
const VARIED = 3000
/** Both caches off: every search asks the engine and reads every hit's record from the database. */
const UNCACHED = { SEARCH_CACHE_SECONDS: '0', PHOTO_CACHE_SECONDS: '0' }
/**
 * The goals' configuration (issue 17: "answer cache off"): no engine answer is reused, so every search asks
 * the engine; the gate's photo records stay cached as shipped (they are not answers: the gate decides every
 * hit on them, and the change feed drops them the moment anything in them changes).
 */
const NO_ANSWER_CACHE = { SEARCH_CACHE_SECONDS: '0' }
/** What the app logs (at warn, so with LOG_LEVEL=warn) once the in-process index is complete (runtime.ts). */
const INDEX_LOADED = 'search index loaded'

/**
 * What `npm start` runs: built JavaScript (package.json's start script names the file), built first when the
 * sources are newer (api/scripts/ensure-built.mjs, as `npm start` does).
 */
function productionEntry(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  const m = /node (\S+\.js)\s*$/.exec(pkg.scripts.start ?? '')
  if (!m) throw new Error(`package.json's start script names no built server: ${pkg.scripts.start}`)
  const built = spawnSync(process.execPath, [path.join(ROOT, 'api/scripts/ensure-built.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
  if (built.status !== 0) throw new Error('building the server failed (npm run build:api)')
  return m[1]!
}

/** The mix: common words, rare words, typos, prefixes and filters, as a journalist would type them. */
export const QUERIES: { kind: string; qs: string }[] = [
  { kind: 'common', qs: 'q=sekswerker' },
  { kind: 'common', qs: 'q=sex%20worker&lang=en' },
  { kind: 'common', qs: 'q=fiets' },
  { kind: 'common', qs: 'q=koffie%20keuken' },
  { kind: 'rare', qs: 'q=bakfiets' },
  { kind: 'rare', qs: 'q=accordion&lang=en' },
  { kind: 'rare', qs: 'q=naaimachine%20groningen' },
  { kind: 'typo', qs: 'q=sexwerker' },
  { kind: 'typo', qs: 'q=sex%20workr&lang=en' },
  { kind: 'typo', qs: 'q=bakfiest' },
  { kind: 'prefix', qs: 'q=sekswe' },
  { kind: 'filter', qs: 'q=sekswerker&orientation=portrait' },
  { kind: 'filter', qs: 'q=vakbond&use=social&colour=blue' },
  { kind: 'filter', qs: 'colour=red' },
  { kind: 'list', qs: '' },
  { kind: 'newest', qs: 'q=sekswerker&sort=newest' },
]

const parseSize = (s: string) => {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim())
  if (!m) throw new Error(`bad size: ${s} (use e.g. 10k, 100k, 1m)`)
  return Math.round(Number(m[1]) * (m[2]?.toLowerCase() === 'm' ? 1e6 : m[2]?.toLowerCase() === 'k' ? 1e3 : 1))
}

function args() {
  const argv = process.argv.slice(2)
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
    if (i < 0) return undefined
    return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]
  }
  return {
    sizes: (value('sizes') ?? '10k,100k,1m').split(',').map(parseSize),
    seconds: Number(value('seconds') ?? 10),
    keep: argv.includes('--keep'),
    /** varied (default): thousands of distinct queries (search-queries.ts); fixed: the 16-query mix. */
    mode: (value('mode') ?? 'varied') as 'varied' | 'fixed',
    /** An existing database already loaded with the (single) size given: measured, never loaded or dropped. */
    database: value('database'),
    /** WORKERS for the app: how many server processes share its port (default 1). */
    workers: Number(value('workers') ?? 1),
  }
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n))
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!
}

interface Proc {
  proc: ChildProcess
  url: string
  stop(): Promise<void>
}

/**
 * Starts a script (TypeScript through tsx, built JavaScript with plain node) and waits until `readyPath`
 * answers and, when `logLine` is given, the process has printed it.
 */
async function startProcess(script: string, env: Record<string, string>, readyPath: string, logLine?: string, logCount = 1): Promise<Proc> {
  const port = await freePort()
  const node = script.endsWith('.ts') ? TSX : [process.execPath]
  // BENCH_PROFILE_DIR: the app (not the hello-world) writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_PROFILE_DIR && !script.endsWith('.ts') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const proc = spawn(node[0]!, [...node.slice(1), ...profile, path.join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()))
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()))
  let exited = false
  proc.on('exit', () => (exited = true))
  const stop = async () => {
    if (exited) return
    const gone = new Promise<void>((r) => proc.once('exit', () => r()))
    proc.kill('SIGTERM')
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))])
    if (!exited) proc.kill('SIGKILL')
  }
  // hello.ts listens on a port of its own choosing and prints it; the app gets PORT.
  const deadline = Date.now() + 180_000
  for (;;) {
    if (exited) throw new Error(`${script} exited early:\n${out.slice(-2000)}`)
    const m = /listening (http:\/\/\S+)/.exec(out)
    const url = m ? m[1]! : `http://127.0.0.1:${port}`
    try {
      const r = await fetch(`${url}${readyPath}`)
      if (r.ok && (!logLine || out.split(logLine).length - 1 >= logCount)) return { proc, url, stop }
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${script} did not become ready:\n${out.slice(-2000)}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

interface Load {
  p50: number
  p95: number
  p99: number
  rps: number
  requests: number
  non2xx: number
  errors: number
}

/** autocannon with our settings; latencies recorded per response so p95 is exact (autocannon has p97.5). */
async function hammer(url: string, paths: string[], seconds: number): Promise<Load> {
  const latencies: number[] = []
  // One shared position in the list for all connections (autocannon's own `requests` list starts every
  // connection at its first entry, which would send the same query 16 times at once).
  let next = 0
  const instance = autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'GET' as const, setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  }) as unknown as EventEmitter & PromiseLike<autocannon.Result> // without a callback: the tracker, also thenable
  instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms))
  const r = await instance
  const r1 = (x: number) => Math.round(x * 10) / 10
  return {
    p50: r1(q(latencies, 50)),
    p95: r1(q(latencies, 95)),
    p99: r1(q(latencies, 99)),
    rps: r.requests.total / (r.duration || seconds),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  }
}

// ----------------------------------------------------------------------------------------------- load

const templates = (n: number) => [...ANCHORS, ...generateSearchPhotos(Math.min(TEMPLATES, Math.max(1, n - ANCHORS.length)), 4242)]

/** The engine floor: the in-process engine alone, in this process, loaded from the same table, one query at a time. */
async function engineFloor(url: string, stream: VariedQuery[]): Promise<Load & { loadMs: number; heapMb: number }> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
  try {
    const heap0 = process.memoryUsage().heapUsed
    const t0 = performance.now()
    const engine = new MemorySearchEngine({ store: new PostgresSearchEngine(database.db) })
    await engine.load()
    const loadMs = Math.round(performance.now() - t0)
    const heapMb = Math.round((process.memoryUsage().heapUsed - heap0) / 2 ** 20)
    for (const x of stream.slice(0, 200)) await engine.search(x.engine) // warm-up
    const latencies: number[] = []
    const start = performance.now()
    for (const x of stream) {
      const t = performance.now()
      await engine.search(x.engine)
      latencies.push(performance.now() - t)
    }
    const total = (performance.now() - start) / 1000
    const r1 = (x: number) => Math.round(x * 100) / 100
    return {
      p50: r1(q(latencies, 50)),
      p95: r1(q(latencies, 95)),
      p99: r1(q(latencies, 99)),
      rps: stream.length / total,
      requests: stream.length,
      non2xx: 0,
      errors: 0,
      loadMs,
      heapMb,
    }
  } finally {
    await database.close()
  }
}

export async function load(url: string, n: number): Promise<Record<string, number>> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 })
  try {
    return await loadInto(database, n)
  } finally {
    await database.close()
  }
}

/** The same load into an open database (PostgreSQL or PGlite: bench/startup.ts seeds an embedded one). */
export async function loadInto(database: Database, n: number): Promise<Record<string, number>> {
  const times: Record<string, number> = {}
  const t = (k: string, since: number) => (times[k] = Math.round(performance.now() - since))
  let t0 = performance.now()
  {
    await database.migrate()
    t('migrate', t0)
    const db = database.db
    // Templates: anchors first (their rare words land in exactly one photo each), then generated texts.
    t0 = performance.now()
    const texts = templates(n)
    const docs = toDocuments(texts, colourFamily)
    await new PostgresSearchEngine(db).upsert(docs)
    await db.execute(sql`create table bench_tpl as
      select (row_number() over (order by ord) - 1)::int as k, d.*
      from search_documents d join unnest(${`{${docs.map((d) => d.id).join(',')}}`}::uuid[]) with ordinality as o(id, ord) on o.id = d.photo_id`)
    await db.execute(sql`alter table bench_tpl add column width int, add column height int, add column dominant text`)
    const dims = texts.map((x, i) => `(${i}, ${x.width}, ${x.height}, '${x.dominantColour}')`).join(',')
    await db.execute(sql.raw(`update bench_tpl t set width = v.w, height = v.h, dominant = v.c from (values ${dims}) as v(k, w, h, c) where v.k = t.k`))
    await db.execute(sql`delete from search_documents`)
    t('templates', t0)

    // The document's uses are the effective permission (licence ∩ consent), as search-core's builder makes
    // them; the photos are under the default licence, so its permitted uses bound them.
    const licence = loadLicences().get(DEFAULT_LICENCE.split('@')[0]!, DEFAULT_LICENCE.split('@')[1]!)
    if (!licence) throw new Error(`licence ${DEFAULT_LICENCE} not found`)
    await db.execute(sql`update bench_tpl set uses = array(select u from unnest(uses) u where u = any(${`{${licence.permittedUses.join(',')}}`}::text[]))`)
    const A = ANCHORS.length
    const T = texts.length
    // Photo g (0-based) uses template k(g); ids are derived from g so every table agrees without a join table.
    const k = `(case when g < ${A} then g else ${A} + (g - ${A}) % ${Math.max(1, T - A)} end)`
    const pid = `md5('bench-photo-' || g)::uuid`
    t0 = performance.now()
    await db.execute(sql`insert into users (id, email, password_hash, role, display_name)
      select md5('bench-user-' || i)::uuid, 'bench' || i || '@bench.invalid', 'x', 'photographer', 'Bench ' || i from generate_series(0, 2) i`)
    t('users', t0)

    // Secondary indexes off during the load, rebuilt after (much faster than maintaining GIN per row).
    const idx = rowsOf<{ indexname: string; indexdef: string }>(
      await db.execute(sql`select indexname, indexdef from pg_indexes where schemaname = 'public'
        and tablename in ('photos', 'subjects', 'photo_subjects', 'consents', 'search_documents')
        and indexname not in (select conname from pg_constraint)`),
    )
    for (const i of idx) await db.execute(sql.raw(`drop index "${i.indexname}"`))
    // The change-notification triggers (migration 0014) would queue a message per row of a bulk load that no
    // app is listening to: off during the load, like the indexes.
    for (const table of CHANGE_TRIGGER_TABLES) await db.execute(sql.raw(`alter table ${table} disable trigger user`))

    t0 = performance.now()
    await db.execute(
      sql.raw(`insert into photos (id, owner_id, status, content_mac, original_key, original_wrapped_key, original_format, original_bytes,
        width, height, caption_nl, caption_en, alt_nl, alt_en, tags, series, credit, media_key, derivatives_state, thumbhash, dominant_colour,
        published_at, created_at, updated_at)
      select ${pid}, md5('bench-user-' || (g % 3))::uuid, 'published', md5('mac' || g), 'bench/' || g, 'wrapped', 'jpeg', 1000,
        t.width, t.height, t.caption_nl, t.caption_en, t.alt_nl, t.alt_en, t.tags, t.series, t.credit, md5('media' || g), 'ready', null, t.dominant,
        t.published_at - make_interval(secs => g), now(), now()
      from generate_series(0, ${n - 1}) g join bench_tpl t on t.k = ${k}`),
    )
    t('photos', t0)
    t0 = performance.now()
    await db.execute(
      sql.raw(`insert into subjects (id, pseudonym, created_by)
      select md5('bench-subject-' || g)::uuid, 'Model ' || g, md5('bench-user-' || (g % 3))::uuid from generate_series(0, ${n - 1}) g`),
    )
    await db.execute(
      sql.raw(`insert into photo_subjects (photo_id, subject_id)
      select ${pid}, md5('bench-subject-' || g)::uuid from generate_series(0, ${n - 1}) g`),
    )
    await db.execute(
      sql.raw(`insert into consents (photo_id, subject_id, version, state, uses, excluded_topics, identifiable, identifiability_agreed,
        outlet_allow, outlet_deny, public_preview, valid_from, valid_until, actor_kind, actor_id)
      select ${pid}, md5('bench-subject-' || g)::uuid, 1, 'active', t.uses, '{trafficking,crime,violence,health,victimhood}', false, false,
        null, '{}', t.public_preview, current_date - 30, current_date + 1000, 'user', null
      from generate_series(0, ${n - 1}) g join bench_tpl t on t.k = ${k}`),
    )
    t('consent', t0)
    t0 = performance.now()
    await db.execute(
      sql.raw(`insert into search_documents (photo_id, caption_nl, caption_en, alt_nl, alt_en, tags, series, credit, photographer_id,
        collections, orientation, colour, uses, public_preview, published_at, tsv)
      select ${pid}, t.caption_nl, t.caption_en, t.alt_nl, t.alt_en, t.tags, t.series, t.credit, md5('bench-user-' || (g % 3))::uuid,
        t.collections, t.orientation, t.colour, t.uses, t.public_preview, t.published_at - make_interval(secs => g), t.tsv
      from generate_series(0, ${n - 1}) g join bench_tpl t on t.k = ${k}`),
    )
    t('search rows', t0)
    t0 = performance.now()
    for (const i of idx) await db.execute(sql.raw(i.indexdef))
    for (const table of CHANGE_TRIGGER_TABLES) await db.execute(sql.raw(`alter table ${table} enable trigger user`))
    t('indexes', t0)
    t0 = performance.now()
    await db.execute(sql`drop table bench_tpl`)
    await db.execute(sql`vacuum analyze`)
    t('analyze', t0)
    return times
  }
}

// ---------------------------------------------------------------------------------------------- run

/** The configurations measured, in this order; the goals are checked against 'answer cache off'. */
const CACHES = ['off', 'answer cache off', 'as shipped'] as const
type Caches = (typeof CACHES)[number]
const CACHE_ENV: Record<Caches, Record<string, string>> = { off: UNCACHED, 'answer cache off': NO_ANSWER_CACHE, 'as shipped': {} }
const CACHE_LABEL: Record<Caches, string> = {
  off: 'caches off',
  'answer cache off': 'answer cache off, records cached',
  'as shipped': 'as shipped',
}
const GOAL_CACHES: Caches = 'answer cache off'

/** A file under /proc, or '' where there is none (not Linux, or the process is gone). */
function readProc(file: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return ''
  }
}

/** A process and its children (the workers: WORKERS=n); nothing for no process. */
function processTree(pid: number | undefined): (number | string)[] {
  if (pid === undefined) return []
  return [pid, ...readProc(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/).filter(Boolean)]
}

/**
 * CPU time a process and its children have used so far, in ms (Linux; 0 where /proc is not there). Per
 * request it is a steadier figure than req/s on a shared machine: time the app waits for a core does not
 * count.
 */
function cpuMs(pid: number | undefined): number {
  const ticks = (p: number | string) => {
    // Fields after the command (which may hold spaces): utime and stime are the 12th and 13th.
    const rest = readProc(`/proc/${p}/stat`).split(') ')[1]?.split(' ') ?? []
    return Number(rest[11] ?? 0) + Number(rest[12] ?? 0)
  }
  // Clock ticks are 1/100 s on Linux (getconf CLK_TCK).
  return processTree(pid).reduce((sum: number, p) => sum + ticks(p), 0) * 10
}

/** Resident memory of a process and its children, in MB (Linux); 0 where /proc is not there. */
function rssMb(pid: number | undefined): number {
  const kb = (p: number | string) => Number(/VmRSS:\s+(\d+) kB/.exec(readProc(`/proc/${p}/status`))?.[1] ?? 0)
  return Math.round(processTree(pid).reduce((sum: number, p) => sum + kb(p), 0) / 1024)
}

/** Each query of the fixed mix alone, 16 times in a row (the first warms PostgreSQL's buffers). */
async function eachQueryAlone(url: string): Promise<SizeResult['perQuery']> {
  const perQuery: SizeResult['perQuery'] = []
  for (const { kind, qs } of QUERIES) {
    const times: number[] = []
    let body: { hits: unknown[]; total: number } = { hits: [], total: 0 }
    for (let i = 0; i < 16; i++) {
      const t0 = performance.now()
      const r = await fetch(`${url}/v1/search?${qs}`)
      const text = await r.text()
      if (r.status !== 200) throw new Error(`GET /v1/search?${qs} → ${r.status}: ${text.slice(0, 300)}`)
      if (i > 0) times.push(performance.now() - t0)
      body = JSON.parse(text) as typeof body
    }
    perQuery.push({ kind, qs, median: q(times, 50), p95: q(times, 95), hits: body.hits.length, total: body.total })
  }
  return perQuery
}

interface SizeResult {
  n: number
  load: Record<string, number>
  perQuery: { kind: string; qs: string; median: number; p95: number; hits: number; total: number }[]
  /** The stream under load per cache configuration, with the time to a complete index and the app's RSS after. */
  configs: Record<Caches, Load & { indexMs: number; rssMb: number; cpuPerRequest: number }>
  /** Hello-world's req/s, the mean of the runs right before and right after this size. */
  helloRps: number
  /** The in-process engine alone (varied mode). */
  floor?: Load & { loadMs: number; heapMb: number }
}

export async function run(): Promise<void> {
  const { sizes, seconds, keep, mode, database, workers } = args()
  if (!Number.isInteger(workers) || workers < 1) throw new Error('--workers takes a whole number of at least 1')
  if (database && sizes.length !== 1) throw new Error('--database takes exactly one --sizes (the size loaded into it)')
  const entry = productionEntry()
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
  const adminClient = new pg.Client({ connectionString: admin })
  await adminClient.connect()
  const server = (await adminClient.query<{ server_version: string }>('show server_version')).rows[0]!.server_version
  console.log(`# Search benchmark (${mode === 'varied' ? `varied stream: ${VARIED} distinct queries` : `the fixed ${QUERIES.length}-query mix`})\n`)
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM; node ${process.version}; PostgreSQL ${server}`,
  )
  console.log(
    `autocannon: ${CONNECTIONS} connections, ${seconds} s per run; sizes ${sizes.map(label).join(', ')}; anonymous callers; the app as \`npm start\` runs it (${entry})${workers > 1 ? ` with WORKERS=${workers} (the hello-world: one process)` : ''}; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}\n`,
  )

  // The hello-world stays up all run: it is measured right before and right after each size's mixes, and
  // each ratio uses the mean of those two (this machine's speed drifts by tens of percent within minutes).
  const hello = await startProcess('bench/hello.ts', {}, '/hello')
  const results: SizeResult[] = []
  try {
    await hammer(hello.url, ['/hello'], 2) // warm-up
    for (const n of sizes) {
      const name = database ?? `bench_search_${label(n).toLowerCase()}_${crypto.randomBytes(3).toString('hex')}`
      if (!database) await adminClient.query(`create database ${name}`)
      const url = Object.assign(new URL(admin), { pathname: `/${name}` }).toString()
      try {
        process.stderr.write(`  ${label(n)}: loading…\n`)
        const loadTimes = database ? {} : await load(url, n)
        process.stderr.write(`  ${label(n)}: loaded ${JSON.stringify(loadTimes)}\n`)
        const stream = variedQueries(templates(n), VARIED)
        const paths = mode === 'varied' ? stream.map((x) => `/v1/search?${x.qs}`) : QUERIES.map((x) => `/v1/search?${x.qs}`)
        const floor = mode === 'varied' ? await engineFloor(url, stream) : undefined
        const env = {
          DATABASE_URL: url,
          MASTER_KEY: Buffer.alloc(32, 1).toString('base64'),
          WORKER_ENABLED: '0',
          WORKERS: String(workers),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'production',
          PUBLIC_URL: 'http://localhost:3000',
          DATA_DIR: path.join(os.tmpdir(), name),
          // The limiter runs (its cost is part of every request) but must never refuse: a 429 is not a search.
          ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000000',
          SESSION_RATE_LIMIT_PER_MINUTE: '1000000000',
          API_RATE_LIMIT_PER_MINUTE: '1000000000',
        }
        const before = await hammer(hello.url, ['/hello'], seconds)
        const configs: Record<Caches, Load & { indexMs: number; rssMb: number; cpuPerRequest: number }> = {} as never
        let perQuery: SizeResult['perQuery'] = []
        for (const caches of CACHES) {
          // Each configuration its own process, measured only once its in-process index is complete (until
          // then the PostgreSQL engine answers: search.memory.ts), then warmed with the fixed mix for 2 s.
          const t0 = performance.now()
          const app = await startProcess(entry, { ...env, ...CACHE_ENV[caches] }, '/healthz', INDEX_LOADED, workers)
          const indexMs = Math.round(performance.now() - t0)
          try {
            // Caches off: each query alone first (what the engine and the gate's reads cost).
            if (caches === 'off') perQuery = await eachQueryAlone(app.url)
            await hammer(
              app.url,
              QUERIES.map((x) => `/v1/search?${x.qs}`),
              2,
            ) // warm-up (the fixed mix: the stream stays unseen)
            const cpu0 = cpuMs(app.proc.pid)
            const m = await hammer(app.url, paths, seconds)
            const cpuPerRequest = (cpuMs(app.proc.pid) - cpu0) / Math.max(1, m.requests)
            configs[caches] = { ...m, indexMs, rssMb: rssMb(app.proc.pid), cpuPerRequest }
          } finally {
            await app.stop()
          }
        }
        const after = await hammer(hello.url, ['/hello'], seconds)
        results.push({ n, load: loadTimes, perQuery, configs, helloRps: (before.rps + after.rps) / 2, ...(floor ? { floor } : {}) })
      } finally {
        // The app's data directory (its master key, temp files) goes with its database.
        if (!keep) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true })
        if (!keep && !database) await adminClient.query(`drop database if exists ${name} with (force)`)
        else console.log(`kept database ${name}`)
      }
      report(results.at(-1)!)
    }
  } finally {
    await hello.stop()
  }
  await adminClient.end()

  console.log('\n## Summary\n')
  console.log(
    '| photos | caches | p50 ms | p95 ms | p99 ms | req/s | hello-world req/s | × hello-world | non-2xx | index ready (s) | RSS MB | app CPU ms/request |',
  )
  console.log(
    '|-------:|--------|-------:|-------:|-------:|------:|------------------:|--------------:|--------:|----------------:|-------:|------------------:|',
  )
  for (const r of results) {
    for (const caches of CACHES) {
      const m = r.configs[caches]
      console.log(
        `| ${label(r.n)} | ${CACHE_LABEL[caches]} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.rps.toFixed(0)} | ${r.helloRps.toFixed(0)} | ${(m.rps / r.helloRps).toFixed(3)} | ${m.non2xx + m.errors} | ${(m.indexMs / 1000).toFixed(1)} | ${m.rssMb} | ${m.cpuPerRequest.toFixed(2)} |`,
      )
    }
  }
  console.log('')
  const line = (m: Load, hello: number) => `p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, ${(m.rps / hello).toFixed(3)}× hello-world`
  for (const r of results) {
    const name = mode === 'varied' ? 'varied' : 'fixed'
    const shape = workers > 1 ? `, ${workers} workers` : ''
    for (const caches of CACHES) console.log(`search ${name} ${label(r.n)}: ${line(r.configs[caches], r.helloRps)} (${CACHE_LABEL[caches]}${shape})`)
    if (r.floor)
      console.log(
        `search ${name} ${label(r.n)} engine floor: ${line(r.floor, r.helloRps)} (one query at a time in-process; index loaded in ${r.floor.loadMs} ms, ~${r.floor.heapMb} MB heap)`,
      )
    console.log(`hello-world ${label(r.n)}: ${r.helloRps.toFixed(0)} req/s`)
  }
  console.log(
    `load average after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  )
  console.log('')
  const at = (n: number) => results.find((r) => r.n === n)
  const r100 = at(100_000)
  const r1m = at(1_000_000)
  // A run whose responses were not answers (429, 5xx) measured the wrong thing: say so instead of a verdict.
  const invalid = results.filter((r) => CACHES.some((c) => r.configs[c].non2xx + r.configs[c].errors > 0))
  if (invalid.length)
    console.log(`INVALID RUN: non-2xx responses or errors at ${invalid.map((r) => label(r.n)).join(', ')}; the figures above are not search figures`)
  const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED')
  const pick = (r: SizeResult) => r.configs[GOAL_CACHES]
  console.log(`goals (issue 17), ${CACHE_LABEL[GOAL_CACHES]}:`)
  console.log(`  p95 ≤ ${GOALS.p95At100k} ms at 100k: ${r100 ? `${pick(r100).p95} ms → ${verdict(pick(r100).p95 <= GOALS.p95At100k)}` : 'not run'}`)
  console.log(`  p95 ≤ ${GOALS.p95At1m} ms at 1M: ${r1m ? `${pick(r1m).p95} ms → ${verdict(pick(r1m).p95 <= GOALS.p95At1m)}` : 'not run'}`)
  console.log(
    `  throughput at 100k ≥ ${GOALS.throughputRatioAt100k}× hello-world: ${r100 ? `${(pick(r100).rps / r100.helloRps).toFixed(3)}× → ${verdict(pick(r100).rps / r100.helloRps >= GOALS.throughputRatioAt100k)}` : 'not run'}`,
  )
}

function report(r: SizeResult) {
  console.log(`## ${label(r.n)} photos\n`)
  console.log(
    `load (ms): ${Object.entries(r.load)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  )
  console.log('\neach query alone, caches off (15 runs after one warm-up):\n')
  console.log('| kind | query | median ms | p95 ms | hits | total |')
  console.log('|------|-------|----------:|-------:|-----:|------:|')
  for (const x of r.perQuery)
    console.log(`| ${x.kind} | \`${decodeURIComponent(x.qs) || '(empty)'}\` | ${x.median.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.hits} | ${x.total} |`)
  for (const caches of CACHES) {
    const m = r.configs[caches]
    console.log(
      `\nstream under ${CONNECTIONS} connections, ${CACHE_LABEL[caches]}: app CPU ${m.cpuPerRequest.toFixed(2)} ms/request, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, ${m.rps.toFixed(0)} req/s (${(m.rps / r.helloRps).toFixed(3)}× hello-world at ${r.helloRps.toFixed(0)} req/s), ${m.requests} requests, ${m.non2xx} non-2xx, ${m.errors} errors`,
    )
  }
  console.log('')
}
