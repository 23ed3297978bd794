import { createHash, timingSafeEqual } from 'node:crypto';
import type { VendorConfig } from '../../shared/config';

// Server-side submissions: a site's config names its API keys (`apiKeys: [{ id, secretEnv }]`),
// the secrets live in environment variables (never in the config file). main.ts resolves them at
// start; a POST with `Authorization: Bearer <secret>` is then the vendor's own server.

export const MIN_SECRET_LENGTH = 32;

export interface ApiKey {
  id: string;
  /** SHA-256 of the secret: every comparison is of two 32-byte digests, in constant time. */
  digest: Buffer;
}

/** Site key → its API keys. */
export type SiteApiKeys = Record<string, ApiKey[]>;

const digestOf = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/**
 * Reads each key's secret from the variable it names. Every problem names its config path: a
 * variable that is not set, or a secret too short to be one.
 */
export function resolveApiKeys(
  config: VendorConfig,
  env: Record<string, string | undefined>,
): { ok: true; keys: SiteApiKeys } | { ok: false; problems: string[] } {
  const keys: SiteApiKeys = {};
  const problems: string[] = [];
  config.sites.forEach((site, s) => {
    keys[site.key] = [];
    (site.apiKeys ?? []).forEach((key, k) => {
      const path = `sites[${s}].apiKeys[${k}].secretEnv`;
      const secret = env[key.secretEnv];
      if (!secret) problems.push(`${path}: the environment variable ${key.secretEnv} is not set (it holds the secret of API key "${key.id}")`);
      else if (secret.length < MIN_SECRET_LENGTH) {
        problems.push(`${path}: ${key.secretEnv} has ${secret.length} characters; use at least ${MIN_SECRET_LENGTH}, e.g. from \`openssl rand -base64 32\``);
      } else keys[site.key].push({ id: key.id, digest: digestOf(secret) });
    });
  });
  return problems.length ? { ok: false, problems } : { ok: true, keys };
}

/** The id of the key whose secret this is, comparing with every key of the site in constant time. */
export function apiKeyId(keys: readonly ApiKey[], presented: string): string | undefined {
  const given = digestOf(presented);
  let found: string | undefined;
  for (const key of keys) if (timingSafeEqual(given, key.digest) && found === undefined) found = key.id;
  return found;
}
