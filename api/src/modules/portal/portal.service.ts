import type { Db, DbOrTx } from '../../db/client.ts'
import { randomToken, sha256 } from '../../platform/crypto.ts'
import type { LedgerPort } from '../../platform/ledger.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import type { AuditLog } from '../audit/index.ts'
import {
  consentRepo,
  describeConsent,
  describeRenewal,
  describeWidenings,
  todayUtc,
  type ConsentInput,
  type ConsentService,
  type ProposalView,
} from '../consent/index.ts'
import { downloadsRepo } from '../downloads/index.ts'
import type { PhotosService } from '../photos/index.ts'
import { personCaller, type Gate } from '../gate/index.ts'
import { erasureRepo } from '../erasure/index.ts'
import * as repo from './portal.repo.ts'
import { noticesRepo } from '../webhooks/index.ts'

export const TOKEN_PREFIX = 'ebp_'
/** The sizes the person's own preview may use, smallest first (PhotosService.previewForSubject serves these). */
const PORTAL_PRESETS = ['thumb', 'small'] as const

export const portalProblems = {
  invalidLink: () =>
    new Problem(
      401,
      'portal-link-invalid',
      'This link does not work',
      'The link is wrong, was replaced by a newer one, or was revoked. Ask the consent officer for a new link.',
    ),
  photoNotYours: () => new Problem(404, 'photo-not-found', 'Photo not found', 'There is no photo of you with this id.'),
  confirm: () => new Problem(400, 'confirmation-required', 'Please confirm', 'Send {"confirm": true} to confirm this step.'),
  subjectNotFound: () => new Problem(404, 'subject-not-found', 'Person not found', 'There is no person with this id.'),
  noLiveLink: () =>
    new Problem(404, 'portal-link-not-found', 'No live link', 'This person has no portal link that works now: nothing was revoked.', {
      words: { nl: 'Deze persoon heeft geen werkende link: er is niets ingetrokken.', en: 'This person has no working link: nothing was revoked.' },
    }),
}

export class PortalService {
  constructor(
    private readonly deps: {
      db: Db
      consent: ConsentService
      photos: PhotosService
      gate: Gate
      audit: AuditLog
      publicUrl: string | undefined
      linkDays: number
      ledger?: LedgerPort
    },
  ) {}

  /** A new personal link for a person; any older live link stops working. The token is shown once. */
  async createLink(subjectId: string, admin: Principal): Promise<{ token: string; url: string }> {
    const token = `${TOKEN_PREFIX}${randomToken(32)}`
    let rotated: string[] = []
    await this.deps.db.transaction(async (tx) => {
      // FOR SHARE: an erasure (which revokes every link) can't commit between this check and the new link.
      const s = await consentRepo.subjectById(tx, subjectId, { lock: 'share' })
      if (!s || s.erased) throw portalProblems.subjectNotFound()
      rotated = await repo.revokeLiveLinksOf(tx, subjectId)
      await repo.insertLink(tx, {
        subjectId,
        tokenHash: sha256(token),
        createdBy: admin.userId,
        expiresAt: new Date(Date.now() + this.deps.linkDays * 86_400_000),
      })
    })
    if (rotated.length) await this.deps.ledger?.record({ kind: 'portal-links-revoked', linkIds: rotated })
    // The token travels in the fragment: browsers never send it to a server or put it in a Referer.
    return { token, url: `${this.deps.publicUrl ?? ''}/portal#${token}` }
  }

  async revoke(subjectId: string): Promise<number> {
    const ids = await repo.revokeLiveLinksOf(this.deps.db, subjectId)
    // Outside the database too, so a restored backup cannot open the link again (platform/ledger.ts).
    if (ids.length) await this.deps.ledger?.record({ kind: 'portal-links-revoked', linkIds: ids })
    return ids.length
  }

  /** An erasure's part, in its transaction: every live link of the person revoked (the erasure itself goes to the ledger). */
  async revokeAllOf(tx: DbOrTx, subjectId: string): Promise<number> {
    return (await repo.revokeLiveLinksOf(tx, subjectId)).length
  }

  /** Re-applying the ledger after a restore: these links stay revoked, whatever the restored rows say. */
  async revokeLinks(ids: string[]): Promise<number> {
    if (!ids.length) return 0
    return (await repo.revokeLinks(this.deps.db, ids)).length
  }

