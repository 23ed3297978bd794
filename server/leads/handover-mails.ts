import type { VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import { contactChangedMail, movedOnMail } from '../mail/handover';
import type { MailMessage } from '../mail/message';
import { repLanguage, repLeadMail, type LeadRow } from '../mail/rep-lead';
import { routingTexts } from '../mail/routing-texts';
import { formatDateTime } from '../mail/times';
import { mailTexts } from '../mail/texts';
import { answerLink, deadlineOf, earlierLeadLink, type LeadMailInput } from './lead-mails';
import { nextStepText } from './next-step';
import { composeConfirmation, formSteps } from './confirmation';
import { storedContact, type StoredAnswer } from './stored-answer';
import type { RoutingWhy } from './route';

// The mails of a lead that moved from one rep to the next (pass on, missed deadline):
// - the new rep (or the vendor, when nobody is left) gets the full summary, why it came to them,
//   and what the prospect was promised and when — the promise counts from then;
// - after a missed deadline, the old rep is told it moved on;
// - when the prospect's promise named a contact person, the prospect learns the new name.

export type HandoverCause =
  | { type: 'passed-on'; reason?: string }
  | { type: 'sla-expired'; minutes: number }
  /** The rep was removed from the config (orphaned-leads.ts). */
  | { type: 'rep-removed' }
  /** A manager assigned it by hand in the cockpit (cockpit/assign.ts), with a reason. */
  | { type: 'by-hand'; by: string; reason: string }
  /** A manager handed all open leads of a (leaving) rep to others in the cockpit (leads/rep-overrides.ts); `by`: who. */
  | { type: 'handed-off'; by: string };

export interface HandoverInput {
  /** The lead as it is now (new rep, new routing reason). */
  lead: LeadRow;
  fromRepId: string | null;
  cause: HandoverCause;
  config: VendorConfig;
  earlierLead?: LeadMailInput['earlierLead'];
  repActions?: LeadMailInput['repActions'];
  /** Why it went to the new rep (structured), rendered in their language. */
  routing?: RoutingWhy;
  prospectPage?: LeadMailInput['prospectPage'];
  /** To read the process version the lead was shown (the proposal in the new rep's mail). */
  db?: LeadMailInput['db'];
}

export function handoverMails({ lead, fromRepId, cause, config, earlierLead, repActions, routing, prospectPage, db }: HandoverInput): MailMessage[] {
  const site = config.sites.find((s) => s.key === lead.site) ?? config.sites[0];
  const from = config.reps.find((r) => r.id === fromRepId);
  const fromName = from?.name ?? fromRepId ?? '?';
  const to = config.reps.find((r) => r.id === lead.repId);
  const language = repLanguage(to, site.defaultLanguage);
  const t = routingTexts[language];
  const promise = promisedNextStep(lead);

  const notes = [
    cause.type === 'passed-on'
      ? t.passedOnNote(fromName, cause.reason)
      : cause.type === 'sla-expired'
        ? t.slaNote(fromName, cause.minutes)
        : cause.type === 'by-hand'
          ? t.byHandNote(cause.by, cause.reason)
        : t.repRemovedNote,
    ...(promise ? [t.promiseNote(formatDateTime(lead.createdAt, config.vendor.timeZone, language), promise)] : []),
    ...(earlierLead ? [mailTexts[language].existingAccount(earlierLead, config.vendor.timeZone)] : []),
  ];
  const mails: MailMessage[] = [
    to
      ? repLeadMail({
          lead,
          config,
          language,
          to: { name: to.name, address: to.email },
          notes,
          actions: [...(repActions?.(lead.id, to.id, language) ?? []), ...earlierLeadLink(repActions, earlierLead, to.id, language)],
          deadline: deadlineOf(config, lead.tier, lead.updatedAt), // the lead as moved: updated at the assignment
          routing,
          secondContact: !!earlierLead,
          answer: answerLink(repActions, lead, to.id, language), // a proposal still open goes to the new rep
        })
      : repLeadMail({ lead, config, language, to: { address: config.vendor.replyTo }, notes, unassigned: true, routing }),
  ];

  // The rep who had it learns it moved: after a missed deadline, or when a manager moved it.
  if ((cause.type === 'sla-expired' || cause.type === 'by-hand') && from && from.id !== to?.id) {
    const fromLanguage = repLanguage(from, site.defaultLanguage);
    const why = cause.type === 'sla-expired' ? { minutes: cause.minutes } : { by: cause.by, reason: cause.reason };
    mails.push(movedOnMail({ lead, config, language: fromLanguage, to: { name: from.name, address: from.email }, why, newRepName: to?.name ?? null }));
  }

  const prospectLanguage = lead.language as Language;
  if (toldContactPerson(lead, config, site, prospectLanguage)) {
    // What they were told, again, with the new contact person: the same moment, another name.
    const nextStep = composeConfirmation({
      lead,
      language: prospectLanguage,
      config,
      site,
      rep: to ?? null,
      steps: formSteps(config, site, prospectLanguage),
      nextStep: nextStepText(config, site, lead.tier as keyof VendorConfig['nextSteps'], prospectLanguage, to?.name ?? null),
      page: '',
    }).confirmation.contact!;
    const page = prospectPage?.(lead.id, lead.prospectLinkEpoch);
    // A removed rep's name is no longer known: the prospect just learns who it is now.
    mails.push(contactChangedMail({ lead, config, site, newRep: to, oldRepName: from?.name ?? null, nextStep, page }));
  }
  return mails;
}

/**
 * Whether the prospect was told who their contact person is: the confirmation named the rep (a
 * contact promise or a proposal's answer), or — answers from before confirmations — the
 * configured next step did ({rep}).
 */
function toldContactPerson(lead: LeadRow, config: VendorConfig, site: LeadMailInput['site'], language: Language): boolean {
  const answer = lead.response as StoredAnswer | null;
  if (answer?.confirmation) return !!answer.rep && !!storedContact(answer)?.includes(answer.rep.name);
  const template = resolveText(config.nextSteps[lead.tier as keyof VendorConfig['nextSteps']], language, site.defaultLanguage) ?? '';
  return template.includes('{rep}');
}

/** The next step the prospect was shown and mailed when they submitted. */
function promisedNextStep(lead: LeadRow): string | undefined {
  const response = lead.response as { nextStep?: unknown } | null;
  return typeof response?.nextStep === 'string' && response.nextStep ? response.nextStep : undefined;
}
