import type { ChoiceQuestion, VendorConfig } from '../../shared/config';
import { resolveText, type Language, type Localized } from '../../shared/localized';
import type { AgreedStep } from '../agreement/agreed-process';
import { agreedProcessBlocks } from '../agreement/agreement-texts';
import type { ExplanationLine } from '../db/schema';
import type { Block } from '../mail/layout';
import type { MailAddress, MailMessage } from '../mail/message';
import { deadlineText, repLanguage, type LeadRow } from '../mail/rep-lead';
import { mailTexts } from '../mail/texts';
import type { AnswerField } from './forms';
import { prospectRepMailTexts } from './rep-mail-texts';

// The short mails to a lead's rep (or the sales address when nobody has the lead) after the
// prospect acted on their page: what changed and why the score moved, paused / withdrawn / back,
// and the answers to a counter-proposal. In the rep's language; the rep's address is from the
// config, so the prospect's own words may go in.

export type AnswerChange = { field: AnswerField; old: string; new: string } | { field: 'roles'; old: string[]; new: string[] };

export interface Requalified {
  score: { old: number; new: number };
  tier: { old: string; new: string };
  explanation: { old: ExplanationLine[]; new: ExplanationLine[] };
  noDecisionRisk: { old: boolean; new: boolean };
}

interface Recipient {
  to: MailAddress;
  language: Language;
  repId?: string;
}

function recipient(config: VendorConfig, lead: LeadRow): Recipient {
  const site = config.sites.find((s) => s.key === lead.site) ?? config.sites[0];
  const rep = config.reps.find((r) => r.id === lead.repId);
  const language = repLanguage(rep, site.defaultLanguage);
  return rep ? { to: { name: rep.name, address: rep.email }, language, repId: rep.id } : { to: { address: config.vendor.replyTo }, language };
}

function mail(config: VendorConfig, lead: LeadRow, r: Recipient, purpose: string, subject: string, title: string, blocks: Block[]): MailMessage {
  const t = prospectRepMailTexts[r.language];
  return {
    purpose,
    from: config.vendor.from,
    to: [r.to],
    replyTo: { name: lead.contactName, address: lead.contactEmail },
    subject,
    title,
    blocks: r.repId ? blocks : [{ lines: [t.unassignedNote], strong: true }, ...blocks],
  };
}

function labels(config: VendorConfig, language: Language) {
  const q = config.questions;
  const text = (l: Localized | undefined) => (l === undefined ? '' : (resolveText(l, language, 'en') ?? resolveText(l, 'nl') ?? ''));
  const questions: Record<string, ChoiceQuestion> = { stage: q.stage, budget: q.budget, decisionProcess: q.decisionProcess, timeline: q.timeline, finalSay: q.stakeholders.finalSay };
  const option = (field: string, id: string) => text(questions[field]?.options.find((o) => o.id === id)?.label) || id;
  const role = (id: string) => text(q.stakeholders.roles.find((x) => x.id === id)?.label) || id;
  return { option, role };
}

/** "What changed": each changed answer old → new, the score and tier old → new, and the contributions that moved. */
export function answersChangedMail(config: VendorConfig, lead: LeadRow, changes: AnswerChange[], q: Requalified): MailMessage {
  const r = recipient(config, lead);
  const t = prospectRepMailTexts[r.language];
  const m = mailTexts[r.language];
  const { option, role } = labels(config, r.language);
  const fieldLabel: Record<string, string> = { stage: m.stage, budget: m.budget, decisionProcess: m.decisionProcess, timeline: m.timeline, finalSay: m.finalSay, roles: t.roles };
  const roleList = (ids: string[]) => (ids.length ? ids.map(role).join(', ') : t.none);
  const rows = changes.map(
    (c): [string, string] => [fieldLabel[c.field], c.field === 'roles' ? `${roleList(c.old)} → ${roleList(c.new)}` : `${option(c.field, c.old)} → ${option(c.field, c.new)}`],
  );
  const tier = (id: string) => m.tier[id as keyof typeof m.tier] ?? id;
  const lineLabel = (l: ExplanationLine) =>
    `${m.explanation[l.question] ?? l.question}${l.question === 'role' ? `: ${role(l.answer)}` : l.question === 'costOfInaction' ? '' : `: ${option(l.question, l.answer)}`}`;
  // One line per question (its answer changed), per role for the roles.
  const key = (l: ExplanationLine) => (l.question === 'role' ? `role:${l.answer}` : l.question);
  const oldLines = new Map(q.explanation.old.map((l) => [key(l), l]));
  const newLines = new Map(q.explanation.new.map((l) => [key(l), l]));
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;
  const why: [string, string][] = [
    ...q.explanation.old.filter((l) => !newLines.has(key(l)) && l.points !== 0).map((l): [string, string] => [lineLabel(l), `${signed(l.points)} → 0`]),
    ...q.explanation.new.filter((l) => (oldLines.get(key(l))?.points ?? 0) !== l.points).map((l): [string, string] => [lineLabel(l), `${signed(oldLines.get(key(l))?.points ?? 0)} → ${signed(l.points)}`]),
  ];
  const risk = q.noDecisionRisk.old === q.noDecisionRisk.new ? [] : [q.noDecisionRisk.new ? t.noDecisionRiskNow : t.noDecisionRiskGone];
  const blocks: Block[] = [
    { heading: t.whatChanged, rows },
    {
      heading: t.score(q.score.old, q.score.new),
      lines: [q.tier.old === q.tier.new ? t.tierSame(tier(q.tier.new)) : t.tierChanged(tier(q.tier.old), tier(q.tier.new)), ...risk],
      strong: q.tier.old !== q.tier.new,
    },
    ...(why.length ? [{ heading: t.why, rows: why }] : []),
  ];
  return mail(config, lead, r, 'rep-prospect-updated', t.updatedSubject(lead.company), t.updatedTitle(lead.contactName, lead.company), blocks);
}

