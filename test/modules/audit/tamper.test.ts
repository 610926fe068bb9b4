import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../api/src/db/client.ts'
import { AuditLog, hashEvent, type AuditEvent } from '../../../api/src/modules/audit/index.ts'
import { createTestDatabase } from '../../support/db.ts'
import { appendMany, tamper } from './audit-support.ts'

// Each test tampers with a chain of its own: a fresh database per test, seven events, verified in batches
// of two so that the damage sits inside a batch, at its edge, or at the end of the chain.
let d: Database
let log: AuditLog
const subject = crypto.randomUUID()
const N = 7
const BATCH = { batchSize: 2 }

beforeEach(async () => {
  d = await createTestDatabase()
  log = new AuditLog(d.db)
  await appendMany(log, d.db, N, { subjectId: subject })
  expect(await log.verify(BATCH)).toMatchObject({ ok: true, events: N })
})
afterEach(() => d.close())

async function event(seq: number): Promise<AuditEvent> {
  return (await log.forSubject(subject, { afterSeq: seq - 1, limit: 1 }))[0]!
}
/** What someone who knows the format would write: the hash recomputed over the changed content. */
function rehash(e: AuditEvent): string {
  const { hash: _, ...content } = e
  return hashEvent(content)
}

describe('audit verify after tampering', () => {
  it.each([
    ['data', sql`data = jsonb_set(data, '{consentVersion}', '99')`],
    ['at', sql`at = at + interval '1 millisecond'`],
    ['type', sql`type = 'consent.created'`],
    ['actor', sql`actor_kind = 'organisation'`],
    ['photo', sql`photo_id = gen_random_uuid()`],
    ['link', sql`prev_hash = ${'0'.repeat(64)}`],
  ])('names an event whose %s was changed as changed', async (_, change) => {
    await tamper(d.db, sql`update audit_events set ${change} where seq = 4`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 3, firstBad: { seq: 4, problem: 'changed' } })
  })

  it('names the first of two changed events', async () => {
    await tamper(d.db, sql`update audit_events set data = '{}'::jsonb where seq in (3, 6)`)
    expect(await log.verify(BATCH)).toMatchObject({ ok: false, firstBad: { seq: 3, problem: 'changed' } })
  })

  it('names a deleted event in the middle as missing', async () => {
    await tamper(d.db, sql`delete from audit_events where seq = 5`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 4, firstBad: { seq: 5, problem: 'missing' } })
  })

  it('names the first event gone when the chain was cut at the start', async () => {
    await tamper(d.db, sql`delete from audit_events where seq <= 2`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 0, firstBad: { seq: 1, problem: 'missing' } })
  })

  it('detects the newest events deleted (the chain ends before its head)', async () => {
    await tamper(d.db, sql`delete from audit_events where seq = ${N}`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: N - 1, firstBad: { seq: N, problem: 'missing' } })
    await tamper(d.db, sql`delete from audit_events where seq >= 3`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 2, firstBad: { seq: 3, problem: 'missing' } })
  })

  it('names the next event as broken-link when a changed event got a recomputed hash', async () => {
    const e = await event(4)
    const forged = { ...e, data: { ...e.data, consentVersion: 99 } }
    await tamper(d.db, sql`update audit_events set data = ${JSON.stringify(forged.data)}::jsonb, hash = ${rehash(forged)} where seq = 4`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 4, firstBad: { seq: 5, problem: 'broken-link' } })
  })

  it('names the newest event as changed when it was changed and rehashed (its hash no longer matches the head)', async () => {
    const e = await event(N)
    const forged = { ...e, type: 'consent.created' as const }
    await tamper(d.db, sql`update audit_events set type = ${forged.type}, hash = ${rehash(forged)} where seq = ${N}`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: N, firstBad: { seq: N, problem: 'changed' } })
  })

  it('names an intact event stored under another seq as reordered', async () => {
    // Three steps: the primary key is checked row by row.
    await tamper(
      d.db,
      sql`update audit_events set seq = 1000 where seq = 3`,
      sql`update audit_events set seq = 3 where seq = 4`,
      sql`update audit_events set seq = 4 where seq = 1000`,
    )
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: 2, firstBad: { seq: 3, problem: 'reordered' } })
  })

  it('names an event appended past the head (with the chain trigger off) as broken-link', async () => {
    const last = await event(N)
    const forged = { ...last, seq: N + 1, prevHash: last.hash }
    await tamper(
      d.db,
      sql`insert into audit_events (seq, at, type, actor_kind, actor_id, photo_id, subject_id, data, prev_hash, hash)
          values (${forged.seq}, ${forged.at}::timestamptz, ${forged.type}, ${forged.actor.kind}, ${forged.actor.id}, ${forged.photoId}::uuid,
                  ${forged.subjectId}::uuid, ${JSON.stringify(forged.data)}::jsonb, ${forged.prevHash}, ${rehash(forged)})`,
    )
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: N + 1, firstBad: { seq: N + 1, problem: 'broken-link' } })
  })

  it('detects a deleted head row', async () => {
    await tamper(d.db, sql`delete from audit_head`)
    expect(await log.verify(BATCH)).toEqual({ ok: false, events: N, firstBad: { seq: N + 1, problem: 'missing' } })
    await expect(log.append(d.db, { type: 'vault.read', actor: { kind: 'system' } })).rejects.toThrow('audit_head is missing')
  })

  // The limits of a hash chain without a secret: someone who can disable triggers can cut the tail and move
  // the head back, or rewrite every event from some point on. Only a head recorded outside the database
  // (the anchor, printed by every intact verify) catches that.
  it('catches a cut tail with the head moved back, only against an anchor recorded earlier', async () => {
    const recorded = await log.verify()
    if (!recorded.ok) throw new Error('expected an intact chain')
    const five = await event(5)
    await tamper(d.db, sql`delete from audit_events where seq > 5`, sql`update audit_head set seq = 5, hash = ${five.hash}`)
    expect(await log.verify(BATCH)).toMatchObject({ ok: true, events: 5 })
    expect(await log.verify({ ...BATCH, anchor: recorded.head })).toEqual({ ok: false, events: 5, firstBad: { seq: 6, problem: 'missing' } })
  })

  it('catches a consistently rewritten tail only against an anchor recorded earlier', async () => {
    const recorded = await log.verify()
    if (!recorded.ok) throw new Error('expected an intact chain')
    let prev = (await event(3)).hash
    const statements = []
    for (let seq = 4; seq <= N; seq++) {
      const forged = { ...(await event(seq)), prevHash: prev, data: { rewritten: true } }
      const hash = rehash(forged)
      statements.push(sql`update audit_events set data = '{"rewritten":true}'::jsonb, prev_hash = ${prev}, hash = ${hash} where seq = ${seq}`)
      prev = hash
    }
    statements.push(sql`update audit_head set hash = ${prev}`)
    await tamper(d.db, ...statements)
    expect(await log.verify(BATCH)).toMatchObject({ ok: true, events: N })
    expect(await log.verify({ ...BATCH, anchor: recorded.head })).toEqual({ ok: false, events: N - 1, firstBad: { seq: N, problem: 'changed' } })
  })
})
