/**
 * The gate (DESIGN.md promise 1 and "Who sees what"): the one door every read of a photo goes through.
 * `check` answers for many photos at once, `require` for one (or throws the problem to answer with).
 *
 * What it keeps in memory, and why that can never outrun consent:
 *  - photo records (row, who is in it, their current consent, derivatives): kept only while the database's
 *    change feed is heard, forgotten the moment anything in them changes (gate.records.ts, gate.feed.ts);
 *  - the consent verdict per record and day (the verdict memo): a record never changes (a change makes a
 *    new record), and the verdict depends only on the record and the date, so it is reused only for the
 *    same record on the same day;
 *  - nothing about callers: who the caller is (role, organisation, key) is decided per request by the
 *    authentication (whose key cache is seconds), and a signed link's holder is read from the database on
 *    every fetch.
 * A call inside a transaction (`tx`) reads everything from it and keeps nothing.
 */
import type { Db, DbOrTx } from '../../db/client.ts'
import type { Database, Listener } from '../../db/client.ts'
import type { AuditLog } from '../audit/index.ts'
import { desksRepo } from '../desks/index.ts'
import { effectivePermission, todayUtc, type GateVerdict, type LicenceTerms } from './gate.consent.ts'
import { gateProblem } from './gate.problems.ts'
import type { Allowed, Caller, Decision, Purpose } from './gate.purposes.ts'
import { PhotoRecords, photoRecordReader, type PhotoRecord } from './gate.records.ts'
import { decide, type Who } from './gate.rules.ts'
import { PhotoFreshness } from './gate.freshness.ts'

export interface GateDeps {
  db: Db
  /** A licence in the consent vocabulary; an unknown or unpublished one permits nothing. */
  licenceTerms: (ref: string) => LicenceTerms
  audit: AuditLog
  /** How long a record may be kept at most; 0: always read from the database. */
  maxAgeMs: number
  /**
   * Other processes write to the same database (a PostgreSQL server: replicas, the CLI, psql): before each
   * read from memory, apply what they committed, whether or not its message has come (gate.freshness.ts).
   */
  sharedDatabase?: boolean
}

export class Gate {
  /** The photo read model: rows, gate inputs and derivatives, cached while the change feed is heard. */
  readonly records: PhotoRecords
  #feed: Listener | null = null
  #freshness: PhotoFreshness | null = null

  constructor(private readonly deps: GateDeps) {
    this.records = new PhotoRecords({
      load: photoRecordReader(deps.db),
      verdict: (photo, inputs, today) => this.#verdict(photo, inputs, today),
      maxAgeMs: deps.maxAgeMs,
      fresh: deps.sharedDatabase ? () => this.#freshness!.check() : undefined,
      // A read that misses the cache carries that check in its own statement: one round trip.
      loadFresh: deps.sharedDatabase ? (ids) => this.#freshness!.read(ids) : undefined,
    })
    if (deps.sharedDatabase) this.#freshness = new PhotoFreshness(deps.db, this.records)
  }

  /** Starts hearing the database's change notifications (migration 0014): only then are records kept. */
  async listen(database: Database): Promise<void> {
    if (this.deps.maxAgeMs <= 0) return
    const records = this.records
    this.#feed = await database.listen('eb_photo_changed', { message: (id) => records.changed(id), up: () => records.up(), down: () => records.down() })
    records.attach(this.#feed)
  }

  async close(): Promise<void> {
    await this.#feed?.close()
    this.#feed = null
  }

  /** A change this process made, to be seen by its next read without waiting for the message. */
  changed(photoId: string) {
    this.records.changed(photoId)
  }

  #verdict(photo: PhotoRecord['photo'], inputs: PhotoRecord['gate'], today: string): GateVerdict {
    return effectivePermission(
      { status: photo.status, noPeopleDeclared: photo.noPeopleDeclaredAt !== null, subjectIds: inputs.subjectIds },
      inputs.consents,
      this.deps.licenceTerms(photo.licence),
      today,
    )
  }

