import type { Clock } from '../clock';
import { sign, verify, type SigningKeys } from './signed-token';

// The prospect's own page, PUBLIC_URL/p/{token} (issue 10): a signed link, no account. HMAC over
// "lead, epoch, issued, expires": unguessable, unforgeable, valid for 180 days. Revoking a lead's
// links raises its epoch (leads.prospect_link_epoch): every link issued before says "revoked";
// mails sent afterwards carry links of the new epoch.

export const PROSPECT_LINK_TTL_MS = 180 * 24 * 60 * 60_000;
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const PREFIX = 'prospect-page';

export interface ProspectClaim {
  leadId: string;
  epoch: number;
  issuedAt: number;
  expiresAt: number;
}

export function signProspectToken(key: SigningKeys, claim: ProspectClaim): string {
  return sign(key, [PREFIX, claim.leadId, claim.epoch, claim.issuedAt, claim.expiresAt].join(':'));
}

/** forged: not ours, altered, or issued in the future; expired: past its 180 days (the claim still says whose). */
export type ReadProspectToken = { ok: true; claim: ProspectClaim } | { ok: false; problem: 'forged' } | { ok: false; problem: 'expired'; claim: ProspectClaim };

export function readProspectToken(key: SigningKeys, token: string, now: number): ReadProspectToken {
  const parts = verify(key, token)?.split(':');
  if (!parts || parts.length !== 5 || parts[0] !== PREFIX) return { ok: false, problem: 'forged' };
  const [, leadId, epoch, issued, expires] = parts;
  const claim = { leadId, epoch: Number(epoch), issuedAt: Number(issued), expiresAt: Number(expires) };
  if (!leadId || ![claim.epoch, claim.issuedAt, claim.expiresAt].every(Number.isSafeInteger)) return { ok: false, problem: 'forged' };
  if (claim.issuedAt > now + MAX_CLOCK_SKEW_MS || claim.expiresAt < claim.issuedAt || claim.expiresAt - claim.issuedAt > PROSPECT_LINK_TTL_MS) {
    return { ok: false, problem: 'forged' };
  }
  if (now > claim.expiresAt) return { ok: false, problem: 'expired', claim };
  return { ok: true, claim };
}

export interface ProspectLinkDeps {
  signingKey: SigningKeys;
  publicUrl: string;
  clock: Clock;
}

/** The `prospectPage` hook: the link to a lead's page, valid 180 days from now (or from `issuedAt`: the same link again). */
export function prospectPageLinks(deps: ProspectLinkDeps) {
  return (leadId: string, epoch: number, issuedAt = deps.clock.now()): string => {
    const token = signProspectToken(deps.signingKey, { leadId, epoch, issuedAt, expiresAt: issuedAt + PROSPECT_LINK_TTL_MS });
    return `${deps.publicUrl.replace(/\/$/, '')}/p/${token}`;
  };
}
export type ProspectPageLink = ReturnType<typeof prospectPageLinks>;
