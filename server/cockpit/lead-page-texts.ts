import type { AgreementState } from '../../shared/agreement';
import type { Language } from '../../shared/localized';

// Texts of the lead page and its assign-by-hand form (server/cockpit/lead-page.tsx, assign-form.tsx), Dutch and English.

const en = {
  status: 'Status',
  deadline: 'Response deadline',
  rep: 'Rep',
  team: 'Team',
  nobody: 'nobody yet',
  agreement: 'Process agreement',
  agreementState: {
    standard: 'The prospect accepted the standard process.',
    proposed: 'The prospect proposed changes; waiting for the rep’s answer.',
    countered: 'The rep made a counter-proposal; waiting for the prospect.',
    agreed: 'Both sides agreed on the process below.',
    'standard-kept': 'The rep kept the standard process and explained why.',
  } as Record<AgreementState, string>,
  processNow: 'The process as it stands',
  turns: 'Turns',
  noTurns: 'No turns: nothing was proposed.',
  byProspect: 'the prospect',
  words: 'In their words',
  turnSteps: 'Steps on the table',
  back: 'Back to the lead',
  assign: {
    title: 'Assign by hand',
    introUnassigned: 'Nobody has this lead. Choose a rep: they get the usual lead mail with their links, and their response deadline starts now.',
    introMove: 'Move this lead to another rep: they get the usual lead mail with their links, and their response deadline starts now. The lead’s history names you and your reason.',
    rep: 'Rep',
    choose: 'Choose a rep',
    reason: 'Reason (required; the rep and the history show it)',
    button: 'Assign',
    closed: 'This lead is closed; it cannot be assigned.',
    done: (name: string) => `Assigned to ${name}. They have been mailed, and their response deadline has started.`,
    problems: {
      'reason-required': 'Please give a reason.',
      'unknown-rep': 'Choose a rep from the list.',
      'already-theirs': 'This lead is already with that rep. Nothing changed.',
      closed: 'This lead is closed; nothing changed.',
      gone: 'This lead no longer exists.',
      'not-allowed': 'Only a manager can assign leads by hand.',
    },
  },
};

const nl: typeof en = {
  status: 'Status',
  deadline: 'Reactietermijn',
  rep: 'Verkoper',
  team: 'Team',
  nobody: 'nog niemand',
  agreement: 'Procesafspraak',
  agreementState: {
    standard: 'De prospect ging akkoord met het standaardproces.',
    proposed: 'De prospect stelde wijzigingen voor; dat wacht op het antwoord van de verkoper.',
    countered: 'De verkoper deed een tegenvoorstel; dat wacht op de prospect.',
    agreed: 'Beide kanten zijn het eens over het proces hieronder.',
    'standard-kept': 'De verkoper hield het standaardproces aan en legde uit waarom.',
  },
  processNow: 'Het proces zoals het nu staat',
  turns: 'Beurten',
  noTurns: 'Geen beurten: er is niets voorgesteld.',
  byProspect: 'de prospect',
  words: 'In hun woorden',
  turnSteps: 'Stappen op tafel',
  back: 'Terug naar de lead',
  assign: {
    title: 'Met de hand toewijzen',
    introUnassigned: 'Niemand heeft deze lead. Kies een verkoper: die krijgt de gewone leadmail met de eigen links, en de reactietermijn begint nu.',
    introMove: 'Zet deze lead bij een andere verkoper: die krijgt de gewone leadmail met de eigen links, en de reactietermijn begint nu. De geschiedenis van de lead noemt jou en je reden.',
    rep: 'Verkoper',
    choose: 'Kies een verkoper',
    reason: 'Reden (verplicht; de verkoper en de geschiedenis tonen hem)',
    button: 'Toewijzen',
    closed: 'Deze lead is gesloten; hij kan niet worden toegewezen.',
    done: (name) => `Toegewezen aan ${name}. Die heeft een mail gekregen, en de reactietermijn loopt.`,
    problems: {
      'reason-required': 'Geef een reden op.',
      'unknown-rep': 'Kies een verkoper uit de lijst.',
      'already-theirs': 'Deze lead ligt al bij die verkoper. Er is niets veranderd.',
      closed: 'Deze lead is gesloten; er is niets veranderd.',
      gone: 'Deze lead bestaat niet meer.',
      'not-allowed': 'Alleen een manager kan leads met de hand toewijzen.',
    },
  },
};

export const leadPageTexts: Record<Language, typeof en> = { nl, en };
export type LeadPageTexts = typeof en;
