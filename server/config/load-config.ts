import { readFileSync } from 'node:fs';
import { checkConfigReferences } from '../../shared/config-check';
import { vendorConfigSchema, type VendorConfig } from '../../shared/config';
import { EXAMPLE_CONFIG_PATH } from '../paths';
import { configErrorMessage, configIssueLines } from './config-errors';
import { jsonSyntaxProblem } from './json-position';

export { EXAMPLE_CONFIG_PATH };

export type ConfigResult = { ok: true; config: VendorConfig } | { ok: false; problems: string[] };

/**
 * Checks a parsed config fully; every problem is one line starting with its path. Structure and
 * references are checked in the same pass (references as far as the structure lets them be
 * read), so a bad config is fixed in one round.
 */
export function parseConfig(json: unknown): ConfigResult {
  const parsed = vendorConfigSchema.safeParse(json, { error: configErrorMessage });
  if (parsed.success) {
    const problems = checkConfigReferences(parsed.data).map((p) => `${p.path}: ${p.message}`);
    return problems.length ? { ok: false, problems } : { ok: true, config: parsed.data };
  }
  const structural = configIssueLines(parsed.error.issues);
  const reported = new Set(structural.map((line) => line.slice(0, line.indexOf(': '))));
  const references = checkConfigReferences(json)
    .filter((p) => !reported.has(p.path))
    .map((p) => `${p.path}: ${p.message}`);
  return { ok: false, problems: [...structural, ...references] };
}

export function loadConfigFile(path: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    return { ok: false, problems: [`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const at = jsonSyntaxProblem(text, err as Error);
    return { ok: false, problems: [`${path}:${at.line}:${at.column}: not valid JSON: ${at.message}`] };
  }
  return parseConfig(json);
}
