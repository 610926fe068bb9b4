import { and, inArray, isNull } from 'drizzle-orm'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.ts'
import type { Ledger, LedgerRecord } from '../../platform/ledger.ts'
import { consentRepo, type ConsentService } from '../consent/index.ts'
import { apiKeys, type ApiKeyService } from '../desks/index.ts'
import { LEDGER_ACTOR, type ErasureService } from '../erasure/index.ts'
import type { PortalService } from '../portal/index.ts'

export interface Reapplied {
  entries: number
  withdrawals: number
  erasures: number
  portalLinks: number
  apiKeys: number
  /** Lines torn by a crash mid-append (skipped), and entries that could not be applied (logged by ids). */
  torn: number
  failed: number
}

const ACTOR = { kind: 'system', id: 'ledger' } as const

/**
 * Makes the database agree with the ledger again: every erasure, withdrawal and revocation written there
 * holds in the database afterwards. Runs at every start before anything is served (a data directory restored
 * by hand is caught too) and at the end of `backup restore`. What already holds is left alone, so a
 * start with nothing restored costs one read of the file and a few indexed lookups.
 */
export async function reapplyLedger(deps: {
  db: Db
  ledger: Ledger
  consent: ConsentService
  erasure: ErasureService
  portal: PortalService
  apiKeys: ApiKeyService
  log: FastifyBaseLogger
}): Promise<Reapplied> {
  const { entries, torn } = await deps.ledger.read()
  const done: Reapplied = { entries: entries.length, withdrawals: 0, erasures: 0, portalLinks: 0, apiKeys: 0, torn, failed: 0 }
  if (!entries.length) return done
  const of = <K extends LedgerRecord['kind']>(kind: K) => entries.filter((e): e is Extract<LedgerRecord, { kind: K }> => e.kind === kind)
  const attempt = async (what: Record<string, string>, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (err) {
      done.failed++
      deps.log.error({ ...what, err: (err as Error).name }, 'ledger entry could not be re-applied')
    }
  }

  // Erasures first: each withdraws every photo the person is in, so their withdrawals need nothing more.
  const erased = [...new Set(of('erasure').map((e) => e.subjectId))]
  if (erased.length) {
    for (const id of await consentRepo.unerasedSubjectIds(deps.db, erased)) {
      await attempt({ subjectId: id }, async () => {
        const request = await deps.portal.requestErasure(id)
        await deps.erasure.carryOut(request.id, LEDGER_ACTOR)
        done.erasures++
      })
    }
  }

  const withdrawals = of('withdrawal')
  if (withdrawals.length) {
    // Only pairs still linked whose consent is not withdrawn (or whose photo is not): one query for all.
    const open = await consentRepo.pairsNotYetWithdrawn(deps.db, withdrawals)
    const reason = new Map(withdrawals.map((w) => [`${w.photoId}/${w.subjectId}`, w.reason]))
    for (const r of new Map(open.map((o) => [`${o.photo_id}/${o.subject_id}`, o])).values()) {
      await attempt({ photoId: r.photo_id }, async () => {
        await deps.consent.withdraw(r.photo_id, r.subject_id, ACTOR, reason.get(`${r.photo_id}/${r.subject_id}`) ?? 'withdrawn')
        done.withdrawals++
      })
    }
  }

  const links = of('portal-links-revoked').flatMap((e) => e.linkIds)
  if (links.length) done.portalLinks = await deps.portal.revokeLinks([...new Set(links)])

  const keys = [...new Set(of('api-key-revoked').map((e) => e.keyId))]
  // A key made after the backup is not in the restored database: nothing to revoke.
  const live = keys.length
    ? await deps.db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(inArray(apiKeys.id, keys), isNull(apiKeys.revokedAt)))
    : []
  for (const { id } of live) {
    await attempt({ keyId: id }, async () => {
      await deps.apiKeys.revoke(id, null, ACTOR)
      done.apiKeys++
    })
  }
  return done
}
