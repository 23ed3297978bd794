import { eq } from 'drizzle-orm';
import { AGREEMENT_LIMITS, agreementReasonSchema, type ProcessChanges, type StepChange } from '../../shared/agreement';
import type { Clock } from '../clock';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { recordEvent } from '../leads/lead-history';
import { standing, type Standing } from '../leads/rep-action';
import { agreementOutcomeMail, type RepAnswerKind } from '../mail/agreement-outcome';
import type { LeadRow } from '../mail/rep-lead';
import { enqueueJob } from '../outbox/enqueue';
import type { ActionClaim } from '../security/action-links';
import type { ProspectPageLink } from '../security/prospect-links';
import { applyChanges, isNoChange, shownProcess, type ShownStep } from './agreed-process';
import { latestTurn, NO_CHANGES, recordTurn, type Turn } from './turns';
import { webhookAccepted, webhookAnswered } from '../webhooks/events';

// The rep's answer to a prospect's proposed approach (issue 10 part 3), from the answer page:
// agree, counter (per step: keep ours, take theirs, or other words; drop added steps; a note) or
// keep the standard process (explanation required). One immediate transaction: re-reads the lead,
// checks that the proposal answered is still the open one (the prospect may have changed it,
// paused or withdrawn meanwhile, or the other click of a double click won), records the turn,
// sets the agreement state, accepts a lead still waiting for acceptance, and queues the
// prospect's mail. Anything stale changes nothing and answers the current state.

/** The answer page's form as posted (plain strings; checked here, inside the write). */
export interface RepAnswerForm {
  choice: string;
  /** The id of the proposal turn the page showed. */
  turn: string;
  /** Counter: per step id, 'ours' | 'theirs' | 'other'. */
  steps: Record<string, string>;
  /** Counter: per step id, what instead (with 'other'). */
  instead: Record<string, string>;
  /** Counter: the indexes of the prospect's added steps the rep keeps. */
  added: string[];
  note: string;
  explanation: string;
}

export type AnswerProblem =
  | 'unknown-choice'
  | 'unknown-step'
  | 'unknown-pick'
  | 'fixed-step'
  | 'not-theirs'
  | 'instead-required'
  | 'unknown-added'
  | 'too-long'
  | 'explanation-required'
  | 'same-as-proposal'
  | 'same-as-standard';

/** Why nothing was done although the link is genuine: the proposal is no longer open for this answer. */
export type AnswerCurrent = 'answered' | 'changed' | 'paused' | 'withdrawn' | 'no-proposal';

export type RepAnswerResult =
  | { done: true; kind: RepAnswerKind; lead: LeadRow; accepted: boolean }
  | { done: false; standing: Exclude<Standing, { ok: true }> }
  | { done: false; current: AnswerCurrent; lead: LeadRow }
  | { done: false; invalid: { field: string; problem: AnswerProblem } };

export interface RepAnswerDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
  prospectPage?: ProspectPageLink;
}

const CHOICES: Record<string, RepAnswerKind> = { agree: 'agree', counter: 'counter', keep: 'keep-standard' };

export function performRepAnswer(deps: RepAnswerDeps, claim: ActionClaim, form: RepAnswerForm): RepAnswerResult {
  if (claim.action !== 'answer') throw new Error('performRepAnswer: not an answer link');
  return deps.db.transaction(
    (tx) => {
      const now = deps.clock.now();
      const s = standing(tx, claim);
      if (!s.ok && s.why === 'closed' && (s.lead.status === 'paused' || s.lead.status === 'withdrawn')) {
        return { done: false as const, current: s.lead.status, lead: s.lead };
      }
      if (!s.ok) return { done: false as const, standing: s };
      const { lead } = s;
      const open = openProposal(tx, lead, form.turn);
      if ('current' in open) return { done: false as const, current: open.current, lead };
      if (!open.turn) return invalid('turn', 'unknown-choice'); // not sent from the page: show it

      const kind = CHOICES[form.choice];
      if (!kind) return invalid('choice', 'unknown-choice');
      const steps = shownProcess(deps.db, deps.config, lead).steps;
      const answer = answerOf(kind, form, steps, open.turn.changes);
      if ('problem' in answer) return invalid(answer.field, answer.problem);

      recordTurn(deps.db, { leadId: lead.id, at: now, by: 'rep', kind, repId: claim.repId, teamId: lead.teamId, changes: answer.changes, text: answer.text });
      const state = kind === 'agree' ? 'agreed' : kind === 'counter' ? 'countered' : 'standard-kept';
      const accepted = lead.status === 'assigned';
      tx.update(leads)
        .set({ agreementState: state, updatedAt: now, ...(accepted ? { status: 'accepted' } : {}) })
        .where(eq(leads.id, lead.id))
        .run();
      if (accepted) {
        recordEvent(deps.db, { leadId: lead.id, at: now, type: 'accepted', repId: claim.repId, teamId: lead.teamId, detail: 'accepted by answering the process proposal' });
      }
      webhookAnswered(deps, lead.id, { by: 'rep', kind, changes: answer.changes, text: answer.text }, now);
      if (accepted) webhookAccepted(deps, lead.id, claim.repId, 'agreement', now);
      const rep = deps.config.reps.find((r) => r.id === claim.repId)!; // the route checked the rep is in the config
      const mail = agreementOutcomeMail({
        lead,
        config: deps.config,
        rep,
        kind,
        steps: applyChanges(steps, kind === 'keep-standard' ? NO_CHANGES : answer.changes),
        text: answer.text,
        pageHref: deps.prospectPage?.(lead.id, lead.prospectLinkEpoch),
      });
      enqueueJob(deps.db, 'mail', mail, { leadId: lead.id, now, toProspect: true });
      const after: LeadRow = { ...lead, agreementState: state, updatedAt: now, status: accepted ? 'accepted' : lead.status };
      return { done: true as const, kind, lead: after, accepted };
    },
    { behavior: 'immediate' },
  );
}

