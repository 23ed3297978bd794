import { eq } from 'drizzle-orm';
import type { Rep, VendorConfig } from '../../shared/config';
import { isLanguage, resolveText, type Language } from '../../shared/localized';
import { applyChanges, shownProcess, type AgreedStep, type ShownStep } from '../agreement/agreed-process';
import { settledChanges, turnsOf, type Turn } from '../agreement/turns';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { contactPromise } from '../leads/contact-promise';
import { leadHistory } from '../leads/lead-history';
import type { LeadRow } from '../mail/rep-lead';

// What the prospect's page shows, read from the lead as stored: the process (agreed, or the
// proposal or counter under discussion), where they are in it, their rep and when the rep
// contacts them, and what the vendor needs from them next.

export const CLOSED_STATUSES = ['withdrawn', 'not-a-fit', 'spam'];

export type Phase = { key: 'received' | 'agreeing' | 'waiting' | 'step'; n?: number; title?: string; current: boolean };

export interface ProspectView {
  lead: LeadRow;
  language: Language;
  rep?: Rep;
  /** The process shown, with the changes of the agreement or of the open turn. */
  process: { kind: 'standard' | 'agreed' | 'kept' | 'proposed' | 'countered'; steps: AgreedStep[]; shown: ShownStep[]; words?: string };
  /** The open counter-proposal the prospect may accept or answer. */
  counter?: Turn;
  phases: Phase[];
  /** The promised contact time, while the prospect waits for it. */
  promise?: number;
  /** What the vendor needs from the prospect next: a step's ask, or the open agreement's. */
  next?: { kind: 'ask'; text: string } | { kind: 'agreed-step'; step: string; text: string } | { kind: 'counter' } | { kind: 'proposal' };
  paused: boolean;
  closed: boolean;
}

export function readLead(db: Pick<Db, 'select'>, leadId: string): LeadRow | undefined {
  return db.select().from(leads).where(eq(leads.id, leadId)).get();
}

export function leadLanguage(lead: Pick<LeadRow, 'language'>): Language {
  return isLanguage(lead.language) ? lead.language : 'en';
}

/** A promise still to come (a past one is not repeated). */
const due = (at: number | undefined, now: number) => (at !== undefined && at > now ? at : undefined);

/** The tier the contact promise was made with: the lead's tier before its first update on the page. */
function promisedTier(lead: LeadRow, history: { type: string; detail: string }[]): string {
  const first = history.find((e) => e.type === 'prospect-updated');
  try {
    const tier = first && (JSON.parse(first.detail) as { tier?: { old?: unknown } }).tier?.old;
    return typeof tier === 'string' ? tier : lead.tier;
  } catch {
    return lead.tier;
  }
}

export function prospectView(db: Db, config: VendorConfig, lead: LeadRow, now: number): ProspectView {
  const language = leadLanguage(lead);
  const turns = turnsOf(db, lead.id);
  const history = leadHistory(db, lead.id);
  const shown = shownProcess(db, config, lead).steps;
  const last = turns.at(-1);
  const settled = settledChanges(turns);
  const process: ProspectView['process'] = settled
    ? {
        kind: last?.kind === 'keep-standard' ? 'kept' : turns.length ? 'agreed' : 'standard',
        steps: applyChanges(shown, settled),
        shown,
        ...(last?.kind === 'keep-standard' && last.text ? { words: last.text } : {}),
      }
    : {
        kind: last!.kind === 'counter' ? 'countered' : 'proposed',
        steps: applyChanges(shown, last!.changes),
        shown,
        ...(last!.text ? { words: last!.text } : {}),
      };

  const closed = CLOSED_STATUSES.includes(lead.status);
  const paused = lead.status === 'paused';
  const agreeing = !settled && !closed;
  const accepted = lead.status === 'accepted' || (paused && acceptedBeforePause(history, lead.repId));
  const live = process.steps.filter((s) => s.status !== 'skipped');
  const phases: Phase[] = [
    { key: 'received', current: false },
    ...(turns.length ? [{ key: 'agreeing' as const, current: agreeing }] : []),
    { key: 'waiting', current: !closed && !agreeing && !accepted },
    ...live.map((s, i) => ({ key: 'step' as const, n: i + 1, title: s.title, current: !closed && !agreeing && accepted && i === 0 })),
  ];

  // The promise holds until it is due: also once the rep has taken the request on.
  const waiting = lead.status === 'assigned' || lead.status === 'unassigned' || lead.status === 'accepted';
  const first = live[0];
  const next: ProspectView['next'] = closed || paused
    ? undefined
    : process.kind === 'countered'
      ? { kind: 'counter' }
      : process.kind === 'proposed'
        ? { kind: 'proposal' }
        : first
          ? first.status === 'kept'
            ? { kind: 'ask', text: first.weAsk }
            : { kind: 'agreed-step', step: first.title, text: first.status === 'changed' ? (first.instead ?? '') : first.title }
          : undefined;
  return {
    lead,
    language,
    rep: config.reps.find((r) => r.id === lead.repId),
    process,
    ...(process.kind === 'countered' && !closed ? { counter: last } : {}),
    phases,
    promise: waiting && !paused ? due(contactPromise(config, promisedTier(lead, history), lead.createdAt), now) : undefined,
    next,
    paused,
    closed,
  };
}

/** Whether the lead's current rep had accepted it (after its latest assignment) before it was paused. */
export function acceptedBeforePause(history: { id: number; type: string; repId: string | null }[], repId: string | null): boolean {
  const assigned = history.findLast((e) => e.type === 'assigned' && e.repId === repId);
  return !!assigned && history.some((e) => e.type === 'accepted' && e.repId === repId && e.id > assigned.id);
}

/** A rep's role in the prospect's language. */
export function repRole(rep: Rep, language: Language, fallback: Language): string | undefined {
  return rep.role === undefined ? undefined : resolveText(rep.role, language, fallback);
}
