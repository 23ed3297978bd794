import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { isLanguage } from '../../shared/localized';
import { submissionSchema } from '../../shared/submission';
import type { Site } from '../../shared/config';
import type { PublicForm } from '../../shared/public-form';
import type { AppDeps, Protection } from '../app';
import { buildPublicForm } from '../form/build-public-form';
import { formToken } from '../form/form-token';
import { apiKeyId } from '../http/api-keys';
import { ApiHttpError, invalidContent, zodFields } from '../http/api-error';
import { clientAddress, networkOf, rateLimitKey, socketAddress, trustedProxies } from '../http/client-address';
import { allowOrigin, preflight } from '../http/cors';
import { createLimiter, rateLimit, tooManyRequests } from '../http/rate-limit';
import { browserCheck, type BrowserCheck } from '../leads/spam-check';
import { checkAnswers } from '../leads/check-answers';
import type { SubmitResult } from '../leads/submit';
import { createSubmitQueue } from '../leads/submit-queue';
import { processVersions, recordProcessVersions } from '../leads/process-versions';
import { funnelEventsHandler } from '../funnel/events-route';

// The public API a vendor's page (or server) talks to: the form and the lead submission
// (docs/api.md).

type Env = { Variables: { site: Site; apiKeyId?: string } };

export function publicRoutes(deps: AppDeps, protection: Protection) {
  const app = new Hono<Env>();
  const sites = new Map(deps.config.sites.map((s) => [s.key, s]));
  const isTrustedProxy = trustedProxies(protection.trustedProxies);
  const client = (c: Context) => clientAddress(c, isTrustedProxy);
  const submitter = deps.submitter ?? createSubmitQueue(deps);
  // The process versions of this config; the store thread stored them before this app was made.
  // In-process (tests) this app is the writer and stores them itself.
  const versions = processVersions(deps.config);
  if (!deps.submitter) recordProcessVersions(deps.db, versions, deps.clock.now());
  // The version the prospect saw: the one the widget names, if it is what this site shows in the
  // submission's language now (a page reloaded after a config change keeps its first token), else
  // the one in the signed token. Never a version the server did not show.
  const shownVersion = (sub: { processVersion?: string; language: string }, site: Site, check: BrowserCheck) =>
    sub.processVersion !== undefined && sub.processVersion === versions.of(site, sub.language).id ? sub.processVersion : check.processVersion;
  const publicOrigin = new URL(deps.publicUrl).origin;
  // This server's own pages (the demo) may use the API: the origin of PUBLIC_URL, and the
  // request's own scheme, host and port when it came straight from the browser (behind a proxy
  // Koers cannot see the scheme the browser used).
  const isOwnOrigin = (c: Context, origin: string) => {
    if (origin === publicOrigin) return true;
    const socket = socketAddress(c);
    return !(socket !== undefined && isTrustedProxy(socket)) && origin === requestOrigin(c);
  };
  // Counts only submissions stored as leads (not spam, not invalid): garbage from many addresses
  // cannot use up a site's intake.
  const siteLimit = createLimiter({ limit: protection.perSitePerMinute, windowMs: 60_000, clock: deps.clock });
  let warnedUntil = -Infinity;

  // The browser may read every answer, the 404 and 403 of the guard too, so that its console
  // shows what is wrong; a preflight is answered only after the guard.
  app.use('/sites/:site/*', allowOrigin());
  app.use('/sites/:site/*', siteGuard(sites, isOwnOrigin));
  app.use('/sites/:site/*', preflight({ allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAgeSeconds: 600 }));
  // Widget funnel events (server/funnel/): before the per-client limit below, they have their own.
  if (deps.funnel) app.post('/sites/:site/events', funnelEventsHandler({ counter: deps.funnel, clock: deps.clock, clientKey: (c) => rateLimitKey(client(c)), perClientPerMinute: protection.eventsPerClientPerMinute }));
  // After CORS, so the widget can read a 429 and its Retry-After. IPv6 clients count per /64.
  app.use(
    '/sites/:site/*',
    rateLimit({
      limit: protection.perClientPerMinute,
      windowMs: 60_000,
      clock: deps.clock,
      key: (c) => rateLimitKey(client(c)),
      scope: 'from your address',
    }),
  );

  app.get('/sites/:site/form', (c) => {
    const site = c.var.site;
    const asked = c.req.query('lang');
    const language = isLanguage(asked) && site.languages.includes(asked) ? asked : site.defaultLanguage;
    const version = versions.of(site, language).id;
    const token = formToken(deps.signingKey, site.key, deps.clock.now(), { processVersion: version });
    c.header('Cache-Control', 'no-store');
    const form = buildPublicForm(deps.config, site, language, token);
    return c.json({ ...form, process: { ...form.process, version } } satisfies PublicForm); // shared/public-form-schema.ts mirrors it
  });

  app.post(
    '/sites/:site/leads',
    apiKeyAuth(deps),
    requireJson(),
    zValidator(
      'json',
      submissionSchema,
      (result) => {
        if (!result.success) throw invalidContent(zodFields(result.error));
      },
      // zod's async parse skips its compiled fast path for objects: 22 instead of 7 µs for a
      // submission. The schema has no async checks, so the sync parse gives the same result.
      { validationFunction: (schema, value) => schema.safeParse(value) },
    ),
    async (c) => {
      const site = c.var.site;
      const submission = c.req.valid('json');
      const problems = checkAnswers(submission, deps.config, site);
      if (problems.length) throw invalidContent(problems);
      const apiKey = c.var.apiKeyId;
      // A server with an API key is no bot: no form token, fill time or honeypot to check.
      const check: BrowserCheck = apiKey
        ? {}
        : browserCheck(submission, {
            signingKey: deps.signingKey,
            site: site.key,
            now: deps.clock.now(),
            minFillMs: protection.minFillMs,
            maxTokenAgeMs: protection.maxTokenAgeMs,
          });
      // A place in the site's minute is taken before storing and given back unless a lead was stored.
      let tookPlace = false;
      if (!check.spam) {
        const wait = siteLimit.take(site.key);
        tookPlace = wait === undefined;
        if (wait !== undefined) {
          if (deps.clock.now() >= warnedUntil) {
            warnedUntil = deps.clock.now() + wait * 1000;
            deps.log.warn(`site "${site.key}" reached its limit of ${protection.perSitePerMinute} leads per minute (RATE_LIMIT_SITE_PER_MINUTE): submissions answered 429`);
          }
          throw tooManyRequests('for this site', wait);
        }
      }
      let result: SubmitResult;
      try {
        result = await submitter.submit(site, submission, {
          spam: check.spam,
          formToken: check.formToken,
          apiKeyId: apiKey,
          // What the form showed (its token says); a server's submission: what the site shows now.
          processVersion: apiKey ? versions.of(site, submission.language).id : shownVersion(submission, site, check),
          // Only an origin the guard checked (a site origin or this server's own): never the
          // page address the body claims. A server's submission records its API key instead.
          consentOrigin: c.req.header('Origin') ?? null,
          clientNetwork: networkOf(client(c)),
        });
      } catch (error) {
        if (tookPlace) siteLimit.refund(site.key);
        throw error;
      }
      if (tookPlace && !(result.status === 201 && !result.spam)) siteLimit.refund(site.key);
      if (result.status === 409) {
        throw new ApiHttpError(
          409,
          'submission_id_reused',
          'This submissionId was already used for a submission with other content. Use a new submissionId (a random UUID) for every submission.',
        );
      }
      if (result.status === 201) deps.onLeadStored?.();
      return c.json(result.body, result.status);
    },
  );
  return app;
}

