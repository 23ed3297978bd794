import type { Language } from '../../shared/localized';
import type { Clock } from '../clock';
import { routingTexts } from '../mail/routing-texts';
import { sign, verify, type SigningKeys } from './signed-token';

// Signed one-click links for reps (issue 4): HMAC over "lead, rep, action, issued, expires", no
// login. A link is for one assignment: it only works while the lead is still with that rep since
// before the link was issued (server/leads/rep-action.ts checks that), so a replayed or outdated
// link does nothing.

export const REP_ACTIONS = ['accept', 'pass', 'not-a-fit'] as const;
/** The rep's answer to a prospect's process proposal (issue 10): its own link, only in mails about a proposal. */
export const ANSWER_ACTION = 'answer';
/** The three buttons of every rep mail. */
export type OneClickAction = (typeof REP_ACTIONS)[number];
export type RepAction = OneClickAction | typeof ANSWER_ACTION;
const LINK_ACTIONS: readonly string[] = [...REP_ACTIONS, ANSWER_ACTION];

export const ACTION_LINK_TTL_MS = 14 * 24 * 60 * 60_000;
/** The oldest link accepted whatever its own expiry says (README "Rep links"). */
export const ACTION_LINK_MAX_AGE_MS = 30 * 24 * 60 * 60_000;
/** Clock difference tolerated for a link issued "in the future" (another server's clock). */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export interface ActionClaim {
  action: RepAction;
  leadId: string;
  repId: string;
  issuedAt: number;
  expiresAt: number;
}

const PREFIX = 'rep-action';

export function signActionToken(key: SigningKeys, claim: ActionClaim): string {
  const { action, leadId, repId, issuedAt, expiresAt } = claim;
  return sign(key, [PREFIX, action, leadId, repId, issuedAt, expiresAt].join(':'));
}

export type ReadToken = { ok: true; claim: ActionClaim } | { ok: false; problem: 'forged' | 'expired'; claim?: ActionClaim };

/**
 * The claim of a genuine, unexpired token: past its expiry or issued more than
 * ACTION_LINK_MAX_AGE_MS ago is expired; issued in the future is refused. An expired one still
 * says whose it was (for the page's language).
 */
export function readActionToken(key: SigningKeys, token: string, now: number): ReadToken {
  const payload = verify(key, token);
  const parts = payload?.split(':');
  if (!parts || parts.length !== 6 || parts[0] !== PREFIX) return { ok: false, problem: 'forged' };
  const [, action, leadId, repId, issued, expires] = parts;
  const issuedAt = Number(issued);
  const expiresAt = Number(expires);
  if (!LINK_ACTIONS.includes(action) || !leadId || !repId || !Number.isSafeInteger(issuedAt) || !Number.isSafeInteger(expiresAt)) {
    return { ok: false, problem: 'forged' };
  }
  const claim: ActionClaim = { action: action as RepAction, leadId, repId, issuedAt, expiresAt };
  if (issuedAt > now + MAX_CLOCK_SKEW_MS || expiresAt < issuedAt) return { ok: false, problem: 'forged' };
  if (now > expiresAt || now - issuedAt > ACTION_LINK_MAX_AGE_MS) return { ok: false, problem: 'expired', claim };
  return { ok: true, claim };
}

export interface ActionLinkDeps {
  signingKey: SigningKeys;
  publicUrl: string;
  clock: Clock;
  ttlMs?: number;
}

export function actionUrl(deps: Pick<ActionLinkDeps, 'publicUrl'>, token: string): string {
  return `${deps.publicUrl.replace(/\/$/, '')}/r/${token}`;
}

/**
 * The `repActions` hook of lead mails: accept, pass on, not a fit — each a signed link; or the
 * actions asked for (`['answer']`: the link to answer a process proposal).
 */
export function repActionLinks(deps: ActionLinkDeps) {
  return (leadId: string, repId: string, language: Language, actions: readonly RepAction[] = REP_ACTIONS) => {
    const issuedAt = deps.clock.now();
    const expiresAt = issuedAt + (deps.ttlMs ?? ACTION_LINK_TTL_MS);
    const labels = routingTexts[language].actionLabel;
    return actions.map((action) => ({
      label: labels[action],
      href: actionUrl(deps, signActionToken(deps.signingKey, { action, leadId, repId, issuedAt, expiresAt })),
    }));
  };
}
