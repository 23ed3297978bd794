import type { personMatchers } from './match-person';

// Takes one person out of a parsed outbox payload: every string that mentions them is rewritten,
// a reference to one of their leads (earlierLeadId) is dropped. A payload that is a mail to them
// (an `address` field equal to theirs: to, replyTo) is reported so the caller deletes it whole.

type Matchers = ReturnType<typeof personMatchers>;

export interface Scrubbed {
  value: unknown;
  changed: boolean;
  /** The payload sends to (or replies to) the person. */
  addressed: boolean;
}

export function scrubJson(value: unknown, match: Matchers, leadIds: readonly string[]): Scrubbed {
  let changed = false;
  let addressed = false;
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') {
      if (key === 'address' && match.isAddress(v)) addressed = true;
      const s = match.scrub(v);
      if (s !== v) changed = true;
      return s;
    }
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (k === 'earlierLeadId' && typeof item === 'string' && leadIds.includes(item)) {
          changed = true; // the mail is composed without the "existing account" line
          continue;
        }
        out[k] = walk(item, k);
      }
      return out;
    }
    return v;
  };
  const result = walk(value);
  return { value: result, changed, addressed };
}
