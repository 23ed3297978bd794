import { randomBytes } from 'node:crypto';
import { sign, verify, type SigningKeys } from '../security/signed-token';

// The form token says "site S showed its form at time T" and carries a random id, so that each
// token can be used for one lead only (server/form/used-form-tokens.ts), and the process version
// the form showed (server/leads/process-versions.ts), which the lead records.

/** A token for one showing of site S's form at time T, with an id of its own and the process version shown. */
export function formToken(
  key: SigningKeys,
  site: string,
  shownAt: number,
  { id = randomBytes(9).toString('base64url'), processVersion }: { id?: string; processVersion?: string } = {},
): string {
  return sign(key, `form:${site}:${shownAt}:${id}${processVersion ? `:${processVersion}` : ''}`);
}

export interface FormTokenFacts {
  shownAt: number;
  /** Unique per token; the key of its single use. */
  id: string;
  /** The process version the form showed; undefined for tokens issued before versions. */
  processVersion?: string;
}

/** When the form was shown and the token's id, if the token is genuine and for this site. */
export function readFormToken(key: SigningKeys, site: string, token: string | undefined): FormTokenFacts | undefined {
  if (!token) return undefined;
  const payload = verify(key, token);
  const prefix = `form:${site}:`;
  if (!payload?.startsWith(prefix)) return undefined;
  const [at, id, processVersion, ...rest] = payload.slice(prefix.length).split(':');
  const shownAt = Number(at);
  if (!Number.isSafeInteger(shownAt) || rest.length || processVersion === '') return undefined;
  // A token from before ids existed (at most one token lifetime after the upgrade): its time is its id.
  // One from before versions has none: its lead records no version.
  return { shownAt, id: id ? `${site}:${id}` : `${site}:t${shownAt}`, ...(processVersion ? { processVersion } : {}) };
}
