import type { Site, VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { LeadRow } from './rep-lead';
import type { Block } from './layout';
import type { MailAddress, MailMessage } from './message';
import { mailTexts } from './texts';

// The prospect's confirmation, in their language: thanks, how we work, their next step and who
// will contact them, the privacy statement. Nothing the form's sender typed goes into it (not the
// name, not the proposed approach): the address is not verified, so free text here would let
// anyone send their words from the vendor's domain to anyone (a phishing relay). Nor anything of a
// colleague's earlier lead: when one brought this lead to its rep, it only names that rep.

export interface ProspectMail {
  lead: LeadRow;
  config: VendorConfig;
  site: Site;
  nextStep: string;
  /** Replies go to the rep when there is one, else to the vendor. */
  replyTo: MailAddress;
  /** The rep's name, when the lead went to the rep who already has an open lead of this company. */
  accountRep?: string;
}

export function prospectConfirmationMail({ lead, config, site, nextStep, replyTo, accountRep }: ProspectMail): MailMessage {
  const language = lead.language as Language;
  const t = mailTexts[language];
  const text = (l: Localized | undefined) => (l === undefined ? '' : (resolveText(l, language, site.defaultLanguage) ?? ''));
  const vendor = config.vendor.name;

  const steps: Block[] = config.process.steps.map((step, i) => ({
    heading: `${i + 1}. ${text(step.title)}`,
    rows: [
      [t.weDo, text(step.weDo)],
      [t.weAsk, text(step.weAsk)],
      ...(step.duration ? [[t.duration, text(step.duration)] as [string, string]] : []),
    ],
  }));
  const blocks: Block[] = [
    { lines: [t.prospectGreeting, t.prospectThanks(vendor)] },
    ...steps,
    ...(lead.processAccepted ? [] : [{ lines: [t.prospectDeviation] }]),
    ...(accountRep ? [{ lines: [t.prospectKnownAccount(accountRep)] }] : []),
    { heading: t.nextStep, lines: [nextStep], strong: true },
    { links: [{ label: t.privacy, href: config.vendor.privacyUrl }] },
  ];
  const title = text(config.process.title);
  return {
    purpose: 'prospect-confirmation',
    from: config.vendor.from,
    to: [{ address: lead.contactEmail }],
    replyTo,
    subject: t.prospectSubject(vendor),
    title,
    blocks,
  };
}
