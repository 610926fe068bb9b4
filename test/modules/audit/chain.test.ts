import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowsOf, type Database } from '../../../api/src/db/client.ts'
import { AuditEventError, AuditLog, AUDIT_SQLSTATE, GENESIS_HASH, hashEvent, type AuditData } from '../../../api/src/modules/audit/index.ts'
import { createTestDatabase, engine } from '../../support/db.ts'
import { appendMany, rejection, someEvent, sqlState } from './audit-support.ts'

let d: Database
let log: AuditLog

beforeAll(async () => {
  d = await createTestDatabase()
  log = new AuditLog(d.db)
})
afterAll(() => d.close())

async function head() {
  const [h] = rowsOf<{ seq: number | string; hash: string }>(await d.db.execute(sql`select seq, hash from audit_head`))
  return { seq: Number(h!.seq), hash: h!.hash }
}
async function seqs() {
  return rowsOf<{ seq: number | string }>(await d.db.execute(sql`select seq from audit_events order by seq`)).map((r) => Number(r.seq))
}
async function all() {
  const rows = rowsOf<{ subject_id: string }>(await d.db.execute(sql`select distinct subject_id::text from audit_events`))
  const events = (await Promise.all(rows.map((r) => log.forSubject(r.subject_id, { limit: 1000 })))).flat()
  return events.sort((a, b) => a.seq - b.seq)
}

