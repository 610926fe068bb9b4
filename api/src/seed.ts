/**
 * The demo seed for the embedded default: four demo accounts (a journalist of the enabled demo newsroom
 * "Demo Redactie", a photographer, a curator, an admin) and the fixture photos (real photographs
 * with free licences, see fixtures/README.md), so that `npm start` on a fresh machine shows a working bank.
 * Runs only on an empty database; never against DATABASE_URL (config.seedDemo is false there).
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyBaseLogger } from 'fastify'
import { type Db } from './db/client.ts'
import { authRepo, type AuthService } from './modules/auth/index.ts'
import type { Role } from './modules/auth/auth.table.ts'
import type { PhotosService } from './modules/photos/index.ts'
import type { Principal } from './modules/auth/index.ts'
import type { ConsentService } from './modules/consent/index.ts'
import { photosRepo, type Publication } from './modules/photos/index.ts'
import type { PortalService } from './modules/portal/index.ts'
import { desksRepo } from './modules/desks/index.ts'

export const FIXTURE_PHOTOS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/photos')

interface ManifestEntry {
  file: string
  captionNl: string
  captionEn: string
  altNl: string
  altEn: string
  /** Keywords in Dutch, and in English. */
  tags: string[]
  tagsEn: string[]
  series?: string
  credit: string
  /** The photographer's public name (the file's Creator). */
  author?: string
  /** The open licence the photo already carries ('CC BY 4.0', …), offered as it is. */
  licence?: string
  place?: string | null
  /** Fictional pseudonyms for the people pictured (demo data); absent: nobody is pictured. */
  people?: string[]
}

export interface SeedResult {
  logins: { email: string; role: Role }[]
  credentialsFile: string
  photos: number
  /** One demo model's personal portal link (the token is in the fragment). */
  portalLink: string | null
}

export const DEMO_LOGINS_FILE = 'demo-logins.txt'

const DEMO_USERS: { email: string; role: Role; displayName: string }[] = [
  { email: 'fotograaf@demo.eerlijkbeeld.nl', role: 'photographer', displayName: 'Demo Fotograaf' },
  { email: 'curator@demo.eerlijkbeeld.nl', role: 'curator', displayName: 'Demo Curator' },
  { email: 'beheer@demo.eerlijkbeeld.nl', role: 'admin', displayName: 'Demo Beheer' },
  { email: 'journalist@demo.eerlijkbeeld.nl', role: 'journalist', displayName: 'Demo Journalist' },
]

/** The manifest's licence names and the open licence versions under licences/. */
const OPEN_LICENCES: Record<string, string> = { 'CC0 1.0': 'cc0@1.0', 'CC BY 4.0': 'cc-by@4.0', 'CC BY-SA 4.0': 'cc-by-sa@4.0', 'CC BY-SA 3.0': 'cc-by-sa@3.0' }

/** The demo journalist's newsroom: enabled, so the journalist can download. */
export const DEMO_ORGANISATION = 'Demo Redactie'

