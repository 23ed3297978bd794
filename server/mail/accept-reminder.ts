import type { VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { Block } from './layout';
import type { MailAddress, MailMessage } from './message';
import type { LeadRow } from './rep-lead';
import { routingTexts } from './routing-texts';
import { formatDeadline, formatMinutes } from './times';

// The one reminder a rep gets before their response deadline runs out (accept-reminder job).

export function acceptReminderMail(a: {
  lead: LeadRow;
  config: VendorConfig;
  language: Language;
  to: MailAddress;
  deadline: number;
  now: number;
  actions: { label: string; href: string }[];
}): MailMessage {
  const t = routingTexts[a.language];
  const by = formatDeadline(a.deadline, a.now, a.config.vendor.timeZone, a.language);
  const left = formatMinutes(Math.max(1, Math.round((a.deadline - a.now) / 60_000)), a.language);
  const blocks: Block[] = [{ lines: t.reminderLines(by, left), strong: true }, ...(a.actions.length ? [{ links: a.actions }] : [])];
  return {
    purpose: 'rep-accept-reminder',
    from: a.config.vendor.from,
    to: [a.to],
    replyTo: { name: a.lead.contactName, address: a.lead.contactEmail },
    subject: t.reminderSubject(by, a.lead.company),
    title: t.reminderTitle(a.lead.contactName, a.lead.company),
    blocks,
  };
}
