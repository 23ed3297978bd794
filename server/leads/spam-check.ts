import type { Submission } from '../../shared/submission';
import { formShownAt } from '../form/form-token';

// Bots fill the hidden "website" field, skip the form (no genuine token) or fill it faster than
// a person can. Such a hit gets a normal-looking answer and is stored as spam: never routed or mailed.

export interface SpamRules {
  signingKey: Buffer;
  site: string;
  now: number;
  /** Less than this between showing the form and submitting it is not a person. */
  minFillMs: number;
  /** A form token older than this is not accepted (a bot replaying one token). */
  maxTokenAgeMs: number;
}

export function spamReason(sub: Submission, rules: SpamRules): string | undefined {
  if (sub.contact.website) return 'honeypot field filled in';
  const shownAt = formShownAt(rules.signingKey, rules.site, sub.formToken);
  if (shownAt === undefined) return sub.formToken ? 'form token not genuine' : 'no form token';
  const elapsed = rules.now - shownAt;
  if (elapsed < rules.minFillMs) return `filled in ${elapsed} ms (minimum ${rules.minFillMs} ms)`;
  if (elapsed > rules.maxTokenAgeMs) return 'form token expired';
  return undefined;
}
