/**
 * An organisation's downloads: the grant list (keyset pages), its CSV export, and the publication an
 * organisation reports for a grant (the person pictured then sees it in the portal). Members of the
 * organisation and the admin only.
 */
import { stringify } from 'csv-stringify/sync'
import type { Db } from '../../db/client.ts'
import { neutraliseCell } from '../../platform/csv.ts'
import { decodeKeysetCursor, encodeKeysetCursor } from '../../platform/cursor.ts'
import { problems } from '../../platform/problems.ts'
import type { AuditLog } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import { desksRepo } from '../desks/index.ts'
import { downloadProblems } from './downloads.problems.ts'
import * as downloadsRepo from './downloads.repo.ts'
import { actorOf, grantView } from './downloads.views.ts'

export class OrganisationGrants {
  constructor(private readonly deps: { db: Db; audit: AuditLog }) {}

  /** Members of the organisation (and the admin) only; others get 403 without learning more. */
  async #orgAccess(orgId: string, principal: Principal) {
    if (principal.role !== 'admin' && principal.organisationId !== orgId) throw problems.forbidden('Only members of this organisation can see its downloads.')
    const org = await desksRepo.organisationById(this.deps.db, orgId)
    if (!org) throw downloadProblems.orgNotFound()
  }

  async list(orgId: string, principal: Principal, limit: number, cursor: string | undefined) {
    await this.#orgAccess(orgId, principal)
    const rows = await downloadsRepo.grantsOfOrganisation(this.deps.db, orgId, limit + 1, cursor ? decodeKeysetCursor(cursor) : undefined)
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return { items: page.map(grantView), nextCursor: rows.length > limit && last ? encodeKeysetCursor(last.createdAt, last.id) : null }
  }

  /** Every grant of the organisation as CSV, newest first; cells that a spreadsheet would run as a formula are neutralised. */
  async csv(orgId: string, principal: Principal): Promise<string> {
    await this.#orgAccess(orgId, principal)
    const rows = await downloadsRepo.grantsOfOrganisation(this.deps.db, orgId, 100_000)
    const header = [
      'id',
      'createdAt',
      'photoId',
      'licence',
      'use',
      'channel',
      'topic',
      'outlet',
      'headline',
      'articleUrl',
      'publicationUrl',
      'preset',
      'format',
      'attributionNl',
      'attributionEn',
    ]
    const records = rows.map((g) => [
      g.id,
      g.createdAt.toISOString(),
      g.photoId,
      g.licence,
      g.use,
      g.channel,
      g.topic ?? '',
      g.outlet ?? '',
      g.headline ?? '',
      g.articleUrl ?? '',
      g.publicationUrl ?? '',
      g.preset,
      g.format,
      g.attribution?.nl.text ?? '',
      g.attribution?.en.text ?? '',
    ])
    return stringify([header, ...records.map((r) => r.map(neutraliseCell))], { quoted_string: true, record_delimiter: 'windows' })
  }

  /** The organisation reports where it published the photo; the person pictured sees it in the portal. */
  async reportPublication(grantId: string, principal: Principal, publicationUrl: string | null) {
    const grant = await downloadsRepo.grantById(this.deps.db, grantId)
    if (!grant || !principal.organisationId || grant.organisationId !== principal.organisationId) throw downloadProblems.grantNotFound()
    return this.deps.db.transaction(async (tx) => {
      const row = await downloadsRepo.setPublication(tx, grantId, publicationUrl)
      await this.deps.audit.append(tx, {
        type: 'download.publication-reported',
        actor: actorOf(principal),
        photoId: grant.photoId,
        data: { grantId, organisationId: grant.organisationId, reported: publicationUrl !== null },
      })
      return grantView(row!)
    })
  }
}
