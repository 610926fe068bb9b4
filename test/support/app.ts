import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import type { FastifyBaseLogger } from 'fastify'
import { loadConfig } from '../../api/src/config.ts'
import { loggerOptions } from '../../api/src/platform/logger.ts'
import type { Role } from '../../api/src/modules/auth/index.ts'
import { startRuntime, type Runtime } from '../../api/src/runtime.ts'
import { createTestDatabase } from './db.ts'

export interface TestApp {
  rt: Runtime
  /** Base URL of the real HTTP server on loopback. */
  url: string
  dataDir: string
  /** Creates a user with the role and logs in over HTTP; returns its bearer token and id. */
  user(role: Role, name?: string): Promise<{ id: string; token: string; csrfToken: string; email: string; password: string }>
  close(): Promise<void>
}

/** The whole app on a fresh database and a temp DATA_DIR, listening on a random loopback port. */
export async function startTestApp(env: Record<string, string> = {}, opts: { logLines?: string[] } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-app-'))
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SEED_DEMO: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER_POLL_MS: '50',
    PORT: '0',
    // Generous limits, so tests that make many requests aren't cut off by the rate limiter; the limiter's
    // own tests (test/modules/desks/rate-limit.test.ts) pass small ones.
    API_RATE_LIMIT_PER_MINUTE: '100000',
    SESSION_RATE_LIMIT_PER_MINUTE: '100000',
    ANONYMOUS_RATE_LIMIT_PER_MINUTE: '100000',
    ...env,
  })
  const database = await createTestDatabase()
  // With logLines, every log line (at trace level, redaction on) is kept for the test to inspect.
  const logger = opts.logLines
    ? (pino({ ...loggerOptions({ logLevel: 'trace' }) }, { write: (line: string) => void opts.logLines!.push(line) }) as unknown as FastifyBaseLogger)
    : undefined
  const rt = await startRuntime(config, { database, keepDatabase: true, logger })
  const address = await rt.app.listen({ host: '127.0.0.1', port: 0 })
  let n = 0
  return {
    rt,
    url: address,
    dataDir,
    async user(role, name) {
      const email = `${role}-${++n}-${crypto.randomBytes(3).toString('hex')}@test.example`
      const password = crypto.randomBytes(12).toString('base64url')
      const { id } = await rt.auth.createUser({ email, password, role, displayName: name ?? `${role} ${n}` })
      const res = await fetch(`${address}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      if (res.status !== 200) throw new Error(`login failed: ${res.status}`)
      const body = (await res.json()) as { token: string; csrfToken: string }
      return { id, token: body.token, csrfToken: body.csrfToken, email, password }
    },
    async close() {
      await rt.close()
      await database.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
}

/** Posts a multipart upload over real HTTP. */
export async function upload(
  t: TestApp,
  token: string,
  file: string | { name: string; bytes: Buffer; type?: string },
  fields: Record<string, string | string[]> = {},
) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) form.append(k, x)
  const f = typeof file === 'string' ? { name: path.basename(file), bytes: fs.readFileSync(file), type: 'image/jpeg' } : file
  form.append('file', new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name)
  const res = await fetch(`${t.url}/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
  const body = (await res.json()) as Record<string, unknown>
  return { res, body }
}

export interface ApiResponse {
  status: number
  headers: Headers
  text: string
  body: Record<string, any>
}

/** One HTTP call to the app as a client would make it: a bearer token (or none) and a JSON or form body. */
export async function request(t: TestApp, method: string, url: string, token: string | null, body?: unknown): Promise<ApiResponse> {
  const json = body !== undefined && !(body instanceof FormData)
  const res = await fetch(`${t.url}${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as FormData),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : {} }
}
