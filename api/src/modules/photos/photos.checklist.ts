/**
 * The photographer's checklist before sending a photo for review, and the refusals of sending, in plain
 * Dutch and English (the gallery shows `words` as they are). Publication's own words (photos.publication.ts).
 */
import { Problem } from '../../platform/problems.ts'

export type Words = { nl: string; en: string }

/** One item of the checklist before sending a photo for review. */
export type ChecklistCode = 'caption-nl' | 'caption-en' | 'alt-nl' | 'alt-en' | 'people' | 'licence'

export const CHECKLIST_WORDS: Record<ChecklistCode, Words> = {
  'caption-nl': { nl: 'Nederlands bijschrift', en: 'Dutch caption' },
  'caption-en': { nl: 'Engels bijschrift', en: 'English caption' },
  'alt-nl': { nl: 'Nederlandse alt-tekst (wat er te zien is)', en: 'Dutch alt text (what can be seen)' },
  'alt-en': { nl: 'Engelse alt-tekst', en: 'English alt text' },
  people: {
    nl: 'De mensen op de foto met hun toestemming, of de verklaring dat er niemand op staat',
    en: 'The people in the photo with their consent, or the declaration that nobody is pictured',
  },
  licence: { nl: 'Een gepubliceerde licentie', en: 'A published licence' },
}

const SUBMIT_WORDS = {
  submitRefused: { nl: 'Versturen kan nog niet: vul eerst de lijst hieronder aan.', en: 'This cannot be sent yet: complete the checklist first.' },
  notSendable: { nl: 'Deze foto is al verstuurd of gepubliceerd.', en: 'This photo has already been sent or published.' },
} satisfies Record<string, Words>

export const submitProblems = {
  submitRefused: (missing: { code: ChecklistCode; words: Words }[]) =>
    new Problem(409, 'submit-refused', 'The photo cannot be sent for review yet', `Missing: ${missing.map((m) => m.code).join(', ')}.`, {
      missing,
      words: SUBMIT_WORDS.submitRefused,
    }),
  notSendable: (status: string) =>
    new Problem(409, 'not-a-draft', 'Not a draft', `The photo is ${status.replace('_', ' ')}, not a draft.`, { words: SUBMIT_WORDS.notSendable }),
}
