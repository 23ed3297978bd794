import type { Language } from '../../shared/localized';
import type { OverrideProblem } from '../leads/rep-overrides';

// The team page's texts (cockpit/team.tsx), Dutch and English.

const en = {
  title: 'Team',
  intro: (days: number) => `Each rep over the last ${days} days, and whether they can take new leads right now.`,
  cols: {
    rep: 'Rep',
    assigned: 'Assigned',
    accepted: 'Accepted',
    median: 'Median time to accept',
    missed: 'Missed deadlines',
    open: 'Open leads',
    now: 'Now',
  },
  none: '–',
  duration: (m: number) => (m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${Math.floor(m / 1440)} days ${Math.floor((m % 1440) / 60)} h`),
  status: {
    available: 'Takes leads',
    inactive: 'Inactive',
    away: (from: string, to: string) => `Away ${from} – ${to}`,
    full: (open: number, max: number) => `At capacity (${open} of ${max})`,
  },
  bySetting: { config: 'in the setup', override: 'set here' },
  openOf: (open: string, max: number | undefined) => (max === undefined ? open : `${open} of at most ${max}`),
  manageTitle: 'Away, inactive and hand-off',
  manageIntro:
    'What you set here counts on top of the setup file, straight away and without a restart: new leads, hand-overs, missed deadlines and the routing tester all skip a rep who is inactive or away.',
  config: 'In the setup',
  here: 'Set here',
  configActive: (active: boolean): string => (active ? 'active' : 'inactive'),
  configAway: (ranges: string) => `away ${ranges}`,
  configMax: (max: number) => `at most ${max} open leads`,
  nothingHere: 'nothing',
  setBy: (what: string, who: string, when: string) => `${what} (by ${who}, ${when})`,
  inactiveHere: 'inactive',
  awayHere: (from: string, to: string) => `away ${from} – ${to}`,
  inactiveLabel: 'Inactive: no new leads',
  awayFrom: 'Away from',
  awayTo: 'Away until (inclusive)',
  awayHint: 'Leave both dates empty for no away period.',
  save: 'Save',
  handoffTitle: (n: number) => (n === 1 ? 'Hand the 1 open lead to others' : `Hand all ${n} open leads to others`),
  handoffIntro: 'Each lead goes to the next rep by the usual routing rules; the new reps get the lead mail and prospects who were promised a contact person hear the new name.',
  handoffInactive: 'Also mark as inactive (no new leads)',
  handoffButton: 'Hand over',
  noOpen: 'No open leads to hand over.',
  saved: (name: string) => `Saved for ${name}.`,
  handedOff: (name: string, n: number, unassigned: number) =>
    `${n === 1 ? '1 lead' : `${n} leads`} of ${name} handed over${unassigned ? `; ${unassigned} found nobody and wait${unassigned === 1 ? 's' : ''} to be assigned by hand` : ''}.`,
  problems: {
    'unknown-rep': 'There is no such rep.',
    'bad-date': 'Enter a date like 2026-12-24.',
    'both-dates': 'Give both dates, or neither.',
    range: 'The last day lies before the first.',
  } as Record<OverrideProblem['problem'], string>,
  notSaved: (name: string) => `Nothing was saved for ${name}:`,
};

const nl: typeof en = {
  title: 'Team',
  intro: (days) => `Elke verkoper over de afgelopen ${days} dagen, en of hij of zij nu nieuwe leads kan krijgen.`,
  cols: {
    rep: 'Verkoper',
    assigned: 'Toegewezen',
    accepted: 'Geaccepteerd',
    median: 'Mediane tijd tot accepteren',
    missed: 'Gemiste termijnen',
    open: 'Lopende leads',
    now: 'Nu',
  },
  none: '–',
  duration: (m) => (m < 60 ? `${m} min` : m < 48 * 60 ? `${Math.floor(m / 60)} u ${m % 60} min` : `${Math.floor(m / 1440)} dagen ${Math.floor((m % 1440) / 60)} u`),
  status: {
    available: 'Krijgt leads',
    inactive: 'Inactief',
    away: (from, to) => `Afwezig ${from} – ${to}`,
    full: (open, max) => `Vol (${open} van ${max})`,
  },
  bySetting: { config: 'in de instellingen', override: 'hier ingesteld' },
  openOf: (open, max) => (max === undefined ? open : `${open} van maximaal ${max}`),
  manageTitle: 'Afwezig, inactief en overdragen',
  manageIntro:
    'Wat je hier instelt, geldt bovenop het instellingenbestand, meteen en zonder herstart: nieuwe leads, overdrachten, gemiste termijnen en de routeringstester slaan een verkoper over die inactief of afwezig is.',
  config: 'In de instellingen',
  here: 'Hier ingesteld',
  configActive: (active) => (active ? 'actief' : 'inactief'),
  configAway: (ranges) => `afwezig ${ranges}`,
  configMax: (max) => `maximaal ${max} lopende leads`,
  nothingHere: 'niets',
  setBy: (what, who, when) => `${what} (door ${who}, ${when})`,
  inactiveHere: 'inactief',
  awayHere: (from, to) => `afwezig ${from} – ${to}`,
  inactiveLabel: 'Inactief: geen nieuwe leads',
  awayFrom: 'Afwezig vanaf',
  awayTo: 'Afwezig tot en met',
  awayHint: 'Laat beide datums leeg voor geen afwezigheid.',
  save: 'Opslaan',
  handoffTitle: (n) => (n === 1 ? 'De lopende lead aan anderen overdragen' : `Alle ${n} lopende leads aan anderen overdragen`),
  handoffIntro:
    'Elke lead gaat volgens de gewone routeringsregels naar de volgende verkoper; de nieuwe verkopers krijgen de leadmail en prospects aan wie een contactpersoon is beloofd, horen de nieuwe naam.',
  handoffInactive: 'Ook op inactief zetten (geen nieuwe leads)',
  handoffButton: 'Overdragen',
  noOpen: 'Geen lopende leads om over te dragen.',
  saved: (name) => `Opgeslagen voor ${name}.`,
  handedOff: (name, n, unassigned) =>
    `${n === 1 ? '1 lead' : `${n} leads`} van ${name} overgedragen${unassigned ? `; ${unassigned} vond${unassigned === 1 ? '' : 'en'} niemand en wacht${unassigned === 1 ? '' : 'en'} op toewijzing met de hand` : ''}.`,
  problems: {
    'unknown-rep': 'Die verkoper bestaat niet.',
    'bad-date': 'Vul een datum in zoals 2026-12-24.',
    'both-dates': 'Vul beide datums in, of geen van beide.',
    range: 'De laatste dag ligt vóór de eerste.',
  },
  notSaved: (name) => `Er is niets opgeslagen voor ${name}:`,
};

export const teamTexts: Record<Language, typeof en> = { nl, en };
