import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, login, startServer, type ServerProcess } from './support/process.ts'

// The embedded default exactly as a newcomer meets it: no configuration but a fresh DATA_DIR.
describe('npm start on an empty data directory', () => {
  let dataDir: string
  let server: ServerProcess
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-start-'))
    // Seeding the demo photos (every derivative) can take minutes on a loaded 2-core machine.
    server = await startServer({ DATA_DIR: dataDir }, 230_000)
  }, 240_000)
  afterAll(async () => {
    if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('creates a master key (0600) and says so in the log, without the key', () => {
    const keyFile = path.join(dataDir, 'master.key')
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600)
    const key = fs.readFileSync(keyFile, 'utf8').trim()
    expect(Buffer.from(key, 'base64')).toHaveLength(32)
    expect(server.stdout()).toContain('created a new master key')
    expect(server.stdout()).not.toContain(key)
  })

  it('seeds the demo and prints how to log in, with passwords only in a 0600 file', async () => {
    const credentials = path.join(dataDir, 'demo-logins.txt')
    expect(server.stdout()).toContain(credentials)
    expect(fs.statSync(credentials).mode & 0o777).toBe(0o600)
    const line = fs
      .readFileSync(credentials, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('photographer\t'))!
    const [, email, password] = line.split('\t')
    expect(server.stdout()).not.toContain(password!)
    const token = await login(server.url, email!, password!)
    const list = (await (await fetch(`${server.url}/v1/photos?limit=100`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      items: { caption: { nl: string; en: string }; derivatives: unknown[]; credit: string }[]
    }
    const manifest = JSON.parse(fs.readFileSync('fixtures/photos/manifest.json', 'utf8')) as unknown[]
    expect(list.items).toHaveLength(manifest.length)
    for (const p of list.items) {
      expect(p.caption.nl).toBeTruthy()
      expect(p.caption.en).toBeTruthy()
      expect(p.derivatives.length).toBeGreaterThanOrEqual(2)
      // Published through the gate, with consent (or the declaration) allowing a public preview.
      expect((p as unknown as { status: string }).status).toBe('published')
      const anon = await fetch(`${server.url}/v1/photos/${(p as unknown as { id: string }).id}`)
      expect(anon.status).toBe(200)
    }
  })

  it('seeds a demo journalist who acts for the enabled demo newsroom', async () => {
    const line = fs
      .readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('journalist\t'))!
    const [, email, password] = line.split('\t')
    expect(email).toBe('journalist@demo.eerlijkbeeld.nl')
    const token = await login(server.url, email!, password!)
    const me = (await (await fetch(`${server.url}/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
      user: { role: string }
      organisationId: string | null
    }
    expect(me.user.role).toBe('journalist')
    // organisationId is set only for an enabled organisation (auth.service.ts).
    expect(me.organisationId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("keeps the demo model's portal link in the 0600 file, never in the output, and the link opens their portal", async () => {
    expect(server.stdout()).toMatch(/Portaal van een demo-model \(fictief\): de regel "portal" in /)
    const line = fs
      .readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('portal\t'))!
    const m = /^portal\t(\S*)#(ebp_[\w-]+)$/.exec(line)
    expect(m).not.toBeNull()
    expect(m![1]).toBe('/portal')
    // Never in what the server wrote (its log lines and the banner).
    expect(server.stdout() + server.stderr()).not.toContain(m![2]!.slice(4))
    const portal = await fetch(`${server.url}/v1/portal`, { headers: { authorization: `Bearer ${m![2]}` } })
    expect(portal.status).toBe(200)
    const body = (await portal.json()) as { pseudonym: string; photos: { status: string; consentInWords: { nl: string } }[] }
    expect(body.pseudonym).toBe('Nova (demo, fictief)')
    expect(body.photos).toHaveLength(1)
    expect(body.photos[0]!.status).toBe('published')
    expect(body.photos[0]!.consentInWords.nl).toContain('Iedereen mag een kleine versie zien')
  })

  it('finds at least three demo photos for sekswerker and for sex worker', async () => {
    for (const [q, lang] of [
      ['sekswerker', 'nl'],
      ['sex worker', 'en'],
    ] as const) {
      // The search index is filled by the background worker just after the seed: wait for it.
      const about = async () => {
        const r = (await (await fetch(`${server.url}/v1/search?q=${encodeURIComponent(q)}&lang=${lang}&limit=24`)).json()) as {
          total: number
          hits: { caption: { nl: string; en: string } }[]
        }
        return r.hits.filter((h) => /sekswerk|sex work/i.test(`${h.caption.nl} ${h.caption.en}`)).length
      }
      await expect.poll(about, { timeout: 60_000, interval: 500, message: q }).toBeGreaterThanOrEqual(3)
    }
  })

  it('seeds English keywords beside the Dutch ones: search finds a demo photo by an English keyword alone, and the photo serves them', async () => {
    // 'commute' is only in the bridge photo's English keywords (not in any caption or alt text).
    const find = async () => {
      const r = (await (await fetch(`${server.url}/v1/search?q=commute&lang=en`)).json()) as { hits: { id: string; highlights: { tags?: string } }[] }
      return r.hits
    }
    await expect.poll(async () => (await find()).length, { timeout: 60_000, interval: 500 }).toBe(1)
    const [hit] = await find()
    expect(hit!.highlights.tags).toMatch(/<mark>commute<\/mark>/)
    const en = (await (await fetch(`${server.url}/v1/photos/${hit!.id}?lang=en`)).json()) as { tags: string[]; keywords: { nl: string[]; en: string[] } }
    expect(en.tags).toEqual(['bridge', 'cables', 'sky', 'water', 'on the way', 'commute'])
    expect(en.keywords.nl).toEqual(['brug', 'kabels', 'lucht', 'water', 'onderweg', 'woon-werkverkeer'])
    const nl = (await (await fetch(`${server.url}/v1/photos/${hit!.id}`)).json()) as { tags: string[] }
    expect(nl.tags).toEqual(en.keywords.nl)
  })

  it("keeps the demo model's portal link in the 0600 logins file, not in the log", () => {
    const text = fs.readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8')
    const link = /^portal\t(\/portal#ebp_[\w-]+)$/m.exec(text)
    expect(link).not.toBeNull()
    // Printed to stdout as the banner, never inside a pino log line.
    const logLines = server
      .stdout()
      .split('\n')
      .filter((l) => l.startsWith('{'))
    expect(logLines.length).toBeGreaterThan(0)
    for (const l of logLines) expect(l).not.toContain(link![1]!.split('#')[1])
  })

  it('answers /healthz, /readyz and the web page on the same port', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' })
    const page = await fetch(`${server.url}/`)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('Eerlijk Beeld')
  })

  it('keeps the CLI off the data directory while the server runs', () => {
    const r = cli(['users', 'add', '--email', 'x@test.example', '--password', 'long-enough-password', '--role', 'curator'], { DATA_DIR: dataDir })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toContain('in use')
  })

  it('shuts down gracefully on SIGTERM, and then the CLI works on the same data', async () => {
    server.proc.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false)
    const r = cli(['users', 'add', '--email', 'Editor@Test.example', '--password', 'long-enough-password', '--role', 'curator'], { DATA_DIR: dataDir })
    expect(r.code, r.stderr).toBe(0)
    expect(r.last).toMatch(/^[0-9a-f-]{36}$/)
    // Seeding twice does nothing.
    const again = cli(['seed'], { DATA_DIR: dataDir })
    expect(again.code, again.stderr).toBe(0)
    expect(again.last).toContain('not seeded')
  })

  it('prints the demo logins and the portal link again on the next start, while the demo is in place', async () => {
    const link = /^portal\t(\S+)$/m.exec(fs.readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8'))![1]!
    const again = await startServer({ DATA_DIR: dataDir })
    try {
      for (let i = 0; i < 50 && !again.stdout().includes('demo-logins.txt'); i++) await new Promise((r) => setTimeout(r, 100))
      expect(again.stdout()).not.toContain('seeded the demo')
      expect(again.stdout()).toContain(path.join(dataDir, 'demo-logins.txt'))
      // The link itself stays in the 0600 file (a live credential): the banner says where it is.
      expect(again.stdout()).toContain(`Portaal van een demo-model (fictief): de regel "portal" in ${path.join(dataDir, 'demo-logins.txt')}`)
      expect(again.stdout()).not.toContain(link.split('#')[1]!)
    } finally {
      again.proc.kill('SIGTERM')
      await again.exited
    }
  })
})

describe('configuration errors', () => {
  it('refuses to start with a clear message, and never echoes a secret', async () => {
    const secret = 'postgres://user:hunter2-secret@127.0.0.1:1/x'
    await expect(startServer({ PORT: 'not-a-port', DATABASE_URL: secret, DATA_DIR: os.tmpdir() }, 60_000)).rejects.toThrow(/PORT: must be integer/)
    await expect(startServer({ DATABASE_URL: secret, DATA_DIR: os.tmpdir() }, 60_000)).rejects.toThrow(/MASTER_KEY or MASTER_KEY_FILE is required/)
    try {
      await startServer({ DATABASE_URL: 'not a url', MASTER_KEY: crypto.randomBytes(32).toString('base64'), DATA_DIR: os.tmpdir() }, 60_000)
    } catch (e) {
      expect(String(e)).toContain('DATABASE_URL: invalid value (not shown)')
      expect(String(e)).not.toContain('hunter2')
    }
  })
})

describe('the CLI', () => {
  it('adds users and prints the id last; refuses bad input with a usage message', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-cli-'))
    try {
      const env = { DATA_DIR: dataDir, SEED_DEMO: '0' }
      expect(cli(['migrate'], env).last).toBe('migrations applied')
      const ok = cli(['users', 'add', '--email', 'p@test.example', '--password', 'long-enough-password', '--role', 'photographer', '--name', 'Sam V.'], env)
      expect(ok.code, ok.stderr).toBe(0)
      expect(ok.last).toMatch(/^[0-9a-f-]{36}$/)
      expect(ok.stdout + ok.stderr).not.toContain('long-enough-password')
      const dup = cli(['users', 'add', '--email', 'P@test.example', '--password', 'long-enough-password', '--role', 'photographer'], env)
      expect(dup.code).toBe(1)
      expect(dup.stderr).toContain('exists already')
      const role = cli(['users', 'add', '--email', 'q@test.example', '--password', 'long-enough-password', '--role', 'god'], env)
      expect(role.code).toBe(64)
      expect(role.stderr).toContain('usage')
      const short = cli(['users', 'add', '--email', 'q@test.example', '--password', 'short', '--role', 'curator'], env)
      expect(short.code).toBe(1)
      expect(short.stderr).toContain('at least 12')
      expect(cli(['frobnicate'], env).code).toBe(64)
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000) // six CLI processes, each opening PGlite: over a minute on a loaded 2-core machine
})
