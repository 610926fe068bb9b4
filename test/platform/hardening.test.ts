/**
 * The smaller hardening items of issue 16, each against the real thing: the login answer is never cached,
 * cookies are Secure behind https, a loose master key file is refused, PUBLIC_URL is required in production.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../api/src/config.ts'
import { loadMasterKey } from '../../api/src/platform/crypto.ts'
import { startTestApp } from '../support/app.ts'

async function loginHeaders(env: Record<string, string>) {
  const t = await startTestApp(env)
  try {
    const u = await t.user('photographer')
    const r = await fetch(`${t.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: u.email, password: u.password }),
    })
    expect(r.status).toBe(200)
    return r.headers
  } finally {
    await t.close()
  }
}

describe('hardening', () => {
  it('answers a login with Cache-Control: no-store, and Secure cookies when the public address is https', async () => {
    const https = await loginHeaders({ PUBLIC_URL: 'https://beeld.example' })
    expect(https.get('cache-control')).toBe('no-store')
    const cookies = https.getSetCookie()
    expect(cookies).toHaveLength(2)
    for (const c of cookies) expect(c).toMatch(/;\s*Secure/i)
    // Plain http in development: the browser would drop a Secure cookie there.
    const plain = await loginHeaders({})
    expect(plain.get('cache-control')).toBe('no-store')
    for (const c of plain.getSetCookie()) expect(c).not.toMatch(/;\s*Secure/i)
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://intranet.example' }).cookieSecure).toBe(true)
  })

  it('refuses an existing master key file that others can read, and names the fix', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-key-'))
    try {
      const file = path.join(dir, 'master.key')
      fs.writeFileSync(file, Buffer.alloc(32, 3).toString('base64') + '\n', { mode: 0o644 })
      fs.chmodSync(file, 0o644)
      expect(() => loadMasterKey({ file, createIfMissing: false })).toThrow(/can be read by others \(mode 0644\).*chmod 600/)
      fs.chmodSync(file, 0o640)
      expect(() => loadMasterKey({ file, createIfMissing: false })).toThrow(/mode 0640/)
      fs.chmodSync(file, 0o600)
      expect(loadMasterKey({ file, createIfMissing: false }).created).toBeNull()
      // Refused, not silently fixed: the mode is as the operator left it.
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('requires PUBLIC_URL in production with a clear message, and defaults to http://localhost:PORT elsewhere', () => {
    const key = Buffer.alloc(32, 1).toString('base64')
    expect(() => loadConfig({ NODE_ENV: 'production', MASTER_KEY: key })).toThrow(/PUBLIC_URL is required with NODE_ENV=production/)
    expect(loadConfig({ NODE_ENV: 'production', MASTER_KEY: key, PUBLIC_URL: 'https://beeld.example.nl' }).origin).toBe('https://beeld.example.nl')
    expect(loadConfig({ PORT: '4000' })).toMatchObject({ origin: 'http://localhost:4000', publicUrl: undefined })
  })
})
