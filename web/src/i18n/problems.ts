/**
 * Problems from the API as sentences in the user's language. The problem's `type` slug picks the sentence;
 * a refusal that carries its own reason in words ({ nl, en } in an extension) is shown as it is; anything
 * unknown falls back to the problem's detail (English, from the server), then to a sentence per status.
 * Areas pass their own slugs as `extra` (e.g. the portal's), so no one needs to edit this file.
 */
import { ApiError } from '../api.ts'
import type { Lang } from './index.tsx'
import { deadendProblems } from './deadends.ts'

export type ProblemWords = Record<string, { nl: string; en: string }>

export const PROBLEM_WORDS: ProblemWords = {
  network: {
    nl: 'Geen verbinding met de server. Controleer uw internet en probeer het opnieuw.',
    en: 'Cannot reach the server. Check your connection and try again.',
  },
  'validation-failed': { nl: 'Niet alle velden zijn goed ingevuld.', en: 'Not all fields are filled in correctly.' },
  'bad-request': { nl: 'Dit verzoek klopt niet.', en: 'This request is not valid.' },
  unauthenticated: { nl: 'U bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not logged in (any more). Please log in again.' },
  'invalid-credentials': { nl: 'Dit e-mailadres en wachtwoord horen niet bij elkaar.', en: 'This e-mail address and password do not match.' },
  forbidden: { nl: 'U mag dit niet doen.', en: 'You are not allowed to do this.' },
  'csrf-token-missing': { nl: 'Uw sessie is verlopen. Herlaad de pagina of log opnieuw in.', en: 'Your session has expired. Reload the page or log in again.' },
  'not-found': { nl: 'Dit bestaat niet (meer).', en: 'This does not exist (any more).' },
  'photo-not-found': { nl: 'Deze foto bestaat niet of is niet zichtbaar.', en: 'This photo does not exist or is not visible.' },
  'photo-gone': { nl: 'Deze foto is niet meer beschikbaar.', en: 'This photo is no longer available.' },
  'too-many-requests': { nl: 'Te veel pogingen. Wacht even en probeer het opnieuw.', en: 'Too many attempts. Wait a moment and try again.' },
  busy: { nl: 'Het is even te druk. Probeer het over een paar seconden opnieuw.', en: 'It is busy right now. Try again in a few seconds.' },
  'not-ready': { nl: 'De server start nog op. Probeer het zo opnieuw.', en: 'The server is still starting. Try again shortly.' },
  'internal-error': { nl: 'Er ging aan onze kant iets mis. Probeer het later opnieuw.', en: 'Something went wrong on our side. Try again later.' },
  'portal-link-invalid': {
    nl: 'Deze persoonlijke link werkt niet (meer). Vraag om een nieuwe link.',
    en: 'This personal link does not work (any more). Ask for a new link.',
  },
  'file-too-large': { nl: 'Dit bestand is te groot.', en: 'This file is too large.' },
  'payload-too-large': { nl: 'Dit is te groot om te versturen.', en: 'This is too large to send.' },
  'unsupported-media-type': { nl: 'Dit soort bestand kan hier niet.', en: 'This kind of file is not accepted here.' },
  'idempotency-key-invalid': { nl: 'De Idempotency-Key is ongeldig.', en: 'The Idempotency-Key is not valid.' },
  'idempotency-key-reused': {
    nl: 'Deze Idempotency-Key hoort bij een ander verzoek. Gebruik een nieuwe sleutel.',
    en: 'This Idempotency-Key belongs to another request. Use a new key.',
  },
  'idempotency-key-in-use': {
    nl: 'Hetzelfde verzoek wordt nog verwerkt. Probeer het zo opnieuw.',
    en: 'The same request is still being processed. Try again shortly.',
  },
  ...deadendProblems,
}

const BY_STATUS: Record<number, { nl: string; en: string }> = {
  400: PROBLEM_WORDS['bad-request']!,
  401: PROBLEM_WORDS.unauthenticated!,
  403: PROBLEM_WORDS.forbidden!,
  404: PROBLEM_WORDS['not-found']!,
  409: { nl: 'Dit kan nu niet: de toestand is veranderd.', en: 'This cannot be done now: the state has changed.' },
  410: PROBLEM_WORDS['photo-gone']!,
  429: PROBLEM_WORDS['too-many-requests']!,
}

const isWords = (v: unknown): v is { nl: string; en: string } =>
  !!v && typeof v === 'object' && typeof (v as { nl?: unknown }).nl === 'string' && typeof (v as { en?: unknown }).en === 'string'

/** The sentence for an error (an ApiError, or anything thrown). */
export function describeProblem(err: unknown, lang: Lang, extra: ProblemWords = {}): string {
  if (!(err instanceof ApiError)) return lang === 'nl' ? 'Er ging iets mis. Probeer het opnieuw.' : 'Something went wrong. Please try again.'
  const p = err.problem
  // A refusal that explains itself in both languages (e.g. a download outside the consent) says it best.
  for (const key of ['reasonInWords', 'reason', 'inWords', 'words']) if (isWords(p[key])) return (p[key] as { nl: string; en: string })[lang]
  const known = extra[err.slug] ?? PROBLEM_WORDS[err.slug]
  if (known) return known[lang]
  // The server's own detail is English: never shown on a Dutch screen (a sentence per status instead).
  if (p.detail && lang === 'en') return p.detail
  return (BY_STATUS[err.status] ?? PROBLEM_WORDS['internal-error']!)[lang]
}
