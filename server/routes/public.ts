import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { zValidator } from '@hono/zod-validator';
import { isLanguage } from '../../shared/localized';
import { submissionSchema } from '../../shared/submission';
import type { Site } from '../../shared/config';
import type { AppDeps } from '../app';
import { buildPublicForm } from '../form/build-public-form';
import { formToken } from '../form/form-token';
import { ApiHttpError, invalidContent, zodFields } from '../http/api-error';
import { checkAnswers } from '../leads/check-answers';
import { submitLead } from '../leads/submit';

// The public API a vendor's page talks to: the form and the lead submission (API.md).

type Env = { Variables: { site: Site } };

export const MAX_BODY_BYTES = 64 * 1024;

export function publicRoutes(deps: AppDeps) {
  const app = new Hono<Env>();
  const sites = new Map(deps.config.sites.map((s) => [s.key, s]));

  app.use('/sites/:site/*', siteGuard(sites));
  app.use(
    '/sites/:site/*',
    cors({
      origin: (origin) => origin || null,
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
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
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiHttpError(413, 'body_too_large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
      },
    }),
    requireJson(),
    zValidator('json', submissionSchema, (result) => {
      if (!result.success) throw invalidContent(zodFields(result.error));
    }),
    (c) => {
      const site = c.var.site;
      const submission = c.req.valid('json');
      const problems = checkAnswers(submission, deps.config, site);
      if (problems.length) throw invalidContent(problems);
      const result = submitLead(deps, site, submission);
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
