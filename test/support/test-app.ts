import { randomBytes } from 'node:crypto';
import type { VendorConfig } from '../../shared/config';
import type { SubmissionInput } from '../../shared/submission';
import { createApp, type AppDeps } from '../../server/app';
import { manualClock } from '../../server/clock';
import { openDatabase, type Db } from '../../server/db/open';
import { formToken } from '../../server/form/form-token';
import { silentLog } from '../../server/log';
import { exampleConfig } from './fixtures';

export const ORIGIN = 'https://www.zeilmaker.example';

export interface TestAppOptions {
  dbPath?: string;
  db?: Db;
  config?: VendorConfig;
  clock?: ReturnType<typeof manualClock>;
  deps?: Partial<AppDeps>;
}

/** The real app on a real (default: in-memory) SQLite database with the real migrations. */
export function testApp(opts: TestAppOptions = {}) {
  const db = opts.db ?? openDatabase(opts.dbPath ?? ':memory:');
  const clock = opts.clock ?? manualClock();
  const config = opts.config ?? exampleConfig();
  const deps: AppDeps = {
    db,
    config,
    clock,
    log: silentLog,
    signingKey: randomBytes(32),
    publicUrl: 'http://koers.test',
    // Rate limits off unless a test is about them: app.request has no socket, so every request
    // would share one client address.
    protection: { perClientPerMinute: 0, perSitePerMinute: 0 },
    ...opts.deps,
  };
  const app = createApp(deps);
  /** A genuine token for a form shown a minute ago (a person took their time). */
  const token = (site = 'zeilmaker-web', shownAt = clock.now() - 60_000) => formToken(deps.signingKey, site, shownAt);
  /** POSTs a submission; a body without a formToken key gets a genuine one. */
  const post = (body: SubmissionInput | string, init: { headers?: Record<string, string>; site?: string; env?: object } = {}) => {
    const withToken = typeof body === 'string' || 'formToken' in body ? body : { ...body, formToken: token(init.site) };
    return app.request(
      `/api/v1/sites/${init.site ?? 'zeilmaker-web'}/leads`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...init.headers },
        body: typeof withToken === 'string' ? withToken : JSON.stringify(withToken),
      },
      init.env,
    );
  };
  return { app, db, clock, config, deps, post, token };
}
