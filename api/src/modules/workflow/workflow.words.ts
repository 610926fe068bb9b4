/** The workflow's refusals, in plain Dutch and English (the checklist's are publication's: photos/photos.checklist.ts). */
export type Words = { nl: string; en: string }

export const WORKFLOW_WORDS = {
  notInReview: { nl: 'Alleen een foto die wacht op beoordeling kan worden teruggestuurd.', en: 'Only a photo waiting for review can be returned.' },
  notDeletable: {
    nl: 'Alleen een concept of een teruggestuurde foto kan worden verwijderd. Een gepubliceerde foto gaat alleen offline via de toestemming (intrekken).',
    en: 'Only a draft or a returned photo can be deleted. A published photo only goes offline through consent (withdrawal).',
  },
  personLocked: {
    nl: 'Na publicatie gaat een persoon niet meer van de foto af: wijzig de toestemming of trek haar in.',
    en: 'After publication a person cannot be removed: change their consent or withdraw it.',
  },
} satisfies Record<string, Words>
