/**
 * The rules (DESIGN.md "Who sees what"), as one pure function: a photo record, the consent verdict on it
 * today, a purpose and a resolved caller → a decision. No database, no clock: the gate service gathers the
 * inputs, this decides.
 */
import { channelFits } from '../../../../contract/vocabulary.ts'
import { decideUse, type GateVerdict, type Permission } from './gate.consent.ts'
import type { Access, Decision, DenyReason, Preset, Purpose } from './gate.purposes.ts'
import type { PhotoRecord } from './gate.records.ts'

/** A caller with everything the rules need to know about them already looked up. */
export type Who =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string }
  | { kind: 'photographer'; userId: string }
  /** A journalist or an API key; organisationId null: no enabled organisation (disabled, or none). */
  | { kind: 'desk'; organisationId: string | null }
  /** A signed download link's holder; `ended` when the organisation, key or membership no longer holds. */
  | { kind: 'link'; organisationId: string; ended: 'organisation-disabled' | 'key-revoked' | 'no-organisation' | null }
  | { kind: 'person'; subjectId: string }
  | { kind: 'system' }

const ALL: readonly Preset[] = ['thumb', 'small', 'medium', 'large']
const DESK: readonly Preset[] = ['thumb', 'small', 'medium']
const PUBLIC: readonly Preset[] = ['thumb', 'small']
const DOWNLOAD: readonly Preset[] = ['thumb', 'small', 'medium', 'large', 'full']

const DETAIL: Record<DenyReason, string> = {
  missing: 'There is no photo with this id that you may see.',
  erased: 'This photo is no longer available.',
  withdrawn: 'This photo is no longer available.',
  'not-published': 'There is no photo with this id that you may see.',
  'not-shown': 'This photo is no longer available.',
  'not-yours': 'There is no photo with this id that you may see.',
  'no-public-preview': 'There is no photo with this id that you may see.',
  'preset-not-permitted': 'This size is not available to you. Larger sizes come with a download for your organisation.',
  'not-embeddable': 'This photo may not be embedded.',
  'no-organisation': 'Downloads are made for a media organisation: use an API key, or a journalist account of an enabled organisation.',
  'organisation-disabled': 'Your organisation is not enabled: its downloads and links no longer work.',
  'key-revoked': 'The API key this download was made with has been revoked: its links no longer work.',
  'outlet-not-permitted': 'This photo may not be used by your organisation.',
  'use-not-permitted': 'This use is not permitted for this photo.',
  'topic-excluded': 'This topic is not permitted for this photo.',
  'channel-not-permitted': 'This channel does not fit the stated use.',
  'exhibition-not-covered': 'The licence or the consent of someone in this photo does not cover exhibitions.',
}

const deny = (outcome: 'not-found' | 'gone' | 'refused', reason: DenyReason, detail = DETAIL[reason]): Decision => ({ ok: false, outcome, reason, detail })
const allow = (record: PhotoRecord, access: Access, presets: readonly Preset[], permission: Permission | null, disclosed: boolean): Decision => ({
  ok: true,
  record,
  access,
  presets,
  permission,
  disclosed,
})

/** Whether an organisation falls outside someone's outlet rules. */
export const outletExcluded = (p: Permission, organisationId: string) =>
  p.outletDeny.includes(organisationId) || (p.outletAllow !== null && !p.outletAllow.includes(organisationId))

/** Why a photo that is not shown is not: gone (was published) or not found (never was, to this caller). */
function notShown(record: PhotoRecord, verdict: GateVerdict): Decision {
  if (record.photo.status === 'withdrawn') return deny('gone', 'withdrawn')
  if (!verdict.shown && verdict.gone) return deny('gone', 'not-shown')
  return deny('not-found', 'not-published')
}

/**
 * The rights statement: for anyone, of a photo that was published. Never published: as if it never
 * existed. Erased: gone (the statement then says "remove", and nothing of it). Otherwise the effective
 * permission while it is shown (told: the statement is what a holder must keep to), null once it is not.
 */
function rightsStatement(record: PhotoRecord, verdict: GateVerdict): Decision {
  const photo = record.photo
  if (photo.publishedAt === null) return deny('not-found', 'not-published')
  if (photo.erasedAt) return deny('gone', 'erased')
  return allow(record, 'public', [], verdict.shown ? verdict.permission : null, true)
}

