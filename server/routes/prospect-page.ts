import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app';
import { createLimiter } from '../http/rate-limit';
import type { LeadRow } from '../mail/rep-lead';
import { checkAnswerUpdate, checkCounterAccept, checkCounterAnswer, checkStatusChange, formFields, type FieldProblem, type FormFields } from '../prospect/forms';
import { problemHtml, prospectPageHtml, PROSPECT_PAGE_CSP, type PageExtras } from '../prospect/page-html';
import { leadLanguage, prospectView, readLead } from '../prospect/page-state';
import { prospectPageTexts, type PageProblem } from '../prospect/page-texts';
import type { NoChange } from '../prospect/write-guard';
import { readProspectToken, type ProspectClaim } from '../security/prospect-links';
import { inProcessWriter } from '../threads/writes';

// The prospect's own page, PUBLIC_URL/p/{token} (issue 10): GET shows it and changes nothing; POST
// takes one of its forms (field `do`: answers, pause, withdraw, resume, accept-counter,
// answer-counter) and shows the page again with what happened. Forged or altered links: 403; the
// lead erased: 404; expired or revoked: 410; each a page that says how to reach the vendor. A form
// with unknown fields, option ids or over-long texts: 422 and the form again; more than
// UPDATES_PER_HOUR posts for one lead within the hour: 429. Nothing logged names the token.

type Deps = Pick<AppDeps, 'db' | 'config' | 'clock' | 'signingKey' | 'repActions' | 'prospectPage' | 'onLeadStored' | 'log' | 'writer'>;

export const UPDATES_PER_HOUR = 10;

/**
 * No referrer from the page at all (its token is in the address). Mounted by app.ts outside
 * secureHeaders, whose own Referrer-Policy it replaces afterwards.
 */
export const noReferrer: MiddlewareHandler = async function noReferrer(c, next) {
  await next();
  c.res.headers.set('Referrer-Policy', 'no-referrer');
};

export function prospectPageRoutes(deps: Deps) {
  const app = new Hono();
  const writer = deps.writer ?? inProcessWriter(deps);
  const updates = createLimiter({ limit: UPDATES_PER_HOUR, windowMs: 60 * 60_000, clock: deps.clock });

  app.onError((err, c) => {
    deps.log.error('prospect page failed', { path: '/p/…', method: c.req.method, error: err.stack ?? String(err) });
    return c.html(problemHtml('failed', deps.config), 500);
  });
  app.use('*', async function pageHeaders(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PROSPECT_PAGE_CSP);
    c.header('X-Robots-Tag', 'noindex, nofollow');
  });

  const problem = (c: Context, p: PageProblem, status: 403 | 404 | 410 | 400 | 429, lead?: LeadRow, retryMinutes?: number) =>
    c.html(problemHtml(p, deps.config, lead && leadLanguage(lead), retryMinutes), status);

  /** The lead of a genuine, current link, or the page that says why not. */
  const open = (c: Context): { lead: LeadRow; claim: ProspectClaim } | Response => {
    const read = readProspectToken(deps.signingKey, c.req.param('token') ?? '', deps.clock.now());
    if (!read.ok && read.problem === 'forged') return problem(c, 'forged', 403);
    const lead = readLead(deps.db, read.claim.leadId);
    if (!lead) return problem(c, 'gone', 404);
    if (!read.ok) return problem(c, 'expired', 410, lead);
    if (read.claim.epoch !== lead.prospectLinkEpoch) return problem(c, 'revoked', 410, lead);
    return { lead, claim: read.claim };
  };

  const show = (c: Context, lead: LeadRow, extras: PageExtras = {}, status: 200 | 422 = 200) =>
    c.html(prospectPageHtml(prospectView(deps.db, deps.config, lead, deps.clock.now()), deps.config, extras), status);

  app.get('/:token', (c) => {
    const opened = open(c);
    return opened instanceof Response ? opened : show(c, opened.lead);
  });

  app.post('/:token', async (c) => {
    const opened = open(c);
    if (opened instanceof Response) return opened;
    const { lead, claim } = opened;
    let fields: FormFields;
    try {
      fields = formFields(await c.req.parseBody({ all: true }));
    } catch {
      return problem(c, 'unreadable', 400, lead);
    }
    const retryAfter = updates.take(lead.id);
    if (retryAfter !== undefined) {
      c.header('Retry-After', String(retryAfter));
      return problem(c, 'rateLimited', 429, lead, Math.ceil(retryAfter / 60));
    }
    const refused = (problems: FieldProblem[], form: NonNullable<PageExtras['draft']>['form']) => {
      updates.refund(lead.id); // nothing was done
      return show(c, lead, { problems, draft: { form, fields } }, 422);
    };
    const base = { leadId: lead.id, epoch: claim.epoch };
    const what = fields.do?.length === 1 ? fields.do[0] : undefined;
    let result: NoChange | { outcome: string };
    switch (what) {
      case 'answers': {
        const checked = checkAnswerUpdate(fields, deps.config);
        if (!checked.ok) return refused(checked.problems, 'answers');
        result = await writer('prospect-answers', { ...base, ...checked.value });
        break;
      }
      case 'pause':
      case 'withdraw':
      case 'resume': {
        const checked = checkStatusChange(fields, what);
        if (!checked.ok) return refused(checked.problems, 'status');
        result = await writer('prospect-status', { ...base, ...checked.value, action: what });
        break;
      }
      case 'accept-counter':
      case 'answer-counter': {
        const checked = what === 'accept-counter' ? checkCounterAccept(fields) : checkCounterAnswer(fields, deps.config);
        if (!checked.ok) return refused(checked.problems, 'counter');
        result = await writer('prospect-counter', { ...base, ...checked.value });
        break;
      }
      default:
        return refused([{ field: 'do', code: 'incomplete' }], 'answers');
    }

    if (result.outcome === 'gone') return problem(c, 'gone', 404);
    const now = readLead(deps.db, lead.id);
    if (!now) return problem(c, 'gone', 404);
    if (result.outcome === 'revoked') return problem(c, 'revoked', 410, now);
    deps.onLeadStored?.(); // a mail to the rep may be in the outbox
    const t = prospectPageTexts[leadLanguage(now)];
    const rep = deps.config.reps.find((r) => r.id === now.repId)?.name ?? null;
    const done: Record<string, string> = {
      updated: t.done.updated(rep),
      unchanged: t.done.unchanged,
      repeated: t.done.repeated,
      paused: t.done.paused(rep),
      withdrawn: t.done.withdrawn(rep),
      resumed: t.done.resumed(rep),
      'counter-accepted': t.done.counterAccepted(rep),
      'counter-answered': t.done.counterAnswered(rep),
      stale: t.done.stale,
      closed: t.done.closed,
      'not-paused': t.done.notPaused,
    };
    return show(c, now, { done: done[result.outcome] });
  });
  return app;
}
