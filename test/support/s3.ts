import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** s3rver's fixed test credentials (its README): not a secret. */
const KEY = 'S3RVER'
const ROOT = path.resolve(import.meta.dirname, '../..')

export interface S3Target {
  endpoint: string
  bucket: string
  /** The configuration (config.ts names) that points the app at this bucket. */
  env: Record<string, string>
  close(): Promise<void>
}

// Runs in its own process: s3rver 3.7.1 makes its list continuation tokens with DES, which OpenSSL 3
// (Node 17+) only has with --openssl-legacy-provider (without it every truncated listing is a 500).
const RUNNER = `
const S3rver = require('s3rver')
const [directory, bucket] = process.argv.slice(1)
new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] })
  .run()
  .then((a) => console.log(JSON.stringify({ port: a.port })))
process.on('SIGTERM', () => process.exit(0))
`

/**
 * An S3-compatible server for a test: s3rver (pure npm, objects as files in a temp folder) on a free
 * loopback port, with one bucket, in a process of its own. It has no versioning, multipart abort or
 * listing of uploads; the S3 store uses none of them.
 */
export async function startS3rver(bucket = 'eb-test'): Promise<S3Target> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-s3rver-'))
  const proc = spawn(process.execPath, ['--openssl-legacy-provider', '-e', RUNNER, directory, bucket], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  let err = ''
  proc.stderr!.on('data', (b: Buffer) => (err += b.toString()))
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => (proc.kill('SIGKILL'), reject(new Error(`s3rver did not start:\n${err}`))), 30_000)
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /\{"port":(\d+)\}/.exec(out)
      if (m) clearTimeout(timer), resolve(Number(m[1]))
    })
    void exited.then(() => (clearTimeout(timer), reject(new Error(`s3rver exited:\n${err}`))))
  })
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: { BLOB_STORE: 's3', S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: 'us-east-1', S3_ACCESS_KEY_ID: KEY, S3_SECRET_ACCESS_KEY: KEY },
    async close() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      await exited
      fs.rmSync(directory, { recursive: true, force: true })
    },
  }
}

/** A real S3-compatible service named by the environment (MinIO, Garage, AWS), or undefined. */
export function configuredS3(): S3Target | undefined {
  const e = process.env
  if (!e.S3_ENDPOINT || !e.S3_BUCKET) return undefined
  const env: Record<string, string> = { BLOB_STORE: 's3', S3_BUCKET: e.S3_BUCKET, S3_ENDPOINT: e.S3_ENDPOINT, S3_REGION: e.S3_REGION ?? 'us-east-1' }
  for (const k of ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const) if (e[k]) env[k] = e[k]
  return { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, env, close: async () => {} }
}
