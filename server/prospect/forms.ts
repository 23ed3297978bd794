import { AGREEMENT_LIMITS, processChangesSchema, type ProcessChanges } from '../../shared/agreement';
import type { ChoiceQuestion, VendorConfig } from '../../shared/config';
import { checkChanges } from '../leads/check-answers';

// The POST forms of the prospect's page, read and checked before anything is written: only the
// fields the form has, known option ids, texts within their limits. A problem names the form field
// and a code; the page says it in the prospect's language (page-texts.ts errors).

export type FormFields = Record<string, string[]>;

export type FieldProblem =
  | { field: string; code: 'unknownOption' | 'unknownField' | 'incomplete' | 'reasonRequired' | 'insteadRequired' | 'fixed' }
  | { field: string; code: 'tooLong' | 'tooMany'; max: number };

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

export const MAX_STATUS_REASON = 1000;
const REQUEST_KEY = /^[A-Za-z0-9_-]{16,64}$/;

export const ANSWER_FIELDS = ['stage', 'budget', 'decisionProcess', 'timeline', 'finalSay'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** A form body as field → values (a repeated field has several); a file upload is no value of ours. */
export function formFields(body: Record<string, unknown>): FormFields {
  const out: FormFields = {};
  for (const [key, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    out[key] = values.map((v) => (typeof v === 'string' ? v : '\u0000file'));
  }
  return out;
}

/** Fields the form does not have, and the request key every form carries (`do` names the form: routes/prospect-page.ts). */
function common(fields: FormFields, allowed: (name: string) => boolean): { requestKey: string; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  for (const name of Object.keys(fields)) if (name !== 'requestKey' && name !== 'do' && !allowed(name)) problems.push({ field: name, code: 'unknownField' });
  const key = fields.requestKey;
  if (!key || key.length !== 1 || !REQUEST_KEY.test(key[0])) problems.push({ field: 'requestKey', code: 'incomplete' });
  return { requestKey: key?.[0] ?? '', problems };
}

/** One value of a field that may be sent once. */
function single(fields: FormFields, name: string, problems: FieldProblem[]): string | undefined {
  const v = fields[name];
  if (!v) return undefined;
  if (v.length !== 1) problems.push({ field: name, code: 'incomplete' });
  return v[0];
}

function text(fields: FormFields, name: string, max: number, problems: FieldProblem[]): string {
  const value = (single(fields, name, problems) ?? '').replace(/\r\n?/g, '\n').trim();
  if (value.length > max) problems.push({ field: name, code: 'tooLong', max });
  return value;
}

export interface AnswerUpdate {
  requestKey: string;
  /** The answers sent (option ids); a field left out stays as it is. */
  answers: Partial<Record<AnswerField, string>>;
  /** The roles now involved, when the form sent the roles (its hidden empty `roles` value says it did). */
  roles?: string[];
}

/** The answers form: stage, budget, decision clarity, timeline, final say (option ids) and the involved roles. */
export function checkAnswerUpdate(fields: FormFields, config: VendorConfig): Checked<AnswerUpdate> {
  const q = config.questions;
  const questions: Record<AnswerField, ChoiceQuestion> = {
    stage: q.stage,
    budget: q.budget,
    decisionProcess: q.decisionProcess,
    timeline: q.timeline,
    finalSay: q.stakeholders.finalSay,
  };
  const { requestKey, problems } = common(fields, (name) => name === 'roles' || (ANSWER_FIELDS as readonly string[]).includes(name));
  const answers: AnswerUpdate['answers'] = {};
  for (const field of ANSWER_FIELDS) {
    const value = single(fields, field, problems);
    if (value === undefined) continue;
    if (questions[field].options.some((o) => o.id === value)) answers[field] = value;
    else problems.push({ field, code: 'unknownOption' });
  }
  let roles: string[] | undefined;
  if (fields.roles) {
    roles = [...new Set(fields.roles.filter((r) => r !== ''))];
    if (roles.some((r) => !q.stakeholders.roles.some((x) => x.id === r))) problems.push({ field: 'roles', code: 'unknownOption' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: { requestKey, answers, ...(roles ? { roles } : {}) } };
}

export type StatusAction = 'pause' | 'withdraw' | 'resume';

/** Pause and withdraw take an optional reason; resume nothing. */
export function checkStatusChange(fields: FormFields, action: StatusAction): Checked<{ requestKey: string; reason: string }> {
  const { requestKey, problems } = common(fields, (name) => name === 'reason' && action !== 'resume');
  const reason = action === 'resume' ? '' : text(fields, 'reason', MAX_STATUS_REASON, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: { requestKey, reason } };
}

export interface CounterReply {
  requestKey: string;
  /** The counter turn the prospect answers (agreement_turns.id). */
  counterTurn: number;
  /** Absent: the prospect accepts the counter; present: their new proposal. */
  answer?: { changes: ProcessChanges; reason: string };
}

function counterTurn(fields: FormFields, problems: FieldProblem[]): number {
  const raw = single(fields, 'counterTurn', problems);
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id < 1) problems.push({ field: 'counterTurn', code: 'incomplete' });
  return id;
}

export function checkCounterAccept(fields: FormFields): Checked<CounterReply> {
  const { requestKey, problems } = common(fields, (name) => name === 'counterTurn');
  const turn = counterTurn(fields, problems);
  return problems.length ? { ok: false, problems } : { ok: true, value: { requestKey, counterTurn: turn } };
}

/**
 * The answer to a counter: per step `step.{id}` keep | skip | change with `instead.{id}`, up to
 * three `added` steps (empty ones ignored), one `reason` (required).
 */
export function checkCounterAnswer(fields: FormFields, config: VendorConfig): Checked<CounterReply> {
  const isStepField = (name: string) => /^(step|instead)\.[a-z0-9][a-z0-9_-]{0,63}$/.test(name);
  const { requestKey, problems } = common(fields, (name) => name === 'counterTurn' || name === 'reason' || name === 'added' || isStepField(name));
  const turn = counterTurn(fields, problems);
  const reason = text(fields, 'reason', AGREEMENT_LIMITS.reason, problems);
  if (!reason) problems.push({ field: 'reason', code: 'reasonRequired' });

  const steps: ProcessChanges['steps'] = [];
  for (const name of Object.keys(fields)) {
    if (!name.startsWith('step.') || !isStepField(name)) continue; // a malformed name is an unknown field
    const id = name.slice('step.'.length);
    const choice = single(fields, name, problems);
    const instead = text(fields, `instead.${id}`, AGREEMENT_LIMITS.instead, problems);
    if (choice === 'skip') steps.push({ id, change: 'skip' });
    else if (choice === 'change') steps.push({ id, change: 'change', instead });
    else if (choice !== 'keep') problems.push({ field: name, code: 'unknownOption' });
  }
  const added = (fields.added ?? []).map((a) => a.replace(/\r\n?/g, '\n').trim()).filter(Boolean);
  if (added.length > AGREEMENT_LIMITS.maxAdded) problems.push({ field: 'added', code: 'tooMany', max: AGREEMENT_LIMITS.maxAdded });
  if (added.some((a) => a.length > AGREEMENT_LIMITS.added)) problems.push({ field: 'added', code: 'tooLong', max: AGREEMENT_LIMITS.added });

  const parsed = processChangesSchema.safeParse({ steps, added: added.slice(0, AGREEMENT_LIMITS.maxAdded) });
  if (parsed.success) {
    for (const e of checkChanges('changes', parsed.data, config)) {
      const i = Number(/steps\[(\d+)\]/.exec(e.path)?.[1]);
      const id = steps[i]?.id ?? '';
      if (e.path.endsWith('.instead')) problems.push({ field: `instead.${id}`, code: 'insteadRequired' });
      else if (config.process.steps.find((s) => s.id === id)?.negotiable === false) problems.push({ field: `step.${id}`, code: 'fixed' });
      else problems.push({ field: `step.${id}`, code: 'unknownOption' });
    }
  } else if (!problems.length) {
    problems.push({ field: 'changes', code: 'incomplete' });
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, value: { requestKey, counterTurn: turn, answer: { changes: parsed.data, reason } } };
}