export async function seedDemo(deps: {
  db: Db
  auth: AuthService
  photos: PhotosService
  consent: ConsentService
  publication: Pick<Publication, 'publish'>
  portal: PortalService
  dataDir: string
  tmpDir: string
  logger: FastifyBaseLogger
}): Promise<SeedResult | null> {
  if ((await authRepo.countUsers(deps.db)) > 0) return null

  // Passwords are random per installation and go to a 0600 file, never to the log.
  const lines: string[] = ['# Eerlijk Beeld demo logins (this installation only). Delete this file when you no longer need it.']
  const ids: Record<string, string> = {}
  for (const u of DEMO_USERS) {
    const password = crypto.randomBytes(12).toString('base64url')
    ids[u.role] = (await deps.auth.createUser({ ...u, password })).id
    lines.push(`${u.role}\t${u.email}\t${password}`)
  }
  const org = await desksRepo.insertOrganisation(deps.db, { name: DEMO_ORGANISATION, enabledAt: new Date() })
  await desksRepo.insertMember(deps.db, { userId: ids.journalist!, organisationId: org.id })
  const credentialsFile = path.join(deps.dataDir, DEMO_LOGINS_FILE)
  fs.writeFileSync(credentialsFile, lines.join('\n') + '\n', { mode: 0o600 })

  const manifest = JSON.parse(fs.readFileSync(path.join(FIXTURE_PHOTOS, 'manifest.json'), 'utf8')) as ManifestEntry[]
  const owner = { userId: ids.photographer!, displayName: 'Demo Fotograaf' }
  const as = (role: Role): Principal => ({ userId: ids[role]!, role, displayName: role, sessionId: 'seed', via: 'bearer', organisationId: null })
  let n = 0
  let portalLink: string | null = null
  for (const m of manifest) {
    const file = path.join(FIXTURE_PHOTOS, m.file)
    const bytes = fs.readFileSync(file)
    const { photo } = await deps.photos.ingest(owner, {
      path: file,
      bytes: bytes.length,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      fields: {
        captionNl: m.captionNl,
        captionEn: m.captionEn,
        altNl: m.altNl,
        altEn: m.altEn,
        tags: m.tags,
        tagsEn: m.tagsEn,
        series: m.series ?? 'Demo',
        credit: m.author ?? m.credit,
        placeCity: m.place ?? undefined,
      },
    })
    // The demo goes through the same gate as real photos: people with consent, or the declaration.
    if (m.people?.length) {
      for (const pseudonym of m.people) {
        const subject = await deps.consent.createSubject(as('photographer'), pseudonym)
        await deps.consent.addPerson(photo.id, subject.id, { identifiable: true, identifiabilityAgreed: true, publicPreview: true }, as('photographer'))
        portalLink ??= (await deps.portal.createLink(subject.id, as('admin'))).url
      }
    } else {
      // Open licences are what they are: a photo under CC0 / CC BY / CC BY-SA is offered under exactly that.
      const open = m.licence ? OPEN_LICENCES[m.licence] : undefined
      await deps.photos.update(photo.id, as('photographer'), { noPeople: true, ...(open ? { licence: open } : {}) })
    }
    await deps.publication.publish(photo.id, as('curator'))
    n++
  }
  // The portal link is a live credential (whoever holds it can withdraw consent): it goes to the 0600
  // file with the passwords, never to the log or the terminal (issue 16).
  // Every later start finds it there again (demoInPlace) instead of it being shown once and lost.
  if (portalLink) fs.appendFileSync(credentialsFile, `portal\t${portalLink}\n`)
  deps.logger.info({ photos: n, accounts: DEMO_USERS.length }, 'seeded the demo')
  return { logins: DEMO_USERS.map(({ email, role }) => ({ email, role })), credentialsFile, photos: n, portalLink }
}

/**
 * On a later start: the demo as the seed left it, read back from demo-logins.txt, while the demo data is still
 * in place (the file exists and the demo photographer's account is still there); else null. The passwords
 * stay in the file: only the roles, e-mail addresses, the file's path and the portal link come back.
 */
export async function demoInPlace(deps: { db: Db; dataDir: string }): Promise<SeedResult | null> {
  const credentialsFile = path.join(deps.dataDir, DEMO_LOGINS_FILE)
  let text: string
  try {
    text = fs.readFileSync(credentialsFile, 'utf8')
  } catch {
    return null
  }
  if ((await authRepo.countUsersWithEmail(deps.db, DEMO_USERS[0]!.email)) === 0) return null
  const logins: SeedResult['logins'] = []
  let portalLink: string | null = null
  for (const line of text.split('\n')) {
    const [role, value] = line.split('\t')
    if (role === 'portal' && value?.startsWith('/portal#')) portalLink = value
    else if (DEMO_USERS.some((u) => u.role === role && u.email === value)) logins.push({ role: role as Role, email: value! })
  }
  return { logins, credentialsFile, photos: await photosRepo.countPhotos(deps.db), portalLink }
}
