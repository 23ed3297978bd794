import type { Answer } from './endpoint';

// The error answers several endpoints share (docs/api.md's status table). Each says when; the
// body is always the error body (shared/api-error.ts).

export const tooMany = (what: string): Answer => ({
  description: `too_many_requests: ${what}.`,
  headers: { 'Retry-After': 'Seconds until the next try is allowed.' },
});

export const ERRORS = {
  internal: 'internal: something went wrong on the server (logged); try again later.',
  bodyTooLarge: 'body_too_large: the body is over 64 KiB.',
  unknownSite: 'not_found: no site with this key.',
  originNotAllowed: "origin_not_allowed: a browser Origin (scheme, host and port) that the site does not list.",
  perClient: tooMany('over RATE_LIMIT_PER_MINUTE requests a minute from one client address (IPv6: one /64)'),
  adminToken: {
    description: 'unauthorized: no or a wrong admin token.',
    headers: { 'WWW-Authenticate': 'Bearer realm="koers-admin"' },
  } satisfies Answer,
  adminGuesses: tooMany('after 10 wrong admin tokens from one address in 10 minutes, every token from it (also the right one)'),
};

/** What every admin endpoint may answer besides its own. */
export const ADMIN_ERRORS = { 401: ERRORS.adminToken, 429: ERRORS.adminGuesses, 500: ERRORS.internal };
