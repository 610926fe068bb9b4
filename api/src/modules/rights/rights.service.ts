/**
 * The live rights check behind every file's Web Statement of Rights: for a photo (/rights/:photoId) and
 * for one download (/rights/grants/:grantId), what holds *now*: may be used under these terms; consent
 * narrowed (what changed); or withdrawn / expired: remove it, by a deadline. A picture desk's CMS can
 * poll it; webhooks still push.
 *
 * It reveals nothing about the people pictured (no pseudonym, no count, no reason in their words: only
 * uses, topics and dates) and nothing about unpublished photos: one that was never published answers
 * exactly as one that never existed.
 */
import type { Db } from '../../db/client.ts'
import { consentRepo, narrowingOf, TOPIC_LABELS, USE_LABELS, type ConsentRow, type Topic, type Use } from '../consent/index.ts'
import { ANONYMOUS, decideUse, todayUtc, type Decision, type Gate, type Permission, type PhotoRecord } from '../gate/index.ts'
import { licenceKind, type Licence } from '../licences/index.ts'
import { Problem } from '../../platform/problems.ts'

type PhotoRow = PhotoRecord['photo']

/** Hours a holder has to take a photo offline after consent ends (each licence text, article on withdrawal). */
export const TAKEDOWN_HOURS = 48
/** A physical exhibition has longer (the licence texts: 7 days). */
export const EXHIBITION_TAKEDOWN_HOURS = 7 * 24

export type RightsStatus = 'available' | 'narrowed' | 'remove'

export const rightsProblems = {
  notFound: () => new Problem(404, 'not-found', 'Not found', 'There is no published photo or download with this id.'),
}

export interface RightsDeps {
  db: Db
  /** The one door (modules/gate): its 'rights' purpose says whether, and under what, a photo may be used now. */
  gate: Pick<Gate, 'check'>
  licence: (ref: string) => Licence | undefined
  origin: string
  /** One download grant by id (modules/downloads owns them). */
  grant: (grantId: string) => Promise<GrantRow | undefined>
}

/** What the rights check reads of a download grant. */
export interface GrantRow {
  id: string
  photoId: string
  organisationId: string
  licence: string
  use: string
  channel: string
  topic: string | null
  createdAt: Date
}

interface Changes {
  since: string
  removedUses: { use: string; label: { nl: string; en: string } }[]
  addedExcludedTopics: { topic: string; label: { nl: string; en: string } }[]
  consentEndsEarlier: string | null
  recognisableUseEnded: boolean
  outletNoLongerPermitted: boolean
}

const MESSAGES = {
  available: { nl: 'Deze foto mag nu gebruikt worden onder de voorwaarden hieronder.', en: 'This photo may be used now under the terms below.' },
  narrowed: {
    nl: 'De toestemming is beperkt. Gebruik die al binnen de nieuwe grenzen valt, mag blijven; controleer wat er veranderde.',
    en: 'Consent was narrowed. Use that is still within the new limits may stay; check what changed.',
  },
  remove: {
    nl: 'Deze foto mag niet meer gebruikt worden. Haal hem weg (online, in archieven, op sociale media) vóór de uiterste datum.',
    en: 'This photo may no longer be used. Remove it (online, in archives, on social media) before the deadline.',
  },
}

const labelUses = (uses: readonly string[]) => uses.map((use) => ({ use, label: USE_LABELS[use as Use] ?? { nl: use, en: use } }))
const labelTopics = (topics: readonly string[]) => topics.map((topic) => ({ topic, label: TOPIC_LABELS[topic as Topic] ?? { nl: topic, en: topic } }))
const addHours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000)

export class RightsService {
  constructor(private readonly deps: RightsDeps) {}

