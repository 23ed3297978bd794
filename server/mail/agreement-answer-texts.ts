import type { AgreementState } from '../../shared/agreement';
import type { Language } from '../../shared/localized';

// Texts of the mails around a rep's answer to a process proposal (issue 10 part 3): the proposal
// block at the top of the rep's lead mail, and the three outcome mails to the prospect.

const en = {
  // The rep's lead mail
  proposalHeading: 'They propose another approach',
  proposalIntro: (name: string) =>
    `${name} proposes changes to our standard process. Please answer: agree, make a counter-proposal, or keep the standard process with a short explanation.`,
  reason: (reason: string) => `Their reason: “${reason}”`,
  noReason: 'They gave no reason.',
  noStepChanges: 'They named no step to change; only their reason.',
  noProposal: 'No proposal: they accept our standard process.',
  choiceChosen: 'They chose "this works for me" themselves.',
  choiceDefault: 'They left the answer as the form suggested it (our process): they did not choose it themselves.',
  /** The state of an agreement the rep's mail arrives after (a hand-over). */
  stateLine: {
    countered: 'A counter-proposal to their proposed approach is waiting for the prospect’s answer (see the lead’s history).',
    agreed: 'The process was agreed with the prospect (see the lead’s history).',
    'standard-kept': 'After their proposal, our standard process was kept (see the lead’s history).',
  } as Partial<Record<AgreementState, string>>,
  stepStatus: { kept: 'unchanged', changed: 'they change it', fixed: 'fixed' },
  fixedRow: 'Fixed',

  // The prospect's mails
  agreedSubject: (rep: string) => `${rep} agrees to the approach you proposed`,
  agreedIntro: (rep: string) => `${rep} agrees to the approach you proposed. This is the process we will follow together:`,
  keptSubject: (rep: string) => `${rep} about the approach you proposed`,
  keptIntro: (rep: string) => `Thank you for your proposal. ${rep} would like to keep our standard process, and explains why:`,
  keptProcess: 'This is the process we will follow:',
  counterSubject: (rep: string) => `${rep} suggests another way to work together`,
  counterIntro: (rep: string) => `${rep} has read your proposal and suggests this process instead:`,
  counterNote: (rep: string) => `${rep} adds:`,
  counterAnswer: 'You can accept this counter-proposal, or answer it, on your page:',
  yourPage: 'Your page',
  pageLine: 'Your page shows where things stand and lets you answer or update your request:',
  replyLine: (rep: string) => `Questions? Reply to this mail: it goes to ${rep}.`,
};

const nl: typeof en = {
  proposalHeading: 'Zij stellen een andere aanpak voor',
  proposalIntro: (name) =>
    `${name} stelt wijzigingen in ons standaardproces voor. Geef antwoord: akkoord, een tegenvoorstel, of het standaardproces houden met een korte uitleg.`,
  reason: (reason) => `Hun reden: “${reason}”`,
  noReason: 'Zij gaven geen reden.',
  noStepChanges: 'Zij noemden geen stap om te wijzigen; alleen hun reden.',
  noProposal: 'Geen voorstel: akkoord met ons standaardproces.',
  choiceChosen: 'Zij kozen zelf voor "dit werkt voor mij".',
  choiceDefault: 'Zij lieten het antwoord staan zoals het formulier het voorstelde (ons proces): zelf gekozen hebben ze het niet.',
  stateLine: {
    countered: 'Een tegenvoorstel op hun voorgestelde aanpak wacht op het antwoord van de prospect (zie de geschiedenis van de lead).',
    agreed: 'Het proces is met de prospect afgesproken (zie de geschiedenis van de lead).',
    'standard-kept': 'Na hun voorstel is ons standaardproces gehouden (zie de geschiedenis van de lead).',
  },
  stepStatus: { kept: 'ongewijzigd', changed: 'zij wijzigen deze stap', fixed: 'vast onderdeel' },
  fixedRow: 'Vast onderdeel',

  agreedSubject: (rep) => `${rep} gaat akkoord met uw voorgestelde aanpak`,
  agreedIntro: (rep) => `${rep} gaat akkoord met de aanpak die u voorstelde. Zo gaan we samen te werk:`,
  keptSubject: (rep) => `${rep} over uw voorgestelde aanpak`,
  keptIntro: (rep) => `Dank voor uw voorstel. ${rep} houdt graag ons standaardproces aan, en legt uit waarom:`,
  keptProcess: 'Zo gaan we samen te werk:',
  counterSubject: (rep) => `${rep} stelt een andere werkwijze voor`,
  counterIntro: (rep) => `${rep} heeft uw voorstel gelezen en stelt dit proces voor:`,
  counterNote: (rep) => `${rep} voegt toe:`,
  counterAnswer: 'U kunt dit tegenvoorstel aannemen, of erop antwoorden, op uw eigen pagina:',
  yourPage: 'Uw pagina',
  pageLine: 'Op uw pagina ziet u waar het staat, en kunt u antwoorden of uw aanvraag bijwerken:',
  replyLine: (rep) => `Vragen? Beantwoord deze mail: die gaat naar ${rep}.`,
};

export const agreementAnswerTexts: Record<Language, typeof en> = { nl, en };
