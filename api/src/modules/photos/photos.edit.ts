/**
 * Editing a photo's texts, keywords, licence and "nobody pictured" declaration: the photographer while it is
 * not yet published, the staff always; one photo, or many in one transaction (all or nothing).
 */
import type { DbOrTx } from '../../db/client.ts'
import { Problem, problems } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import { licenceKind } from '../licences/index.ts'
import { enqueueSearchSync } from '../search/index.ts'
import { normaliseTags } from './photos.keywords.ts'
import { photoProblems } from './photos.problems.ts'
import type { BulkPhotoPatchT, PhotoPatchT } from './photos.schemas.ts'
import type { PhotosDeps } from './photos.service.ts'
import * as photosRepo from './photos.repo.ts'
import type { PhotoChange } from './photos.repo.ts'

const STAFF = new Set(['curator', 'admin'])

export class PhotoEditor {
  constructor(private readonly deps: Pick<PhotosDeps, 'db' | 'gate' | 'licence' | 'queue'>) {}

  /** Edits the texts and the "no people" declaration; the photographer while it is not yet published, the staff always. */
  async update(id: string, principal: Principal, patch: PhotoPatchT) {
    try {
      await this.#update(id, principal, patch)
    } finally {
      // Read back at once by the caller: don't wait for the change message (modules/gate).
      this.deps.gate.changed(id)
    }
  }

  /**
   * The same texts on many photos in one transaction: every photo is checked as a single PATCH would be;
   * if any is refused, the whole request is (409 `bulk-edit-refused`, each refusal per photo) and nothing
   * is stored.
   */
  async updateMany(principal: Principal, ids: string[], patch: BulkPhotoPatchT['set']) {
    const { addTags, addTagsEn, ...rest } = patch
    try {
      return await this.deps.db.transaction(async (tx) => {
        const failures: { id: string; type: string; status: number; title: string; detail?: string }[] = []
        for (const id of ids) {
          try {
            await this.#updateIn(tx, id, principal, rest, { nl: addTags, en: addTagsEn })
          } catch (err) {
            if (!(err instanceof Problem)) throw err
            failures.push({ id, type: err.type, status: err.status, title: err.title, ...(err.detail ? { detail: err.detail } : {}) })
          }
        }
        if (failures.length) {
          throw new Problem(
            409,
            'bulk-edit-refused',
            'Some photos cannot be changed',
            `${failures.length} of ${ids.length} photos were refused; nothing was changed.`,
            { failures },
          )
        }
        const rows = await photosRepo.statusesOf(tx, ids)
        const byId = new Map(rows.map((r) => [r.id, r]))
        return ids.map((id) => ({ id, status: byId.get(id)!.status, updatedAt: byId.get(id)!.updatedAt.toISOString() }))
      })
    } finally {
      for (const id of ids) this.deps.gate.changed(id)
    }
  }

  async #update(id: string, principal: Principal, patch: PhotoPatchT) {
    return this.deps.db.transaction((tx) => this.#updateIn(tx, id, principal, patch))
  }

  async #updateIn(tx: DbOrTx, id: string, principal: Principal, patch: PhotoPatchT, add: { nl?: string[]; en?: string[] } = {}) {
    {
      const photo = await photosRepo.photoById(tx, id, { lock: 'update' })
      const owner = photo && photo.ownerId === principal.userId
      if (!photo || !(owner || STAFF.has(principal.role))) throw photoProblems.notFound()
      if (photo.status === 'withdrawn') throw photoProblems.gone()
      if (!STAFF.has(principal.role) && photo.status === 'published') {
        throw new Problem(409, 'photo-published', 'The photo is published', 'Ask a curator to change a published photo.')
      }
      const set: PhotoChange = { updatedAt: new Date() }
      const text = (v: string | undefined) => (v === undefined ? undefined : v.trim() || null)
      if (patch.captionNl !== undefined) set.captionNl = text(patch.captionNl)
      if (patch.captionEn !== undefined) set.captionEn = text(patch.captionEn)
      if (patch.altNl !== undefined) set.altNl = text(patch.altNl)
      if (patch.altEn !== undefined) set.altEn = text(patch.altEn)
      if (patch.series !== undefined) set.series = text(patch.series)
      if (patch.placeCity !== undefined) set.placeCity = text(patch.placeCity)
      if (patch.credit !== undefined) set.credit = patch.credit.trim()
      if (patch.capturedMonth !== undefined) set.capturedMonth = patch.capturedMonth
      if (patch.tags !== undefined) set.tags = normaliseTags(patch.tags)
      if (patch.tagsEn !== undefined) set.tagsEn = normaliseTags(patch.tagsEn)
      if (add.nl?.length) set.tags = normaliseTags([...(set.tags ?? photo.tags), ...add.nl])
      if (add.en?.length) set.tagsEn = normaliseTags([...(set.tagsEn ?? photo.tagsEn), ...add.en])
      if (patch.licence !== undefined) {
        const licence = this.deps.licence(patch.licence)
        if (licence?.status !== 'published') {
          throw problems.validation(`There is no published licence ${patch.licence}.`, [{ path: '/licence', message: 'unknown licence' }])
        }
        // An open licence lets anyone do anything with a picture: never for a photo of people, whose
        // consent decides what may be done (our own licences are for them).
        if (
          licenceKind(licence) === 'open' &&
          (patch.noPeople === false || (patch.noPeople === undefined && photo.noPeopleDeclaredAt === null) || (await this.#hasPeople(tx, id)))
        ) {
          throw new Problem(
            409,
            'open-licence-for-people',
            'An open licence is not for photos of people',
            'Creative Commons licences are for photos in which nobody is pictured; choose one of the Reimagining Sex Work licences.',
          )
        }
        set.licence = patch.licence
      }
      if (patch.noPeople !== undefined) {
        if (patch.noPeople && (await this.#hasPeople(tx, id))) {
          throw new Problem(409, 'photo-has-people', 'People are linked to this photo', 'A photo with people linked to it cannot be declared to have none.')
        }
        set.noPeopleDeclaredAt = patch.noPeople ? new Date() : null
      }
      if (patch.noPeople === false && licenceKind(this.deps.licence(set.licence ?? photo.licence) ?? { kind: undefined }) === 'open') {
        throw new Problem(
          409,
          'open-licence-for-people',
          'An open licence is not for photos of people',
          'Choose one of the Reimagining Sex Work licences first.',
        )
      }
      await photosRepo.updatePhoto(tx, id, set)
      // Texts, licence (uses) and the declaration are all in its search document.
      if (photo.status === 'published') await enqueueSearchSync(tx, this.deps.queue, id)
      // JPEG and WebP carry the terms of the moment they are served; AVIF carries them from its render, so
      // a change of terms or texts renders it again, and until then there is no AVIF of old terms to serve.
      if (['licence', 'credit', 'captionNl', 'captionEn', 'altNl', 'altEn', 'tags', 'tagsEn'].some((k) => k in set)) {
        await photosRepo.deleteDerivatives(tx, id, ['avif'])
        await this.deps.queue.enqueue(tx, 'photo.avif', { photoId: id }, { dedupeKey: `photo.avif:${id}` })
      }
    }
  }

  async #hasPeople(tx: DbOrTx, photoId: string): Promise<boolean> {
    return photosRepo.photoHasPeople(tx, photoId)
  }
}
