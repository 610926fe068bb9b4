/**
 * The app as a person meets it: `api/src/server.ts` as its own process (test/support/process.ts) on a
 * fresh data directory with the demo seeded and the built gallery, plus the demo logins and the demo
 * model's portal link it printed.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
/** The staff roles (api/src/modules/auth/auth.table.ts); not imported, to keep the browser tests' types apart. */
export type Role = 'admin' | 'curator' | 'photographer' | 'journalist'
import { startServer, type ServerProcess } from '../../support/process.ts'

export interface Gallery {
  url: string
  server: ServerProcess
  dataDir: string
  logins: Record<Role, { email: string; password: string }>
  /** The demo model's personal link (path + #token), as printed at start. */
  portalLink: string | null
  close(): Promise<void>
}

export async function startGallery(env: Record<string, string> = {}): Promise<Gallery> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'eb-e2e-'))
  // Seeding the demo photos (every derivative) can take minutes on a loaded 2-core machine.
  const server = await startServer({ DATA_DIR: dataDir, SEED_DEMO: '1', ...env }, 230_000)
  // The demo logins and portal link are printed just after the "listening" line that startServer waits for.
  for (let i = 0; i < 50 && !server.stdout().includes('demo-logins.txt'); i++) await new Promise((r) => setTimeout(r, 100))
  const logins = {} as Gallery['logins']
  for (const line of fs.readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8').split('\n')) {
    const [role, email, password] = line.split('\t')
    if (role && email && password && !role.startsWith('#')) logins[role as Role] = { email, password }
  }
  // The portal link is a live credential: never printed, only the 'portal' line of the 0600 logins file.
  const link = /^portal\t\S*?(\/portal#ebp_[\w-]+)$/m.exec(fs.readFileSync(path.join(dataDir, 'demo-logins.txt'), 'utf8'))
  return {
    url: server.url,
    server,
    dataDir,
    logins,
    portalLink: link?.[1] ?? null,
    async close() {
      if (server.proc.exitCode === null) {
        server.proc.kill('SIGTERM')
        await Promise.race([server.exited, new Promise((r) => setTimeout(r, 15_000))])
        if (server.proc.exitCode === null) server.proc.kill('SIGKILL')
      }
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Logs in through the gallery's login form, the way a person does, and waits until the app knows them. */
export async function loginAs(page: Page, gallery: Gallery, role: Role, next = '/') {
  const { email, password } = gallery.logins[role]
  await page.goto(`/login?next=${encodeURIComponent(next)}`)
  await page.getByLabel(/E-mailadres|E-mail address/).fill(email)
  await page.getByLabel(/Wachtwoord|Password/).fill(password)
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click()
  await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).waitFor()
}
