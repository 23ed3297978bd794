import type { Language } from '../../shared/localized';

// Texts of the inbox and its actions (server/cockpit/inbox*.tsx), Dutch and English.

/** A span of minutes the short way: "42 min", "2 h 5 min", "3 d 4 h" / "2 u 5 min", "3 d 4 u". */
export function shortSpan(minutes: number, language: Language): string {
  const m = Math.max(0, Math.round(minutes));
  const h = language === 'nl' ? 'u' : 'h';
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) return m % 60 ? `${Math.floor(m / 60)} ${h} ${m % 60} min` : `${m / 60} ${h}`;
  const days = Math.floor(m / (24 * 60));
  const hours = Math.floor((m % (24 * 60)) / 60);
  return hours ? `${days} d ${hours} ${h}` : `${days} d`;
}

const en = {
  title: 'Inbox',
  introRep: 'Your open leads and your team’s unassigned ones, the most urgent first.',
  introManager: 'All open and unassigned leads, the most urgent first.',
  empty: 'Nothing waiting. New leads appear here as they come in.',
  emptyFiltered: 'No open lead matches these filters.',
  more: (n: number) => `Showing the ${n} most urgent leads. Use the filters to narrow the list.`,
  filters: 'Filters',
  all: 'All',
  apply: 'Show',
  clear: 'Clear filters',
  filterLabels: { rep: 'Rep', team: 'Team', tier: 'Tier', status: 'Status', stage: 'Buying stage', from: 'Received from', to: 'Received up to', source: 'Source (utm_source)' },
  status: { assigned: 'Waiting for acceptance', unassigned: 'Unassigned', accepted: 'Accepted', paused: 'Paused', 'not-a-fit': 'Not a fit', withdrawn: 'Withdrawn', spam: 'Spam' } as Record<string, string>,
  dueIn: (span: string) => `Accept within ${span}`,
  overdue: (span: string) => `Overdue by ${span}`,
  noDeadline: 'No response deadline',
  unassignedWaiting: (span: string) => `Unassigned for ${span}`,
  acceptedAgo: (span: string) => `Accepted ${span} ago`,
  rep: 'Rep',
  nobody: 'nobody yet',
  tier: 'Tier',
  stage: 'Buying stage',
  received: 'Received',
  risk: 'No-decision risk',
  riskShort: 'Risk of no decision',
  open: (name: string, company: string) => `${name}, ${company}`,
  actions: 'Actions',
  accept: 'Accept',
  take: 'Take it',
  pass: 'Pass on',
  passReason: 'Why? (optional; the next rep reads it)',
  notAFit: 'Not a fit',
  notAFitReason: 'Why is it not a fit? (required)',
  assignHint: 'Assign by hand on the lead’s page.',
  done: {
    accept: 'Accepted. The lead is yours; contact the prospect as promised.',
    take: 'Taken: the lead is yours now, and accepted.',
    pass: 'Passed on. The lead went to the next rep by the usual rules.',
    passNobody: 'Passed on, but nobody else was available: the lead now waits to be assigned by hand.',
    'not-a-fit': 'Marked as not a fit. Your reason is in the lead’s history.',
  },
  back: 'Back to the inbox',
  reasonRequired: 'Please give a reason why it is not a fit.',
  nothingDone: 'Nothing changed',
};

const nl: typeof en = {
  title: 'Inbox',
  introRep: 'Je open leads en de niet-toegewezen leads van je team, de dringendste eerst.',
  introManager: 'Alle open en niet-toegewezen leads, de dringendste eerst.',
  empty: 'Er wacht niets. Nieuwe leads verschijnen hier zodra ze binnenkomen.',
  emptyFiltered: 'Geen open lead past bij deze filters.',
  more: (n) => `De ${n} dringendste leads staan hier. Gebruik de filters om de lijst te verkleinen.`,
  filters: 'Filters',
  all: 'Alle',
  apply: 'Tonen',
  clear: 'Filters wissen',
  filterLabels: { rep: 'Verkoper', team: 'Team', tier: 'Niveau', status: 'Status', stage: 'Aankoopfase', from: 'Binnengekomen vanaf', to: 'Binnengekomen tot en met', source: 'Bron (utm_source)' },
  status: { assigned: 'Wacht op acceptatie', unassigned: 'Niet toegewezen', accepted: 'Geaccepteerd', paused: 'Gepauzeerd', 'not-a-fit': 'Past niet', withdrawn: 'Afgehaakt', spam: 'Spam' },
  dueIn: (span) => `Accepteren binnen ${span}`,
  overdue: (span) => `${span} te laat`,
  noDeadline: 'Geen reactietermijn',
  unassignedWaiting: (span) => `${span} niet toegewezen`,
  acceptedAgo: (span) => `${span} geleden geaccepteerd`,
  rep: 'Verkoper',
  nobody: 'nog niemand',
  tier: 'Niveau',
  stage: 'Aankoopfase',
  received: 'Binnengekomen',
  risk: 'Risico op geen besluit',
  riskShort: 'Risico op geen besluit',
  open: (name, company) => `${name}, ${company}`,
  actions: 'Acties',
  accept: 'Accepteren',
  take: 'Oppakken',
  pass: 'Doorgeven',
  passReason: 'Waarom? (optioneel; de volgende verkoper leest het)',
  notAFit: 'Past niet',
  notAFitReason: 'Waarom past hij niet? (verplicht)',
  assignHint: 'Met de hand toewijzen kan op de pagina van de lead.',
  done: {
    accept: 'Geaccepteerd. De lead is van jou; neem contact op met de prospect zoals beloofd.',
    take: 'Opgepakt: de lead is nu van jou, en geaccepteerd.',
    pass: 'Doorgegeven. De lead ging volgens de gewone regels naar de volgende verkoper.',
    passNobody: 'Doorgegeven, maar niemand anders was beschikbaar: de lead wacht nu tot iemand hem met de hand toewijst.',
    'not-a-fit': 'Gemarkeerd als “past niet”. Je reden staat in de geschiedenis van de lead.',
  },
  back: 'Terug naar de inbox',
  reasonRequired: 'Geef een reden op waarom hij niet past.',
  nothingDone: 'Er is niets veranderd',
};

export const inboxTexts: Record<Language, typeof en> = { nl, en };
export type InboxTexts = typeof en;
export type DoneNotice = keyof InboxTexts['done'];
