import { randomBytes } from 'node:crypto';
import { sign, verify, type SigningKeys } from '../security/signed-token';

// The form token says "site S showed its form at time T" and carries a random id, so that each
// token can be used for one lead only (server/form/used-form-tokens.ts).

/** A token for one showing of site S's form at time T, with an id of its own. */
export function formToken(key: SigningKeys, site: string, shownAt: number, id = randomBytes(9).toString('base64url')): string {
  return sign(key, `form:${site}:${shownAt}:${id}`);
}

export interface FormTokenFacts {
  shownAt: number;
  /** Unique per token; the key of its single use. */
  id: string;
}

/** When the form was shown and the token's id, if the token is genuine and for this site. */
export function readFormToken(key: SigningKeys, site: string, token: string | undefined): FormTokenFacts | undefined {
  if (!token) return undefined;
  const payload = verify(key, token);
  const prefix = `form:${site}:`;
  if (!payload?.startsWith(prefix)) return undefined;
  const [at, id, ...rest] = payload.slice(prefix.length).split(':');
  const shownAt = Number(at);
  if (!Number.isSafeInteger(shownAt) || rest.length) return undefined;
  // A token from before ids existed (at most one token lifetime after the upgrade): its time is its id.
  return { shownAt, id: id ? `${site}:${id}` : `${site}:t${shownAt}` };
}

/** When the form was shown, if the token is genuine and for this site. */
export function formShownAt(key: SigningKeys, site: string, token: string | undefined): number | undefined {
  return readFormToken(key, site, token)?.shownAt;
}
