/** vault's data access: the only file that queries vault_records and vault_documents. No rules here: the service decides. */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.ts'
import { vaultDocuments, vaultRecords } from './vault.table.ts'

type RecordValues = { wrappedKey: string; ciphertext: string; updatedBy: string; updatedAt: Date }

/** Writes the person's record, replacing the one there was. */
export async function upsertRecord(db: DbOrTx, subjectId: string, values: RecordValues): Promise<void> {
  await db
    .insert(vaultRecords)
    .values({ subjectId, ...values })
    .onConflictDoUpdate({ target: vaultRecords.subjectId, set: values })
}

export async function insertDocument(db: DbOrTx, values: typeof vaultDocuments.$inferInsert): Promise<void> {
  await db.insert(vaultDocuments).values(values)
}

export async function recordOf(db: DbOrTx, subjectId: string) {
  const [row] = await db.select().from(vaultRecords).where(eq(vaultRecords.subjectId, subjectId)).limit(1)
  return row
}

/** The person's documents, without their keys. */
export async function documentsOf(db: DbOrTx, subjectId: string) {
  return db
    .select({ id: vaultDocuments.id, mediaType: vaultDocuments.mediaType, bytes: vaultDocuments.bytes, createdAt: vaultDocuments.createdAt })
    .from(vaultDocuments)
    .where(eq(vaultDocuments.subjectId, subjectId))
}

export async function documentOf(db: DbOrTx, subjectId: string, documentId: string) {
  const [doc] = await db
    .select()
    .from(vaultDocuments)
    .where(and(eq(vaultDocuments.id, documentId), eq(vaultDocuments.subjectId, subjectId)))
    .limit(1)
  return doc
}

/** Whether a document row still holds this blob key. */
export async function documentWithBlobExists(db: DbOrTx, blobKey: string): Promise<boolean> {
  const [live] = await db.select({ id: vaultDocuments.id }).from(vaultDocuments).where(eq(vaultDocuments.blobKey, blobKey)).limit(1)
  return !!live
}

/** Deletes the person's record and documents (their keys with them); returns how many records, and the documents' blob keys. */
export async function deleteAllOf(db: DbOrTx, subjectId: string): Promise<{ records: number; documentBlobKeys: string[] }> {
  const records = await db.delete(vaultRecords).where(eq(vaultRecords.subjectId, subjectId)).returning({ subjectId: vaultRecords.subjectId })
  const documents = await db.delete(vaultDocuments).where(eq(vaultDocuments.subjectId, subjectId)).returning({ blobKey: vaultDocuments.blobKey })
  return { records: records.length, documentBlobKeys: documents.map((d) => d.blobKey) }
}
