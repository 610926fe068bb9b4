import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type Database } from '../../api/src/db/client.ts'
import { createTestDatabase, engine } from './db.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
// node --import tsx: one process (the tsx binary would wrap the server in a child), so signals and exit
// status are the server's own and no orphan survives a kill.
const NODE = [process.execPath, '--import', 'tsx']

export interface ServerProcess {
  proc: ChildProcess
  url: string
  stdout: () => string
  stderr: () => string
  /** Resolves with the exit code and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/** A port free right now: the server is told its port, as in real life, so the links it writes (PUBLIC_URL unset) hold it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

/** Starts api/src/server.ts as its own process (as `npm start` does) and waits until it listens. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort())
  const proc = spawn(NODE[0]!, [...NODE.slice(1), path.join(ROOT, 'api/src/server.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()))
  proc.stderr!.on('data', (b: Buffer) => (err += b.toString()))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`server did not start in time:\n${out}\n${err}`))), timeoutMs)
    const check = () => {
      const m = /"address":"(http:\/\/[^"]+)".*"msg":"Eerlijk Beeld is listening"/.exec(out)
      if (m) {
        clearTimeout(timer)
        proc.stdout!.off('data', check)
        resolve({ proc, url: m[1]!, stdout: () => out, stderr: () => err, exited })
      }
    }
    proc.stdout!.on('data', check)
    void exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited early (${code ?? signal}):\n${out}\n${err}`))
    })
  })
}

/** Runs `npm run cli -- ...` the way a person would (through tsx), synchronously. */
export function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(NODE[0]!, [...NODE.slice(1), path.join(ROOT, 'api/src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  const lines = r.stdout.trim().split('\n')
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, last: lines[lines.length - 1] ?? '' }
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}

/**
 * Where a CLI test's commands act, as an operator runs them: a fresh DATA_DIR (embedded database) or, on
 * the PostgreSQL run, the test's own database (DATABASE_URL). `withDb` opens that database for a check and
 * lets go again (the embedded one has one owner at a time).
 */
export interface CliTarget {
  env: Record<string, string>
  withDb<T>(fn: (d: Database) => Promise<T>): Promise<T>
  close(): Promise<void>
}

export async function cliTarget(prefix: string): Promise<CliTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  let env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: '0' }
  const server: (Database & { url?: string }) | undefined = engine() === 'postgres' ? await createTestDatabase() : undefined
  if (server) env = { ...env, DATABASE_URL: server.url!, MASTER_KEY: crypto.randomBytes(32).toString('base64') }
  return {
    env,
    async withDb(fn) {
      if (server) return fn(server)
      const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pg') })
      try {
        return await fn(d)
      } finally {
        await d.close()
      }
    },
    async close() {
      await server?.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
