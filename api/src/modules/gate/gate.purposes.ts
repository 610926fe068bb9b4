/**
 * The gate's vocabulary: what a caller wants to do with a photo (a purpose, a closed set), who the caller
 * is, and the answer. Nothing outside modules/gate interprets a purpose or a caller: they ask the gate.
 */
import type { Principal } from '../auth/index.ts'
import type { Channel, Topic, Use } from '../../../../contract/vocabulary.ts'
import type { Permission } from './gate.consent.ts'
import type { PhotoRecord } from './gate.records.ts'

/** The sizes a photo is served in; 'full' only ever through a download grant. */
export type Preset = 'thumb' | 'small' | 'medium' | 'large' | 'full'
export const PRESET_ORDER: readonly Preset[] = ['thumb', 'small', 'medium', 'large', 'full']

export type Purpose =
  /** Its management view (photographer, staff): whatever its status. */
  | { kind: 'manage' }
  /** An entry in a listing (a search hit, a gallery card): what the caller may see of it there. */
  | { kind: 'preview' }
  /** Its detail page / JSON. */
  | { kind: 'view' }
  /** The bytes of one size through /v1/photos/:id/media. */
  | { kind: 'media'; preset: Preset }
  /**
   * A download: asked for (a grant) or fetched (the grant's signed link, caller { kind: 'link' }).
   * `licence`: a grant's, which it keeps whatever the photo's licence became since (only the consent of
   * the people pictured, the organisation or the key can end it).
   */
  | { kind: 'download'; use: Use; channel: Channel; topic: Topic | null; preset: Preset; licence?: string }
  /** The revocable embed and its oEmbed description: shown to anyone, on any site. */
  | { kind: 'embed' }
  /** A curator's collection or exhibition: listed as available, and exported (ZIP, IIIF). */
  | { kind: 'export'; of: 'collection' | 'exhibition' }
  /** Its entry in the search index. */
  | { kind: 'index' }
  /** The person pictured, in their portal: the one exception to "published". */
  | { kind: 'portal-preview'; preset: Preset }
  /**
   * The public rights statement of a photo once published (/rights/:id, /rights/grants/:id), to anyone:
   * what holds now, also after it ended (then: remove it). No media. `licence`: a download's, which it
   * keeps whatever the photo's licence became since.
   */
  | { kind: 'rights'; licence?: string }

export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'principal'; principal: Principal }
  /** The holder of a download grant's signed link: re-checked when fetched (organisation, key, member). */
  | { kind: 'link'; organisationId: string; apiKeyId: string | null; userId: string | null }
  /** The person pictured, through their portal link. */
  | { kind: 'person'; subjectId: string }
  /** The bank itself: search indexing. */
  | { kind: 'system' }

export const ANONYMOUS: Caller = { kind: 'anonymous' }
export const SYSTEM: Caller = { kind: 'system' }
/** A request's caller: its principal, or anonymous. */
export const callerOf = (principal: Principal | null): Caller => (principal ? { kind: 'principal', principal } : ANONYMOUS)
export const personCaller = (subjectId: string): Caller => ({ kind: 'person', subjectId })

/**
 * How the caller stands to this photo (DESIGN.md "Who sees what"):
 *  review  curator or admin: everything, for review;
 *  owner   its photographer: all sizes;
 *  desk    a journalist or key of an enabled organisation no one pictured excludes: detail and medium;
 *  public  anyone else: thumb/small while everyone allows a public preview;
 *  person  the person pictured, in the portal: previews whatever the state;
 *  grant   a download's signed link, or the bank itself (indexing, exports).
 */
export type Access = 'review' | 'owner' | 'desk' | 'public' | 'person' | 'grant'

export type DenyReason =
  // about the photo
  | 'missing'
  | 'erased'
  | 'withdrawn'
  | 'not-published'
  | 'not-shown'
  // about the caller and what they ask
  | 'not-yours'
  | 'no-public-preview'
  | 'preset-not-permitted'
  | 'not-embeddable'
  | 'no-organisation'
  | 'organisation-disabled'
  | 'key-revoked'
  | 'outlet-not-permitted'
  | 'use-not-permitted'
  | 'topic-excluded'
  | 'channel-not-permitted'
  | 'exhibition-not-covered'

export interface Allowed {
  ok: true
  record: PhotoRecord
  access: Access
  /** The sizes this caller may have of it, smallest first. */
  presets: readonly Preset[]
  /** The effective permission (licence ∩ everyone's consent) while the photo is shown; else null. */
  permission: Permission | null
  /** Whether the caller is told the permission (uses, topics, validity): not an anonymous preview. */
  disclosed: boolean
}

export interface Denied {
  ok: false
  /** How it is answered: 404 (its existence does not show), 410 (it was, and may no longer be), 403. */
  outcome: 'not-found' | 'gone' | 'refused'
  reason: DenyReason
  detail: string
}

export type Decision = Allowed | Denied
