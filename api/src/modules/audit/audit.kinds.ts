/** The audit trail's closed vocabularies, shared by its table, its events and its callers (no table here). */

export const ACTOR_KINDS = ['user', 'subject', 'system', 'organisation'] as const
export type ActorKind = (typeof ACTOR_KINDS)[number]

/** SQLSTATEs raised by the triggers of migration audit_append_only, so callers can tell them apart. */
export const AUDIT_SQLSTATE = {
  /** UPDATE, DELETE or TRUNCATE on audit_events. */
  appendOnly: 'EBA01',
  /** An inserted event whose seq or prev_hash does not continue the head. */
  notChained: 'EBA02',
  /** Anything on audit_head but moving it one event forward. */
  head: 'EBA03',
} as const
