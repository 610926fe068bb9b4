import { Problem } from '../../platform/problems.ts'

export type RefusalReason = 'use-not-permitted' | 'topic-excluded' | 'outlet-not-permitted' | 'channel-not-permitted'

export const REFUSAL_TITLES: Record<RefusalReason, string> = {
  'use-not-permitted': 'This use is not permitted for this photo',
  'topic-excluded': 'This topic is not permitted for this photo',
  'outlet-not-permitted': 'Your organisation may not use this photo',
  'channel-not-permitted': 'This channel does not fit the stated use',
}

export const downloadProblems = {
  /** 403 naming the reason: the problem type is the reason, and `reason` repeats it for clients. */
  refused: (reason: RefusalReason, detail: string) => new Problem(403, reason, REFUSAL_TITLES[reason], detail, { reason }),
  noOrganisation: () =>
    new Problem(
      403,
      'no-organisation',
      'No organisation',
      'Downloads are made for a media organisation: use an API key, or a journalist account of an enabled organisation.',
    ),
  linkInvalid: () => new Problem(403, 'download-link-invalid', 'This download link is not valid', 'Request the download again to get a new link.'),
  linkExpired: () =>
    new Problem(403, 'download-link-expired', 'This download link has expired', 'Download links work for a few minutes. Request the download again.'),
  grantNotFound: () => new Problem(404, 'grant-not-found', 'Download not found', 'There is no download with this id for your organisation.'),
  orgNotFound: () => new Problem(404, 'organisation-not-found', 'Organisation not found', 'There is no organisation with this id.'),
}
