import { Problem } from '../../platform/problems.ts'

/** Why a photo can't be in (or exported from) a collection right now: a stable code for clients. */
export type UnavailableReason = 'erased' | 'withdrawn' | 'not-published' | 'not-shown' | 'exhibition-not-covered' | 'no-large-derivative'

export const UNAVAILABLE_WORDS: Record<UnavailableReason, { nl: string; en: string }> = {
  erased: { nl: 'Deze foto is gewist.', en: 'This photo was erased.' },
  withdrawn: { nl: 'De toestemming voor deze foto is ingetrokken.', en: 'Consent for this photo was withdrawn.' },
  'not-published': { nl: 'Deze foto is niet gepubliceerd.', en: 'This photo is not published.' },
  'not-shown': { nl: 'De toestemming laat nu niet toe dat deze foto getoond wordt.', en: 'Consent does not allow this photo to be shown right now.' },
  'exhibition-not-covered': {
    nl: 'De toestemming of licentie van deze foto dekt geen tentoonstellingen.',
    en: "This photo's consent or licence does not cover exhibitions.",
  },
  'no-large-derivative': { nl: 'Er is geen groot formaat van deze foto.', en: 'There is no large size of this photo.' },
}

/** Which part does not cover exhibitions: the licence (a curator can change it) or someone's consent (only they can). */
export const EXHIBITION_WORDS = {
  licence: {
    nl: 'De licentie van deze foto dekt geen tentoonstellingen; kies eerst een tentoonstellingslicentie.',
    en: "This photo's licence does not cover exhibitions; choose an exhibition licence first.",
  },
  consent: {
    nl: 'De toestemming van iemand op deze foto dekt geen tentoonstellingen.',
    en: 'The consent of someone in this photo does not cover exhibitions.',
  },
}

export const collectionProblems = {
  notFound: () => new Problem(404, 'collection-not-found', 'Collection not found', 'There is no collection or exhibition with this id.'),
  itemNotFound: () => new Problem(404, 'collection-item-not-found', 'Photo not in this collection', 'This photo is not in this collection.'),
  photoNotFound: () => new Problem(404, 'photo-not-found', 'Photo not found', 'There is no photo with this id.'),
  alreadyIn: () => new Problem(409, 'photo-already-in-collection', 'Already in this collection', 'This photo is already in this collection.'),
  /** The photo exists but may not be added: the reason code says why, in both languages. */
  notAddable: (reason: UnavailableReason, detail?: string) =>
    new Problem(
      409,
      reason === 'exhibition-not-covered' ? 'exhibition-not-covered' : 'photo-not-available',
      reason === 'exhibition-not-covered' ? 'Consent does not cover exhibitions' : 'Photo not available',
      detail ?? UNAVAILABLE_WORDS[reason].en,
      {
        reason,
        words: UNAVAILABLE_WORDS[reason],
      },
    ),
  orderMismatch: (missing: string[], unexpected: string[]) =>
    new Problem(
      409,
      'order-mismatch',
      'The order does not match the collection',
      'Send every photo id of the collection exactly once (reload the collection: it may have changed).',
      { missing, unexpected },
    ),
  /** Presentation 3.0 §5.2: a Manifest must have at least one Canvas. */
  nothingToShow: () =>
    new Problem(409, 'nothing-to-show', 'Nothing to show', 'No photo in this collection may be shown now, and a IIIF manifest needs at least one.'),
  /** A ZIP with only credits in it is not an export: say so instead. */
  nothingToExport: () =>
    new Problem(409, 'nothing-to-export', 'Nothing to export', 'No photo in this collection may be exported now: add photos the consent allows first.', {
      words: {
        nl: "Er is niets te exporteren: voeg eerst foto's toe waarvoor de toestemming dit toelaat.",
        en: 'There is nothing to export: first add photos whose consent allows it.',
      },
    }),
  full: (max: number) => new Problem(409, 'collection-full', 'The collection is full', `A collection holds at most ${max} photos.`),
}
