/**
 * The demo seed for the embedded default: three demo accounts and the fixture photos (real photographs
 * with free licences, see fixtures/README.md), so that `npm start` on a fresh machine shows a working bank.
 * Runs only on an empty database; never against DATABASE_URL (config.seedDemo is false there).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import { rowsOf, type Db } from './db/client.ts'
import type { AuthService } from './modules/auth/index.ts'
import type { Role } from './modules/auth/auth.table.ts'
import type { PhotosService } from './modules/photos/index.ts'

export const FIXTURE_PHOTOS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/photos')

interface ManifestEntry {
  file: string
  captionNl: string
  captionEn: string
  altNl: string
  altEn: string
  tags: string[]
  series?: string
  credit: string
  place?: string | null
}

export interface SeedResult {
  logins: { email: string; role: Role }[]
  credentialsFile: string
  photos: number
}

const DEMO_USERS: { email: string; role: Role; displayName: string }[] = [
  { email: 'fotograaf@demo.eerlijkbeeld.nl', role: 'photographer', displayName: 'Demo Fotograaf' },
  { email: 'curator@demo.eerlijkbeeld.nl', role: 'curator', displayName: 'Demo Curator' },
  { email: 'beheer@demo.eerlijkbeeld.nl', role: 'admin', displayName: 'Demo Beheer' },
]

export async function seedDemo(deps: { db: Db; auth: AuthService; photos: PhotosService; dataDir: string; tmpDir: string; logger: FastifyBaseLogger }): Promise<SeedResult | null> {
  const [row] = rowsOf<{ n: number }>(await deps.db.execute(sql`select count(*)::int as n from users`))
  if ((row?.n ?? 0) > 0) return null

  // Passwords are random per installation and go to a 0600 file, never to the log.
  const lines: string[] = ['# Eerlijk Beeld demo logins (this installation only). Delete this file when you no longer need it.']
  const ids: Record<string, string> = {}
  for (const u of DEMO_USERS) {
    const password = crypto.randomBytes(12).toString('base64url')
    ids[u.role] = (await deps.auth.createUser({ ...u, password })).id
    lines.push(`${u.role}\t${u.email}\t${password}`)
  }
  const credentialsFile = path.join(deps.dataDir, 'demo-logins.txt')
  fs.writeFileSync(credentialsFile, lines.join('\n') + '\n', { mode: 0o600 })

  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURE_PHOTOS, 'manifest.json'), 'utf8')) as ManifestEntry[]
  const owner = { userId: ids.photographer!, displayName: 'Demo Fotograaf' }
  let n = 0
  for (const m of manifest) {
    const file = path.join(FIXTURE_PHOTOS, m.file)
    const bytes = fs.readFileSync(file)
    await deps.photos.ingest(owner, {
      path: file,
      bytes: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      fields: { captionNl: m.captionNl, captionEn: m.captionEn, altNl: m.altNl, altEn: m.altEn, tags: m.tags, series: m.series ?? 'Demo', credit: m.credit, placeCity: m.place ?? undefined },
    })
    n++
  }
  deps.logger.info({ photos: n, accounts: DEMO_USERS.length }, 'seeded the demo')
  return { logins: DEMO_USERS.map(({ email, role }) => ({ email, role })), credentialsFile, photos: n }
}
