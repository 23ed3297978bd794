import { readFileSync } from 'node:fs';
import { formatPath } from '../../shared/api-error';
import { checkConfigReferences } from '../../shared/config-check';
import { vendorConfigSchema, type VendorConfig } from '../../shared/config';
import { EXAMPLE_CONFIG_PATH } from '../paths';

export { EXAMPLE_CONFIG_PATH };

export type ConfigResult = { ok: true; config: VendorConfig } | { ok: false; problems: string[] };

/** Checks a parsed config fully; every problem is one line starting with its path. */
export function parseConfig(json: unknown): ConfigResult {
  const parsed = vendorConfigSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${formatPath(i.path) || '(root)'}: ${i.message}`),
    };
  }
  const problems = checkConfigReferences(parsed.data).map((p) => `${p.path}: ${p.message}`);
  return problems.length ? { ok: false, problems } : { ok: true, config: parsed.data };
}

export function loadConfigFile(path: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`] };
  }
  try {
    return parseConfig(JSON.parse(text));
  } catch (err) {
    return { ok: false, problems: [`${path}: not valid JSON (${(err as Error).message})`] };
  }
}
