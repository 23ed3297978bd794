import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { formatPath } from '../shared/api-error';
import { createApp } from './app';
import { DIST_DIR, ROOT } from './paths';
import { systemClock } from './clock';
import { EXAMPLE_CONFIG_PATH, loadConfigFile } from './config/load-config';
import { openDatabase } from './db/open';
import { envSchema } from './env';
import { resolveApiKeys, type SiteApiKeys } from './http/api-keys';
import { SERVER_TIMEOUTS } from './http/server-timeouts';
import { consoleLog } from './log';
import { startStoreThread } from './leads/store-thread';
import { sendConfig, threadOf, type ThreadInit } from './threads/thread-of';
import { configReloader } from './config/reload';
import { routingGaps } from './config/routing-gaps';
import type { VendorConfig } from '../shared/config';
import { outboxHealth } from './outbox/health';
import { redactUrl } from './privacy/redact';
import { widgetRoutes } from './routes/widget';
import { devPagesEnabled } from './routes/dev-pages';
import { ensureWidgetBuilt } from './widget-build';
import { repActionLinks } from './security/action-links';
import { keyFilePath, loadSigningKeys } from './security/signing-keys';
import { FUNNEL_FLUSH_MS, funnelCounter } from './funnel/counter';
import { resolveWebhookKeys } from './webhooks/secrets';

// The only file that reads process.env, opens the database, listens and starts the store thread
// (server/store-thread.ts: storing leads, and the outbox worker that sends mail and runs deadlines).

const log = consoleLog();
const parsedEnv = envSchema.safeParse(process.env);
if (!parsedEnv.success) {
  for (const issue of parsedEnv.error.issues) console.error(`${formatPath(issue.path)}: ${issue.message}`);
  process.exit(1);
}
const env = parsedEnv.data;

const configPath = env.KOERS_CONFIG ?? EXAMPLE_CONFIG_PATH;
const loaded = loadConfigFile(configPath);
if (!loaded.ok) {
  console.error(`Koers cannot start: ${configPath} has ${loaded.problems.length} problem(s):`);
  for (const problem of loaded.problems) console.error(problem);
  process.exit(1);
}
const config = loaded.config;
// Each site API key's secret is read from the variable it names (and only here).
const apiKeys = resolveApiKeys(config, process.env);
if (!apiKeys.ok) {
  console.error(`Koers cannot start: ${apiKeys.problems.length} API key problem(s) in ${configPath}:`);
  for (const problem of apiKeys.problems) console.error(problem);
  process.exit(1);
}
// The same for each webhook's signing secret ("whsec_" + base64): never in the config or the database.
const webhookKeys = resolveWebhookKeys(config, process.env);
if (!webhookKeys.ok) {
  console.error(`Koers cannot start: ${webhookKeys.problems.length} webhook secret problem(s) in ${configPath}:`);
  for (const problem of webhookKeys.problems) console.error(problem);
  process.exit(1);
}

const distDir = DIST_DIR;
if (ensureWidgetBuilt(ROOT)) log.info('Built the widget (dist/widget.js was missing or older than its sources).');
if (!existsSync(`${distDir}/widget.js`)) log.warn('No dist/widget.js: /widget.js will answer 404.');

const db = openDatabase(env.DATABASE_PATH);
const clock = systemClock;
const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
const signingKey = loadSigningKeys({ path: keyFilePath(env), db, now: clock.now(), log });
const devPages = devPagesEnabled(env);
const repActions = repActionLinks({ signingKey, publicUrl, clock });
const onFatal = (error: Error) => {
  log.error('a server thread failed; exiting so a supervisor restarts Koers', { error: error.message });
  process.exit(1);
};
const threadInit: ThreadInit = {
  databasePath: env.DATABASE_PATH,
  config,
  signingKey,
  publicUrl,
  smtpUrl: env.SMTP_URL,
  retention: { spamDays: env.RETENTION_SPAM_DAYS, devMailDays: env.RETENTION_DEV_MAIL_DAYS },
  webhookKeys: webhookKeys.keys,
};
// The store thread's young generation is capped like the main thread's (--max-semi-space-size in
// the start script): V8 would grow each to 32 MB under load, and RSS with it.
const storeWorker = threadOf('store-thread', import.meta.url, threadInit, { maxYoungGenerationSizeMb: 8 });
const store = startStoreThread(storeWorker, { onFatal });
await store.ready;