/** Paused or withdrawn, with their reason. */
export function statusChangedMail(config: VendorConfig, lead: LeadRow, status: 'paused' | 'withdrawn', reason: string): MailMessage {
  const r = recipient(config, lead);
  const t = prospectRepMailTexts[r.language];
  const paused = status === 'paused';
  const blocks: Block[] = [
    { rows: reason ? [[t.theirReason, reason]] : [], lines: reason ? [] : [t.noReason] },
    { lines: [paused ? t.pausedNote : t.withdrawnNote] },
  ];
  const subject = paused ? t.pausedSubject(lead.company) : t.withdrawnSubject(lead.company);
  const title = paused ? t.pausedTitle(lead.contactName, lead.company) : t.withdrawnTitle(lead.contactName, lead.company);
  return mail(config, lead, r, `rep-prospect-${status}`, subject, title, blocks);
}

/** Back from a pause: to the same rep, accepted as before, or to accept again (fresh links, new deadline). */
export function resumedMail(
  config: VendorConfig,
  lead: LeadRow,
  a: { actions?: { label: string; href: string }[]; deadline?: { assignedAt: number; minutes: number } },
): MailMessage {
  const r = recipient(config, lead);
  const t = prospectRepMailTexts[r.language];
  const line = !r.repId ? t.resumedUnassigned : lead.status === 'accepted' ? t.resumedAccepted : t.resumedAssigned;
  const blocks: Block[] = [
    { lines: [line, ...(a.deadline ? [deadlineText(config, r.language, a.deadline)] : [])], strong: true },
    ...(a.actions?.length ? [{ links: a.actions }] : []),
  ];
  return mail(config, lead, r, 'rep-prospect-resumed', t.resumedSubject(lead.company), t.resumedTitle(lead.contactName, lead.company), blocks);
}

/** The prospect accepted the rep's counter-proposal: the agreed process. */
export function counterAcceptedMail(config: VendorConfig, lead: LeadRow, steps: AgreedStep[]): MailMessage {
  const r = recipient(config, lead);
  const t = prospectRepMailTexts[r.language];
  const blocks: Block[] = [{ lines: [t.counterAcceptedIntro] }, ...agreedProcessBlocks(steps, r.language)];
  return mail(config, lead, r, 'rep-agreement-agreed', t.counterAcceptedSubject(lead.company), t.counterAcceptedTitle(lead.contactName, lead.company), blocks);
}

/** The prospect answered the counter with a proposal of their own: it, their reason, and the link to answer it. */
export function counterAnsweredMail(config: VendorConfig, lead: LeadRow, steps: AgreedStep[], reason: string, answer?: { label: string; href: string }): MailMessage {
  const r = recipient(config, lead);
  const t = prospectRepMailTexts[r.language];
  const blocks: Block[] = [
    { lines: [t.counterAnsweredIntro], rows: reason ? [[t.theirReason, reason]] : [] },
    ...(answer ? [{ links: [answer] }] : []),
    ...agreedProcessBlocks(steps, r.language),
  ];
  return mail(config, lead, r, 'rep-agreement-proposal', t.counterAnsweredSubject(lead.company), t.counterAnsweredTitle(lead.contactName, lead.company), blocks);
}

export { recipient as repRecipient };
