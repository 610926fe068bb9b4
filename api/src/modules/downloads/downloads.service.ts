import crypto from 'node:crypto'
import type { Config } from '../../config.ts'
import type { Db, DbOrTx } from '../../db/client.ts'
import { decryptBuffer, type MasterKey } from '../../platform/crypto.ts'
import { problems } from '../../platform/problems.ts'
import type { Semaphore } from '../../platform/semaphore.ts'
import type { AuditLog } from '../audit/index.ts'
import type { Principal } from '../auth/index.ts'
import type { Channel, Topic, Use } from '../../../../contract/vocabulary.ts'
import { callerOf, gateProblem, type DenyReason, type Gate, type Preset } from '../gate/index.ts'
import { desksRepo } from '../desks/index.ts'
import { attributions, type Licence } from '../licences/index.ts'
import { MediaError, MIME, PRESETS, renderFull, stampRights } from '../media/index.ts'
import type { Lang, PhotosService, RightsGrant } from '../photos/index.ts'
import { originalAad, photosRepo, rightsFor, type PhotoRow } from '../photos/index.ts'
import { mediaProblem, photoProblems } from '../photos/index.ts'
import type { BlobStore } from '../storage/index.ts'
import { OrganisationGrants } from './downloads.orgs.ts'
import { downloadProblems, REFUSAL_TITLES, type RefusalReason } from './downloads.problems.ts'
import * as downloadsRepo from './downloads.repo.ts'
import type { DownloadFormat, DownloadPreset, DownloadRequestT } from './downloads.schemas.ts'
import { actorOf, granted, type Granted } from './downloads.views.ts'
import { parseLicenceRef } from '../../../../contract/licence-ref.ts'

export interface DownloadsDeps {
  db: Db
  /** The one door (modules/gate): asked when a download is requested and again when its link is fetched. */
  gate: Gate
  /** Who lifted a protective topic for this photo ('person': everyone pictured, themselves); recorded with the grant. */
  topicLiftedBy?: (tx: DbOrTx, photoId: string, topic: Topic | null) => Promise<'person' | null>
  licence: (ref: string) => Licence | undefined
  blobs: BlobStore
  masterKey: MasterKey
  pipeline: Semaphore
  audit: AuditLog
  config: Pick<Config, 'publicUrl' | 'upload' | 'downloads'>
  /** What a served file says about its terms, written when served (photos.rights.ts). */
  photos: Pick<PhotosService, 'served' | 'stamped'>
}

/** What a licence change did to downloads already made (downloads.service.ts grantsHold). */
export interface GrantsHold {
  total: number
  holding: number
  ended: { reason: DenyReason; count: number; detail: string }[]
}

/**
 * Downloads for media organisations: a stated use is checked against the gate, recorded as a grant with
 * the exact licence version, and answered with a short-lived signed URL for one preset.
 */
export class DownloadsService {
  readonly #urlKey: Buffer
  readonly #orgs: OrganisationGrants

  constructor(private readonly deps: DownloadsDeps) {
    this.#urlKey = deps.masterKey.derive('download-url')
    this.#orgs = new OrganisationGrants(deps)
  }

