import type { VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { ComposedConfirmation } from '../leads/confirmation';
import { agreedProcessBlocks } from '../agreement/agreement-texts';
import { confirmationTexts } from './confirmation-texts';
import type { Block } from './layout';
import type { MailAddress, MailMessage } from './message';
import { mailTexts } from './texts';

// The prospect's confirmation mail, in their language: the same content as the widget's last
// screen (leads/confirmation.ts) with the process in full (what each side does, how long). The
// address is not verified, so the only words of the sender in it are a name that looks like a
// name: free text here would let anyone send their words from the vendor's domain to anyone (a
// phishing relay). Nor anything of a colleague's earlier lead: when one brought this lead to its
// rep, it only names that rep.

export interface ProspectMail {
  to: string;
  language: Language;
  config: VendorConfig;
  composed: ComposedConfirmation;
  /** Replies go to the rep when there is one, else to the vendor. */
  replyTo: MailAddress;
  /** The rep's name, when the lead went to the rep who already has an open lead of this company. */
  accountRep?: string;
  /** The process's heading as the form showed it ("How we work"). */
  title: string;
}

export function prospectConfirmationMail({ to, language, config, composed, replyTo, accountRep, title }: ProspectMail): MailMessage {
  const t = mailTexts[language];
  const c = confirmationTexts[language];
  const { confirmation } = composed;
  const blocks: Block[] = [
    { lines: [confirmation.thanks] },
    { heading: c.whatNext, lines: [confirmation.contact ?? ''], strong: true },
    ...(accountRep ? [{ lines: [t.prospectKnownAccount(accountRep)] }] : []),
    ...(confirmation.links.length ? [{ links: confirmation.links.map((l) => ({ label: l.label, href: l.url })) }] : []),
    ...(confirmation.prepare ? [{ heading: c.whatToPrepare, lines: [confirmation.prepare] }] : []),
    { heading: confirmation.recapTitle, ...(composed.agreed ? {} : { lines: confirmation.recap }) },
    ...(composed.agreed ? agreedProcessBlocks(composed.agreed, language) : []),
    { links: [{ label: c.yourPage, href: confirmation.page }] },
    { links: [{ label: t.privacy, href: config.vendor.privacyUrl }] },
  ];
  return {
    purpose: 'prospect-confirmation',
    from: config.vendor.from,
    to: [{ address: to }],
    replyTo,
    subject: composed.subject,
    title,
    blocks,
  };
}
