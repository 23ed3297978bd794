import { Hono } from 'hono';
import type { VendorConfig } from '../shared/config';
import type { Clock } from './clock';
import type { Db } from './db/open';
import { errorHandler, notFound } from './http/api-error';
import type { LeadMailInput } from './leads/lead-mails';
import type { Log } from './log';
import { devMailRoutes } from './routes/dev-mail';
import { healthRoutes } from './routes/health';
import { publicRoutes } from './routes/public';

// createApp(deps): every route and middleware, no I/O at import, nothing read from process.env.

export interface AppDeps {
  db: Db;
  config: VendorConfig;
  clock: Clock;
  log: Log;
  signingKey: Buffer;
  /** Base URL for links in mails. */
  publicUrl: string;
  adminToken?: string;
  /** Serve /dev/mail (true when mail goes to the development outbox). */
  devMail?: boolean;
  /** Static parts mounted at / (the widget bundle and demo pages, server/routes/widget.ts). */
  assets?: Hono;
  /** Called after a lead and its outbox rows are committed (the worker sends soon). */
  onLeadStored?: () => void;
  repActions?: LeadMailInput['repActions'];
}

export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.onError(errorHandler(deps.log));
  app.notFound(notFound);

  app.route('/', healthRoutes(deps));
  app.route('/api/v1', publicRoutes(deps));
  if (deps.devMail) app.route('/dev/mail', devMailRoutes(deps));
  if (deps.assets) app.route('/', deps.assets);
  return app;
}
