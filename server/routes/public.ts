import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { isLanguage } from '../../shared/localized';
import { submissionSchema } from '../../shared/submission';
import type { Site } from '../../shared/config';
import type { AppDeps, Protection } from '../app';
import { buildPublicForm } from '../form/build-public-form';
import { formToken } from '../form/form-token';
import { ApiHttpError, invalidContent, zodFields } from '../http/api-error';
import { clientAddress, networkOf } from '../http/client-address';
import { cors } from '../http/cors';
import { rateLimit } from '../http/rate-limit';
import { spamReason } from '../leads/spam-check';
import { checkAnswers } from '../leads/check-answers';
import { createSubmitQueue } from '../leads/submit-queue';

// The public API a vendor's page talks to: the form and the lead submission (API.md).

type Env = { Variables: { site: Site } };

export function publicRoutes(deps: AppDeps, protection: Protection) {
  const app = new Hono<Env>();
  const sites = new Map(deps.config.sites.map((s) => [s.key, s]));
  const client = (c: Context) => clientAddress(c, protection.trustedProxyHops);
  const submitter = deps.submitter ?? createSubmitQueue(deps);

  app.use('/sites/:site/*', siteGuard(sites));
  app.use(
    '/sites/:site/*',
    cors({ allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'], maxAgeSeconds: 600 }),
  );
  // After CORS, so the widget can read a 429 and its Retry-After.
  app.use(
    '/sites/:site/*',
    rateLimit({ limit: protection.perClientPerMinute, windowMs: 60_000, clock: deps.clock, key: client, scope: 'from your address' }),
  );

  app.get('/sites/:site/form', (c) => {
    const site = c.var.site;
    const asked = c.req.query('lang');
    const language = isLanguage(asked) && site.languages.includes(asked) ? asked : site.defaultLanguage;
    const token = formToken(deps.signingKey, site.key, deps.clock.now());
    c.header('Cache-Control', 'no-store');
    return c.json(buildPublicForm(deps.config, site, language, token));
  });

  app.post(
    '/sites/:site/leads',
    rateLimit({
      limit: protection.perSitePerMinute,
      windowMs: 60_000,
      clock: deps.clock,
      key: (c) => c.req.param('site'),
      scope: 'for this site',
    }),
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
      const spam = spamReason(submission, {
        signingKey: deps.signingKey,
        site: site.key,
        now: deps.clock.now(),
        minFillMs: protection.minFillMs,
        maxTokenAgeMs: protection.maxTokenAgeMs,
      });
      const result = await submitter.submit(site, submission, {
        spam,
        consentOrigin: c.req.header('Origin') ?? originOf(submission.context.pageUrl),
        clientNetwork: networkOf(client(c)),
      });
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
function siteGuard(sites: Map<string, Site>): MiddlewareHandler<Env> {
  return async function siteGuard(c, next) {
    const site = sites.get(c.req.param('site') ?? '');
    if (!site) throw new ApiHttpError(404, 'not_found', `No site "${c.req.param('site')}".`);
    const origin = c.req.header('Origin');
    if (origin && !site.origins.includes(origin) && !isSameOrigin(c, origin)) {
      throw new ApiHttpError(403, 'origin_not_allowed', `Origin ${origin} is not allowed for site "${site.key}".`);
    }
    c.set('site', site);
    await next();
  };
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

function isSameOrigin(c: Context, origin: string): boolean {
  try {
    return new URL(origin).host === c.req.header('Host');
  } catch {
    return false;
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
