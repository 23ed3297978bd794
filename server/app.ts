import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { VendorConfig } from '../shared/config';
import type { Clock } from './clock';
import type { Db } from './db/open';
import { errorHandler, notFound } from './http/api-error';
import type { SiteApiKeys } from './http/api-keys';
import { bodyLimit } from './http/body-limit';
import { compressJson } from './http/compress';
import { requestLog } from './http/request-log';
import type { LeadMailInput } from './leads/lead-mails';
import type { ProspectMailCaps } from './leads/prospect-mail-cap';
import type { SubmitQueue } from './leads/submit-queue';
import type { Log } from './log';
import { adminRoutes } from './routes/admin';
import { devMailRoutes } from './routes/dev-mail';
import { healthRoutes } from './routes/health';
import { publicRoutes } from './routes/public';
import { repActionRoutes } from './routes/rep-actions';
import { noReferrer, prospectPageRoutes } from './routes/prospect-page';
import { repActionLinks } from './security/action-links';
import { adminGate } from './security/admin-token';
import type { SigningKeys } from './security/signed-token';
import { prospectPageLinks, type ProspectPageLink } from './security/prospect-links';
import { inProcessWriter, type Writer } from './threads/writes';
import { clientAddress, rateLimitKey, trustedProxies } from './http/client-address';
import { cockpitRoutes } from './cockpit/routes';
import { openApiRoutes } from './openapi/routes';
import { funnelCounter, type FunnelCounter } from './funnel/counter';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from './cockpit/auth/sessions';

// createApp(deps): every route and middleware, no I/O at import, nothing read from process.env.

/** Abuse defences (issue 5); main.ts reads them from the environment. */
export interface Protection {
  /** Requests per minute per client address to the public API; 0 = off. */
  perClientPerMinute: number;
  /** Submissions per minute per site; 0 = off. */
  perSitePerMinute: number;
  /** Addresses/networks of the reverse proxies whose X-Forwarded-For is read (TRUSTED_PROXIES); empty = the socket only. */
  trustedProxies: string[];
  /** Minimum time between showing the form and submitting it. */
  minFillMs: number;
  /** Oldest form token accepted (each token serves one lead). */
  maxTokenAgeMs: number;
  /** Widget funnel events per minute per client address (server/funnel/events-route.ts). */
  eventsPerClientPerMinute?: number;
}

export const DEFAULT_PROTECTION: Protection = {
  perClientPerMinute: 30,
  perSitePerMinute: 600,
  trustedProxies: [],
  minFillMs: 3_000,
  maxTokenAgeMs: 2 * 60 * 60_000,
};

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
  log: Log;
  /** Signs and checks form tokens and rep links (security/signing-keys.ts). */
  signingKey: SigningKeys;
  /** Base URL for links in mails. */
  publicUrl: string;
  adminToken?: string;
  /** Serve /dev/mail: development pages on (routes/dev-pages.ts) and mail kept in the development outbox. */
  devMail?: boolean;
  /** Static parts mounted at / (the widget bundle and demo pages, server/routes/widget.ts). */
  assets?: Hono;
  /** Stores validated submissions; main.ts passes the store thread, tests get one in-process. */
  submitter?: SubmitQueue;
  /** Called after a lead and its outbox rows are committed (the worker sends soon). */
  onLeadStored?: () => void;
  repActions?: LeadMailInput['repActions'];
  /** The link to a lead's prospect page (security/prospect-links.ts). */
  prospectPage?: ProspectPageLink;
  /** Performs the writes of rep and prospect pages (threads/writes.ts); main.ts passes the store thread, tests get it in-process. */
  writer?: Writer;
  protection?: Partial<Protection>;
  /** Per site, the API keys of server-side submissions (secrets resolved by main.ts). */
  apiKeys?: SiteApiKeys;
  /** The cockpit's session and sign-in link lifetimes (main.ts reads them from the environment). */
  cockpit?: { sessionPolicy?: SessionPolicy; linkTtlMs?: number };
  /** Confirmation mails per prospect address and domain per day; default PROSPECT_MAIL_CAPS. */
  prospectMailCaps?: ProspectMailCaps;
  /** Counts the widget's funnel events; main.ts flushes it on a timer (server/funnel/counter.ts). Default: one flushed by nobody (tests pass their own). */
  funnel?: FunnelCounter;
}

export function createApp(given: AppDeps) {
  // Rep mails carry signed action links (issue 4) unless a caller brings its own hook.
  const repActions = given.repActions ?? repActionLinks(given);
  const prospectPage = given.prospectPage ?? prospectPageLinks(given);
  const deps: AppDeps = { ...given, repActions, prospectPage, writer: given.writer ?? inProcessWriter({ ...given, repActions, prospectPage }) };
  deps.funnel ??= funnelCounter({ clock: deps.clock, write: (rows) => deps.writer!('funnel-counts', { rows }) });
  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.notFound(notFound);
  app.use('*', requestLog(deps.log)); // first: it times and sees the status of everything after it
  // Every response: no sniffing, no framing by others… but resources stay loadable cross-origin
  // (the widget script and the CORS API live on strangers' pages).
  app.use('/p/*', noReferrer); // the prospect's page: its token is in the address
  app.use(
    '*',
    secureHeaders({
      crossOriginResourcePolicy: 'cross-origin',
      crossOriginEmbedderPolicy: false,
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'strict-origin-when-cross-origin',
      xFrameOptions: 'DENY',
    }),
  );
  // Checked while reading, before any parsing: Content-Length or chunked alike.
  app.use('*', bodyLimit(MAX_BODY_BYTES));
  // JSON answers compressed by Accept-Encoding (inside secureHeaders: its headers go on the new answer).
  app.use('/api/*', compressJson());
  app.use('/healthz', compressJson());

  app.route('/', healthRoutes(deps));
  const protection = { ...DEFAULT_PROTECTION, ...deps.protection };
  app.route('/api/v1', publicRoutes(deps, protection));
  app.route('/api/v1', openApiRoutes(deps.publicUrl)); // the API described (server/openapi/)
  app.route('/r', repActionRoutes(deps));
  app.route('/p', prospectPageRoutes(deps)); // the prospect's page (issue 10)
  // The team's cockpit (issue 11): sign-in by mailed link, then the pages.
  const isTrustedProxy = trustedProxies(protection.trustedProxies);
  app.route(
    '/app',
    cockpitRoutes({
      ...deps,
      writer: deps.writer!,
      appUrl: `${deps.publicUrl.replace(/\/$/, '')}/app`,
      sessionPolicy: deps.cockpit?.sessionPolicy ?? DEFAULT_SESSION_POLICY,
      linkTtlMs: deps.cockpit?.linkTtlMs ?? 15 * 60_000,
      clientKey: (c) => rateLimitKey(clientAddress(c, isTrustedProxy)),
    }),
  );
  // One count of wrong admin tokens per client address, for the admin API and /dev/mail alike.
  const gate = adminGate({ token: deps.adminToken, clock: deps.clock, isTrustedProxy: trustedProxies(protection.trustedProxies) });
  if (deps.adminToken) app.route('/api/v1/admin', adminRoutes(deps, gate));
  if (deps.devMail) app.route('/dev/mail', devMailRoutes(deps, gate, protection.trustedProxies));
  if (deps.assets) app.route('/', deps.assets);
  return app;
}
