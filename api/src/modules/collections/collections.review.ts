/** The curators' review queue: photos waiting for review, oldest first, each with what would stop publishing. */
import type { Principal } from '../auth/index.ts'
import { describePublishBlocker } from '../consent/index.ts'
import { callerOf } from '../gate/index.ts'
import { photosRepo } from '../photos/index.ts'
import type { CollectionsDeps } from './collections.service.ts'

export class ReviewQueue {
  constructor(private readonly deps: Pick<CollectionsDeps, 'db' | 'publication' | 'gate' | 'photos'>) {}

  /** Photos waiting for review, oldest first, each with what would stop publishing right now. */
  async queue(principal: Principal, limit: number) {
    const { db, publication, photos: photoService } = this.deps
    const rows = await photosRepo.photosInReview(db, limit)
    const decisions = await this.deps.gate.check(
      rows.map((r) => r.id),
      { kind: 'manage' },
      callerOf(principal),
    )
    const out = []
    for (const r of rows) {
      const d = decisions.get(r.id)
      if (!d?.ok) continue
      const blockers = await publication.publishBlockers(db, r)
      out.push({
        photo: photoService.viewOf(d),
        publishable: blockers.length === 0,
        reasons: blockers.map((b) => ({ ...b, words: describePublishBlocker(b) })),
      })
    }
    return out
  }
}
