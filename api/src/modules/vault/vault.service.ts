import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import type { Db, DbOrTx } from '../../db/client.ts'
import { decryptBuffer, encryptFile, encryptStream, newDataKey, type MasterKey } from '../../platform/crypto.ts'
import { Problem } from '../../platform/problems.ts'
import type { Principal } from '../auth/index.ts'
import { consentRepo } from '../consent/index.ts'
import type { BlobStore } from '../storage/index.ts'
import * as repo from './vault.repo.ts'

export interface VaultEntry {
  legalName: string
  contact?: { email?: string; phone?: string; address?: string; note?: string }
  ageCheck?: { result: 'adult-verified' | 'not-verified'; checkedOn: string; method: string }
  note?: string
}

/** Told to the audit trail on every read; the audit module provides it (ids only, never contents). */
export type VaultReadHook = (read: { adminId: string; subjectId: string; what: 'record' | 'document'; documentId?: string }) => Promise<void>

export const vaultProblems = {
  notFound: () => new Problem(404, 'vault-record-not-found', 'Nothing in the vault', 'The vault holds nothing for this person.'),
  subjectNotFound: () => new Problem(404, 'subject-not-found', 'Person not found', 'There is no person with this id that you may add records for.'),
  documentType: () => new Problem(415, 'unsupported-document-type', 'Unsupported document type', 'Upload the signed release form as PDF, JPEG or PNG.'),
}

/** A few bytes decide a release form's type; nothing else is trusted. */
function documentType(head: Buffer): string | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png'
  return null
}

export class VaultService {
  constructor(private readonly deps: { db: Db; blobs: BlobStore; masterKey: MasterKey; onRead: VaultReadHook }) {}

  /**
   * Photographers may add for the people they added; admins for anyone; nobody for an erased person.
   * Nobody but the admin reads back. Inside a transaction the row is locked FOR SHARE, so an erasure
   * (which updates it) can't commit between this check and the write that follows.
   */
  async #writable(tx: DbOrTx, subjectId: string, principal: Principal) {
    const s = await consentRepo.subjectById(tx, subjectId, { lock: 'share' })
    if (!s || s.erased || (s.createdBy !== principal.userId && principal.role !== 'admin')) throw vaultProblems.subjectNotFound()
  }

  async put(subjectId: string, entry: VaultEntry, principal: Principal): Promise<void> {
    await this.#writable(this.deps.db, subjectId, principal)
    const dataKey = newDataKey()
    const chunks: Buffer[] = []
    const enc = encryptStream(dataKey, `vault:${subjectId}`)
    enc.on('data', (c: Buffer) => chunks.push(c))
    await new Promise<void>((resolve, reject) => {
      enc.on('end', resolve).on('error', reject)
      enc.end(Buffer.from(JSON.stringify(entry)))
    })
    const values = {
      wrappedKey: this.deps.masterKey.wrap(dataKey),
      ciphertext: Buffer.concat(chunks).toString('base64'),
      updatedBy: principal.userId,
      updatedAt: new Date(),
    }
    await this.deps.db.transaction(async (tx) => {
      await this.#writable(tx, subjectId, principal)
      await repo.upsertRecord(tx, subjectId, values)
    })
  }

  async addDocument(subjectId: string, file: { path: string; bytes: number }, principal: Principal): Promise<{ id: string }> {
    await this.#writable(this.deps.db, subjectId, principal)
    const fh = await fs.open(file.path, 'r')
    const head = Buffer.alloc(8)
    await fh.read(head, 0, 8, 0).finally(() => fh.close())
    const mediaType = documentType(head)
    if (!mediaType) throw vaultProblems.documentType()
    const id = crypto.randomUUID()
    const dataKey = newDataKey()
    const blobKey = `vault/${crypto.randomUUID()}`
    await this.deps.blobs.put(blobKey, encryptFile(file.path, dataKey, `vault-document:${id}`))
    try {
      await this.deps.db.transaction(async (tx) => {
        await this.#writable(tx, subjectId, principal)
        await repo.insertDocument(tx, {
          id,
          subjectId,
          blobKey,
          wrappedKey: this.deps.masterKey.wrap(dataKey),
          mediaType,
          bytes: file.bytes,
          createdBy: principal.userId,
        })
      })
    } catch (err) {
      await this.deps.blobs.delete(blobKey)
      throw err
    }
    return { id }
  }

  /** The consent officer's read: decrypted, and written to the audit trail before it is returned. */
  async read(subjectId: string, admin: Principal) {
    const row = await repo.recordOf(this.deps.db, subjectId)
    const docs = await repo.documentsOf(this.deps.db, subjectId)
    if (!row && docs.length === 0) throw vaultProblems.notFound()
    await this.deps.onRead({ adminId: admin.userId, subjectId, what: 'record' })
    const entry = row
      ? (JSON.parse(
          decryptBuffer(this.deps.masterKey.unwrap(row.wrappedKey), Buffer.from(row.ciphertext, 'base64'), `vault:${subjectId}`).toString('utf8'),
        ) as VaultEntry)
      : null
    return { subjectId, entry, updatedAt: row?.updatedAt.toISOString() ?? null, documents: docs.map((d) => ({ ...d, createdAt: d.createdAt.toISOString() })) }
  }

  async readDocument(subjectId: string, documentId: string, admin: Principal): Promise<{ bytes: Buffer; mediaType: string }> {
    const doc = await repo.documentOf(this.deps.db, subjectId, documentId)
    if (!doc) throw vaultProblems.notFound()
    await this.deps.onRead({ adminId: admin.userId, subjectId, what: 'document', documentId })
    const bytes = decryptBuffer(this.deps.masterKey.unwrap(doc.wrappedKey), await this.deps.blobs.get(doc.blobKey), `vault-document:${doc.id}`)
    return { bytes, mediaType: doc.mediaType }
  }
}
