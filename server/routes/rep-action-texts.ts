import type { Language } from '../../shared/localized';
import type { OneClickAction } from '../security/action-links';

// Texts of the rep action pages (server/routes/rep-actions.ts), Dutch and English.

const en = {
  lang: 'en',
  confirmTitle: { accept: 'Accept this lead?', pass: 'Pass this lead on?', 'not-a-fit': 'Mark this lead as not a fit?' } as Record<OneClickAction, string>,
  confirmIntro: {
    accept: 'You take this lead on and will contact the prospect as promised.',
    pass: 'The lead goes to the next available rep by the usual routing rules. The prospect is told who their new contact person is.',
    'not-a-fit': 'The lead is closed as not a fit. Nobody else gets it.',
  } as Record<OneClickAction, string>,
  button: { accept: 'Accept', pass: 'Pass on', 'not-a-fit': 'Not a fit' } as Record<OneClickAction, string>,
  reasonLabel: { pass: 'Why? (optional; the next rep reads it)', 'not-a-fit': 'Why is it not a fit? (required)' } as Partial<Record<OneClickAction, string>>,
  reasonRequired: 'Please give a reason.',
  lead: 'The lead',
  history: 'History',
  team: (name: string) => `Team ${name}`,
  promised: 'Promised to the prospect',
  fields: { name: 'Name', company: 'Company', email: 'Email', phone: 'Phone', tier: 'Tier', stage: 'Buying stage', timeline: 'Decision timeline', message: 'Message' },
  events: {
    assigned: 'Assigned',
    unassigned: 'Unassigned',
    accepted: 'Accepted',
    'passed-on': 'Passed on',
    'not-a-fit': 'Not a fit',
    'sla-expired': 'Not accepted in time',
    'rep-removed': 'Rep no longer in the sales setup',
    spam: 'Spam',
    'same-account': 'Same company',
  } as Record<string, string>,
  /** The turns of the process agreement (history type 'agreement', detail: the turn's kind). */
  agreementTurns: {
    proposal: 'Proposal by the prospect',
    agree: 'Agreed',
    counter: 'Counter-proposal',
    'keep-standard': 'Standard process kept',
    'accept-counter': 'Prospect accepted the counter-proposal',
  } as Record<string, string>,
  sameAccount: 'One account with another lead from the same company: one more contact there, with the same rep.',
  acceptedTitle: 'Your lead',
  acceptedView: 'You accepted this lead. Here it is with its history; this page changes nothing.',
  done: {
    accept: (contact: string) => `Accepted. ${contact} is yours; please contact them as promised.`,
    pass: (to: string | null) => (to ? `Passed on to ${to}. Thank you.` : 'Nobody else was available: the lead now waits for the team to assign it by hand.'),
    'not-a-fit': () => 'Marked as not a fit. Your reason is recorded in the lead’s history.',
  },
  stale: {
    'not-yours': 'This lead is no longer with you (it was passed on or moved to someone else). Nothing was changed.',
    accepted: 'You already accepted this lead. Nothing was changed.',
    closed: 'This lead is already closed. Nothing was changed.',
    gone: 'This lead no longer exists.',
  },
  forgedTitle: 'This link is not valid',
  forged: 'The link is incomplete or was changed. Open it again from the lead mail.',
  expiredTitle: 'This link has expired',
  expired: 'Action links work for 14 days. Ask your sales team to handle this lead.',
  nothingDone: 'Nothing changed',
};

const nl: typeof en = {
  lang: 'nl',
  confirmTitle: { accept: 'Deze lead accepteren?', pass: 'Deze lead doorgeven?', 'not-a-fit': 'Deze lead markeren als “past niet”?' },
  confirmIntro: {
    accept: 'Je neemt deze lead aan en neemt contact op met de prospect zoals beloofd.',
    pass: 'De lead gaat naar de volgende beschikbare verkoper volgens de gewone regels. De prospect hoort wie de nieuwe contactpersoon is.',
    'not-a-fit': 'De lead wordt gesloten als “past niet”. Niemand anders krijgt hem.',
  },
  button: { accept: 'Accepteren', pass: 'Doorgeven', 'not-a-fit': 'Past niet' },
  reasonLabel: { pass: 'Waarom? (optioneel; de volgende verkoper leest het)', 'not-a-fit': 'Waarom past hij niet? (verplicht)' },
  reasonRequired: 'Geef een reden op.',
  lead: 'De lead',
  history: 'Geschiedenis',
  team: (name) => `Team ${name}`,
  promised: 'Beloofd aan de prospect',
  fields: { name: 'Naam', company: 'Bedrijf', email: 'E-mail', phone: 'Telefoon', tier: 'Niveau', stage: 'Aankoopfase', timeline: 'Beslistermijn', message: 'Bericht' },
  events: {
    assigned: 'Toegewezen',
    unassigned: 'Niet toegewezen',
    accepted: 'Geaccepteerd',
    'passed-on': 'Doorgegeven',
    'not-a-fit': 'Past niet',
    'sla-expired': 'Niet op tijd geaccepteerd',
    'rep-removed': 'Verkoper staat niet meer in de instellingen',
    spam: 'Spam',
    'same-account': 'Zelfde bedrijf',
  },
  agreementTurns: {
    proposal: 'Voorstel van de prospect',
    agree: 'Akkoord',
    counter: 'Tegenvoorstel',
    'keep-standard': 'Standaardproces aangehouden',
    'accept-counter': 'Prospect nam het tegenvoorstel aan',
  },
  sameAccount: 'Eén account met een andere lead van hetzelfde bedrijf: nog een contactpersoon daar, bij dezelfde verkoper.',
  acceptedTitle: 'Jouw lead',
  acceptedView: 'Je hebt deze lead geaccepteerd. Hier staat hij met zijn geschiedenis; deze pagina verandert niets.',
  done: {
    accept: (contact) => `Geaccepteerd. ${contact} is van jou; neem contact op zoals beloofd.`,
    pass: (to) => (to ? `Doorgegeven aan ${to}. Dank je.` : 'Niemand anders was beschikbaar: de lead wacht nu tot het team hem met de hand toewijst.'),
    'not-a-fit': () => 'Gemarkeerd als “past niet”. Je reden staat in de geschiedenis van de lead.',
  },
  stale: {
    'not-yours': 'Deze lead ligt niet meer bij jou (hij is doorgegeven of naar iemand anders gegaan). Er is niets veranderd.',
    accepted: 'Je hebt deze lead al geaccepteerd. Er is niets veranderd.',
    closed: 'Deze lead is al gesloten. Er is niets veranderd.',
    gone: 'Deze lead bestaat niet meer.',
  },
  forgedTitle: 'Deze link is niet geldig',
  forged: 'De link is onvolledig of gewijzigd. Open hem opnieuw vanuit de leadmail.',
  expiredTitle: 'Deze link is verlopen',
  expired: 'Actielinks werken 14 dagen. Vraag je salesteam deze lead op te pakken.',
  nothingDone: 'Niets veranderd',
};

export const repActionTexts: Record<Language, typeof en> = { nl, en };
export type RepActionTexts = typeof en;
