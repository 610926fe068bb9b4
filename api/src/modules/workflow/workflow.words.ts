/** The photographer's checklist and the workflow's refusals, in plain Dutch and English. */
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

export const WORKFLOW_WORDS = {
  submitRefused: { nl: 'Versturen kan nog niet: vul eerst de lijst hieronder aan.', en: 'This cannot be sent yet: complete the checklist first.' },
  notInReview: { nl: 'Alleen een foto die wacht op beoordeling kan worden teruggestuurd.', en: 'Only a photo waiting for review can be returned.' },
  notDeletable: {
    nl: 'Alleen een concept of een teruggestuurde foto kan worden verwijderd. Een gepubliceerde foto gaat alleen offline via de toestemming (intrekken).',
    en: 'Only a draft or a returned photo can be deleted. A published photo only goes offline through consent (withdrawal).',
  },
  personLocked: {
    nl: 'Na publicatie gaat een persoon niet meer van de foto af: wijzig de toestemming of trek haar in.',
    en: 'After publication a person cannot be removed: change their consent or withdraw it.',
  },
  notSendable: { nl: 'Deze foto is al verstuurd of gepubliceerd.', en: 'This photo has already been sent or published.' },
} satisfies Record<string, Words>
