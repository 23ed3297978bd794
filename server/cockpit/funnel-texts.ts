import type { Language } from '../../shared/localized';

// The Funnel page's texts (cockpit/funnel.tsx), Dutch and English.

const pct = (n: number) => `${Math.round(n * 100)} %`;

const en = {
  title: 'Funnel',
  filtersLegend: 'Which funnel',
  site: 'Site',
  language: 'Language',
  allLanguages: 'All languages',
  languageName: { nl: 'Dutch', en: 'English' } as Record<string, string>,
  weeks: 'Period',
  weeksOption: (n: number) => `Last ${n} weeks`,
  show: 'Show',
  period: (from: string, to: string) => `From Monday ${from} up to and including ${to} (weeks start on Monday, UTC).`,
  funnelTitle: 'From widget to lead',
  funnelIntro: 'Counted by the widget, without cookies or anything that identifies a visitor: each number is how many times a page showed it.',
  stage: (event: string, step: number) =>
    event === 'shown' ? 'Widget shown' : event === 'opened' ? 'Opened' : event === 'submitted' ? 'Sent' : `Screen ${step}${SCREEN_EN[step] ? `: ${SCREEN_EN[step]}` : ''}`,
  count: 'Count',
  ofShown: 'Of shown',
  dropOff: 'Lost since the step before',
  chartLabel: 'Bar chart of the funnel; the same numbers are in the table below it.',
  none: 'No widget events in this period yet.',
  weeksTitle: 'Per week',
  week: 'Week of',
  agreementTitle: 'The sales process',
  agreementIntro: (n: number, capped: boolean) => (capped ? `From the newest ${n} leads of this period (spam left out).` : `From the ${n} leads of this period (spam left out).`),
  accepted: (n: number, of: number) => `${n} of ${of} (${of ? pct(n / of) : '0 %'}) accepted the process as it is.`,
  state: 'Where the agreement stands',
  states: { standard: 'Accepted as it is', proposed: 'Proposal waiting for the rep', countered: 'Counter-proposal waiting for the prospect', agreed: 'Agreed on changes', 'standard-kept': 'Rep kept the standard' } as Record<string, string>,
  leads: 'Leads',
  challengedTitle: 'Steps prospects challenge',
  step: 'Step',
  skipped: 'Leave out',
  changed: 'Do differently',
  added: (n: number) => `${n} proposal(s) added a step of their own.`,
  noChallenges: 'No step was challenged in this period.',
  reasonsTitle: 'Their reasons, newest first',
  reasonsIntro: 'In the prospects’ own words; names, companies, addresses and numbers are taken out.',
  noReasons: 'No reasons given in this period.',
  problemTitle: 'The funnel cannot be shown for this address',
  problem: (name: string, value: string | undefined, allowed: string[]) =>
    value === undefined ? `“${name}” is not a setting of this page; it takes: ${allowed.join(', ')}.` : `“${value}” is not a ${name}; choose from: ${allowed.join(', ')}.`,
  back: 'Show the funnel without settings',
};
const SCREEN_EN: Record<number, string> = { 1: 'how we work', 2: 'where you stand', 3: 'who decides', 4: 'when', 5: 'your details' };
const SCREEN_NL: Record<number, string> = { 1: 'zo werken wij', 2: 'waar u staat', 3: 'wie beslist', 4: 'wanneer', 5: 'uw gegevens' };

const nl: typeof en = {
  title: 'Trechter',
  filtersLegend: 'Welke trechter',
  site: 'Website',
  language: 'Taal',
  allLanguages: 'Alle talen',
  languageName: { nl: 'Nederlands', en: 'Engels' },
  weeks: 'Periode',
  weeksOption: (n) => `Afgelopen ${n} weken`,
  show: 'Tonen',
  period: (from, to) => `Van maandag ${from} tot en met ${to} (weken beginnen op maandag, UTC).`,
  funnelTitle: 'Van widget tot lead',
  funnelIntro: 'Geteld door de widget, zonder cookies of iets waaraan een bezoeker te herkennen is: elk getal is hoe vaak een pagina het liet zien.',
  stage: (event, step) =>
    event === 'shown' ? 'Widget getoond' : event === 'opened' ? 'Geopend' : event === 'submitted' ? 'Verstuurd' : `Scherm ${step}${SCREEN_NL[step] ? `: ${SCREEN_NL[step]}` : ''}`,
  count: 'Aantal',
  ofShown: 'Van getoond',
  dropOff: 'Afgehaakt sinds de stap ervoor',
  chartLabel: 'Staafdiagram van de trechter; dezelfde getallen staan in de tabel eronder.',
  none: 'Nog geen widgetgebeurtenissen in deze periode.',
  weeksTitle: 'Per week',
  week: 'Week van',
  agreementTitle: 'Het verkoopproces',
  agreementIntro: (n, capped) => (capped ? `Uit de nieuwste ${n} leads van deze periode (zonder spam).` : `Uit de ${n} leads van deze periode (zonder spam).`),
  accepted: (n, of) => `${n} van de ${of} (${of ? pct(n / of) : '0 %'}) accepteerden het proces zoals het is.`,
  state: 'Hoe de afspraak ervoor staat',
  states: { standard: 'Geaccepteerd zoals het is', proposed: 'Voorstel wacht op de verkoper', countered: 'Tegenvoorstel wacht op de prospect', agreed: 'Eens over wijzigingen', 'standard-kept': 'Verkoper hield de standaard aan' },
  leads: 'Leads',
  challengedTitle: 'Stappen waar prospects over beginnen',
  step: 'Stap',
  skipped: 'Weglaten',
  changed: 'Anders doen',
  added: (n) => `${n} voorstel(len) voegde(n) een eigen stap toe.`,
  noChallenges: 'In deze periode werd geen stap ter discussie gesteld.',
  reasonsTitle: 'Hun redenen, nieuwste eerst',
  reasonsIntro: 'In de eigen woorden van de prospects; namen, bedrijven, adressen en nummers zijn weggelaten.',
  noReasons: 'Geen redenen gegeven in deze periode.',
  problemTitle: 'De trechter kan voor dit adres niet worden getoond',
  problem: (name, value, allowed) =>
    value === undefined ? `„${name}” is geen instelling van deze pagina; ze kent: ${allowed.join(', ')}.` : `„${value}” is geen geldige ${name}; kies uit: ${allowed.join(', ')}.`,
  back: 'De trechter zonder instellingen tonen',
};

export const funnelTexts: Record<Language, typeof en> = { nl, en };
