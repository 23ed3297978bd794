import type { Rep, Site, VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { Block } from './layout';
import type { MailAddress, MailMessage } from './message';
import type { LeadRow } from './rep-lead';
import { routingTexts } from './routing-texts';
import { mailTexts } from './texts';
import { confirmationTexts } from './confirmation-texts';

// The two short mails of a hand-over (issue 4): to the rep whose lead moved on after its
// deadline (or was moved by a manager), and to the prospect whose promised contact person changed.

export function movedOnMail(a: {
  lead: LeadRow;
  config: VendorConfig;
  language: Language;
  to: MailAddress;
  /** Why it moved: the missed deadline's minutes, or a manager's hand. */
  why: { minutes: number } | { by: string; reason: string };
  newRepName: string | null;
}): MailMessage {
  const t = routingTexts[a.language];
  const title = t.movedTitle(a.lead.contactName, a.lead.company);
  const because = 'minutes' in a.why ? t.movedBecause(a.why.minutes) : t.movedByHand(a.why.by, a.why.reason);
  const blocks: Block[] = [{ lines: [because, t.movedTo(a.newRepName)] }];
  return {
    purpose: 'rep-lead-moved',
    from: a.config.vendor.from,
    to: [a.to],
    subject: t.movedSubject(a.lead.company),
    title,
    blocks,
  };
}

export function contactChangedMail(a: {
  lead: LeadRow;
  config: VendorConfig;
  site: Site;
  newRep: Rep | undefined;
  /** null: no longer known (the rep was removed from the config). */
  oldRepName: string | null;
  /** The next step again, with the new contact person's name. */
  nextStep: string;
  /** The link to the prospect's page. */
  page?: string;
}): MailMessage {
  const language = a.lead.language as Language;
  const t = routingTexts[language];
  const vendor = a.config.vendor.name;
  const title = t.prospectSubject(vendor);
  const blocks: Block[] = [
    { lines: [mailTexts[language].prospectGreeting, t.prospectChanged(a.newRep?.name ?? null, a.oldRepName)] },
    { lines: [t.prospectStands, a.nextStep], strong: true },
    ...(a.page ? [{ links: [{ label: confirmationTexts[language].yourPage, href: a.page }] }] : []),
  ];
  const replyTo = a.newRep ? { name: a.newRep.name, address: a.newRep.email } : { name: vendor, address: a.config.vendor.replyTo };
  return {
    purpose: 'prospect-contact-changed',
    from: a.config.vendor.from,
    to: [{ address: a.lead.contactEmail }], // no free text to an unverified address
    replyTo,
    subject: title,
    title,
    blocks,
  };
}
