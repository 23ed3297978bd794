import type { VendorConfig } from '../../shared/config';
import type { Log } from '../log';
import { loadConfigFile } from './load-config';
import { routingGaps } from './routing-gaps';

// Reloading the vendor config on SIGHUP without a restart: the file is checked completely first;
// with any problem the running config stays and every problem is logged; else `apply` swaps the
// new config in (main.ts: the store thread first, then the HTTP app) and one line says what changed.

export interface ConfigReloadDeps {
  path: string;
  log: Log;
  current: VendorConfig;
  /** Checks beyond the file itself (API key secrets in the environment); one line per problem. */
  check?: (config: VendorConfig) => string[];
  /** Puts the config to work; rejects if it could not (the old one then stays). */
  apply: (config: VendorConfig) => Promise<void>;
}

export function configReloader(deps: ConfigReloadDeps) {
  let current = deps.current;
  let chain: Promise<unknown> = Promise.resolve();

  async function reloadNow(): Promise<boolean> {
    const { path, log } = deps;
    const loaded = loadConfigFile(path);
    const problems = loaded.ok ? (deps.check?.(loaded.config) ?? []) : loaded.problems;
    if (!loaded.ok || problems.length) {
      log.error(`Config NOT reloaded: ${path} has ${problems.length} problem(s); the running config stays`);
      for (const problem of problems) log.error(problem);
      return false;
    }
    try {
      await deps.apply(loaded.config);
    } catch (error) {
      log.error(`Config NOT reloaded: ${(error as Error).message}; the running config stays`);
      return false;
    }
    const changed = changedSections(current, loaded.config);
    current = loaded.config;
    log.info(`Config reloaded from ${path}: ${summary(current)}; changed: ${changed.length ? changed.join(', ') : 'nothing'}`);
    for (const gap of routingGaps(current)) log.warn(gap);
    return true;
  }

  return {
    /** Reloads after any reload in progress; resolves true when the new config is in force. */
    reload: (): Promise<boolean> => {
      const next = chain.then(reloadNow);
      chain = next.catch(() => undefined);
      return next;
    },
    current: () => current,
  };
}

function summary(c: VendorConfig): string {
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? '' : 's'}`;
  return [
    `${n(c.sites.length, 'site')} (${c.sites.map((s) => s.key).join(', ')})`,
    n(c.reps.length, 'rep'),
    n(c.teams.length, 'team'),
    n(c.routing.rules.length, 'routing rule'),
  ].join(', ');
}

function changedSections(before: VendorConfig, after: VendorConfig): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter(
    (k) => k !== '$schema' && JSON.stringify(before[k as keyof VendorConfig]) !== JSON.stringify(after[k as keyof VendorConfig]),
  );
}