  /**
   * Gate, decision and grant in one transaction, holding the photo row FOR SHARE: a withdrawal locks it
   * FOR UPDATE before it queues takedown notices for every grant, so a grant is either visible to that
   * withdrawal (and gets its notice) or made after it (and refused by the gate).
   */
  async request(photoId: string, principal: Principal, body: DownloadRequestT, onGrant?: (tx: DbOrTx, granted: Granted) => Promise<void>) {
    const organisationId = principal.organisationId
    const preset: DownloadPreset = body.preset ?? 'large'
    const format: DownloadFormat = body.format ?? 'jpeg'
    const topic = body.topic ?? null
    const { db, audit } = this.deps

    const outcome = await db.transaction(async (tx) => {
      await photosRepo.lockPhoto(tx, photoId, 'share')
      const d = (
        await this.deps.gate.check([photoId], { kind: 'download', use: body.use, channel: body.channel as Channel, topic, preset }, callerOf(principal), tx)
      ).get(photoId)!
      if (!d.ok) {
        if (d.outcome === 'refused' && d.reason in REFUSAL_TITLES)
          return { kind: 'refused', refusal: { reason: d.reason as RefusalReason, detail: d.detail } } as const
        throw gateProblem(d)
      }
      const { photo } = d.record
      const permission = d.permission!
      const licence = this.deps.licence(photo.licence)
      if (!licence || licence.status !== 'published') throw photoProblems.notFound()

      // A named preset the photo is too small for (never upscaled) becomes the largest it has below it.
      let served: DownloadPreset = preset
      if (preset !== 'full') {
        const have = new Set(d.record.derivatives.filter((x) => x.format === format).map((x) => x.preset))
        const upTo = PRESETS.slice(0, PRESETS.findIndex((p) => p.name === preset) + 1).filter((p) => have.has(p.name))
        const best = upTo.at(-1)
        if (!best) throw photoProblems.derivativeNotReady()
        served = best.name
      }
      const attribution = attributions(licence, { photographer: photo.credit, title: { nl: photo.captionNl, en: photo.captionEn } })
      const topicLiftedBy = (await this.deps.topicLiftedBy?.(tx, photo.id, topic)) ?? null
      const grant = await downloadsRepo.insertGrant(tx, {
        photoId: photo.id,
        organisationId: organisationId!,
        requestedBy: principal.via === 'apikey' ? null : principal.userId,
        // For an API key its id (userId and sessionId are the key's own): revoking it ends these links.
        apiKeyId: principal.via === 'apikey' ? principal.sessionId : null,
        licence: photo.licence,
        use: body.use,
        channel: body.channel,
        topic,
        outlet: body.outlet?.trim() || null,
        headline: body.headline?.trim() || null,
        articleUrl: body.articleUrl ?? null,
        preset: served,
        format,
        attribution,
        topicLiftedBy,
      })
      const { id: licenceId, version: licenceVersion } = parseLicenceRef(photo.licence) ?? {}
      await audit.append(tx, {
        type: 'download.granted',
        actor: actorOf(principal),
        photoId: photo.id,
        data: {
          grantId: grant.id,
          organisationId,
          licence: licenceId!,
          licenceVersion: licenceVersion!,
          use: body.use,
          channel: body.channel,
          topic,
          preset: served,
          format,
          ...(topicLiftedBy ? { topicLiftedBy } : {}),
        },
      })
      // What the response says besides its signed link, handed over in this transaction (Idempotency-Key).
      await onGrant?.(tx, granted(grant, licence, permission, attribution))
      return { kind: 'granted', grant, licence, permission, attribution } as const
    })

    if (outcome.kind === 'refused') {
      // Nothing recorded but this: ids and codes (the outlet, headline and URL are free text and stay out).
      const { reason, detail } = outcome.refusal
      await audit.append(db, {
        type: 'download.refused',
        actor: actorOf(principal),
        photoId,
        data: { reason, organisationId, use: body.use, channel: body.channel, topic },
      })
      throw downloadProblems.refused(reason, detail)
    }
    const { grant, licence, permission, attribution } = outcome
    return this.withLink(granted(grant, licence, permission, attribution))
  }

  /** A grant's response with a freshly signed short-lived link (also for an Idempotency-Key replay). */
  withLink(g: Granted) {
    const { url, expiresAt } = this.signedUrl(g.grant.id)
    return { grant: g.grant, url, expiresAt: expiresAt.toISOString(), attribution: g.attribution, captionNote: g.captionNote, terms: g.terms }
  }

  // ---- signed URLs ---------------------------------------------------------------------------------

  #sign(grantId: string, exp: number): string {
    return crypto.createHmac('sha256', this.#urlKey).update(`download:${grantId}:${exp}`).digest('base64url')
  }

  signedUrl(grantId: string, now = Date.now()): { url: string; expiresAt: Date } {
    const exp = Math.floor(now / 1000) + this.deps.config.downloads.urlTtlSeconds
    const url = `${this.deps.config.publicUrl ?? ''}/v1/downloads/${grantId}/file?exp=${exp}&sig=${this.#sign(grantId, exp)}`
    return { url, expiresAt: new Date(exp * 1000) }
  }

  /** Signature first (constant time), then expiry: an expired link says so only when it was genuine. */
  verify(grantId: string, exp: number, sig: string, now = Date.now()): void {
    const want = Buffer.from(this.#sign(grantId, exp))
    const got = Buffer.from(sig)
    if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) throw downloadProblems.linkInvalid()
    if (exp * 1000 <= now) throw downloadProblems.linkExpired()
  }