// Widget funnel events are counted here and written in one batch every few seconds (a crash loses
// at most those seconds' counts); one counter across config reloads.
const funnel = funnelCounter({ clock, write: (rows) => store.write('funnel-counts', { rows }) });
const flushFunnel = () => funnel.flush().catch((error: Error) => log.warn('funnel counts not written yet; kept for the next try', { error: error.message }));
const funnelTimer = setInterval(flushFunnel, FUNNEL_FLUSH_MS);
funnelTimer.unref();

// A new app per config (SIGHUP reloads it, server/config/reload.ts); the server calls the current one.
const appFor = (config: VendorConfig, apiKeys: SiteApiKeys) => createApp({
  db,
  config,
  clock,
  log,
  signingKey,
  repActions,
  publicUrl,
  adminToken: env.ADMIN_TOKEN,
  devMail: devPages && !env.SMTP_URL,
  assets: widgetRoutes({ distDir, demoSiteKey: config.sites[0].key, demo: devPages }),
  submitter: store,
  writer: (kind, input) => store.write(kind, input),
  onLeadStored: () => store.nudge(),
  funnel,
  apiKeys,
  cockpit: {
    sessionPolicy: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 60 * 60_000 },
    linkTtlMs: env.SIGN_IN_LINK_MINUTES * 60_000,
  },
  protection: {
    perClientPerMinute: env.RATE_LIMIT_PER_MINUTE,
    // A flow sends about eight funnel events: their own allowance, four times the API's (0 = off).
    eventsPerClientPerMinute: env.RATE_LIMIT_PER_MINUTE * 4,
    perSitePerMinute: env.RATE_LIMIT_SITE_PER_MINUTE,
    trustedProxies: env.TRUSTED_PROXIES,
    minFillMs: env.MIN_FILL_SECONDS * 1000,
  },
});

let app = appFor(config, apiKeys.keys);
for (const gap of routingGaps(config)) log.warn(gap);

const server = serve({ fetch: (request, bindings) => app.fetch(request, bindings), port: env.PORT, hostname: env.HOST, serverOptions: SERVER_TIMEOUTS }, (info) => {
  log.info(`Koers listening on ${publicUrl} (${info.address} port ${info.port})`, {
    config: env.KOERS_CONFIG ? configPath : 'bundled example',
    database: env.DATABASE_PATH,
    sites: config.sites.map((s) => s.key),
    outbox: outboxHealth(db, clock.now()),
  });
  if (env.SMTP_URL) log.info(`Mail is delivered over ${redactUrl(env.SMTP_URL)}`);
  else if (devPages) log.warn(`Mail is NOT being delivered (no SMTP_URL). Read it at ${publicUrl}/dev/mail (this machine only).`);
  else log.warn('Mail is NOT being delivered (no SMTP_URL), and DEV_PAGES=off: nobody can read it.');
  if (devPages) log.info(`Demo page: ${publicUrl}/demo`);
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info(`${signal}: closing`);
  server.close();
  clearInterval(funnelTimer);
  await flushFunnel();
  await store.stop();
  db.$client.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

// SIGHUP: check the config file again and, only if it is sound, swap it in for both threads.
const reloader = configReloader({
  path: configPath,
  log,
  current: config,
  check: (next) => {
    const keys = resolveApiKeys(next, process.env);
    const hooks = resolveWebhookKeys(next, process.env);
    return [...(keys.ok ? [] : keys.problems), ...(hooks.ok ? [] : hooks.problems)];
  },
  apply: async (next) => {
    const keys = resolveApiKeys(next, process.env);
    const hooks = resolveWebhookKeys(next, process.env);
    if (!keys.ok) throw new Error('API key problems');
    if (!hooks.ok) throw new Error('webhook secret problems');
    await sendConfig(storeWorker, next, hooks.keys); // first: the store thread must know a new site before a lead for it comes
    app = appFor(next, keys.keys);
  },
});
process.on('SIGHUP', () => void reloader.reload());