  /** The latest link's state, for the admin (the token itself is never stored, so never shown again). */
  async linkStatus(subjectId: string) {
    const s = await consentRepo.subjectById(this.deps.db, subjectId)
    if (!s) throw portalProblems.subjectNotFound()
    const link = await repo.latestLinkOf(this.deps.db, subjectId)
    const iso = (d: Date | null | undefined) => d?.toISOString() ?? null
    if (!link) return { state: 'none' as const, createdAt: null, expiresAt: null, lastUsedAt: null, revokedAt: null }
    const state: 'revoked' | 'expired' | 'active' = link.revokedAt ? 'revoked' : link.expiresAt.getTime() <= Date.now() ? 'expired' : 'active'
    return { state, createdAt: iso(link.createdAt), expiresAt: iso(link.expiresAt), lastUsedAt: iso(link.lastUsedAt), revokedAt: iso(link.revokedAt) }
  }

  async authenticate(token: string): Promise<{ subjectId: string } | null> {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null
    return (await repo.liveLinkUsedNow(this.deps.db, sha256(token))) ?? null
  }

  async #own(subjectId: string, photoId: string) {
    if (!(await consentRepo.isPersonInPhoto(this.deps.db, subjectId, photoId))) throw portalProblems.photoNotYours()
  }

  /** Everything about the person's photos: previews (also unpublished), consent in plain words, usage. */
  async overview(subjectId: string) {
    const subject = await consentRepo.subjectById(this.deps.db, subjectId)
    const rows = (await consentRepo.photosOfSubject(this.deps.db, subjectId)).map((photo) => ({ photo }))
    const ids = rows.map((r) => r.photo.id)
    const [current, previews] = await Promise.all([
      this.deps.consent.currentConsents(this.deps.db, ids),
      this.deps.gate.check(ids, { kind: 'portal-preview', preset: 'small' }, personCaller(subjectId)),
    ])
    const grants = ids.length ? await downloadsRepo.usageOfPhotos(this.deps.db, ids) : []
    const notices = ids.length ? await noticesRepo.noticesOfPhotos(this.deps.db, ids) : []
    // A notice nothing can carry (no webhook, e-mail waiting for a mail server) is the bank's to pass on by hand.
    const carried = new Set<string>()
    if (notices.length) {
      const ds = await noticesRepo.deliveryStatesOfNotices(
        this.deps.db,
        notices.map((n) => n.id),
      )
      for (const d of ds) if (d.state !== 'waiting') carried.add(d.noticeId)
    }
    const renewals = await this.#openRenewals(subjectId)
    // The preview is the largest of the small sizes that exists (a 512 px photo has a thumb but no `small`),
    // read from the gate's record of the photo.
    const previewSize = new Map<string, string>()
    for (const [id, d] of previews) {
      if (!d.ok) continue
      const have = PORTAL_PRESETS.filter((x) => d.presets.includes(x) && d.record.derivatives.some((r) => r.preset === x && r.format === 'jpeg'))
      if (have.length) previewSize.set(id, have[have.length - 1]!)
    }
    const proposals = await this.deps.consent.proposals(this.deps.db, { photoIds: ids, subjectId })
    const today = todayUtc()
    const base = this.deps.publicUrl ?? ''
    return {
      pseudonym: subject?.pseudonym ?? '',
      photos: rows.map(({ photo: p }) => {
        const c = current.get(p.id)?.get(subjectId) ?? null
        // A question still stands while the consent it asked about still ends on that day and can be renewed.
        const askedAt = c && c.state === 'active' && p.status !== 'withdrawn' && c.validUntil >= today ? renewals.get(`${p.id}/${c.validUntil}`) : undefined
        return {
          id: p.id,
          status: p.status,
          caption: { nl: p.captionNl, en: p.captionEn },
          alt: { nl: p.altNl, en: p.altEn },
          credit: p.credit,
          // The gate decides whether the person may preview it; the size is the largest small one that exists.
          preview: previews.get(p.id)?.ok && previewSize.has(p.id) ? `${base}/v1/portal/photos/${p.id}/media/${previewSize.get(p.id)}.jpeg` : null,
          consent: c,
          consentInWords: c ? describeConsent(c) : null,
          renewal: c && askedAt ? { validUntil: c.validUntil, askedAt: askedAt.toISOString(), inWords: describeRenewal(c.validUntil) } : null,
          /** Wider consents proposed by the photographer or admin: pending ones wait for the person's answer. */
          proposals: proposals.filter((x) => x.photoId === p.id).map(proposalForPerson),
          usage: grants.filter((g) => g.photoId === p.id).map(({ photoId: _p, at, ...g }) => ({ ...g, at: at.toISOString() })),
          /** Per organisation that holds it: was the takedown notice queued, delivered, acknowledged? */
          notices: notices
            .filter((n) => n.photoId === p.id)
            .map(({ id, photoId: _p, at, deliveredAt, acknowledgedAt, ...n }) => ({
              ...n,
              reachable: carried.has(id),
              at: at.toISOString(),
              deliveredAt: deliveredAt?.toISOString() ?? null,
              acknowledgedAt: acknowledgedAt?.toISOString() ?? null,
            })),
        }
      }),
    }
  }

  /** Open renewal questions by photo and last day, with when the person was first asked. */
  async #openRenewals(subjectId: string): Promise<Map<string, Date>> {
    const rows = await consentRepo.openRenewalRequests(this.deps.db, subjectId)
    const out = new Map<string, Date>()
    for (const r of rows) {
      const key = `${r.photoId}/${r.validUntil}`
      const seen = out.get(key)
      if (!seen || r.createdAt < seen) out.set(key, r.createdAt)
    }
    return out
  }

  /** The gate decides (its portal-preview purpose): their own photos only, previews whatever the state. */
  async media(subjectId: string, photoId: string, file: string) {
    return this.deps.photos.previewForSubject(subjectId, photoId, file)
  }

  async changeConsent(subjectId: string, photoId: string, input: ConsentInput) {
    await this.#own(subjectId, photoId)
    const c = await this.deps.consent.changeConsentBySubject(photoId, subjectId, input)
    return { consent: c, consentInWords: describeConsent(c) }
  }

  /** The person accepts or declines a proposal: only their own, only while it still applies. */
  async answerProposal(subjectId: string, proposalId: string, answer: 'accept' | 'decline') {
    const r = await this.deps.consent.answerProposal(subjectId, proposalId, answer)
    return { consent: r.consent, consentInWords: describeConsent(r.consent), proposal: proposalForPerson(r.proposal!) }
  }

  /** Renewal: a new version with a later last day (default three years from today), made by the person. */
  async renew(subjectId: string, photoId: string, validUntil: string | undefined) {
    await this.#own(subjectId, photoId)
    const c = await this.deps.consent.renew(photoId, subjectId, validUntil)
    return { consent: c, consentInWords: describeConsent(c) }
  }

  async withdraw(subjectId: string, photoId: string) {
    await this.#own(subjectId, photoId)
    await this.deps.consent.withdraw(photoId, subjectId, { kind: 'subject', id: subjectId })
  }

  /**
   * What happened to the person's photos, from the audit trail. Other people in the same photo appear
   * only as "someone else": their ids are not this person's business.
   */
  async events(subjectId: string) {
    const ids = await consentRepo.photoIdsOfSubject(this.deps.db, subjectId)
    const events = await this.deps.audit.forPhotos(ids, { limit: 1000 })
    return events.map((e) => ({
      at: e.at,
      type: e.type,
      photoId: e.photoId,
      aboutYou: e.subjectId === subjectId,
      by:
        e.actor.kind === 'subject'
          ? e.actor.id === subjectId
            ? 'you'
            : 'someone-else-in-the-photo'
          : e.actor.kind === 'user'
            ? 'eerlijk-beeld'
            : e.actor.kind,
    }))
  }

  async requestErasure(subjectId: string) {
    const row = (await erasureRepo.openRequestOf(this.deps.db, subjectId)) ?? (await erasureRepo.insertRequest(this.deps.db, subjectId))
    return { id: row.id, requestedAt: row.requestedAt.toISOString() }
  }
}

/** A proposal as the person reads it: what it would allow, in their words, and what it widens. */
function proposalForPerson(p: ProposalView) {
  const { subjectId: _s, ...rest } = p
  return {
    ...rest,
    inWords: describeConsent({ ...p.consent, subjectId: p.subjectId, version: p.baseVersion, state: 'active', reason: null }),
    widensInWords: describeWidenings(p.widens, p.proposedBy),
  }
}
