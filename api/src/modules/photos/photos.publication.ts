/**
 * Review and publication, the photo's lifecycle: the photographer sends a complete draft for review, the
 * curator publishes it when nothing stands in the way. One list of blockers for publish() and the review
 * queue. Who is in the photo and their consent are asked of the consent module (its service, passed in).
 */
import type { Db, DbOrTx } from '../../db/client.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import type { AuditLog } from '../audit/index.ts'
import type { JobQueue } from '../jobs/index.ts'
import * as photosRepo from './photos.repo.ts'
import type { PhotoRow } from './photos.repo.ts'
import { evaluateConsent, todayUtc, type Block, type CurrentConsent, type LicenceTerms } from '../gate/index.ts'
import { enqueueSearchSync } from '../search/index.ts'
import { CHECKLIST_WORDS, submitProblems, type ChecklistCode } from './photos.checklist.ts'
import type { ConsentService, PublishBlocker } from '../consent/index.ts'
import { photoProblems } from './photos.problems.ts'
import { parseLicenceRef } from '../../../../contract/licence-ref.ts'

export interface PublicationDeps {
  db: Db
  queue: JobQueue
  audit: AuditLog
  licenceTerms: (ref: string) => LicenceTerms
  /** The consent module: the photographer's lock on a photo, who is in it, their current consent. */
  consent: Pick<ConsentService, 'managedPhoto' | 'gatePhotos' | 'currentConsents'>
}

export class Publication {
  constructor(private readonly deps: PublicationDeps) {}

  /**
   * Sends a draft (or a photo a curator returned) for review, once the checklist is complete: texts in
   * both languages, the people with their consent or the "nobody pictured" declaration, a published licence.
   */
  async submit(photoId: string, principal: Principal) {
    await this.deps.db.transaction(async (tx) => {
      const photo = await this.deps.consent.managedPhoto(tx, photoId, principal)
      if (photo.status !== 'draft' && photo.status !== 'returned') throw submitProblems.notSendable(photo.status)
      const missing = (await this.checklist(tx, photo)).filter((c) => !c.done)
      if (missing.length) throw submitProblems.submitRefused(missing.map((m) => ({ code: m.code, words: m.words })))
      await photosRepo.updatePhoto(tx, photoId, { status: 'in_review', updatedAt: new Date() })
    })
  }

  /** The photographer's checklist before sending: each item done or not (workflow.words.ts). */
  async checklist(tx: DbOrTx, photo: PhotoRow): Promise<{ code: ChecklistCode; done: boolean; words: { nl: string; en: string } }[]> {
    const filled = (v: string | null) => !!v?.trim()
    // Who is in the photo is the consent module's to read (its gatePhotos, the links of each photo).
    const hasPeople = ((await this.deps.consent.gatePhotos(tx, [photo])).get(photo.id)?.subjectIds.length ?? 0) > 0
    const items: [ChecklistCode, boolean][] = [
      ['caption-nl', filled(photo.captionNl)],
      ['caption-en', filled(photo.captionEn)],
      ['alt-nl', filled(photo.altNl)],
      ['alt-en', filled(photo.altEn)],
      ['people', hasPeople || photo.noPeopleDeclaredAt !== null],
      ['licence', this.deps.licenceTerms(photo.licence).permittedUses.length > 0],
    ]
    return items.map(([code, done]) => ({ code, done, words: CHECKLIST_WORDS[code] }))
  }

  /**
   * Everything that stands in the way of publishing this photo right now (empty: it may be published):
   * texts, derivatives, and the gate's blocks. One list for publish() and for the curator's review queue,
   * so the queue's "why not" is exactly what publishing would answer.
   */
  async publishBlockers(tx: DbOrTx, photo: PhotoRow): Promise<PublishBlocker[]> {
    const reasons: PublishBlocker[] = []
    for (const [field, value] of [
      ['captionNl', photo.captionNl],
      ['captionEn', photo.captionEn],
      ['altNl', photo.altNl],
      ['altEn', photo.altEn],
    ] as const) {
      if (!value?.trim()) reasons.push({ code: 'text-missing', field })
    }
    if (photo.derivativesState !== 'ready') reasons.push({ code: 'derivatives-pending' })
    const gp = (await this.deps.consent.gatePhotos(tx, [photo])).get(photo.id)!
    const cs = (await this.deps.consent.currentConsents(tx, [photo.id])).get(photo.id) ?? new Map<string, CurrentConsent>()
    const verdict = evaluateConsent(gp, cs, this.deps.licenceTerms(photo.licence), todayUtc())
    if (!verdict.ok) reasons.push(...verdict.blocks.map((b: Block) => ({ code: b.reason, ...(b.subjectId ? { subjectId: b.subjectId } : {}) })))
    return reasons
  }

  /** Publishing is refused, with every reason at once, while anything required is missing. */
  async publish(photoId: string, principal: Principal) {
    return this.deps.db.transaction(async (tx) => {
      const photo = await photosRepo.photoById(tx, photoId, { lock: 'update' })
      if (!photo) throw photoProblems.notFound()
      if (photo.status === 'withdrawn') throw photoProblems.withdrawnFinal()
      if (photo.status === 'published') return photo
      const reasons = await this.publishBlockers(tx, photo)
      if (reasons.length) {
        throw new Problem(409, 'publish-refused', 'The photo cannot be published yet', reasons.map(describeReason).join(' '), { reasons })
      }
      const updated = await photosRepo.markPublished(tx, photoId, principal.userId)
      await enqueueSearchSync(tx, this.deps.queue, photoId)
      await this.deps.audit.append(tx, {
        type: 'photo.published',
        actor: { kind: 'user', id: principal.userId },
        photoId,
        data: { licence: parseLicenceRef(photo.licence)?.id ?? '', licenceVersion: parseLicenceRef(photo.licence)?.version ?? '' },
      })
      return updated!
    })
  }
}

function describeReason(r: { code: string; subjectId?: string; field?: string }): string {
  const who = r.subjectId ? ` (person ${r.subjectId})` : ''
  switch (r.code) {
    case 'text-missing':
      return `${r.field} is missing.`
    case 'derivatives-pending':
      return 'The image sizes are still being made.'
    case 'no-people-undeclared':
      return 'Link the people in the photo, or declare that there are none.'
    case 'no-consent':
      return `A person in the photo has no consent record${who}.`
    case 'withdrawn':
      return `Consent was withdrawn${who}.`
    case 'expired':
      return `Consent has expired${who}.`
    case 'not-yet-valid':
      return `Consent is not valid yet${who}.`
    case 'identifiability-not-agreed':
      return `A recognisable person did not agree to being recognisable${who}.`
    case 'no-common-use':
      return 'The licence and the consents have no use in common.'
    default:
      return r.code
  }
}
