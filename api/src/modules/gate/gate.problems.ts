/**
 * How a refusal is answered (problem+json, stable types). 404 and 410 never say why: whether someone
 * withdrew, or what their outlet rules say, is not the caller's business (DESIGN.md promise 1). A 403 names
 * its reason as the problem type, repeated in `reason` for clients.
 */
import { Problem } from '../../platform/problems.ts'
import type { Denied, DenyReason } from './gate.purposes.ts'

const TITLES: Partial<Record<DenyReason, string>> = {
  'use-not-permitted': 'This use is not permitted for this photo',
  'topic-excluded': 'This topic is not permitted for this photo',
  'outlet-not-permitted': 'Your organisation may not use this photo',
  'channel-not-permitted': 'This channel does not fit the stated use',
  'no-organisation': 'No organisation',
  'organisation-disabled': 'Your organisation is not enabled',
  'key-revoked': 'The API key was revoked',
  'preset-not-permitted': 'This size is not available to you',
  'exhibition-not-covered': 'Not for exhibitions',
  withdrawn: 'Photo no longer available',
  erased: 'Photo no longer available',
  'not-shown': 'Photo not shown',
  'not-published': 'Photo not published',
}

export const gateProblems = {
  notFound: () => new Problem(404, 'photo-not-found', 'Photo not found', 'There is no photo with this id that you may see.'),
  gone: () => new Problem(410, 'photo-gone', 'Photo no longer available', 'This photo is no longer available.'),
  refused: (reason: DenyReason, detail: string) => new Problem(403, reason, TITLES[reason] ?? 'Not permitted', detail, { reason }),
}

export function gateProblem(d: Denied): Problem {
  if (d.outcome === 'not-found') return gateProblems.notFound()
  if (d.outcome === 'gone') return gateProblems.gone()
  return gateProblems.refused(d.reason, d.detail)
}