// The tests in this file build one chain on one database, in order; every test leaves it intact.
describe('appending', () => {
  it('starts an empty trail at the genesis hash, and verify calls it intact', async () => {
    expect(await head()).toEqual({ seq: 0, hash: GENESIS_HASH })
    expect(await log.verify()).toEqual({ ok: true, events: 0, head: { seq: 0, hash: GENESIS_HASH } })
  })

  it('chains each event onto the one before it, from the genesis hash, with hashes over what is stored', async () => {
    const appended = await appendMany(log, d.db, 3)
    expect(appended.map((a) => a.seq)).toEqual([1, 2, 3])
    const events = await all()
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(events[0]!.prevHash).toBe(GENESIS_HASH)
    expect(events[1]!.prevHash).toBe(events[0]!.hash)
    expect(events[2]!.prevHash).toBe(events[1]!.hash)
    for (const [i, e] of events.entries()) {
      const { hash, ...content } = e
      expect(hashEvent(content)).toBe(hash)
      expect(hash).toBe(appended[i]!.hash)
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    }
    expect(await head()).toEqual({ seq: 3, hash: events[2]!.hash })
    expect(await log.verify()).toEqual({ ok: true, events: 3, head: { seq: 3, hash: events[2]!.hash } })
  })

  it('commits an event with its transaction; one that rolls back leaves no row and no gap', async () => {
    const lost = crypto.randomUUID()
    await expect(
      d.db.transaction(async (tx) => {
        await log.append(tx, someEvent(10, { photoId: lost }))
        throw new Error('the change being recorded failed')
      }),
    ).rejects.toThrow('the change being recorded failed')
    expect(await log.forPhotos([lost])).toEqual([])
    expect((await head()).seq).toBe(3)
    const next = await d.db.transaction((tx) => log.append(tx, someEvent(11)))
    expect(next.seq).toBe(4)
    expect(await seqs()).toEqual([1, 2, 3, 4])
    expect(await log.verify()).toMatchObject({ ok: true, events: 4 })
  })

  it('leaves no trace of an event whose savepoint rolled back, while its transaction commits', async () => {
    const lost = crypto.randomUUID()
    await d.db.transaction(async (tx) => {
      await tx
        .transaction(async (inner) => {
          await log.append(inner, someEvent(12, { photoId: lost }))
          throw new Error('inner step failed')
        })
        .catch(() => {})
      await log.append(tx, someEvent(13))
    })
    expect(await log.forPhotos([lost])).toEqual([])
    expect(await seqs()).toEqual([1, 2, 3, 4, 5])
    expect(await log.verify()).toMatchObject({ ok: true, events: 5 })
  })

  it('appends in a transaction of its own when given the database', async () => {
    expect(await log.append(d.db, someEvent(14))).toMatchObject({ seq: 6 })
    expect(await log.verify()).toMatchObject({ ok: true, events: 6 })
  })

  it(`serialises concurrent appends from many transactions into one unbroken chain (${engine()})`, async () => {
    const before = (await head()).seq
    const n = 24
    // Each transaction does some work of its own before and after appending, so that on PostgreSQL (a pool of
    // connections) they really overlap; PGlite runs transactions one at a time.
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        d.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(${(i % 4) * 0.005})`)
          const r = await log.append(tx, someEvent(i))
          await tx.execute(sql`select pg_sleep(${((n - i) % 3) * 0.005})`)
          return r
        }),
      ),
    )
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => before + 1 + i))
    expect(await seqs()).toEqual(Array.from({ length: before + n }, (_, i) => i + 1))
    expect(await log.verify()).toMatchObject({ ok: true, events: before + n })
  })

  it('verifies in batches, and sees events appended while it walks the chain', async () => {
    const appending = Promise.all(Array.from({ length: 8 }, (_, i) => log.append(d.db, someEvent(i))))
    const during = await log.verify({ batchSize: 3 })
    await appending
    expect(during.ok).toBe(true)
    const after = await log.verify({ batchSize: 3 })
    expect(after).toMatchObject({ ok: true, events: (await head()).seq })
    expect(await log.verify({ batchSize: 1 })).toEqual(after)
  })

  it('hashes what it stores: key order, upper-case uuids, numbers and nesting survive the round trip', async () => {
    const photoId = crypto.randomUUID()
    const data: AuditData = { zeta: 1, alpha: { b: [3, 0.1, 1e21, -0], a: 'x' }, mid: null, yes: true, at: '2025-01-31T12:00:00.123Z', hash: 'f'.repeat(64) }
    const { seq } = await log.append(d.db, someEvent(1, { photoId: photoId.toUpperCase(), data }))
    const [e] = await log.forPhotos([photoId])
    expect(e).toMatchObject({ seq, photoId, data: { zeta: 1, alpha: { b: [3, 0.1, 1e21, 0], a: 'x' }, mid: null, yes: true } })
    expect(await log.verify()).toMatchObject({ ok: true })
  })
})

describe('what the database refuses', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on audit_events, even when they would touch no row', async () => {
    const before = await all()
    for (const statement of [
      sql`update audit_events set data = '{}'::jsonb where seq = 2`,
      sql`update audit_events set seq = seq where false`,
      sql`delete from audit_events where seq = 2`,
      sql`delete from audit_events where false`,
      sql`truncate audit_events`,
      sql`insert into audit_events select * from audit_events where seq = 1 on conflict (seq) do update set data = '{}'::jsonb`,
    ]) {
      expect(sqlState(await rejection(d.db.execute(statement)))).toBe(AUDIT_SQLSTATE.appendOnly)
    }
    expect(await all()).toEqual(before)
  })

  it('refuses an event that does not continue the chain, and any change to the head but one step forward', async () => {
    const h = await head()
    const insert = (seq: number, prev: string) =>
      d.db.execute(sql`insert into audit_events (seq, at, type, actor_kind, data, prev_hash, hash)
        values (${seq}, now(), 'vault.read', 'system', '{}'::jsonb, ${prev}, ${'a'.repeat(64)})`)
    expect(sqlState(await rejection(insert(h.seq + 1, 'b'.repeat(64))))).toBe(AUDIT_SQLSTATE.notChained)
    expect(sqlState(await rejection(insert(h.seq + 2, h.hash)))).toBe(AUDIT_SQLSTATE.notChained)
    expect(sqlState(await rejection(d.db.execute(sql`update audit_head set seq = seq - 1`)))).toBe(AUDIT_SQLSTATE.head)
    expect(sqlState(await rejection(d.db.execute(sql`update audit_head set seq = seq + 1, hash = ${'c'.repeat(64)}`)))).toBe(AUDIT_SQLSTATE.head)
    expect(sqlState(await rejection(d.db.execute(sql`delete from audit_head`)))).toBe(AUDIT_SQLSTATE.head)
    expect(sqlState(await rejection(d.db.execute(sql`truncate audit_head`)))).toBe(AUDIT_SQLSTATE.head)
    expect(sqlState(await rejection(d.db.execute(sql`insert into audit_head (id, seq, hash) values (false, 0, ${GENESIS_HASH})`)))).toBe(AUDIT_SQLSTATE.head)
    expect(await head()).toEqual(h)
    expect(await log.verify()).toMatchObject({ ok: true, events: h.seq })
  })

  it('refuses personal data: names, sentences and e-mail addresses in data or as actor, and unknown types', async () => {
    const h = await head()
    const refused = [
      someEvent(1, { data: { legalName: 'Jan Jansen' } }),
      someEvent(1, { data: { contact: 'sam@example.org' } }),
      someEvent(1, { data: { reason: 'asked by her employer' } }),
      someEvent(1, { data: { nested: { deeper: ['ok', 'not ok'] } } }),
      someEvent(1, { data: { 'free text key': 1 } }),
      someEvent(1, { data: { n: Number.NaN } }),
      someEvent(1, { actor: { kind: 'user', id: 'sam@example.org' } }),
      someEvent(1, { actor: { kind: 'admin' as never, id: 'x' } }),
      someEvent(1, { type: 'consent.deleted' as never }),
      someEvent(1, { photoId: 'not-a-uuid' }),
    ]
    for (const e of refused) await expect(log.append(d.db, e)).rejects.toBeInstanceOf(AuditEventError)
    expect(await head()).toEqual(h)
  })
})

describe('reading events', () => {
  it('returns the events about some photos, or about one subject, oldest first, a page at a time', async () => {
    const photo = crypto.randomUUID()
    const other = crypto.randomUUID()
    const subject = crypto.randomUUID()
    const a = await log.append(d.db, {
      type: 'consent.created',
      actor: { kind: 'subject', id: subject },
      photoId: photo,
      subjectId: subject,
      data: { consentVersion: 1 },
    })
    await log.append(d.db, someEvent(2))
    const b = await log.append(d.db, { type: 'download.granted', actor: { kind: 'organisation', id: 'org-42' }, photoId: other, data: { use: 'editorial' } })
    const c = await log.append(d.db, { type: 'consent.withdrawn', actor: { kind: 'subject', id: subject }, photoId: photo, subjectId: subject })

    const both = await log.forPhotos([photo, other])
    expect(both.map((e) => e.seq)).toEqual([a.seq, b.seq, c.seq])
    expect(both[0]).toEqual({
      seq: a.seq,
      at: expect.stringMatching(/Z$/),
      type: 'consent.created',
      actor: { kind: 'subject', id: subject },
      photoId: photo,
      subjectId: subject,
      data: { consentVersion: 1 },
      prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hash: a.hash,
    })
    expect(both[2]!.data).toEqual({})
    expect((await log.forPhotos([photo, other], { limit: 2 })).map((e) => e.seq)).toEqual([a.seq, b.seq])
    expect((await log.forPhotos([photo, other], { afterSeq: b.seq })).map((e) => e.seq)).toEqual([c.seq])
    expect((await log.forSubject(subject)).map((e) => e.type)).toEqual(['consent.created', 'consent.withdrawn'])
    expect(await log.forPhotos([])).toEqual([])
    await expect(log.forPhotos(['x}', photo])).rejects.toBeInstanceOf(AuditEventError)
  })
})
