import { serve } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { formatPath } from '../shared/api-error';
import { createApp } from './app';
import { DIST_DIR, ROOT } from './paths';
import { systemClock } from './clock';
import { EXAMPLE_CONFIG_PATH, loadConfigFile } from './config/load-config';
import { openDatabase } from './db/open';
import { envSchema } from './env';
import { consoleLog } from './log';
import { devOutboxMailer } from './mail/dev-outbox-mailer';
import { smtpMailer } from './mail/smtp-mailer';
import { jobHandlers } from './outbox/job-handlers';
import { createOutboxWorker, outboxCounts } from './outbox/worker';
import { widgetRoutes } from './routes/widget';
import { ensureWidgetBuilt } from './widget-build';
import { repActionLinks } from './security/action-links';
import { loadSigningKey } from './security/signing-key';

// The only file that reads process.env, opens the database, listens and starts the worker.

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

const distDir = DIST_DIR;
if (ensureWidgetBuilt(ROOT)) log.info('Built the widget (dist/widget.js was missing or older than its sources).');
if (!existsSync(`${distDir}/widget.js`)) log.warn('No dist/widget.js: /widget.js will answer 404.');

const db = openDatabase(env.DATABASE_PATH);
const clock = systemClock;
const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
const mailer = env.SMTP_URL ? smtpMailer(env.SMTP_URL) : devOutboxMailer(db, clock);
const signingKey = loadSigningKey(db);
const repActions = repActionLinks({ signingKey, publicUrl, clock });
const worker = createOutboxWorker({
  db,
  clock,
  log,
  // Mails and response deadlines (sla-check, issue 4) are durable jobs of the same outbox.
  handlers: jobHandlers({ db, config, clock, mailer, repActions, onMailQueued: () => worker.nudge() }),
});

const app = createApp({
  db,
  config,
  clock,
  log,
  signingKey,
  repActions,
  publicUrl,
  adminToken: env.ADMIN_TOKEN,
  devMail: !env.SMTP_URL,
  assets: widgetRoutes({ distDir, demoSiteKey: config.sites[0].key }),
  onLeadStored: () => worker.nudge(),
  protection: {
    perClientPerMinute: env.RATE_LIMIT_PER_MINUTE,
    perSitePerMinute: env.RATE_LIMIT_SITE_PER_MINUTE,
    trustedProxyHops: env.TRUSTED_PROXY_HOPS,
    minFillMs: env.MIN_FILL_SECONDS * 1000,
  },
});

const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  log.info(`Koers listening on ${publicUrl} (port ${info.port})`, {
    config: env.KOERS_CONFIG ? configPath : 'bundled example',
    database: env.DATABASE_PATH,
    sites: config.sites.map((s) => s.key),
    outbox: outboxCounts(db),
  });
  if (env.SMTP_URL) log.info(`Mail is delivered over ${redact(env.SMTP_URL)}`);
  else log.warn(`Mail is NOT being delivered (no SMTP_URL). Read it at ${publicUrl}/dev/mail (this machine only).`);
  log.info(`Demo page: ${publicUrl}/demo`);
  worker.start();
});

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info(`${signal}: closing`);
  server.close();
  await worker.stop();
  mailer.close?.();
  db.$client.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

function redact(url: string) {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
