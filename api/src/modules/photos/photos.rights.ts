/**
 * What a served file says about itself, built from the current state at the moment it is served
 * (DESIGN.md, "Rights travel with the file, and stay true"): the photo's licence now, its credit, its year
 * of publication, the model releases its consent records amount to, its public texts in the served
 * language, and for a download the grant. Nothing from the original file, and no capture date.
 */
import { hash } from 'node:crypto'
import type { GateInputs } from '../consent/index.ts'
import { USES } from '../../../../contract/vocabulary.ts'
import { licenceKind, licenceLabel, type Licence } from '../licences/index.ts'
import { asciiFold, type GrantRights, type LangAlt, type ModelReleaseStatus, type Rights } from '../media/index.ts'
import { keywordsIn } from './photos.keywords.ts'
import type { photos } from './photos.table.ts'

type PhotoRow = typeof photos.$inferSelect
export type Lang = 'nl' | 'en'
export const LANGS: readonly Lang[] = ['nl', 'en']

/** The short IPTC Credit Line: the photographer's public name and the bank, nothing else. */
export const creditLineOf = (credit: string) => `${credit} / Eerlijk Beeld`

/** The year of publication (not of capture, not of upload): a draft shows the year it was made. */
export const copyrightYear = (p: Pick<PhotoRow, 'publishedAt' | 'createdAt'>) => (p.publishedAt ?? p.createdAt).getUTCFullYear()

/**
 * PLUS Model Release Status from the consent records: nobody pictured (declared) → None; everyone's consent covers
 * every use and excludes no topic → Unlimited; otherwise Limited (the usual case in this bank).
 */
export function modelReleaseOf(gate: GateInputs | null, noPeopleDeclared: boolean): ModelReleaseStatus | undefined {
  // No one linked and nobody declared absent (a draft): the file claims nothing either way.
  if (!gate || gate.subjectIds.length === 0) return noPeopleDeclared ? 'none' : undefined
  const all = gate.subjectIds.every((id) => {
    const c = gate.consents.get(id)
    return c && c.state === 'active' && USES.every((u) => c.uses.includes(u)) && c.excludedTopics.length === 0
  })
  return all ? 'unlimited' : 'limited'
}

/** Lang Alt with the served language as x-default, then both languages that have a text. */
function langAlt(nl: string | null, en: string | null, lang: Lang): LangAlt | undefined {
  const first = (lang === 'en' ? en || nl : nl || en)?.trim()
  if (!first) return undefined
  return { 'x-default': first, ...(nl?.trim() ? { nl: nl.trim() } : {}), ...(en?.trim() ? { en: en.trim() } : {}) }
}

export interface RightsGrant {
  id: string
  organisation: string
  use: string
  channel: string
  topic: string | null
  licence: Licence
  createdAt: Date
  /** The last day everyone's consent holds; null for a photo without people. */
  validUntil: string | null
}

export const rightsPageUrl = (origin: string, photoId: string) => `${origin}/rights/${photoId}`
export const grantRightsUrl = (origin: string, grantId: string) => `${origin}/rights/grants/${grantId}`

const WORDS = {
  nl: {
    own: (page: string, check: string) => `Niet vrij te gebruiken: alleen met een download-licentie via ${page}. Controleer vóór elk gebruik ${check}.`,
    open: (terms: string, check: string) => `${terms} Actuele status: ${check}.`,
    grant: (g: RightsGrant, credit: string, check: string) =>
      `Licentie ${g.id} voor ${g.organisation}: gebruik ${g.use}, kanaal ${g.channel}${g.topic ? `, onderwerp ${g.topic}` : ''}, onder ${licenceLabel(g.licence, 'nl')}${g.validUntil ? `, toestemming geldig t/m ${g.validUntil}` : ''}. Naamsvermelding: ${credit}. Controleer vóór elk gebruik ${check} en haal de foto weg als die pagina dat zegt.`,
  },
  en: {
    own: (page: string, check: string) => `Not free to use: only with a download licence from ${page}. Check ${check} before each use.`,
    open: (terms: string, check: string) => `${terms} Current status: ${check}.`,
    grant: (g: RightsGrant, credit: string, check: string) =>
      `Licence ${g.id} for ${g.organisation}: use ${g.use}, channel ${g.channel}${g.topic ? `, topic ${g.topic}` : ''}, under ${licenceLabel(g.licence, 'en')}${g.validUntil ? `, consent valid until ${g.validUntil}` : ''}. Credit: ${credit}. Check ${check} before each use and remove the photo when that page says so.`,
  },
}

