/**
 * consent: the people in photos (by pseudonym), their versioned consent, the gate that decides what may
 * happen with a photo, review and publication, withdrawal, and expiry (renewal questions before the last
 * day, a withdrawal marked 'expired' after it).
 * Must never: decide visibility anywhere but in the gate, update a consent version in place, let a
 * photographer see or link another photographer's people, or hold anything that identifies a person
 * (that is the vault's).
 */
export * from './consent.gate.ts'
export { ConsentService, currentFromRows, consentProblems, narrowingOf, type ConsentInput, type Actor, type NoticePort, type PublishBlocker, type GateInputs } from './consent.service.ts'
export { consentRoutes } from './consent.routes.ts'
export * from './consent.table.ts'
export * from './vocabulary.ts'
export { describeConsent, describePublishBlocker, describeRenewal } from './consent.words.ts'
export { ExpiryService, EXPIRY_SWEEP_JOB, EXPIRY_ACTOR, type SweepResult } from './consent.expiry.ts'
export { addDays, addYears, isCalendarDay } from './consent.dates.ts'
