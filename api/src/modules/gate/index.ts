/**
 * gate: the one door every read of a photo goes through (DESIGN.md promise 1, "Who sees what"). It holds
 * the consent evaluation (licence ∩ everyone's current consent), the rules per caller and purpose (preview
 * tiers, organisations, keys, outlet rules, erasure), the photo read model with its change feed, and the
 * verdict memo. Callers ask `gate.require(id, purpose, caller)` or `gate.check(ids, purpose, caller)`.
 * Must never: let a caller interpret a purpose or re-check erasure itself, keep a record past a change it
 * has been told of, keep records while the change feed is not heard, or serve 'large'/'full' outside a
 * download grant (or to the photographer and the staff).
 */
export { Gate, type GateDeps } from './gate.service.ts'
export * from './gate.purposes.ts'
export * from './gate.consent.ts'
export { gateProblem, gateProblems } from './gate.problems.ts'
export { forgetOnWrite } from './gate.feed.ts'
export { outletExcluded } from './gate.rules.ts'
export { PhotoRecords, photoRecordLoader, photoRecordReader, inPresetOrder, mediaUrl, type PhotoRecord } from './gate.records.ts'
