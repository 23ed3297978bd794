import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './proc';

/**
 * The bench's leads come in as a vendor's server sends them, with the site's API key: every
 * request is a real lead (routed, mailed, its deadline and reminder scheduled). A browser's form
 * token serves one lead only, and fetching one per lead would measure the form endpoint too.
 * Writes the example config plus the key into `dir`; answers the server's env and the headers.
 */
export function benchApiKey(dir: string) {
  const secret = randomBytes(32).toString('base64url');
  const config = JSON.parse(readFileSync(join(ROOT, 'server/config/example.config.json'), 'utf8'));
  config.sites[0].apiKeys = [{ id: 'bench', secretEnv: 'KOERS_BENCH_KEY' }];
  const path = join(dir, 'bench.config.json');
  writeFileSync(path, JSON.stringify(config));
  return { env: { KOERS_CONFIG: path, KOERS_BENCH_KEY: secret }, headers: { authorization: `Bearer ${secret}` } };
}
