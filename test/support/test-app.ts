import { randomBytes } from 'node:crypto';
import type { VendorConfig } from '../../shared/config';
import type { SubmissionInput } from '../../shared/submission';
import { createApp, type AppDeps } from '../../server/app';
import { manualClock } from '../../server/clock';
import { openDatabase, type Db } from '../../server/db/open';
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
    ...opts.deps,
  };
  const app = createApp(deps);
  const post = (body: SubmissionInput | string, init: { headers?: Record<string, string>; site?: string } = {}) =>
    app.request(`/api/v1/sites/${init.site ?? 'zeilmaker-web'}/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, ...init.headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { app, db, clock, config, deps, post };
}
