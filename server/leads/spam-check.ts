import type { Submission } from '../../shared/submission';
import { readFormToken } from '../form/form-token';
import type { SigningKeys } from '../security/signed-token';

// The browser checks. Bots fill the hidden "website" field, skip the form (no genuine token),
// fill it faster than a person can, or replay a token (a token serves one lead: the store thread
// checks that, in the lead's transaction). Such a hit gets a normal-looking answer and is stored
// as spam: never routed or mailed. A server submitting with an API key skips these checks.

export interface SpamRules {
  signingKey: SigningKeys;
  site: string;
  now: number;
  /** Less than this between showing the form and submitting it is not a person. */
  minFillMs: number;
  /** A form token older than this is not accepted (a bot replaying one token). */
  maxTokenAgeMs: number;
}

export interface BrowserCheck {
  /** Why this looks like a bot; undefined: it passed. */
  spam?: string;
  /** The genuine token's id and when it expires, for its single use. */
  formToken?: { id: string; expiresAt: number };
  /** The process version the token's form showed (none in tokens from before versions). */
  processVersion?: string;
}

export function browserCheck(sub: Submission, rules: SpamRules): BrowserCheck {
  if (sub.contact.website) return { spam: 'honeypot field filled in' };
  const token = readFormToken(rules.signingKey, rules.site, sub.formToken);
  if (token === undefined) return { spam: sub.formToken ? 'form token not genuine' : 'no form token' };
  const elapsed = rules.now - token.shownAt;
  if (elapsed < rules.minFillMs) return { spam: `filled in ${elapsed} ms (minimum ${rules.minFillMs} ms)` };
  if (elapsed > rules.maxTokenAgeMs) return { spam: 'form token expired' };
  return { formToken: { id: token.id, expiresAt: token.shownAt + rules.maxTokenAgeMs }, processVersion: token.processVersion };
}
