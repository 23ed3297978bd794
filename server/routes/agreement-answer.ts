import type { Context } from 'hono';
import type { Language } from '../../shared/localized';
import type { AppDeps } from '../app';
import type { RepAnswerForm } from '../agreement/rep-answer';
import { agreementView, processAsItStands } from '../agreement/rep-answer-view';
import { leadHistory } from '../leads/lead-history';
import { standing, type Standing } from '../leads/rep-action';
import type { LeadRow } from '../mail/rep-lead';
import type { ActionClaim } from '../security/action-links';
import { inProcessWriter } from '../threads/writes';
import { answeredPage, answerPage, currentStatePage } from './agreement-answer-page';
import { problemPage } from './rep-link-problems';

// GET and POST /r/{token} of an 'answer' link (routes/rep-actions.ts checks the token first):
// GET shows the proposal and the three answers and changes nothing (mail scanners prefetch);
// POST performs the answer through the 'rep-answer' write. A proposal no longer open shows the
// current state (GET 200, POST 409), invalid input the form again with what is wrong (422).

type Deps = Pick<AppDeps, 'db' | 'config' | 'clock' | 'signingKey' | 'repActions' | 'prospectPage' | 'onLeadStored' | 'log' | 'writer'>;

export interface AnswerRouteHelpers {
  languageOf: (repId: string | undefined, site?: string) => Language;
  stalePage: (c: Context, claim: ActionClaim, s: Exclude<Standing, { ok: true }>) => Response | Promise<Response>;
}

export function answerRoutes(deps: Deps, { languageOf, stalePage }: AnswerRouteHelpers) {
  const write = (claim: ActionClaim, form: RepAnswerForm) => (deps.writer ?? inProcessWriter(deps))('rep-answer', { claim, form });

  const pageInput = (claim: ActionClaim, lead: LeadRow) => ({
    language: languageOf(claim.repId, lead.site),
    lead,
    view: agreementView(deps.config, lead, deps.db),
    history: leadHistory(deps.db, lead.id),
    config: deps.config,
  });

  /** The page of a lead whose proposal is not open (answered, paused, withdrawn, none). */
  const current = (c: Context, claim: ActionClaim, lead: LeadRow, status: 200 | 409) => {
    const input = pageInput(claim, lead);
    const why = lead.status === 'paused' || lead.status === 'withdrawn' ? lead.status : lead.agreementState === 'standard' ? 'no-proposal' : 'answered';
    return c.html(currentStatePage({ ...input, current: why, process: processAsItStands(deps.db, deps.config, lead), seen: status === 200 }), status);
  };

  const get = (c: Context, claim: ActionClaim) => {
    const s = standing(deps.db, claim);
    if (!s.ok && s.why === 'closed' && (s.lead.status === 'paused' || s.lead.status === 'withdrawn')) return current(c, claim, s.lead, 200);
    if (!s.ok) return stalePage(c, claim, s);
    if (s.lead.agreementState !== 'proposed') return current(c, claim, s.lead, 200);
    return c.html(answerPage(pageInput(claim, s.lead)));
  };

  const post = async (c: Context, claim: ActionClaim) => {
    let form: RepAnswerForm;
    try {
      form = answerForm(await c.req.parseBody({ all: true }));
    } catch {
      return c.html(problemPage('unreadable', languageOf(claim.repId)), 400);
    }
    const result = await write(claim, form);
    if (result.done) {
      deps.onLeadStored?.(); // the prospect's mail is in the outbox
      const process = processAsItStands(deps.db, deps.config, result.lead);
      return c.html(answeredPage({ language: languageOf(claim.repId, result.lead.site), kind: result.kind, lead: result.lead, accepted: result.accepted, process }));
    }
    if ('standing' in result) return stalePage(c, claim, result.standing);
    if ('current' in result) {
      // The prospect changed the proposal: the new one, to answer again.
      if (result.current === 'changed') return c.html(answerPage({ ...pageInput(claim, result.lead), notice: 'changed' }), 409);
      return current(c, claim, result.lead, 409);
    }
    const s = standing(deps.db, claim);
    if (!s.ok) return stalePage(c, claim, s);
    return c.html(answerPage({ ...pageInput(claim, s.lead), error: result.invalid.problem, form }), 422);
  };
  return { get, post };
}

type Body = Record<string, string | File | (string | File)[]>;

/** The posted form as plain strings: `step:<id>` and `instead:<id>` per step, `added` repeated. */
export function answerForm(body: Body): RepAnswerForm {
  const one = (v: Body[string] | undefined) => {
    const first = Array.isArray(v) ? v[0] : v;
    return typeof first === 'string' ? first : '';
  };
  const form: RepAnswerForm = { choice: one(body.choice), turn: one(body.turn), steps: {}, instead: {}, added: [], note: one(body.note), explanation: one(body.explanation) };
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('step:')) form.steps[key.slice(5)] = one(value);
    else if (key.startsWith('instead:')) form.instead[key.slice(8)] = one(value);
  }
  const added = body.added;
  form.added = (Array.isArray(added) ? added : added === undefined ? [] : [added]).filter((v): v is string => typeof v === 'string');
  return form;
}