export function decide(record: PhotoRecord, verdict: GateVerdict, purpose: Purpose, who: Who): Decision {
  const photo = record.photo
  if (purpose.kind === 'rights') return rightsStatement(record, verdict)
  // Someone in it was erased: gone for everyone, its photographer and the staff too (modules/erasure).
  if (photo.erasedAt) return deny('gone', 'erased')
  const permission = verdict.shown ? verdict.permission : null
  const staff = who.kind === 'staff'
  const owner = who.kind === 'photographer' && who.userId === photo.ownerId

  switch (purpose.kind) {
    case 'index':
      if (who.kind !== 'system') return deny('not-found', 'not-yours')
      return permission ? allow(record, 'grant', [], permission, true) : notShown(record, verdict)

    case 'portal-preview': {
      if (who.kind !== 'person' || !record.gate.subjectIds.includes(who.subjectId)) return deny('not-found', 'not-yours')
      if (photo.status === 'withdrawn') return deny('gone', 'withdrawn')
      if (!PUBLIC.includes(purpose.preset)) return deny('refused', 'preset-not-permitted')
      return allow(record, 'person', PUBLIC, permission, false)
    }

    case 'embed':
      if (!permission) return notShown(record, verdict)
      // Shown to anyone on any site: what an anonymous visitor may see, as an editorial publication.
      if (!permission.publicPreview || !permission.uses.includes('editorial')) return deny('gone', 'not-embeddable')
      return allow(record, 'public', PUBLIC, permission, false)

    case 'export':
      if (!staff && who.kind !== 'system') return deny('not-found', 'not-yours')
      if (photo.status === 'withdrawn') return deny('refused', 'withdrawn')
      if (!permission) return deny('refused', photo.status === 'published' ? 'not-shown' : 'not-published')
      if (purpose.of === 'exhibition' && !permission.uses.includes('exhibition')) return deny('refused', 'exhibition-not-covered')
      return allow(record, 'grant', ALL, permission, true)

    case 'download': {
      let organisationId: string
      if (who.kind === 'link') {
        if (who.ended) return deny('refused', who.ended)
        organisationId = who.organisationId
      } else if (who.kind === 'desk' && who.organisationId) organisationId = who.organisationId
      else return deny('refused', 'no-organisation')
      if (!permission) return notShown(record, verdict)
      if (!channelFits(purpose.use, purpose.channel))
        return deny('refused', 'channel-not-permitted', `The channel "${purpose.channel}" cannot carry the use "${purpose.use}".`)
      const d = decideUse(permission, { use: purpose.use, topic: purpose.topic, outletId: organisationId })
      if (!d.allowed) return deny('refused', d.reason, d.detail)
      return allow(record, 'grant', DOWNLOAD, permission, true)
    }

    case 'manage':
      if (!staff && !owner) return deny('not-found', 'not-yours')
      return allow(record, staff ? 'review' : 'owner', photo.status === 'withdrawn' ? [] : ALL, permission, true)

    case 'view':
    case 'preview':
    case 'media': {
      let access: Access
      let presets: readonly Preset[]
      if (staff || owner) {
        access = staff ? 'review' : 'owner'
        // A withdrawn photo still shows its record to them, never its media.
        presets = photo.status === 'withdrawn' ? [] : ALL
      } else if (!permission) return notShown(record, verdict)
      else if (who.kind === 'desk' && who.organisationId && !outletExcluded(permission, who.organisationId)) {
        access = 'desk'
        presets = DESK
      } else if (permission.publicPreview) {
        access = 'public'
        presets = PUBLIC
      } else {
        return deny('not-found', who.kind === 'desk' && who.organisationId ? 'outlet-not-permitted' : 'no-public-preview', DETAIL['no-public-preview'])
      }
      if (purpose.kind === 'media' && !presets.includes(purpose.preset)) {
        return photo.status === 'withdrawn' ? deny('gone', 'withdrawn') : deny('refused', 'preset-not-permitted')
      }
      return allow(record, access, presets, permission, access !== 'public')
    }
  }
}
