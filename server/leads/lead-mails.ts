import type { Site, VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import { prospectConfirmationMail } from '../mail/prospect-confirmation';
import { repLanguage, repLeadMail, type LeadRow } from '../mail/rep-lead';
import type { MailMessage } from '../mail/message';
import { mailTexts } from '../mail/texts';
import type { RoutingWhy } from './route';
import { acceptWithinMinutes } from './sla';
import { REP_ACTIONS, type RepAction } from '../security/action-links';
import type { Tier } from '../../shared/config';
import type { SubmissionAnswer } from '../../shared/submission';
import { shownProcess } from '../agreement/agreed-process';
import { buildPublicForm } from '../form/build-public-form';
import { composeConfirmation } from './confirmation';
import { nextStepText } from './next-step';
import type { ProspectPageLink } from '../security/prospect-links';
import type { Db } from '../db/open';
import { agreementView } from '../agreement/rep-answer-view';

// The two mails of a new lead: the summary for its rep (or the vendor when unassigned) and the
// prospect's confirmation. Composed when the outbox sends them (lead-mail-job.ts).

export type LeadMailKind = 'rep' | 'prospect';

export interface LeadMailInput {
  /** The lead as stored, with the rep and routing reason it had when its mails were queued. */
  lead: LeadRow;
  config: VendorConfig;
  site: Site;
  nextStep: string;
  /** The open lead that makes this company an existing account of the rep. */
  earlierLead?: { id: string; contactName: string; createdAt: number };
  /** Signed action links for the rep, when the server can make them. */
  repActions?: (leadId: string, repId: string, language: Language, actions?: readonly RepAction[]) => { label: string; href: string }[];
  /** The link to the prospect's page (security/prospect-links.ts). */
  prospectPage?: ProspectPageLink;
  /** Why the lead went to its rep (structured), rendered in the rep's language. */
  routing?: RoutingWhy;
  /** The database, to read the process version the lead was shown and its open proposal; without it, the current config's process. */
  db?: Db;
}

export function leadMail(kind: LeadMailKind, input: LeadMailInput): MailMessage {
  return kind === 'rep' ? repMail(input) : prospectMail(input);
}

function repMail({ lead, config, site, earlierLead, repActions, routing, db }: LeadMailInput): MailMessage {
  const rep = config.reps.find((r) => r.id === lead.repId);
  const language = repLanguage(rep, site.defaultLanguage);
  const agreement = agreementView(config, lead, db);
  return rep
    ? repLeadMail({
        lead,
        config,
        language,
        to: { name: rep.name, address: rep.email },
        notes: earlierLead ? [mailTexts[language].existingAccount(earlierLead, config.vendor.timeZone)] : [],
        actions: [...(repActions?.(lead.id, rep.id, language) ?? []), ...earlierLeadLink(repActions, earlierLead, rep.id, language)],
        deadline: deadlineOf(config, lead.tier, lead.createdAt),
        routing,
        secondContact: !!earlierLead,
        agreement,
        answer: answerLink(repActions, lead, rep.id, language),
      })
    : repLeadMail({ lead, config, language, to: { address: config.vendor.replyTo }, unassigned: true, routing, agreement });
}

function prospectMail({ lead, config, site, earlierLead, db, prospectPage }: LeadMailInput): MailMessage {
  const rep = config.reps.find((r) => r.id === lead.repId);
  const replyTo = rep ? { name: rep.name, address: rep.email } : { name: config.vendor.name, address: config.vendor.replyTo };
  // A colleague's open lead brought this one to the same rep: the prospect learns only the rep's name.
  const accountRep = earlierLead && rep ? rep.name : undefined;
  const language = lead.language as Language;
  // What the prospect was shown (its stored version), so the recap is what they agreed to.
  const shown = db ? shownProcess(db, config, lead) : buildPublicForm(config, site, language, '').process;
  const composed = composeConfirmation({
    lead,
    language,
    config,
    site,
    rep: rep ?? null,
    steps: shown.steps,
    nextStep: nextStepText(config, site, lead.tier as Tier, language, rep?.name ?? null),
    page: prospectPage?.(lead.id, lead.prospectLinkEpoch) ?? (lead.response as SubmissionAnswer).confirmation?.page ?? '',
  });
  return prospectConfirmationMail({ to: lead.contactEmail, language, config, composed, replyTo, accountRep, title: shown.title });
}

/**
 * The link to the company's earlier lead in a rep mail: its signed "accept" link for the same rep.
 * Opening it (GET) shows that lead and its history and changes nothing; once accepted, the page
 * shows the lead without a button (routes/rep-actions.ts).
 */
export function earlierLeadLink(
  repActions: LeadMailInput['repActions'],
  earlierLead: LeadMailInput['earlierLead'],
  repId: string,
  language: Language,
): { label: string; href: string }[] {
  if (!repActions || !earlierLead) return [];
  const accept = repActions(earlierLead.id, repId, language)[REP_ACTIONS.indexOf('accept')];
  return accept ? [{ label: mailTexts[language].earlierLeadLink, href: accept.href }] : [];
}

/** The signed "Answer the proposal" link while the lead's proposal waits for its rep's answer. */
export function answerLink(repActions: LeadMailInput['repActions'], lead: Pick<LeadRow, 'id' | 'agreementState'>, repId: string, language: Language) {
  return lead.agreementState === 'proposed' ? repActions?.(lead.id, repId, language, ['answer'])[0] : undefined;
}

/** The rep's response deadline of an assignment at `assignedAt`, when the tier has one. */
export function deadlineOf(config: VendorConfig, tier: string, assignedAt: number) {
  const minutes = acceptWithinMinutes(config, tier);
  return minutes ? { assignedAt, minutes } : undefined;
}
