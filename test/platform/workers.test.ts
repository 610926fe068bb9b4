/**
 * WORKERS=n (issue 17, platform/workers.ts): n server processes share one port, each a full replica on the
 * PostgreSQL server. What must hold: both answer; a withdrawal made through one is gone from the very next
 * search and detail on every worker (promise 1); a worker that dies is replaced while the other goes on;
 * SIGTERM stops them all and leaves no process behind. Without a PostgreSQL server WORKERS > 1 is refused.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../api/src/config.ts'
import { alive } from '../../api/src/platform/scratch.ts'
import type { TestApp } from '../support/app.ts'
import { engine } from '../support/db.ts'
import { publishedPhoto, type Staff } from '../support/factories.ts'
import { cli, cliTarget, login, startServer, type CliTarget, type ServerProcess } from '../support/process.ts'

/** One GET on a connection of its own (no keep-alive), so the primary hands each to the next worker in turn. */
function getFresh(url: string, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { connection: 'close', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode!, body: text ? (JSON.parse(text) as Record<string, any>) : {} }))
    })
    req.on('error', reject)
  })
}

/** The pids that logged an incoming request for this path (pino's pid binding on each worker's lines). */
function pidsServing(stdout: string, pathPrefix: string): Set<number> {
  const pids = new Set<number>()
  for (const line of stdout.split('\n')) {
    if (!line.includes('"incoming request"')) continue
    try {
      const j = JSON.parse(line) as { pid: number; req?: { path?: string } }
      if (j.req?.path?.startsWith(pathPrefix)) pids.add(j.pid)
    } catch {
      /* a partial line */
    }
  }
  return pids
}

/** The pids of the workers that said they listen. */
const listeningPids = (stdout: string) => [...stdout.matchAll(/^\{.*"pid":(\d+).*"msg":"Eerlijk Beeld is listening"\}$/gm)].map((m) => Number(m[1]))

async function until(what: string, ok: () => boolean, timeoutMs = 120_000) {
  const end = Date.now() + timeoutMs
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('WORKERS in the configuration', () => {
  it('is refused above 1 without a PostgreSQL server, and outside 1–64', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(ConfigError)
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS=2 needs DATABASE_URL/)
    for (const bad of ['0', '65', 'two', '-1']) expect(() => loadConfig({ WORKERS: bad }), bad).toThrow(ConfigError)
    expect(loadConfig({}).workers).toBe(1)
    const key = crypto.randomBytes(32).toString('base64')
    expect(loadConfig({ WORKERS: '4', DATABASE_URL: 'postgres://u:p@db/x', MASTER_KEY: key }).workers).toBe(4)
  })
})

describe('workers that cannot start', () => {
  it('stop the server with a failure instead of being started again and again', async () => {
    // A PostgreSQL address nobody listens on: every worker fails at its start.
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port
        srv.close(() => resolve(p))
      })
    })
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-workers-bad-'))
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../../api/src/server.ts')], {
        cwd: path.resolve(import.meta.dirname, '../..'),
        env: {
          PATH: process.env.PATH!,
          HOME: process.env.HOME ?? '/tmp',
          WORKERS: '2',
          DATABASE_URL: `postgres://eb:eb@127.0.0.1:${port}/nothing`,
          MASTER_KEY: crypto.randomBytes(32).toString('base64'),
          DATA_DIR: dataDir,
          PORT: '0',
          LOG_LEVEL: 'info',
        },
        encoding: 'utf8',
        timeout: 120_000,
      })
      expect(r.status, r.stderr).toBe(1)
      expect(r.stdout).toMatch(/"msg":"a worker could not start; stopping the server"/)
      expect(r.stdout).not.toMatch(/starting another in its place/)
      expect(r.stderr).toMatch(/could not start: connect ECONNREFUSED/)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})