function invalid(field: string, problem: AnswerProblem) {
  return { done: false as const, invalid: { field, problem } };
}

/** The proposal the page answered, if it is still the open one: the lead's latest turn, a proposal. */
export function openProposal(db: Pick<Db, 'select'>, lead: LeadRow, turnId: string): { turn?: Turn } | { current: AnswerCurrent } {
  const latest = latestTurn(db, lead.id);
  if (lead.agreementState !== 'proposed' || !latest || latest.kind !== 'proposal') return { current: latest ? 'answered' : 'no-proposal' };
  if (!/^\d{1,15}$/.test(turnId)) return {}; // no turn named: nothing to compare
  return String(latest.id) === turnId ? { turn: latest } : { current: 'changed' };
}

type Answer = { changes: ProcessChanges; text: string } | { field: string; problem: AnswerProblem };

/** The turn's changes and words from the form, or the first problem with it. */
export function answerOf(kind: RepAnswerKind, form: RepAnswerForm, steps: ShownStep[], proposal: ProcessChanges): Answer {
  if (kind === 'agree') return { changes: proposal, text: '' };
  if (kind === 'keep-standard') {
    const explanation = clean(form.explanation);
    if (explanation === undefined) return { field: 'explanation', problem: 'too-long' };
    if (!explanation) return { field: 'explanation', problem: 'explanation-required' };
    return { changes: NO_CHANGES, text: explanation };
  }

  const known = new Set(steps.map((s) => s.id));
  for (const id of [...Object.keys(form.steps), ...Object.keys(form.instead)]) {
    if (!known.has(id)) return { field: `step:${id}`, problem: 'unknown-step' };
  }
  const changed: StepChange[] = [];
  for (const step of steps) {
    const pick = form.steps[step.id] ?? 'ours';
    const theirs = proposal.steps.find((c) => c.id === step.id);
    if (pick === 'ours') continue;
    if (step.fixed) return { field: `step:${step.id}`, problem: 'fixed-step' };
    if (pick === 'theirs') {
      if (!theirs) return { field: `step:${step.id}`, problem: 'not-theirs' };
      changed.push(theirs);
    } else if (pick === 'other') {
      const instead = clean(form.instead[step.id] ?? '');
      if (instead === undefined || instead.length > AGREEMENT_LIMITS.instead) return { field: `instead:${step.id}`, problem: 'too-long' };
      if (!instead) return { field: `instead:${step.id}`, problem: 'instead-required' };
      changed.push({ id: step.id, change: 'change', instead });
    } else return { field: `step:${step.id}`, problem: 'unknown-pick' };
  }
  const keep = new Set<number>();
  for (const raw of form.added) {
    const i = Number(raw);
    if (!/^\d+$/.test(raw) || i >= proposal.added.length) return { field: 'added', problem: 'unknown-added' };
    keep.add(i);
  }
  const note = clean(form.note);
  if (note === undefined) return { field: 'note', problem: 'too-long' };
  const changes: ProcessChanges = { steps: changed, added: proposal.added.filter((_, i) => keep.has(i)) };
  if (isNoChange(changes)) return { field: 'choice', problem: 'same-as-standard' };
  if (sameChanges(changes, proposal)) return { field: 'choice', problem: 'same-as-proposal' };
  return { changes, text: note };
}

/** The text as every agreement text is stored (shared/agreement.ts); undefined: too long. */
function clean(text: string): string | undefined {
  const r = agreementReasonSchema.safeParse(text);
  return r.success ? r.data : undefined;
}

function sameChanges(a: ProcessChanges, b: ProcessChanges): boolean {
  const key = (c: ProcessChanges) => JSON.stringify({ steps: [...c.steps].sort((x, y) => x.id.localeCompare(y.id)).map((s) => [s.id, s.change, s.instead ?? '']), added: c.added });
  return key(a) === key(b);
}
