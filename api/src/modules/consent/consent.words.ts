/** A consent in plain Dutch and English, for the person it belongs to (the portal) and for reviewers. */
import type { CurrentConsent } from '../gate/index.ts'
import { TOPIC_LABELS, USE_LABELS } from '../../../../contract/vocabulary.ts'

const date = (d: string, lang: 'nl' | 'en') =>
  new Date(`${d}T00:00:00Z`).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export function describeConsent(c: CurrentConsent): { nl: string; en: string } {
  if (c.state === 'withdrawn') {
    return c.reason === 'expired'
      ? { nl: 'Je toestemming is verlopen. De foto wordt niet meer getoond.', en: 'Your consent has expired. The photo is no longer shown.' }
      : { nl: 'Je hebt je toestemming ingetrokken. De foto wordt niet meer getoond.', en: 'You withdrew your consent. The photo is no longer shown.' }
  }
  const list = (items: string[], lang: 'nl' | 'en') => (items.length ? items.join(', ') : lang === 'nl' ? 'niets' : 'nothing')
  const uses = (lang: 'nl' | 'en') =>
    list(
      c.uses.map((u) => USE_LABELS[u][lang]),
      lang,
    )
  const topics = (lang: 'nl' | 'en') =>
    list(
      c.excludedTopics.map((t) => TOPIC_LABELS[t][lang]),
      lang,
    )
  const nl = [
    `Deze foto mag gebruikt worden voor: ${uses('nl')}.`,
    `Niet bij verhalen over: ${topics('nl')}.`,
    c.identifiable
      ? c.identifiabilityAgreed
        ? 'Je bent herkenbaar op de foto, en dat is afgesproken.'
        : 'Je bent herkenbaar op de foto, maar dat is nog niet afgesproken: de foto wordt niet gepubliceerd.'
      : 'Je bent niet herkenbaar op de foto.',
    c.publicPreview ? 'Iedereen mag een kleine versie zien.' : 'Alleen ingelogde journalisten zien de foto.',
    c.outletDeny.length || c.outletAllow ? 'Je hebt bepaald welke media de foto wel of niet mogen gebruiken.' : '',
    `Geldig tot en met ${date(c.validUntil, 'nl')}.`,
  ]
  const en = [
    `This photo may be used for: ${uses('en')}.`,
    `Not with stories about: ${topics('en')}.`,
    c.identifiable
      ? c.identifiabilityAgreed
        ? 'You can be recognised in the photo, and that was agreed.'
        : 'You can be recognised in the photo, but that has not been agreed: the photo will not be published.'
      : 'You cannot be recognised in the photo.',
    c.publicPreview ? 'Anyone may see a small version.' : 'Only logged-in journalists see the photo.',
    c.outletDeny.length || c.outletAllow ? 'You decided which outlets may or may not use the photo.' : '',
    `Valid until ${date(c.validUntil, 'en')} inclusive.`,
  ]
  return { nl: nl.filter(Boolean).join(' '), en: en.filter(Boolean).join(' ') }
}

/** The renewal question in the portal: the date, the choice, and what happens when nothing is done. */
export function describeRenewal(validUntil: string): { nl: string; en: string } {
  return {
    nl: `Je toestemming loopt af op ${date(validUntil, 'nl')}. Wil je verlengen? Als je niets doet, wordt de foto na die dag niet meer getoond.`,
    en: `Your consent ends on ${date(validUntil, 'en')}. Do you want to renew it? If you do nothing, the photo will no longer be shown after that day.`,
  }
}

const FIELD_WORDS: Record<string, { nl: string; en: string }> = {
  captionNl: { nl: 'het Nederlandse bijschrift', en: 'the Dutch caption' },
  captionEn: { nl: 'het Engelse bijschrift', en: 'the English caption' },
  altNl: { nl: 'de Nederlandse alt-tekst', en: 'the Dutch alt text' },
  altEn: { nl: 'de Engelse alt-tekst', en: 'the English alt text' },
}

/**
 * Why publishing is refused, in plain Dutch and English for the curator's review queue: one sentence per
 * reason code of ConsentService.publishBlockers (the gate's blocks plus missing texts and sizes).
 */
export function describePublishBlocker(r: { code: string; field?: string }): { nl: string; en: string } {
  switch (r.code) {
    case 'text-missing': {
      const f = FIELD_WORDS[r.field ?? ''] ?? { nl: 'een tekst', en: 'a text' }
      return { nl: `Vul ${f.nl} in.`, en: `Fill in ${f.en}.` }
    }
    case 'derivatives-pending':
      return { nl: 'De beeldformaten worden nog gemaakt; probeer het zo opnieuw.', en: 'The image sizes are still being made; try again shortly.' }
    case 'no-people-undeclared':
      return {
        nl: 'De fotograaf moet de mensen op de foto koppelen, of verklaren dat er niemand op staat.',
        en: 'The photographer must link the people in the photo, or declare that nobody is pictured.',
      }
    case 'no-consent':
      return { nl: 'Iemand op de foto heeft nog geen toestemming gegeven.', en: 'Someone in the photo has not given consent yet.' }
    case 'withdrawn':
      return { nl: 'Iemand op de foto heeft de toestemming ingetrokken.', en: 'Someone in the photo withdrew their consent.' }
    case 'expired':
      return { nl: 'De toestemming van iemand op de foto is verlopen.', en: "Someone's consent for this photo has expired." }
    case 'not-yet-valid':
      return { nl: 'De toestemming van iemand op de foto gaat pas later in.', en: "Someone's consent for this photo only starts later." }
    case 'identifiability-not-agreed':
      return {
        nl: 'Iemand is herkenbaar op de foto, maar heeft daar niet mee ingestemd.',
        en: 'Someone can be recognised in the photo but has not agreed to that.',
      }
    case 'no-common-use':
      return { nl: 'De licentie en de toestemming hebben geen gebruik gemeen.', en: 'The licence and the consent have no use in common.' }
    default:
      return { nl: `Publiceren kan niet (${r.code}).`, en: `Publishing is not possible (${r.code}).` }
  }
}