describe.skipIf(engine() !== 'postgres')('two workers on one port (PostgreSQL)', () => {
  let target: CliTarget
  let server: ServerProcess | undefined
  beforeAll(async () => {
    target = await cliTarget('eb-workers-')
  })
  afterAll(async () => {
    if (server && server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL')
    await target?.close()
  })

  it('both serve; a withdrawal through one is gone from the next request on each; a dead worker is replaced; SIGTERM stops all', async () => {
    const env: Record<string, string> = { ...target.env, SEED_DEMO: '0', WORKER_POLL_MS: '100', WORKERS: '2', LOG_LEVEL: 'info' }
    expect(cli(['migrate'], env).code).toBe(0)
    const password = crypto.randomBytes(12).toString('base64url')
    for (const role of ['photographer', 'curator'])
      expect(cli(['users', 'add', '--email', `${role}@workers.test`, `--password=${password}`, '--role', role], env).code).toBe(0)

    server = await startServer(env)
    const s = server
    await until('both workers', () => s.stdout().includes('"msg":"all workers are listening"'))
    const workers = listeningPids(s.stdout())
    expect(new Set(workers).size).toBe(2)
    expect(workers).not.toContain(s.proc.pid)

    const staff = {
      photographer: { token: await login(s.url, 'photographer@workers.test', password) },
      curator: { token: await login(s.url, 'curator@workers.test', password) },
    } as Staff
    const word = `zeilboot${crypto.randomBytes(3).toString('hex').replace(/[0-9]/g, 'x')}`
    const { photoId, subjectId } = await publishedPhoto({ url: s.url } as TestApp, staff, {
      texts: { captionNl: `Een ${word} op de gracht`, captionEn: `A ${word} on the canal`, altNl: 'Een boot', altEn: 'A boat' },
    })

    // Every worker finds it (each from its own index, fed by the change feed), over fresh connections.
    const search = `${s.url}/v1/search?q=${word}`
    for (let i = 0; i < 8; i++) {
      let found = false
      for (let tries = 0; tries < 50 && !found; tries++) {
        found = (await getFresh(search)).body.hits?.some((h: { id: string }) => h.id === photoId) ?? false
        if (!found) await new Promise((r) => setTimeout(r, 100))
      }
      expect(found, `search ${i}`).toBe(true)
    }
    expect(pidsServing(s.stdout(), '/v1/search')).toEqual(new Set(workers))

    // The withdrawal, answered by one worker; then every next search and detail, on both, leaves it out.
    const withdrawn = await fetch(`${s.url}/v1/photos/${photoId}/people/${subjectId}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.photographer.token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(withdrawn.status).toBe(200)
    const before = s.stdout().length
    // (Searches in a row, then details in a row: the primary hands connections out in turn.)
    for (let i = 0; i < 8; i++) {
      const r = await getFresh(search)
      expect(r.status).toBe(200)
      expect(r.body.hits.map((h: { id: string }) => h.id)).not.toContain(photoId)
    }
    for (let i = 0; i < 8; i++) expect([404, 410]).toContain((await getFresh(`${s.url}/v1/photos/${photoId}`)).status)
    expect(pidsServing(s.stdout().slice(before), '/v1/search')).toEqual(new Set(workers))
    // (Logged paths leave ids out: safePath.)
    expect(pidsServing(s.stdout().slice(before), '/v1/photos/')).toEqual(new Set(workers))

    // A worker killed outright is replaced; the other answers meanwhile, and so does the new one.
    process.kill(workers[1]!, 'SIGKILL')
    await until('a new worker', () => listeningPids(s.stdout()).length === 3)
    const replacement = listeningPids(s.stdout())[2]!
    expect(workers).not.toContain(replacement)
    const afterRestart = s.stdout().length
    for (let i = 0; i < 6; i++) expect((await getFresh(`${s.url}/v1/search?q=boot`)).status).toBe(200)
    expect(pidsServing(s.stdout().slice(afterRestart), '/v1/search')).toEqual(new Set([workers[0]!, replacement]))

    // SIGTERM to the server stops every worker, and it exits 0.
    s.proc.kill('SIGTERM')
    expect((await s.exited).code).toBe(0)
    for (const pid of [workers[0]!, replacement]) expect(alive(pid), `worker ${pid}`).toBe(false)
    expect(s.stdout()).toMatch(/"msg":"a worker exited; starting another in its place"/)
    expect(s.stderr()).not.toMatch(/Unhandled|ERR_/)
  }, 240_000)
})
