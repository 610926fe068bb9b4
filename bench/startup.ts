/**
 * Benchmark: how long `npm start` (built JavaScript, the embedded PGlite, the gallery built) takes from
 * process start to answering GET /readyz (database reachable, every migration applied), and how much memory the idle process holds, with 10k published
 * photos; next to a Fastify hello-world (the same fastify, plain JavaScript) started the same way in the
 * same run (issue 17: goal ≤ 5 s to ready with 10k photos).
 *
 *   npm run bench -- startup [--photos 10k] [--runs 5] [--fresh] [--cpu-prof DIR]
 *
 * The data directory (os.tmpdir()/eb-bench-startup-<photos>) is seeded once with bench/search.ts's loader
 * (real rows in photos, subjects, photo_subjects, consents and search_documents) and reused by later runs
 * (--fresh seeds it again). Each run: spawn `node dist/server/api/src/server.js` (SEED_DEMO=0, worker on,
 * LOG_LEVEL=warn), poll /readyz every 10 ms; then the first search that finds its photos (answered
 * by the PostgreSQL engine while the in-process index is still loading); then 5 s idle and the process's RSS (/proc/PID/status). The hello-world
 * runs alternate with the app's, so drift in this shared machine's load hits both. --cpu-prof DIR writes a
 * V8 CPU profile of the last app run (open it in Chrome's DevTools) to find where the time goes.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../api/src/db/client.ts'
import { loadInto } from './search.ts'
import { freePort } from './support.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SERVER = path.join(ROOT, 'dist/server/api/src/server.js')
const HELLO = `import Fastify from 'fastify'
const app = Fastify({ logger: false })
app.get('/readyz', async () => ({ status: 'ready' }))
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) })
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))`

function args() {
  const argv = process.argv.slice(2)
  const value = (name: string) => {
    const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
    if (i < 0) return undefined
    return argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]
  }
  const photos = (value('photos') ?? '10k').toLowerCase()
  return {
    photos: photos.endsWith('k') ? Number(photos.slice(0, -1)) * 1000 : Number(photos),
    runs: Number(value('runs') ?? 5),
    fresh: argv.includes('--fresh'),
    cpuProf: value('cpu-prof'),
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}
const loadAvg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

interface Run {
  readyMs: number
  /** First search that finds a photo (the index is complete), from process start; app only. */
  searchMs?: number
  rssMb: number
}

async function stop(proc: ChildProcess) {
  if (proc.exitCode !== null) return
  const gone = new Promise<void>((r) => proc.once('exit', () => r()))
  proc.kill('SIGTERM')
  await Promise.race([gone, sleep(15_000)])
  if (proc.exitCode === null) proc.kill('SIGKILL')
}

async function once(argv: string[], env: Record<string, string>, searchPath?: string): Promise<Run> {
  const port = await freePort()
  const t0 = performance.now()
  const proc = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), MALLOC_ARENA_MAX: '2', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()))
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()))
  const url = `http://127.0.0.1:${port}`
  try {
    const poll = async (p: string, ok: (r: Response) => Promise<boolean>) => {
      for (;;) {
        if (proc.exitCode !== null) throw new Error(`exited early (${proc.exitCode}):\n${out.slice(-2000)}`)
        if (performance.now() - t0 > 180_000) throw new Error(`not ready after 180 s:\n${out.slice(-2000)}`)
        try {
          const r = await fetch(`${url}${p}`)
          if (await ok(r)) return Math.round(performance.now() - t0)
        } catch {
          /* not listening yet */
        }
        await sleep(10)
      }
    }
    const readyMs = await poll('/readyz', async (r) => r.ok)
    const searchMs = searchPath ? await poll(searchPath, async (r) => r.ok && ((await r.json()) as { total: number }).total > 0) : undefined
    await sleep(5000)
    return { readyMs, searchMs, rssMb: rssMb(proc.pid!) }
  } finally {
    await stop(proc)
  }
}

async function seed(dataDir: string, n: number) {
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') })
  try {
    await database.migrate()
    return await loadInto(database, n)
  } finally {
    await database.close()
  }
}

export async function run(): Promise<void> {
  const { photos, runs, fresh, cpuProf } = args()
  // What `npm start` does first: the gallery and the server built when their sources changed.
  execFileSync(process.execPath, ['web/scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' })
  execFileSync(process.execPath, ['api/scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' })
  const dataDir = path.join(os.tmpdir(), `eb-bench-startup-${photos}`)
  const marker = path.join(dataDir, '.bench-seeded')
  if (fresh || !fs.existsSync(marker)) {
    process.stderr.write(`  seeding ${photos} photos into ${dataDir}…\n`)
    const times = await seed(dataDir, photos)
    fs.writeFileSync(marker, JSON.stringify(times))
    process.stderr.write(`  seeded ${JSON.stringify(times)}\n`)
  }
  console.log('# Startup benchmark (npm start: built JavaScript, PGlite, gallery built)\n')
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; node ${process.version}; ${photos} published photos; ${runs} runs each`)
  // As `npm start` runs it: no NODE_ENV (production would want PUBLIC_URL).
  const env = { DATA_DIR: dataDir, SEED_DEMO: '0', LOG_LEVEL: 'warn' }
  const app: Run[] = []
  const hello: Run[] = []
  const loads: string[] = []
  for (let i = 0; i < runs; i++) {
    loads.push(loadAvg())
    hello.push(await once(['--input-type=module', '-e', HELLO], {}))
    const prof = cpuProf && i === runs - 1 ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(cpuProf)}`] : []
    app.push(await once([...prof, SERVER], env, '/v1/search?q=fiets&limit=1'))
    process.stderr.write(
      `  run ${i + 1}: app ready ${app[i]!.readyMs} ms, search ${app[i]!.searchMs} ms, ${app[i]!.rssMb.toFixed(0)} MB; hello ${hello[i]!.readyMs} ms (load ${loads[i]})\n`,
    )
  }
  const a = median(app.map((r) => r.readyMs))
  const h = median(hello.map((r) => r.readyMs))
  console.log(`load averages at each run: ${loads.join(' | ')}`)
  console.log(
    `startup ${photos / 1000}k: ready (GET /readyz) median ${a} ms [${app.map((r) => r.readyMs).join(', ')}], ` +
      `first search answered median ${median(app.map((r) => r.searchMs!))} ms, idle RSS median ${median(app.map((r) => r.rssMb)).toFixed(0)} MB`,
  )
  console.log(
    `hello-world: ready median ${h} ms [${hello.map((r) => r.readyMs).join(', ')}], idle RSS median ${median(hello.map((r) => r.rssMb)).toFixed(0)} MB; ` +
      `app / hello-world: ${(a / h).toFixed(1)}× (goal: ready ≤ 5000 ms)`,
  )
}
