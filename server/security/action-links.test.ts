import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock';
import { ACTION_LINK_TTL_MS, readActionToken, repActionLinks, signActionToken } from './action-links';

const key = Buffer.alloc(32, 1);

describe('rep action tokens', () => {
  it('round-trips a claim and refuses it after its expiry', () => {
    const claim = { action: 'pass' as const, leadId: 'l-1', repId: 'anna', issuedAt: 1000, expiresAt: 5000 };
    const token = signActionToken(key, claim);
    expect(readActionToken(key, token, 5000)).toEqual({ ok: true, claim });
    expect(readActionToken(key, token, 5001)).toEqual({ ok: false, problem: 'expired', claim });
    expect(readActionToken(Buffer.alloc(32, 2), token, 1000)).toEqual({ ok: false, problem: 'forged' });
    expect(readActionToken(key, 'nonsense', 1000)).toEqual({ ok: false, problem: 'forged' });
  });

  it('makes one link per action, in the rep\'s language, valid for 14 days', () => {
    const clock = manualClock(10_000);
    const links = repActionLinks({ signingKey: key, publicUrl: 'https://koers.example/', clock })('l-1', 'chris', 'en');
    expect(links.map((l) => l.label)).toEqual(['Accept', 'Pass on', 'Not a fit']);
    for (const [i, link] of links.entries()) {
      expect(link.href).toMatch(/^https:\/\/koers\.example\/r\/k0\.[\w-]+\.[\w-]+$/);
      const read = readActionToken(key, link.href.split('/r/')[1], 10_000);
      expect(read).toEqual({
        ok: true,
        claim: { action: ['accept', 'pass', 'not-a-fit'][i], leadId: 'l-1', repId: 'chris', issuedAt: 10_000, expiresAt: 10_000 + ACTION_LINK_TTL_MS },
      });
    }
  });
});