/**
 * Unknown site → 404. A browser Origin that is neither listed for the site nor this server's
 * own origin → 403. Requests without Origin (server-to-server) pass: CORS protects browsers.
 */
function siteGuard(sites: Map<string, Site>, isOwnOrigin: (c: Context, origin: string) => boolean): MiddlewareHandler<Env> {
  return async function siteGuard(c, next) {
    const site = sites.get(c.req.param('site') ?? '');
    if (!site) throw new ApiHttpError(404, 'not_found', `No site "${c.req.param('site')}" on this server: check data-site.`);
    const origin = c.req.header('Origin');
    if (origin && !site.origins.includes(origin) && !isOwnOrigin(c, origin)) {
      throw new ApiHttpError(403, 'origin_not_allowed', `Origin ${origin} is not allowed for site "${site.key}": add it to the site's origins.`);
    }
    c.set('site', site);
    await next();
  };
}

/**
 * `Authorization: Bearer <secret>` of one of the site's API keys marks a server-side submission;
 * any other Authorization is refused with 401 (never quietly treated as a browser's).
 */
function apiKeyAuth(deps: AppDeps): MiddlewareHandler<Env> {
  return async function apiKeyAuth(c, next) {
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const site = c.var.site;
      const secret = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
      const id = secret ? apiKeyId(deps.apiKeys?.[site.key] ?? [], secret) : undefined;
      if (!id) {
        throw new ApiHttpError(401, 'unauthorized', `Not a valid API key for site "${site.key}".`, undefined, {
          'WWW-Authenticate': 'Bearer',
        });
      }
      c.set('apiKeyId', id);
    }
    await next();
  };
}

function requestOrigin(c: Context): string | undefined {
  try {
    return new URL(c.req.url).origin;
  } catch {
    return undefined;
  }
}

function requireJson(): MiddlewareHandler {
  return async function requireJson(c, next) {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new ApiHttpError(415, 'unsupported_media_type', 'Send the submission as application/json.');
    }
    await next();
  };
}
