import type { Language } from '../../shared/localized';
import { formatDate } from './times';

// Built-in mail texts; vendor texts (labels, steps, next steps) come from the config.

interface EarlierLead {
  id: string;
  contactName: string;
  createdAt: number;
}
/** A sentence ending after a name: "… B.V." takes no second dot. */
const period = (text: string) => (text.endsWith('.') ? text : `${text}.`);
const en = {
  tier: { 'sales-ready': 'Sales-ready', qualifying: 'Qualifying', 'information-gathering': 'Information-gathering' },
  newLead: 'New lead',
  contact: 'Contact',
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  company: 'Company',
  country: 'Country',
  companySize: 'Company size',
  message: 'Message',
  whereTheyStand: 'Where they stand',
  stage: 'Buying stage',
  budget: 'Budget',
  decisionProcess: 'Decision process clear',
  stakeholders: 'Stakeholders',
  involved: 'involved',
  notYetInvolved: 'not yet involved',
  noRoles: 'none given',
  finalSay: 'Final decision',
  orgInterest: 'What matters to the organisation',
  personalInterest: 'What matters to them personally',
  timeline: 'Decision timeline',
  costOfInaction: 'If nothing changes',
  notGiven: '(not given)',
  score: 'Score',
  points: 'points',
  noDecisionRisk: 'No-decision risk: no timeline, no cost of inaction and an unclear decision process.',
  routing: 'Why you',
  routingUnassigned: 'Why nobody has it',
  employees: (size: string) => `${size} employees`,
  context: 'Where it came from',
  page: 'Page',
  referrer: 'Referrer',
  explanation: {
    stage: 'Stage',
    budget: 'Budget',
    decisionProcess: 'Decision process',
    role: 'Involved',
    finalSay: 'Final decision',
    timeline: 'Timeline',
    costOfInaction: 'Cost of inaction described',
  } as Record<string, string>,
  unassignedSubject: 'Unassigned lead',
  unassignedIntro: 'No rep could take this lead. Please assign it by hand.',
  prospectSubject: (vendor: string) => `Thank you for your request, ${vendor}`,
  // No name: whoever fills in the form chooses it, and the address is not verified (no free text to it).
  prospectGreeting: 'Hello,',
  prospectThanks: (vendor: string) => `${period(`Thank you for contacting ${vendor}`)} This is how we work:`,
  prospectDeviation: 'You proposed another approach; we will discuss it with you.',
  weDo: 'What we do',
  weAsk: 'What we ask of you',
  duration: 'Duration',
  nextStep: 'Your next step',
  privacy: 'How we handle your data',
  yourRep: 'your contact person',
  // No name and no id of the earlier prospect: the company says which lead it is, and erasing that
  // person leaves nothing of them in this mail.
  existingAccount: (l: EarlierLead, timeZone: string) =>
    `Second contact at this company: you already have an open lead from them (received on ${formatDate(l.createdAt, timeZone, 'en')}), so this one is yours too.`,
  secondContactSubject: 'Second contact',
  earlierLeadLink: 'Open the earlier lead from this company',
  // The rep's name only (vendor config): nothing about the colleague who wrote first.
  prospectKnownAccount: (rep: string) =>
    `Your organisation is already in touch with ${rep}, who will handle your request as well, so you have one contact person with us.`,
};

const nl: typeof en = {
  tier: { 'sales-ready': 'Klaar voor sales', qualifying: 'Kwalificerend', 'information-gathering': 'Informatie verzamelend' },
  newLead: 'Nieuwe lead',
  contact: 'Contact',
  name: 'Naam',
  email: 'E-mail',
  phone: 'Telefoon',
  company: 'Bedrijf',
  country: 'Land',
  companySize: 'Bedrijfsgrootte',
  message: 'Bericht',
  whereTheyStand: 'Waar de prospect staat',
  stage: 'Aankoopfase',
  budget: 'Budget',
  decisionProcess: 'Besluitvorming duidelijk',
  stakeholders: 'Betrokkenen',
  involved: 'betrokken',
  notYetInvolved: 'nog niet betrokken',
  noRoles: 'niet opgegeven',
  finalSay: 'Eindbesluit',
  orgInterest: 'Wat telt voor de organisatie',
  personalInterest: 'Wat telt voor de contactpersoon zelf',
  timeline: 'Beslistermijn',
  costOfInaction: 'Als er niets verandert',
  notGiven: '(niet opgegeven)',
  score: 'Score',
  points: 'punten',
  noDecisionRisk: 'Risico op geen besluit: geen termijn, geen kosten van niets doen en een onduidelijk besluitproces.',
  routing: 'Waarom jij',
  routingUnassigned: 'Waarom niemand hem heeft',
  employees: (size) => `${size} medewerkers`,
  context: 'Herkomst',
  page: 'Pagina',
  referrer: 'Verwijzer',
  explanation: {
    stage: 'Fase',
    budget: 'Budget',
    decisionProcess: 'Besluitvorming',
    role: 'Betrokken',
    finalSay: 'Eindbesluit',
    timeline: 'Termijn',
    costOfInaction: 'Kosten van niets doen beschreven',
  },
  unassignedSubject: 'Niet toegewezen lead',
  unassignedIntro: 'Geen enkele verkoper kon deze lead aannemen. Wijs hem met de hand toe.',
  prospectSubject: (vendor) => `Bedankt voor uw aanvraag, ${vendor}`,
  prospectGreeting: 'Goedendag,',
  prospectThanks: (vendor) => `${period(`Bedankt voor uw contact met ${vendor}`)} Zo werken wij:`,
  prospectDeviation: 'U stelde een andere aanpak voor; die bespreken we met u.',
  weDo: 'Wat wij doen',
  weAsk: 'Wat wij van u vragen',
  duration: 'Duur',
  nextStep: 'Uw volgende stap',
  privacy: 'Hoe wij met uw gegevens omgaan',
  yourRep: 'uw contactpersoon',
  existingAccount: (l, timeZone) =>
    `Tweede contact bij dit bedrijf: je hebt daar al een lopende lead (binnengekomen op ${formatDate(l.createdAt, timeZone, 'nl')}), dus deze is ook van jou.`,
  secondContactSubject: 'Tweede contact',
  earlierLeadLink: 'De eerdere lead van dit bedrijf openen',
  prospectKnownAccount: (rep) =>
    `Uw organisatie heeft al contact met ${rep}. Daarom behandelt ${rep} ook uw aanvraag, zodat u bij ons één aanspreekpunt heeft.`,
};

export const mailTexts: Record<Language, typeof en> = { nl, en };
