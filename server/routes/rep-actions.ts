import { Hono, type Context } from 'hono';
import type { Language } from '../../shared/localized';
import type { AppDeps } from '../app';
import { leadHistory } from '../leads/lead-history';
import { standing, type Standing } from '../leads/rep-action';
import { inProcessWriter } from '../threads/writes';
import { repLanguage } from '../mail/rep-lead';
import { ANSWER_ACTION, readActionToken, type ActionClaim } from '../security/action-links';
import { acceptedPage, confirmPage, message, PAGE_CSP } from './rep-action-page';
import { repActionTexts } from './rep-action-texts';
import { problemPage } from './rep-link-problems';
import { answerRoutes } from './agreement-answer';

// The rep's one-click links (issue 4): GET /r/{token} only shows the lead and a confirm button
// (mail scanners prefetch links, so a GET never acts); POST performs the action. Forged, altered
// or expired links get 403 (expired also: issued over 30 days ago), a removed rep's 410; outdated
// ones a harmless "nothing changed" (409); an unreadable body 400. Nothing logged names the token.

type Deps = Pick<AppDeps, 'db' | 'config' | 'clock' | 'signingKey' | 'repActions' | 'prospectPage' | 'onLeadStored' | 'log' | 'writer'>;

export function repActionRoutes(deps: Deps) {
  const app = new Hono();
  // The write: in the store thread when main.ts runs one (the main thread then never waits for the lock).
  const act = (claim: ActionClaim, input: { reason?: string }) => (deps.writer ?? inProcessWriter(deps))('rep-action', { claim, input });
  // A failure here must not log the path: the token in it is a live link.
  app.onError((err, c) => {
    deps.log.error('rep action failed', { path: '/r/…', method: c.req.method, error: err.stack ?? String(err) });
    return c.html(problemPage('failed'), 500);
  });
  app.use('*', async function pageHeaders(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('X-Robots-Tag', 'noindex');
  });

  const languageOf = (repId: string | undefined, site?: string): Language => {
    const fallback = (deps.config.sites.find((s) => s.key === site) ?? deps.config.sites[0]).defaultLanguage;
    return repLanguage(deps.config.reps.find((r) => r.id === repId), fallback);
  };

  /** The claim of a genuine, unexpired link, or the 403 page. */
  const claimOf = (c: Context): ActionClaim | Response => {
    const read = readActionToken(deps.signingKey, c.req.param('token') ?? '', deps.clock.now());
    // A rep removed from the config: their links stop working (their language is gone with them).
    if (read.claim && !deps.config.reps.some((r) => r.id === read.claim!.repId)) return c.html(problemPage('repRemoved'), 410);
    if (read.ok) return read.claim;
    const language = languageOf(read.claim?.repId);
    const t = repActionTexts[language];
    const [title, text] = read.problem === 'expired' ? [t.expiredTitle, t.expired] : [t.forgedTitle, t.forged];
    return c.html(message(language, title, text), 403);
  };

  const stalePage = (c: Context, claim: ActionClaim, s: Exclude<Standing, { ok: true }>) => {
    const language = languageOf(claim.repId, s.why === 'gone' ? undefined : s.lead.site);
    const t = repActionTexts[language];
    return c.html(message(language, t.nothingDone, t.stale[s.why]), s.why === 'gone' ? 404 : 409);
  };
  // The answer to a process proposal (issue 10): its own page and write.
  const answer = answerRoutes(deps, { languageOf, stalePage });

  app.get('/:token', (c) => {
    const claim = claimOf(c);
    if (claim instanceof Response) return claim;
    if (claim.action === ANSWER_ACTION) return answer.get(c, claim);
    const s = standing(deps.db, claim);
    // Accepted already (or the link to a company's earlier lead in a second contact's mail): show it.
    if (!s.ok && s.why === 'accepted') {
      const lead = s.lead;
      return c.html(acceptedPage({ language: languageOf(claim.repId, lead.site), lead, history: leadHistory(deps.db, lead.id), config: deps.config }));
    }
    if (!s.ok) return stalePage(c, claim, s);
    const language = languageOf(claim.repId, s.lead.site);
    const history = leadHistory(deps.db, s.lead.id);
    return c.html(confirmPage({ language, action: claim.action, lead: s.lead, history, config: deps.config }));
  });

  app.post('/:token', async (c) => {
    const claim = claimOf(c);
    if (claim instanceof Response) return claim;
    if (claim.action === ANSWER_ACTION) return answer.post(c, claim);
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      return c.html(problemPage('unreadable', languageOf(claim.repId)), 400);
    }
    const reason = typeof form.reason === 'string' ? form.reason : undefined;
    const result = await act(claim, { reason });
    if ('standing' in result) return stalePage(c, claim, result.standing);
    if ('invalid' in result) {
      const s = standing(deps.db, claim);
      if (!s.ok) return stalePage(c, claim, s);
      const language = languageOf(claim.repId, s.lead.site);
      const page = confirmPage({
        language,
        action: claim.action,
        lead: s.lead,
        history: leadHistory(deps.db, s.lead.id),
        config: deps.config,
        error: repActionTexts[language].reasonRequired,
      });
      return c.html(page, 422);
    }
    if (result.action === 'pass') deps.onLeadStored?.(); // the hand-over mails are in the outbox
    const language = languageOf(claim.repId, result.lead.site);
    const t = repActionTexts[language];
    const text =
      result.action === 'accept'
        ? t.done.accept(result.lead.contactName)
        : result.action === 'pass'
          ? t.done.pass(deps.config.reps.find((r) => r.id === result.newRepId)?.name ?? null)
          : t.done['not-a-fit']();
    return c.html(message(language, t.button[result.action], text));
  });
  return app;
}
