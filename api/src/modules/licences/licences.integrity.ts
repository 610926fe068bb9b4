/**
 * A published licence version is immutable (DESIGN.md, "Licences"): newsrooms downloaded photos under its
 * exact words, and every grant records the version. At start the app compares each published version on
 * disk with the hash recorded when it was first seen, records versions it has not seen, and refuses to
 * start when a recorded version changed or disappeared. The way to change a licence is a new version.
 */
import type { DbOrTx } from '../../db/client.ts'
import { LICENCE_FILES, type LicenceFile } from './licences.hash.ts'
import type { Licence, LicenceRegistry } from './licences.registry.ts'
import * as licencesRepo from './licences.repo.ts'
import { licenceRef } from '../../../../contract/licence-ref.ts'

export interface LicenceChange {
  id: string
  version: string
  /** Full paths of the files whose content differs from what was recorded (all of them when it is gone). */
  files: string[]
  reason: 'changed' | 'missing' | 'unpublished'
}

export class LicenceIntegrityError extends Error {
  constructor(readonly changes: LicenceChange[]) {
    const lines = changes.map((c) => {
      const what =
        c.reason === 'changed'
          ? 'was changed after it was published'
          : c.reason === 'missing'
            ? 'was published but its files are gone'
            : 'was published but is now marked draft'
      return `  ${c.id} ${c.version} ${what}:\n${c.files.map((f) => `    ${f}`).join('\n')}`
    })
    super(
      `Refusing to start: a published licence version is immutable.\n${lines.join('\n')}\n` +
        '  Restore the published files (git checkout), and publish changes as a new version in licences/<id>/<new version>/.',
    )
    this.name = 'LicenceIntegrityError'
  }

  get files(): string[] {
    return this.changes.flatMap((c) => c.files)
  }
}

type Row = licencesRepo.LicenceVersionRow

function compare(registry: LicenceRegistry, rows: Row[]): LicenceChange[] {
  const changes: LicenceChange[] = []
  for (const row of rows) {
    const paths = (files: readonly LicenceFile[]) => files.map((f) => registry.fileOf(row.id, row.version, f))
    const licence = registry.get(row.id, row.version)
    if (!licence) {
      changes.push({ id: row.id, version: row.version, files: paths(LICENCE_FILES), reason: 'missing' })
    } else if (licence.sha256 !== row.sha256) {
      const changed = LICENCE_FILES.filter((f) => licence.files[f] !== row.fileHashes[f])
      changes.push({ id: row.id, version: row.version, files: paths(changed.length ? changed : LICENCE_FILES), reason: 'changed' })
    } else if (licence.status !== 'published') {
      // Unreachable while status is part of the hashed JSON, but the rule should not depend on that.
      changes.push({ id: row.id, version: row.version, files: paths(['licence.json']), reason: 'unpublished' })
    }
  }
  return changes
}

/**
 * Verifies every recorded version against the registry and records the published versions seen for the
 * first time. Returns the newly recorded ones; throws LicenceIntegrityError naming the changed files.
 * Safe with several replicas starting at once: recording is insert-if-absent, and the comparison runs
 * again on what is in the table afterwards, so two different contents can never both pass.
 */
export async function verifyPublishedLicences(db: DbOrTx, registry: LicenceRegistry): Promise<Licence[]> {
  const before = await licencesRepo.recordedVersions(db)
  let changes = compare(registry, before)
  if (changes.length) throw new LicenceIntegrityError(changes)

  const known = new Set(before.map((r) => licenceRef(r.id, r.version)))
  const fresh = registry.published().filter((l) => !known.has(licenceRef(l.id, l.version)))
  if (fresh.length === 0) return []
  const inserted = await licencesRepo.recordVersions(
    db,
    fresh.map((l) => ({ id: l.id, version: l.version, sha256: l.sha256, fileHashes: { ...l.files } })),
  )

  changes = compare(registry, await licencesRepo.recordedVersions(db))
  if (changes.length) throw new LicenceIntegrityError(changes)
  const recorded = new Set(inserted.map((r) => licenceRef(r.id, r.version)))
  return fresh.filter((l) => recorded.has(licenceRef(l.id, l.version)))
}
