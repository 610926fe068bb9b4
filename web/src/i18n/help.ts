import { messages } from './index.tsx'

/** The account-help page: no account, a forgotten password, a lost portal link (issue 14). */
export const help = messages({
  nl: {
    title: 'Hulp bij inloggen',
    intro:
      'Er is geen knop om zelf een account of een nieuw wachtwoord te maken: een account wordt gemaakt door iemand die weet voor wie het is. Zo komt niemand binnen met een gestolen e-mailadres.',
    journalistTitle: 'Journalist zonder account',
    journalistText:
      'Uw redactie heeft een beheerder bij Eerlijk Beeld: vraag die om een account. Is uw redactie nog niet aangesloten, neem dan contact op met de beeldbank.',
    passwordTitle: 'Wachtwoord vergeten',
    passwordText: 'Journalisten vragen de beheerder van hun redactie om een nieuw wachtwoord; fotografen en curatoren vragen het de beeldbank.',
    portalTitle: 'Persoonlijke link kwijt (voor wie op een foto staat)',
    portalText: 'Vraag de fotograaf die de foto maakte, of de beeldbank, om een nieuwe link. De oude link werkt dan niet meer.',
    contactTitle: 'Contact met de beeldbank',
    contactText: 'Mail naar',
    contactNone: 'Deze installatie heeft nog geen contactadres ingesteld (CONTACT_EMAIL). Vraag degene die u hierheen verwees.',
    loginLink: 'Geen account, wachtwoord of link kwijt?',
    backToLogin: 'Terug naar inloggen',
  },
  en: {
    title: 'Help with logging in',
    intro:
      'There is no button to make an account or a new password yourself: an account is made by someone who knows who it is for. That way nobody gets in with a stolen e-mail address.',
    journalistTitle: 'A journalist without an account',
    journalistText:
      'Your newsroom has an administrator at Eerlijk Beeld: ask them for an account. If your newsroom is not connected yet, contact the image bank.',
    passwordTitle: 'Forgotten password',
    passwordText: "Journalists ask their newsroom's administrator for a new password; photographers and curators ask the image bank.",
    portalTitle: 'Lost your personal link (for people in a photo)',
    portalText: 'Ask the photographer who took the photo, or the image bank, for a new link. The old link then stops working.',
    contactTitle: 'Contact the image bank',
    contactText: 'E-mail',
    contactNone: 'This installation has no contact address set yet (CONTACT_EMAIL). Ask whoever sent you here.',
    loginLink: 'No account, or lost your password or link?',
    backToLogin: 'Back to log in',
  },
})
