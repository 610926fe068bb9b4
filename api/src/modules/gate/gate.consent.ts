/**
 * Consent evaluation, the heart of the gate (DESIGN.md promise 1): effective permission is the photo's
 * licence intersected with the CURRENT consent of everyone in it, for one day. Pure: the gate service
 * (gate.service.ts) gathers its inputs, from the database or from the photo records (gate.records.ts),
 * and memoises the verdict per record and day (a record never changes; a change makes a new one).
 */
import type { Topic, Use } from '../../../../contract/vocabulary.ts'

export interface LicenceTerms {
  ref: string
  permittedUses: readonly Use[]
  /** Topics excluded unless everyone pictured opted in. */
  prohibitedTopics: readonly Topic[]
}

export interface CurrentConsent {
  subjectId: string
  version: number
  state: 'active' | 'withdrawn'
  uses: Use[]
  excludedTopics: Topic[]
  identifiable: boolean
  identifiabilityAgreed: boolean
  outletAllow: string[] | null
  outletDeny: string[]
  publicPreview: boolean
  /** 'YYYY-MM-DD', inclusive. */
  validFrom: string
  validUntil: string
  reason: string | null
}

export interface GatePhoto {
  status: 'draft' | 'in_review' | 'returned' | 'published' | 'withdrawn'
  noPeopleDeclared: boolean
  /** Everyone linked to the photo, with or without a consent record. */
  subjectIds: readonly string[]
}

export type BlockReason = 'no-people-undeclared' | 'no-consent' | 'withdrawn' | 'expired' | 'not-yet-valid' | 'identifiability-not-agreed' | 'no-common-use'

export interface Block {
  reason: BlockReason
  subjectId?: string
}

export interface Permission {
  uses: Use[]
  excludedTopics: Topic[]
  /** null: any outlet not denied. */
  outletAllow: string[] | null
  outletDeny: string[]
  publicPreview: boolean
  /** The first day on which some consent no longer holds (null for photos without people). */
  validUntil: string | null
}

export type ConsentVerdict = { ok: true; permission: Permission } | { ok: false; blocks: Block[] }

/** What the consent of everyone in the photo allows under its licence, ignoring the photo's own status. */
export function evaluateConsent(photo: GatePhoto, consents: ReadonlyMap<string, CurrentConsent>, licence: LicenceTerms, today: string): ConsentVerdict {
  const blocks: Block[] = []
  if (photo.subjectIds.length === 0) {
    if (!photo.noPeopleDeclared) return { ok: false, blocks: [{ reason: 'no-people-undeclared' }] }
    return {
      ok: true,
      permission: {
        uses: [...licence.permittedUses],
        excludedTopics: [...licence.prohibitedTopics],
        outletAllow: null,
        outletDeny: [],
        publicPreview: true,
        validUntil: null,
      },
    }
  }
  let uses = new Set<Use>(licence.permittedUses)
  // A licence's topics are the defaults that everyone pictured may lift for themselves (DESIGN.md: "the
  // model may opt in to any of them"); a consent starts from them, so only an explicit opt-in lifts one.
  // What a licence forbids absolutely (implying the person is a victim, ill, an offender) is its text,
  // which travels with every download. For a photo without people the licence's topics stand.
  const excluded = new Set<Topic>()
  let allow: Set<string> | null = null
  const deny = new Set<string>()
  let publicPreview = true
  let validUntil: string | null = null
  for (const subjectId of photo.subjectIds) {
    const c = consents.get(subjectId)
    if (!c) {
      blocks.push({ reason: 'no-consent', subjectId })
      continue
    }
    if (c.state === 'withdrawn') blocks.push({ reason: c.reason === 'expired' ? 'expired' : 'withdrawn', subjectId })
    else if (c.validUntil < today) blocks.push({ reason: 'expired', subjectId })
    else if (c.validFrom > today) blocks.push({ reason: 'not-yet-valid', subjectId })
    else if (c.identifiable && !c.identifiabilityAgreed) blocks.push({ reason: 'identifiability-not-agreed', subjectId })
    uses = new Set([...uses].filter((u) => c.uses.includes(u)))
    for (const t of c.excludedTopics) excluded.add(t)
    const allowList = c.outletAllow
    if (allowList) allow = allow ? new Set([...allow].filter((o: string) => allowList.includes(o))) : new Set<string>(allowList)
    for (const o of c.outletDeny) deny.add(o)
    publicPreview &&= c.publicPreview
    if (validUntil === null || c.validUntil < validUntil) validUntil = c.validUntil
  }
  if (blocks.length === 0 && uses.size === 0) blocks.push({ reason: 'no-common-use' })
  if (blocks.length) return { ok: false, blocks }
  return {
    ok: true,
    permission: {
      uses: [...uses],
      excludedTopics: [...excluded],
      outletAllow: allow ? [...allow].filter((o) => !deny.has(o)) : null,
      outletDeny: [...deny],
      publicPreview,
      validUntil,
    },
  }
}

export type GateVerdict = { shown: true; permission: Permission } | { shown: false; gone: boolean; blocks: Block[] }

/**
 * Whether a photo may be shown at all right now. `gone` marks a photo that was published and is no
 * longer (withdrawn, expired, narrowed away): answered with 410 rather than 404.
 */
export function effectivePermission(photo: GatePhoto, consents: ReadonlyMap<string, CurrentConsent>, licence: LicenceTerms, today: string): GateVerdict {
  if (photo.status === 'withdrawn') return { shown: false, gone: true, blocks: [{ reason: 'withdrawn' }] }
  const v = evaluateConsent(photo, consents, licence, today)
  if (photo.status !== 'published') return { shown: false, gone: false, blocks: v.ok ? [] : v.blocks }
  return v.ok ? { shown: true, permission: v.permission } : { shown: false, gone: true, blocks: v.blocks }
}

export interface UseRequest {
  use: Use
  topic?: Topic | null
  outletId?: string | null
}

export type UseDecision = { allowed: true } | { allowed: false; reason: 'use-not-permitted' | 'topic-excluded' | 'outlet-not-permitted'; detail: string }

/** Whether one stated use (a download) falls inside a photo's effective permission. */
export function decideUse(p: Permission, req: UseRequest): UseDecision {
  if (!p.uses.includes(req.use)) return { allowed: false, reason: 'use-not-permitted', detail: `The use "${req.use}" is not permitted for this photo.` }
  if (req.topic && p.excludedTopics.includes(req.topic))
    return { allowed: false, reason: 'topic-excluded', detail: `The topic "${req.topic}" is not permitted for this photo.` }
  if (req.outletId && (p.outletDeny.includes(req.outletId) || (p.outletAllow !== null && !p.outletAllow.includes(req.outletId)))) {
    return { allowed: false, reason: 'outlet-not-permitted', detail: 'This photo may not be used by your organisation.' }
  }
  return { allowed: true }
}

export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10)

/** Who is in a photo and their current consent: with the photo row, everything the gate decides on. */
export interface GateInputs {
  subjectIds: string[]
  consents: ReadonlyMap<string, CurrentConsent>
}