  /** The verdict memo's, or (a download's file or rights statement, under the licence it keeps) one made for it. */
  #verdictFor(record: PhotoRecord, purpose: Purpose, today: string): GateVerdict {
    if ((purpose.kind === 'rights' || purpose.kind === 'download') && purpose.licence && purpose.licence !== record.photo.licence)
      return this.#verdict({ ...record.photo, licence: purpose.licence }, record.gate, today)
    return this.records.verdict(record, today)
  }

  /** A decision for each photo (absent ids: 'missing'). Inside a transaction, everything is read from it. */
  async check(photoIds: readonly string[], purpose: Purpose, caller: Caller, tx?: DbOrTx): Promise<Map<string, Decision>> {
    const today = todayUtc()
    const [records, who] = await Promise.all([tx ? photoRecordReader(tx)([...new Set(photoIds)]) : this.records.get(photoIds), this.#who(caller, tx)])
    const out = new Map<string, Decision>()
    for (const id of photoIds) {
      const record = records.get(id)
      out.set(
        id,
        record
          ? decide(record, this.#verdictFor(record, purpose, today), purpose, who)
          : { ok: false, outcome: 'not-found', reason: 'missing', detail: 'There is no photo with this id that you may see.' },
      )
    }
    await this.#auditReview(out, purpose, caller, tx)
    return out
  }

  /** The allowed view of one photo, or the problem to answer with (404, 410, 403 with its reason). */
  async require(photoId: string, purpose: Purpose, caller: Caller, tx?: DbOrTx): Promise<Allowed> {
    const d = (await this.check([photoId], purpose, caller, tx)).get(photoId)!
    if (!d.ok) throw gateProblem(d)
    return d
  }

  /**
   * What a listing may ask its search engine for, for this caller: 'public' (only photos everyone allows a
   * public preview of) or 'all' (the gate then decides per photo). And a key for answers that are the same
   * for every caller with it.
   */
  audience(caller: Caller): { scope: 'public' | 'all'; key: string } {
    if (caller.kind !== 'principal') return { scope: 'public', key: 'public' }
    const p = caller.principal
    if (p.role === 'curator' || p.role === 'admin') return { scope: 'all', key: 'staff' }
    if (p.role === 'journalist' && p.organisationId) return { scope: 'all', key: `desk:${p.organisationId}` }
    if (p.role === 'photographer') return { scope: 'public', key: `photographer:${p.userId}` }
    return { scope: 'public', key: 'public' }
  }

  async #who(caller: Caller, tx?: DbOrTx): Promise<Who> {
    switch (caller.kind) {
      case 'anonymous':
      case 'system':
        return { kind: caller.kind }
      case 'person':
        return { kind: 'person', subjectId: caller.subjectId }
      case 'principal': {
        const p = caller.principal
        if (p.role === 'curator' || p.role === 'admin') return { kind: 'staff', userId: p.userId }
        if (p.role === 'photographer') return { kind: 'photographer', userId: p.userId }
        // The authentication only names an enabled organisation (a disabled one's journalists act for none).
        return { kind: 'desk', organisationId: p.organisationId }
      }
      case 'link':
        return { kind: 'link', organisationId: caller.organisationId, ended: await this.#linkEnded(caller, tx ?? this.deps.db) }
    }
  }

  /** A signed link ends with its organisation, its API key, or its journalist's membership. */
  async #linkEnded(c: Extract<Caller, { kind: 'link' }>, db: DbOrTx): Promise<'organisation-disabled' | 'key-revoked' | 'no-organisation' | null> {
    const org = await desksRepo.organisationEnabledAt(db, c.organisationId)
    if (!org?.enabledAt) return 'organisation-disabled'
    if (c.apiKeyId) {
      const key = await desksRepo.keyRevokedAt(db, c.apiKeyId)
      if (!key || key.revokedAt) return 'key-revoked'
    } else if (c.userId) {
      const member = await desksRepo.activeMembership(db, c.userId, c.organisationId)
      if (!member) return 'no-organisation'
    }
    return null
  }

  /** Curators and admins may see anything, for review: each view of an unpublished photo is recorded. */
  async #auditReview(decisions: Map<string, Decision>, purpose: Purpose, caller: Caller, tx?: DbOrTx) {
    if (caller.kind !== 'principal' || (purpose.kind !== 'view' && !(purpose.kind === 'media' && !['thumb', 'small'].includes(purpose.preset)))) return
    for (const [photoId, d] of decisions) {
      if (!d.ok || d.access !== 'review' || d.record.photo.status === 'published') continue
      await this.deps.audit.append(tx ?? this.deps.db, {
        type: 'photo.reviewed',
        actor: { kind: 'user', id: caller.principal.userId },
        photoId,
        data: { purpose: purpose.kind, ...(purpose.kind === 'media' ? { preset: purpose.preset } : {}), status: d.record.photo.status },
      })
    }
  }
}
