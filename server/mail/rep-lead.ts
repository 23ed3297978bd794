import type { ChoiceQuestion, Rep, VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { leads } from '../db/schema';
import type { Block } from './layout';
import type { MailAddress, MailMessage } from './message';
import type { RoutingWhy } from '../leads/route';
import { routingReasonLines } from './routing-reason';
import { routingTexts } from './routing-texts';
import { mailTexts } from './texts';
import { countryName, formatDeadline, formatMinutes } from './times';
import { agreementView, type AgreementView } from '../agreement/rep-answer-view';
import { agreementRepBlocks } from './agreement-rep-blocks';

// The pre-qualified lead summary for the rep: who, how far along, who decides, when, why this
// score, why this rep, what to do next. Everything the prospect typed is escaped in HTML.

export type LeadRow = typeof leads.$inferSelect;

export interface RepLeadMail {
  lead: LeadRow;
  config: VendorConfig;
  language: Language;
  /** The rep, or the vendor's replyTo when nobody could take the lead. */
  to: MailAddress;
  /** Extra lines at the top: "existing account, earlier lead …", "passed on by …". */
  notes?: string[];
  /** One-click actions (signed links). */
  actions?: { label: string; href: string }[];
  unassigned?: boolean;
  /** The rep's response deadline (routing.acceptWithinMinutes), counted from the assignment. */
  deadline?: { assignedAt: number; minutes: number };
  /** Why the lead went to this rep; without it (mails queued by an older version) the stored English summary. */
  routing?: RoutingWhy;
  /** Another open lead of this company is already the rep's: the subject says "Second contact". */
  secondContact?: boolean;
  /** The process agreement (read from the database when it can be); without it, from the lead and the current config. */
  agreement?: AgreementView;
  /** The signed link to answer an open proposal. */
  answer?: { label: string; href: string };
}

export function repLeadMail({ lead, config, language, to, notes = [], actions = [], unassigned, deadline, routing, secondContact, agreement, answer }: RepLeadMail): MailMessage {
  const t = mailTexts[language];
  const deadlineLine = deadline && deadlineText(config, language, deadline);
  const q = config.questions;
  const text = (l: Localized | undefined) => (l === undefined ? '' : (resolveText(l, language, 'en') ?? resolveText(l, 'nl') ?? ''));
  const label = (question: ChoiceQuestion, id: string) => text(question.options.find((o) => o.id === id)?.label) || id;
  const roleLabel = (id: string) => text(q.stakeholders.roles.find((r) => r.id === id)?.label) || id;
  const or = (v: string | null | undefined) => v || t.notGiven;
  const stageLabel = label(q.stage, lead.stage);

  const explanationLabel = (line: LeadRow['explanation'][number]) => {
    const answer =
      line.question === 'role'
        ? roleLabel(line.answer)
        : line.question === 'costOfInaction'
          ? ''
          : label(questionById(config, line.question), line.answer);
    return `${t.explanation[line.question] ?? line.question}${answer ? `: ${answer}` : ''}`;
  };
  const roles = lead.stakeholderRoles.length
    ? lead.stakeholderRoles.map((r) => `${roleLabel(r.role)} (${r.involved ? t.involved : t.notYetInvolved})`).join('\n')
    : t.noRoles;
  const utm = [
    ...Object.entries(lead.utm ?? {}).map(([k, v]) => [`utm_${k}`, v] as const),
    ...Object.entries(lead.clickIds ?? {}), // gclid, fbclid, msclkid as the ad platforms name them
  ]
    .filter(([, v]) => v)
    .map(([k, v]) => [k, String(v)] as [string, string]);

  const blocks: Block[] = [
    ...(unassigned ? [{ lines: [t.unassignedIntro], strong: true }] : []),
    // The process agreement first: an open proposal is what the rep answers (or one line: none).
    ...agreementRepBlocks({ view: agreement ?? agreementView(config, lead), contactName: lead.contactName, language, answer, choice: lead.processChoice }),
    ...(notes.length ? [{ lines: notes, strong: true }] : []),
    ...(deadlineLine ? [{ lines: [deadlineLine], strong: true }] : []),
    ...(lead.noDecisionRisk ? [{ lines: [t.noDecisionRisk], strong: true }] : []),
    ...(actions.length ? [{ links: actions }] : []),
    {
      heading: t.contact,
      rows: [
        [t.name, lead.contactName],
        [t.email, lead.contactEmail],
        [t.phone, or(lead.phone)],
        [t.company, lead.company],
        ...(lead.country ? [[t.country, countryName(lead.country, language)] as [string, string]] : []),
        ...(lead.companySize ? [[t.companySize, t.employees(lead.companySize)] as [string, string]] : []),
        ...(lead.message ? [[t.message, lead.message] as [string, string]] : []),
      ],
    },
    {
      heading: t.whereTheyStand,
      rows: [
        [t.stage, stageLabel],
        [t.budget, label(q.budget, lead.budget)],
        [t.decisionProcess, label(q.decisionProcess, lead.decisionProcess)],
        [t.timeline, label(q.timeline, lead.timeline)],
        [t.costOfInaction, or(lead.costOfInaction)],
      ],
    },
    {
      heading: t.stakeholders,
      rows: [
        [t.stakeholders, roles],
        [t.finalSay, label(q.stakeholders.finalSay, lead.finalSay)],
        [t.orgInterest, or(lead.orgInterest)],
        [t.personalInterest, or(lead.personalInterest)],
      ],
    },
    {
      heading: `${t.score}: ${lead.score} ${t.points} (${t.tier[lead.tier as keyof typeof t.tier]})`,
      rows: lead.explanation.map((l) => [explanationLabel(l), `${l.points >= 0 ? '+' : ''}${l.points}`]),
    },
    { heading: unassigned ? t.routingUnassigned : t.routing, lines: routing ? routingReasonLines(routing, config, language) : [lead.routingReason] },
    {
      heading: t.context,
      rows: [[t.page, or(lead.pageUrl)], [t.referrer, or(lead.referrer)], ...utm],
    },
  ];

  const tier = t.tier[lead.tier as keyof typeof t.tier];
  const prefix = unassigned ? `${t.unassignedSubject}: ` : secondContact ? `${t.secondContactSubject}: ` : '';
  const subject = `${prefix}[${tier}] ${lead.company} — ${stageLabel}`;
  const title = `${t.newLead}: ${lead.contactName}, ${lead.company}`;
  return {
    purpose: unassigned ? 'unassigned-lead' : 'rep-lead',
    from: config.vendor.from,
    to: [to],
    replyTo: { name: lead.contactName, address: lead.contactEmail },
    subject,
    title,
    blocks,
  };
}

function questionById(config: VendorConfig, id: string): ChoiceQuestion {
  const q = config.questions;
  const byId: Record<string, ChoiceQuestion> = {
    stage: q.stage,
    budget: q.budget,
    decisionProcess: q.decisionProcess,
    finalSay: q.stakeholders.finalSay,
    timeline: q.timeline,
  };
  return byId[id] ?? { label: id, options: [] };
}

/** "Please accept this lead within 60 minutes, by 14:35 (Amsterdam time). …" */
export function deadlineText(config: VendorConfig, language: Language, deadline: { assignedAt: number; minutes: number }): string {
  const at = deadline.assignedAt + deadline.minutes * 60_000;
  const by = formatDeadline(at, deadline.assignedAt, config.vendor.timeZone, language);
  return routingTexts[language].deadline(formatMinutes(deadline.minutes, language), by);
}

/** The language a rep reads: their first language, else the site's default. */
export function repLanguage(rep: Rep | undefined, fallback: Language): Language {
  return rep?.languages?.[0] ?? fallback;
}
