import type { SubmissionInput } from '../shared/submission';

// The page context marketing needs, and the flow's memory across reloads. Only sessionStorage
// of the host page's own origin: no cookies, nothing that follows the visitor across sites. Every
// script on the host page can read that storage, so it never holds what a person typed (contact
// details, free texts): only choices, the screen, the submissionId and the form token. After
// sending, App keeps the answer screen (as one string: what that screen shows) for a reload.

type Context = NonNullable<SubmissionInput['context']>;

/** The answers a person types (i:…: what instead of a step, submission.ts insteadKey). */
const TYPED = /^(name|email|company|phone|message|deviation|orgInterest|personalInterest|costOfInaction|website|added|i:.*)$/;

/** sessionStorage can be missing or throw (sandboxed frames, privacy modes): then we simply forget. */
export const store = {
  get<T>(key: string): T | undefined {
    try {
      return JSON.parse(sessionStorage.getItem(key) || 'null') ?? undefined;
    } catch {
      return undefined;
    }
  },
  set(key: string, value: unknown) {
    try {
      if (value === undefined) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify(value, (k, v) => (TYPED.test(k) ? undefined : v)));
    } catch {
      /* storage full or blocked: keep going without it */
    }
  },
};

/** Not the old 'koers:utm' (the utm object alone): a tab open across the update would send it wrongly. */
const ATTR_KEY = 'koers:attr';

/**
 * Remember the first utm_* parameters and ad click ids (gclid, fbclid, msclkid) seen in this tab,
 * so they are still known when the prospect reaches the contact page (data-mode="capture" on the
 * other pages). The first tagged page of the visit wins; a later one changes nothing.
 */
export function rememberAttribution(search: string): void {
  const a: Pick<Context, 'utm' | 'clickIds'> = {};
  new URLSearchParams(search).forEach((value, key) => {
    const m = /^utm_(source|medium|campaign|term|content)$|^(gclid|fbclid|msclkid)$/.exec(key);
    if (m && value) ((m[1] ? (a.utm ||= {}) : (a.clickIds ||= {})) as Record<string, string>)[m[1] || m[2]] = value.slice(0, m[1] ? 200 : 500); // the server's limits (shared/submission.ts LIMITS)
  });
  if ((a.utm || a.clickIds) && !store.get(ATTR_KEY)) store.set(ATTR_KEY, a);
}

export function pageContext(): Context {
  return {
    pageUrl: location.href.slice(0, 2048),
    referrer: document.referrer.slice(0, 2048),
    ...store.get<Context>(ATTR_KEY),
  };
}

/** RFC 4122 version 4, from getRandomValues (randomUUID needs a secure context). */
export const uuid = () =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );
