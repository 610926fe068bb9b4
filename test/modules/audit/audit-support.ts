import crypto from 'node:crypto'
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../api/src/db/client.ts'
import { AuditLog, AUDIT_EVENT_TYPES, type NewAuditEvent } from '../../../api/src/modules/audit/index.ts'

/** The SQLSTATE of a database error, through drizzle's DrizzleQueryError wrapper. */
export function sqlState(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return undefined
}

export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

/** A plausible event: the kinds of ids and codes the consent, download and vault modules will record. */
export function someEvent(i: number, over: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    type: AUDIT_EVENT_TYPES[i % AUDIT_EVENT_TYPES.length]!,
    actor: i % 3 === 0 ? { kind: 'system', id: 'worker' } : { kind: 'user', id: crypto.randomUUID() },
    photoId: crypto.randomUUID(),
    subjectId: crypto.randomUUID(),
    data: { n: i, consentVersion: i + 1, uses: ['editorial', 'education'], licence: 'eb-editorial/1.0' },
    ...over,
  }
}

export async function appendMany(log: AuditLog, db: Db, n: number, over: Partial<NewAuditEvent> = {}) {
  const out: { seq: number; hash: string }[] = []
  for (let i = 0; i < n; i++) out.push(await db.transaction((tx) => log.append(tx, someEvent(i, over))))
  return out
}

/**
 * Tampering as someone who owns the tables would: switch the protecting triggers off, change rows, switch
 * them on again. The test database's user owns the tables (PGlite: the only user; PostgreSQL: postgres).
 */
export async function tamper(db: Db, ...statements: SQL[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_events disable trigger audit_events_append_only`)
    await tx.execute(sql`alter table audit_events disable trigger audit_events_chain`)
    await tx.execute(sql`alter table audit_head disable trigger audit_head_forward_only`)
    await tx.execute(sql`alter table audit_head disable trigger audit_head_no_insert_delete`)
    for (const s of statements) await tx.execute(s)
    await tx.execute(sql`alter table audit_events enable trigger audit_events_append_only`)
    await tx.execute(sql`alter table audit_events enable trigger audit_events_chain`)
    await tx.execute(sql`alter table audit_head enable trigger audit_head_forward_only`)
    await tx.execute(sql`alter table audit_head enable trigger audit_head_no_insert_delete`)
  })
}