/** The rights a file of this photo carries now; with a grant, a download's. */
export function photoRights(
  photo: PhotoRow,
  gate: GateInputs | null,
  licence: Licence | undefined,
  opts: { origin: string; lang: Lang; grant?: RightsGrant; withConsent?: boolean },
): Rights {
  const { origin, lang, grant } = opts
  const terms = grant?.licence ?? licence
  const credit = creditLineOf(photo.credit)
  const check = grant ? grantRightsUrl(origin, grant.id) : rightsPageUrl(origin, photo.id)
  const page = `${origin}/photos/${photo.id}`
  const rights: Rights = {
    creator: photo.credit,
    credit,
    copyright: `© ${copyrightYear(photo)} ${photo.credit}`,
    webStatement: check,
    licensorName: terms?.licensor.name ?? 'Eerlijk Beeld',
    licensorUrl: page,
    description: langAlt(photo.captionNl, photo.captionEn, lang),
    altText: langAlt(photo.altNl, photo.altEn, lang),
    // IPTC Keywords (dc:subject, IIM 2:25) are a plain bag of words with no language alternatives (unlike
    // the caption's Lang Alt): the file carries the served language's list, or the other one when it is empty.
    keywords: keywordsIn(photo, lang),
  }
  const release = opts.withConsent !== false ? modelReleaseOf(gate, photo.noPeopleDeclaredAt !== null) : undefined
  if (release) rights.modelReleaseStatus = release
  if (terms) {
    rights.usageTerms = langAlt(terms.usageTerms.nl, terms.usageTerms.en, lang)
    rights.licenceUrl = terms.deedUrl
  }
  const w = WORDS[lang]
  if (grant) {
    rights.instructions = w.grant(grant, credit, check)
    rights.grant = {
      licensee: grant.organisation,
      licenceId: grant.id,
      grantedOn: grant.createdAt.toISOString().slice(0, 10),
      validUntil: grant.validUntil,
      constraints: `use: ${grant.use}; channel: ${grant.channel}${grant.topic ? `; topic: ${grant.topic}` : ''}`,
      licenceVersion: `${grant.licence.id} ${grant.licence.version}`,
    } satisfies GrantRights
  } else if (terms && licenceKind(terms) === 'open') {
    rights.instructions = w.open(terms.usageTerms[lang], check)
  } else {
    rights.instructions = w.own(page, check)
  }
  return rights
}

/** A short tag of the terms a file carries: part of its ETag, so a change of terms is a change of version. */
export const termsTag = (rights: Rights) => hash('sha256', JSON.stringify(rights), 'base64url').slice(0, 10) // one-shot: no Hash object per view

/** Words of the caption as a URL slug: ASCII letters and digits, at most six words and 48 characters. */
export function slugOf(text: string | null | undefined): string {
  const words = asciiFold(text ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, 6)
  return words.join('-').slice(0, 48).replace(/-+$/, '') || 'foto'
}

/** A name a person can read: eerlijk-beeld-<slug>-<short id>-<preset>.<ext> (the slug from the caption in the served language). */
export function fileNameOf(photo: Pick<PhotoRow, 'id' | 'captionNl' | 'captionEn'>, lang: Lang, preset: string, format: string): string {
  const caption = lang === 'en' ? photo.captionEn || photo.captionNl : photo.captionNl || photo.captionEn
  return `eerlijk-beeld-${slugOf(caption)}-${photo.id.slice(0, 8)}-${preset}.${format === 'jpeg' ? 'jpg' : format}`
}