  /**
   * The file behind a signed URL. The gate is asked again now, for the link's holder: a withdrawal (or a
   * narrowing that no longer covers the granted use or outlet), a disabled organisation, a revoked key or a
   * journalist who left between the grant and the fetch means no bytes.
   */
  async file(grantId: string, exp: number, sig: string, lang: Lang = 'nl') {
    this.verify(grantId, exp, sig)
    const { db } = this.deps
    const grant = await downloadsRepo.grantById(db, grantId)
    if (!grant) throw downloadProblems.grantNotFound()
    const allowed = await this.deps.gate.require(
      grant.photoId,
      {
        kind: 'download',
        use: grant.use as Use,
        channel: grant.channel as Channel,
        topic: grant.topic as Topic | null,
        preset: grant.preset as Preset,
        licence: grant.licence,
      },
      { kind: 'link', organisationId: grant.organisationId, apiKeyId: grant.apiKeyId, userId: grant.requestedBy },
    )
    const { photo } = allowed.record

    const format = grant.format as 'jpeg' | 'webp'
    // The file carries its grant: licensee, grant id, use, channel, topic, licence version, consent end.
    const org = await desksRepo.organisationName(db, grant.organisationId)
    const licence = this.deps.licence(grant.licence)
    if (!licence) throw photoProblems.gone()
    const rightsGrant: RightsGrant = {
      id: grant.id,
      organisation: org?.name ?? '',
      use: grant.use,
      channel: grant.channel,
      topic: grant.topic,
      licence,
      createdAt: grant.createdAt,
      validUntil: allowed.permission?.validUntil ?? null,
    }
    // Written from the record the gate decided on, so the file says what was just allowed.
    const { rights, fileName: filename } = this.deps.photos.served(allowed.record, lang, grant.preset, format, rightsGrant)
    if (grant.preset !== 'full') {
      const row = allowed.record.derivatives.find((x) => x.preset === grant.preset && x.format === format)
      if (!row) throw photoProblems.derivativeNotReady()
      return { buffer: await this.deps.photos.stamped(row, rights), mime: MIME[format], filename }
    }
    return { buffer: stampRights(await this.#renderFull(photo, format), format, rights), mime: MIME[format], filename }
  }

  /** One grant by id, for the live rights check (modules/rights); undefined when there is none. */
  async grant(grantId: string) {
    return downloadsRepo.grantById(this.deps.db, grantId)
  }

  /**
   * Whether the photo's download grants still hold, as the gate decides now for each grant's holder (its
   * use, channel, topic, organisation and key, under the licence the grant keeps): after a licence change,
   * to tell the curator what it did to downloads already made. Grouped, so a popular photo costs one query.
   */
  async grantsHold(photoId: string): Promise<GrantsHold> {
    const rows = await downloadsRepo.grantGroupsOfPhoto(this.deps.db, photoId)
    const out: GrantsHold = { total: 0, holding: 0, ended: [] }
    for (const r of rows) {
      const purpose = {
        kind: 'download' as const,
        use: r.use as Use,
        channel: r.channel as Channel,
        topic: r.topic as Topic | null,
        preset: 'thumb' as const,
        licence: r.licence,
      }
      const d = (
        await this.deps.gate.check([photoId], purpose, { kind: 'link', organisationId: r.organisationId, apiKeyId: r.apiKeyId, userId: r.requestedBy })
      ).get(photoId)!
      out.total += r.n
      if (d.ok) out.holding += r.n
      else {
        const e = out.ended.find((x) => x.reason === d.reason)
        if (e) e.count += r.n
        else out.ended.push({ reason: d.reason, count: r.n, detail: d.detail })
      }
    }
    return out
  }

  /** 'full': decrypted in memory, re-encoded from pixels with rights only; never the original's bytes. */
  async #renderFull(photo: PhotoRow, format: 'jpeg' | 'webp'): Promise<Buffer> {
    const release = await this.deps.pipeline.acquire()
    if (!release) throw problems.busy(5)
    const maxPixels = this.deps.config.upload.maxPixels
    try {
      const dataKey = this.deps.masterKey.unwrap(photo.originalWrappedKey)
      const original = decryptBuffer(dataKey, await this.deps.blobs.get(photo.originalKey), originalAad(photo.id))
      const { bytes } = await renderFull(original, { format, rights: rightsFor(photo), maxPixels })
      return bytes
    } catch (err) {
      throw err instanceof MediaError ? mediaProblem(err, maxPixels) : err
    } finally {
      release()
    }
  }

  // ---- per organisation (downloads.orgs.ts) --------------------------------------------------------

  list(orgId: string, principal: Principal, limit: number, cursor: string | undefined) {
    return this.#orgs.list(orgId, principal, limit, cursor)
  }

  csv(orgId: string, principal: Principal) {
    return this.#orgs.csv(orgId, principal)
  }

  reportPublication(grantId: string, principal: Principal, publicationUrl: string | null) {
    return this.#orgs.reportPublication(grantId, principal, publicationUrl)
  }
}
