/** The licences module's table (licence_versions: each published version's content hashes): the only file that queries it. */
import type { DbOrTx } from '../../db/client.ts'
import { licenceVersions } from './licences.table.ts'

export type LicenceVersionRow = typeof licenceVersions.$inferSelect
export type NewLicenceVersion = typeof licenceVersions.$inferInsert

/** Every recorded licence version. */
export async function recordedVersions(db: DbOrTx): Promise<LicenceVersionRow[]> {
  return db.select().from(licenceVersions)
}

/** Records these versions where absent (insert-if-absent); the ones this call recorded. */
export async function recordVersions(db: DbOrTx, rows: NewLicenceVersion[]): Promise<{ id: string; version: string }[]> {
  return db.insert(licenceVersions).values(rows).onConflictDoNothing().returning({ id: licenceVersions.id, version: licenceVersions.version })
}
