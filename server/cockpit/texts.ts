import type { Language } from '../../shared/localized';

// The cockpit's shared texts (layout, sign-in, errors), Dutch and English. Each page keeps its own
// texts beside it.

const en = {
  appName: 'Sales cockpit',
  skip: 'Skip to the content',
  nav: { inbox: 'Inbox', pipeline: 'Pipeline', funnel: 'Funnel', team: 'Team', tester: 'Routing tester', embed: 'Embed', data: 'Data' },
  navLabel: 'Cockpit',
  signedInAs: (name: string, role: 'manager' | 'rep') => `${name} (${role === 'manager' ? 'manager' : 'rep'})`,
  signOut: 'Sign out',
  signIn: {
    title: 'Sign in',
    intro: 'Enter your work email address. If it may use the cockpit, we mail you a link to sign in; no password needed.',
    email: 'Work email address',
    send: 'Mail me a link',
    sentTitle: 'Check your mail',
    sent: (minutes: number) =>
      `If that address may use the cockpit, a sign-in link is on its way. It works once, for ${minutes} minutes. No mail within a few minutes? Check the spam folder, or ask your sales manager whether your address is in the setup.`,
    invalidEmail: 'Enter an email address like name@company.com.',
    confirmTitle: 'Sign in to the sales cockpit',
    confirm: 'Click the button to sign in. (The link itself signs in nobody: mail scanners open links too.)',
    confirmButton: 'Sign in',
    usedTitle: 'This link was used already',
    used: 'A sign-in link works once. Ask for a new one.',
    expiredTitle: 'This link has expired',
    expired: 'A sign-in link works for a short time only. Ask for a new one.',
    unknownTitle: 'This link is not valid',
    unknown: 'The link is incomplete or was changed. Ask for a new one.',
    notAllowed: 'This address may no longer use the cockpit.',
    again: 'Ask for a new link',
    signedOutTitle: 'Signed out',
    signedOut: 'You are signed out.',
    tooMany: (minutes: number) => `Too many requests. Try again in ${minutes} minute(s).`,
  },
  forbiddenTitle: 'The form had expired',
  forbidden: 'For your safety the form was not sent (its security token is missing or old). Go back, reload the page and try again.',
  notFoundTitle: 'Not found',
  notFound: 'There is nothing here, or it is not yours to see.',
  badFilterTitle: 'That filter does not exist',
  errorTitle: 'Something went wrong',
  error: 'The page could not be shown. Try again in a moment.',
};

const nl: typeof en = {
  appName: 'Salescockpit',
  skip: 'Naar de inhoud',
  nav: { inbox: 'Inbox', pipeline: 'Pijplijn', funnel: 'Trechter', team: 'Team', tester: 'Routeringstester', embed: 'Insluiten', data: 'Gegevens' },
  navLabel: 'Cockpit',
  signedInAs: (name, role) => `${name} (${role === 'manager' ? 'manager' : 'verkoper'})`,
  signOut: 'Afmelden',
  signIn: {
    title: 'Aanmelden',
    intro: 'Vul je zakelijke e-mailadres in. Mag dat adres de cockpit gebruiken, dan mailen we je een link om je aan te melden; een wachtwoord is niet nodig.',
    email: 'Zakelijk e-mailadres',
    send: 'Mail me een link',
    sentTitle: 'Kijk in je mail',
    sent: (minutes) =>
      `Mag dat adres de cockpit gebruiken, dan is er een aanmeldlink onderweg. Hij werkt één keer, ${minutes} minuten lang. Na een paar minuten nog niets? Kijk in je spammap, of vraag je salesmanager of je adres in de instellingen staat.`,
    invalidEmail: 'Vul een e-mailadres in zoals naam@bedrijf.nl.',
    confirmTitle: 'Aanmelden bij de salescockpit',
    confirm: 'Klik op de knop om je aan te melden. (De link zelf meldt niemand aan: mailscanners openen links ook.)',
    confirmButton: 'Aanmelden',
    usedTitle: 'Deze link is al gebruikt',
    used: 'Een aanmeldlink werkt één keer. Vraag een nieuwe aan.',
    expiredTitle: 'Deze link is verlopen',
    expired: 'Een aanmeldlink werkt maar kort. Vraag een nieuwe aan.',
    unknownTitle: 'Deze link is niet geldig',
    unknown: 'De link is onvolledig of gewijzigd. Vraag een nieuwe aan.',
    notAllowed: 'Dit adres mag de cockpit niet meer gebruiken.',
    again: 'Een nieuwe link aanvragen',
    signedOutTitle: 'Afgemeld',
    signedOut: 'Je bent afgemeld.',
    tooMany: (minutes) => `Te veel aanvragen. Probeer het over ${minutes} minuut/minuten opnieuw.`,
  },
  forbiddenTitle: 'Het formulier was verlopen',
  forbidden: 'Voor je veiligheid is het formulier niet verstuurd (het beveiligingstoken ontbreekt of is oud). Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  notFoundTitle: 'Niet gevonden',
  notFound: 'Hier is niets, of het is niet voor jou.',
  badFilterTitle: 'Dat filter bestaat niet',
  errorTitle: 'Er ging iets mis',
  error: 'De pagina kon niet worden getoond. Probeer het zo opnieuw.',
};

export const cockpitTexts: Record<Language, typeof en> = { nl, en };
export type CockpitTexts = typeof en;
