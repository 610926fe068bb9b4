/** The licence per photo (photographer's editor, curator's review card and photo page): words and refusals. */
import { messages } from './index.tsx'
import type { ProblemWords } from './problems.ts'

export const licenceWords = messages({
  nl: {
    heading: 'Licentie',
    intro: 'Onder welke licentie deze foto wordt aangeboden. De toestemming van wie erop staat gaat altijd vóór.',
    legend: 'Kies een licentie',
    own: 'voor foto’s met mensen',
    open: 'open licentie, alleen als er niemand op de foto staat',
    mayBeUsedFor: 'Mag voor: {uses}.',
    current: 'nu',
    save: 'Licentie opslaan',
    saving: 'Bezig met opslaan…',
    loading: 'Licenties laden…',
    lockedPublished: 'Deze foto is gepubliceerd: vraag een curator om de licentie te wijzigen.',
    changed: 'De licentie is nu {name}. Bestanden die vanaf nu worden geleverd, dragen deze voorwaarden.',
    grantsNone: 'Er is nog niets van deze foto gedownload.',
    grantsHolding: '{holding} van de {total} eerdere downloads blijven gelden, elk onder de licentie waarmee ze zijn gedaan.',
    grantsEnded: '{count} download(s) gelden niet meer: {why}',
    deedLink: 'Licentietekst van {name}',
  },
  en: {
    heading: 'Licence',
    intro: 'The licence this photo is offered under. The consent of whoever is in it always comes first.',
    legend: 'Choose a licence',
    own: 'for photos of people',
    open: 'open licence, only when nobody is in the photo',
    mayBeUsedFor: 'May be used for: {uses}.',
    current: 'now',
    save: 'Save licence',
    saving: 'Saving…',
    loading: 'Loading licences…',
    lockedPublished: 'This photo is published: ask a curator to change its licence.',
    changed: 'The licence is now {name}. Files served from now on carry these terms.',
    grantsNone: 'Nothing of this photo has been downloaded yet.',
    grantsHolding: '{holding} of the {total} earlier downloads still hold, each under the licence it was made with.',
    grantsEnded: '{count} download(s) no longer hold: {why}',
    deedLink: 'Licence text of {name}',
  },
})

/** Why the gate says a download no longer holds (gate.purposes.ts DenyReason), in both languages. */
export const GRANT_ENDED: Record<string, { nl: string; en: string }> = {
  'organisation-disabled': { nl: 'de organisatie is niet meer actief.', en: 'the organisation is no longer enabled.' },
  'key-revoked': { nl: 'de API-sleutel waarmee gedownload is, is ingetrokken.', en: 'the API key it was downloaded with was revoked.' },
  'no-organisation': { nl: 'wie downloadde, hoort niet meer bij een organisatie.', en: 'whoever downloaded it no longer belongs to an organisation.' },
  'use-not-permitted': { nl: 'de toestemming dekt dat gebruik niet meer.', en: 'consent no longer covers that use.' },
  'topic-excluded': { nl: 'de toestemming sluit dat onderwerp nu uit.', en: 'consent now excludes that topic.' },
  'outlet-not-permitted': { nl: 'de toestemming sluit die organisatie nu uit.', en: 'consent now excludes that organisation.' },
  'channel-not-permitted': { nl: 'het kanaal past niet bij het gebruik.', en: 'the channel does not fit the use.' },
  'not-shown': { nl: 'de toestemming is ingetrokken of verlopen.', en: 'consent was withdrawn or has expired.' },
  withdrawn: { nl: 'de foto is teruggetrokken.', en: 'the photo was withdrawn.' },
  erased: { nl: 'de foto is gewist.', en: 'the photo was erased.' },
}

/** The refusals a licence change can meet, in the user's language. */
export const licenceProblems: ProblemWords = {
  'open-licence-for-people': {
    nl: 'Een open licentie (Creative Commons) kan alleen voor een foto waarop niemand staat. Kies een RSW-licentie.',
    en: 'An open licence (Creative Commons) is only for a photo with nobody in it. Choose an RSW licence.',
  },
  'photo-published': { nl: 'Deze foto is gepubliceerd: vraag een curator om hem te wijzigen.', en: 'This photo is published: ask a curator to change it.' },
  'validation-failed': { nl: 'Deze licentie bestaat niet (meer). Kies een andere.', en: 'This licence does not exist (any more). Choose another.' },
  'photo-gone': { nl: 'Deze foto is teruggetrokken: de licentie kan niet meer veranderen.', en: 'This photo was withdrawn: its licence can no longer change.' },
}