  /**
   * What the gate says of the photo's rights now (under `licence`: a download's): the photo and the
   * permission (null: it may no longer be used), or null when it was erased. Never published (a draft, in
   * review, or withdrawn before publication): as if it never existed.
   */
  async #statement(photoId: string, licence?: string): Promise<{ photo: PhotoRow; permission: Permission | null } | null> {
    const d: Decision = (await this.deps.gate.check([photoId], { kind: 'rights', ...(licence ? { licence } : {}) }, ANONYMOUS)).get(photoId)!
    if (d.ok) return { photo: d.record.photo, permission: d.permission }
    if (d.outcome === 'gone') return null
    throw rightsProblems.notFound()
  }

  async #history(photoId: string): Promise<Map<string, ConsentRow[]>> {
    const rows = await consentRepo.consentHistoryOfPhoto(this.deps.db, photoId)
    const out = new Map<string, ConsentRow[]>()
    for (const r of rows) out.set(r.subjectId, [...(out.get(r.subjectId) ?? []), r])
    return out
  }

  /** What narrowed since `at` across everyone's consent (without saying whose), or null when nothing did. */
  #changesSince(history: Map<string, ConsentRow[]>, at: Date, organisationId = ''): Changes | null {
    const removed = new Set<string>()
    const topics = new Set<string>()
    let endsEarlier: string | null = null
    let recognisable = false
    let outlet = false
    let since: Date | null = null
    for (const versions of history.values()) {
      const before = versions.filter((v) => v.createdAt <= at).at(-1)
      const now = versions.at(-1)
      if (!before || !now || now === before || now.state !== 'active') continue
      const n = narrowingOf(before, now)?.(organisationId)
      if (!n) continue
      for (const u of n.removedUses as string[]) removed.add(u)
      for (const t of n.addedExcludedTopics as string[]) topics.add(t)
      if (typeof n.validUntil === 'string' && (!endsEarlier || n.validUntil < endsEarlier)) endsEarlier = n.validUntil
      recognisable ||= n.recognisableUseEnded === true
      outlet ||= n.outletNoLongerPermitted === true
      const changedAt = versions.filter((v) => v.createdAt > at).find((v) => narrowingOf(before, v))?.createdAt ?? now.createdAt
      if (!since || changedAt > since) since = changedAt
    }
    if (!since) return null
    return {
      since: since.toISOString(),
      removedUses: labelUses([...removed]),
      addedExcludedTopics: labelTopics([...topics]),
      consentEndsEarlier: endsEarlier,
      recognisableUseEnded: recognisable,
      outletNoLongerPermitted: outlet,
    }
  }

  /** When the photo stopped being usable, and whether by withdrawal or by expiry (photo null: it was erased). */
  #ended(
    photo: PhotoRow | null,
    history: Map<string, ConsentRow[]>,
    today: string,
    changes: Changes | null,
  ): { reason: 'withdrawn' | 'expired' | 'narrowed'; at: Date } {
    let expiredOn: string | null = null
    let withdrawnAt = null as Date | null
    for (const versions of history.values()) {
      const now = versions.at(-1)!
      if (now.state === 'withdrawn' && now.reason !== 'expired' && (withdrawnAt === null || now.createdAt.getTime() > withdrawnAt.getTime()))
        withdrawnAt = now.createdAt
      // Expired: by the sweep (a version marked 'expired') or by the calendar before the sweep came by.
      const lastValid =
        now.state === 'withdrawn' && now.reason === 'expired'
          ? versions.filter((v) => v.state === 'active').at(-1)?.validUntil
          : now.state === 'active' && now.validUntil < today
            ? now.validUntil
            : null
      if (lastValid && (!expiredOn || lastValid < expiredOn)) expiredOn = lastValid
    }
    if (withdrawnAt) return { reason: 'withdrawn', at: withdrawnAt }
    // Erased (everyone in it withdrew first, so this is rare): from now.
    if (!photo) return { reason: 'withdrawn', at: new Date() }
    // Consent holds up to and including its last day; the deadline counts from the day after.
    if (expiredOn) return { reason: 'expired', at: addHours(new Date(`${expiredOn}T00:00:00Z`), 24) }
    // Narrowed so far that no use is left (or recognisability no longer agreed).
    if (changes) return { reason: 'narrowed', at: new Date(changes.since) }
    return { reason: 'withdrawn', at: photo.withdrawnAt ?? photo.updatedAt }
  }

  #licenceView(l: Licence | undefined) {
    if (!l) return null
    return { id: l.id, version: l.version, kind: licenceKind(l), title: { ...l.title }, summary: { ...l.summary }, url: l.deedUrl }
  }

  /** GET /rights/:photoId */
  async photo(photoId: string) {
    const statement = await this.#statement(photoId)
    const history = await this.#history(photoId)
    const photo = statement?.photo ?? null
    const base = {
      photoId,
      checkedAt: new Date().toISOString(),
      photoPage: `${this.deps.origin}/photos/${photoId}`,
      licence: photo ? this.#licenceView(this.deps.licence(photo.licence)) : null,
    }
    const p = statement?.permission
    if (photo && p) {
      return { ...base, ...covered(p, this.#changesSince(history, photo.publishedAt!)) }
    }
    const changes = photo ? this.#changesSince(history, photo.publishedAt!) : null
    return { ...base, ...ended(this.#ended(photo, history, todayUtc(), changes), changes, TAKEDOWN_HOURS) }
  }

  /** GET /rights/grants/:grantId: the same, for what this one download may do. */
  async grant(grantId: string) {
    const grant = await this.deps.grant(grantId)
    if (!grant) throw rightsProblems.notFound()
    // A grant keeps the licence it was given under; only the consent of the people pictured can end it.
    const statement = await this.#statement(grant.photoId, grant.licence)
    const photo = statement?.photo ?? null
    const history = await this.#history(grant.photoId)
    const licence = this.deps.licence(grant.licence)
    const hours = grant.use === 'exhibition' ? EXHIBITION_TAKEDOWN_HOURS : TAKEDOWN_HOURS
    const base = {
      photoId: grant.photoId,
      grant: {
        id: grant.id,
        use: grant.use,
        channel: grant.channel,
        topic: grant.topic,
        grantedOn: grant.createdAt.toISOString().slice(0, 10),
        licence: grant.licence,
      },
      checkedAt: new Date().toISOString(),
      photoPage: `${this.deps.origin}/photos/${grant.photoId}`,
      licence: this.#licenceView(licence),
    }
    const changes = this.#changesSince(history, grant.createdAt, grant.organisationId)
    const p = statement?.permission
    if (photo && p) {
      const d = decideUse(p, { use: grant.use as Use, topic: grant.topic as Topic | null, outletId: grant.organisationId })
      if (d.allowed) return { ...base, ...covered(p, changes) }
      // Narrowed so far that this download's use is no longer covered: remove, counted from the change.
      const since = changes ? new Date(changes.since) : new Date()
      return {
        ...base,
        status: 'remove' as const,
        reason: 'narrowed' as const,
        message: MESSAGES.remove,
        permittedUses: labelUses(p.uses),
        excludedTopics: labelTopics(p.excludedTopics),
        consentValidUntil: p.validUntil,
        changes,
        removeBy: addHours(since, hours).toISOString(),
      }
    }
    return { ...base, ...ended(this.#ended(photo, history, todayUtc(), changes), changes, hours) }
  }
}

/** Still covered: available, or narrowed since (the changes say what). */
function covered(p: Permission, changes: Changes | null) {
  const status: RightsStatus = changes ? 'narrowed' : 'available'
  return {
    status,
    reason: changes ? ('narrowed' as const) : null,
    message: MESSAGES[status],
    permittedUses: labelUses(p.uses),
    excludedTopics: labelTopics(p.excludedTopics),
    consentValidUntil: p.validUntil,
    changes,
    removeBy: null,
  }
}

/** No longer covered at all (withdrawn, expired, erased, unpublished): remove within `hours` of the end. */
function ended(end: { reason: 'withdrawn' | 'expired' | 'narrowed'; at: Date }, changes: Changes | null, hours: number) {
  return {
    status: 'remove' as const,
    reason: end.reason,
    message: MESSAGES.remove,
    permittedUses: [] as ReturnType<typeof labelUses>,
    excludedTopics: [] as ReturnType<typeof labelTopics>,
    consentValidUntil: null,
    changes: end.reason === 'withdrawn' ? null : changes,
    removeBy: addHours(end.at, hours).toISOString(),
  }
}

export type PhotoRightsView = Awaited<ReturnType<RightsService['photo']>>
export type GrantRightsView = Awaited<ReturnType<RightsService['grant']>>
