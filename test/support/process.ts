import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'

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

/** Starts api/src/server.ts as its own process (as `npm start` does) and waits until it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const proc = spawn(NODE[0]!, [...NODE.slice(1), path.join(ROOT, 'api/src/server.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
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
  const res = await fetch(`${url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
