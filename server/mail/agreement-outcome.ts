import type { Rep, VendorConfig } from '../../shared/config';
import type { Language } from '../../shared/localized';
import type { AgreedStep } from '../agreement/agreed-process';
import { agreedProcessBlocks } from '../agreement/agreement-texts';
import { agreementAnswerTexts } from './agreement-answer-texts';
import type { Block } from './layout';
import type { MailMessage } from './message';
import type { LeadRow } from './rep-lead';
import { mailTexts } from './texts';

// The prospect's mail after their rep answered their proposed approach, in the prospect's
// language: agreed (the agreed process), standard kept (the rep's explanation and the standard
// process), or a counter-proposal (step by step, and that they can accept or answer it on their
// page). A rep has answered, so the prospect's own words may be in it (their added steps).

export type RepAnswerKind = 'agree' | 'counter' | 'keep-standard';

export function agreementOutcomeMail(a: {
  lead: LeadRow;
  config: VendorConfig;
  rep: Rep;
  kind: RepAnswerKind;
  /** The process that follows from the answer: agreed, the standard one, or the counter-proposal. */
  steps: AgreedStep[];
  /** The rep's explanation (keep-standard) or note (counter); may be empty for a counter. */
  text: string;
  /** The link to the prospect's page (security/prospect-links.ts). */
  pageHref?: string;
}): MailMessage {
  const language = a.lead.language as Language;
  const t = agreementAnswerTexts[language];
  const rep = a.rep.name;
  const process = agreedProcessBlocks(a.steps, language);
  const page: Block[] = a.pageHref ? [{ lines: [a.kind === 'counter' ? t.counterAnswer : t.pageLine], links: [{ label: t.yourPage, href: a.pageHref }], strong: a.kind === 'counter' }] : [];
  const greeting = mailTexts[language].prospectGreeting;
  const [subject, blocks]: [string, Block[]] =
    a.kind === 'agree'
      ? [t.agreedSubject(rep), [{ lines: [greeting, t.agreedIntro(rep)] }, ...process, ...page]]
      : a.kind === 'keep-standard'
        ? [t.keptSubject(rep), [{ lines: [greeting, t.keptIntro(rep)] }, { lines: [`“${a.text}”`], strong: true }, { lines: [t.keptProcess] }, ...process, ...page]]
        : [
            t.counterSubject(rep),
            [{ lines: [greeting, t.counterIntro(rep)] }, ...process, ...(a.text ? [{ lines: [t.counterNote(rep), `“${a.text}”`] }] : []), ...page],
          ];
  return {
    purpose: `prospect-agreement-${a.kind}`,
    from: a.config.vendor.from,
    to: [{ address: a.lead.contactEmail }],
    replyTo: { name: a.rep.name, address: a.rep.email },
    subject,
    title: subject,
    blocks: [...blocks, { lines: [t.replyLine(rep)] }],
  };
}
