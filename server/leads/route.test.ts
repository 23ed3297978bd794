import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { isFreeMailDomain } from './free-mail-domains';
import { chooseRoute, matches, smoothWeightedPick, type LeadFacts, type RoutingState } from './route';

const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({
  tier: 'sales-ready',
  stage: 'comparing',
  timeline: '3m',
  language: 'nl',
  emailDomain: 'visser.example',
  ...over,
});
const empty = (): RoutingState => ({ currents: new Map(), openLeads: new Map() });
const NOW = Date.parse('2026-12-01T10:00:00Z');

/** Routes `n` leads in a row, carrying the state like the database does. */
function sequence(config = exampleConfig(), n = 9, facts = lead(), state = empty(), now = NOW) {
  const picked: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const d = chooseRoute(facts, config, state, { now });
    if (d.currents) state.currents.set(d.currents.teamId, d.currents.values);
    picked.push(d.repId);
  }
  return picked;
}

describe('rule conditions', () => {
  it('needs every listed condition; a list means any of its values', () => {
    expect(matches({ tier: ['sales-ready', 'qualifying'], language: ['nl'] }, lead())).toBe(true);
    expect(matches({ tier: ['qualifying'] }, lead())).toBe(false);
    expect(matches({ tier: ['sales-ready'], country: ['NL'] }, lead())).toBe(false); // no country given
    expect(matches({ country: ['NL', 'BE'] }, lead({ country: 'BE' }))).toBe(true);
    expect(matches({ companySize: ['250+'] }, lead({ companySize: '50-249' }))).toBe(false);
    expect(matches({ emailDomain: ['visser.example'], stage: ['comparing'], timeline: ['3m', '1m'] }, lead())).toBe(true);
    expect(matches({}, lead())).toBe(true);
  });

  it('takes the first matching rule, else the fallback team', () => {
    const config = exampleConfig((c) => {
      c.routing.rules.unshift({ when: { country: 'BE' }, team: 'inside-sales' });
    });
    expect(chooseRoute(lead({ country: 'BE' }), config, empty(), { now: NOW })).toMatchObject({ teamId: 'inside-sales', repId: 'dewi' });
    const none = exampleConfig((c) => (c.routing.rules = []));
    const d = chooseRoute(lead(), none, empty(), { now: NOW });
    expect(d).toMatchObject({ teamId: 'inside-sales', repId: 'dewi' });
    expect(d.reason).toMatch(/^no rule matched → Inside sales/);
  });
});

describe('smooth weighted round robin', () => {
  it('spreads 2:1:1 smoothly, not in bursts', () => {
    const config = exampleConfig();
    const reps = config.reps.filter((r) => ['anna', 'bram', 'chris'].includes(r.id));
    let currents = new Map<string, number>();
    const picked: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { chosen, values } = smoothWeightedPick(reps, currents);
      currents = values;
      picked.push(chosen.id);
    }
    expect(picked).toEqual(['anna', 'bram', 'chris', 'anna', 'anna', 'bram', 'chris', 'anna']);
  });

  it('gives exactly 2:1 over 30 leads', () => {
    const config = exampleConfig((c) => {
      c.reps = c.reps.map((r: any) => ({ ...r, languages: ['nl', 'en'] }));
      c.teams[0].reps = ['anna', 'bram'];
    });
    const picked = sequence(config, 30);
    expect(picked.filter((r) => r === 'anna')).toHaveLength(20);
    expect(picked.filter((r) => r === 'bram')).toHaveLength(10);
  });
});

describe('availability', () => {
  const allSpeakNl = (c: any) => (c.reps = c.reps.map((r: any) => ({ ...r, languages: ['nl', 'en'] })));

  it('skips a rep who is away (inclusive dates, vendor time zone)', () => {
    const config = exampleConfig(allSpeakNl);
    // 2026-12-23T23:30Z is already 24 December in Amsterdam: Bram is away.
    const picked = sequence(config, 8, lead(), empty(), Date.parse('2026-12-23T23:30:00Z'));
    expect(picked).not.toContain('bram');
    const d = chooseRoute(lead(), config, empty(), { now: Date.parse('2027-01-02T12:00:00Z') });
    expect(d.reason).toContain('Bram Jansen skipped: away 2026-12-24 to 2027-01-02');
    expect(sequence(config, 8, lead(), empty(), Date.parse('2027-01-03T09:00:00Z'))).toContain('bram');
  });

  it('skips a rep at capacity and an inactive rep', () => {
    const config = exampleConfig((c) => {
      allSpeakNl(c);
      c.reps.find((r: any) => r.id === 'anna').active = false;
    });
    const state = empty();
    state.openLeads.set('chris', 40);
    expect(new Set(sequence(config, 6, lead(), state))).toEqual(new Set(['bram']));
  });

  it('gives a lead only to reps who speak its language', () => {
    const config = exampleConfig(); // bram: nl only, chris: en only, anna: both
    expect(new Set(sequence(config, 9, lead({ language: 'en' })))).toEqual(new Set(['anna', 'chris']));
    expect(new Set(sequence(config, 9, lead({ language: 'nl' })))).toEqual(new Set(['anna', 'bram']));
    expect(chooseRoute(lead({ language: 'nl' }), config, empty(), { now: NOW }).reason).toContain('Chris Smith skipped: does not speak nl');
  });

  it('never hands a lead to a rep without its language: the fallback team, then nobody', () => {
    const config = exampleConfig();
    // Anna had it (passed on) and Bram is away: old code gave this Dutch lead to English-only Chris.
    const away = Date.parse('2026-12-28T10:00:00Z');
    const dutch = chooseRoute(lead({ language: 'nl' }), config, empty(), { now: away, exclude: new Set(['anna']) });
    expect(dutch).toMatchObject({ teamId: 'inside-sales', repId: 'dewi' });
    // An English lead Anna and Chris had never goes to Dutch-only Bram.
    const english = chooseRoute(lead({ language: 'en' }), config, empty(), { now: NOW, exclude: new Set(['anna', 'chris']) });
    expect(english).toMatchObject({ teamId: 'inside-sales', repId: 'dewi' });
    expect(english.reason).toContain('Bram Jansen skipped: does not speak en');
    // Nobody left who speaks it: unassigned (the vendor assigns it by hand), not a rep who cannot read it.
    const nobody = chooseRoute(lead({ language: 'en' }), config, empty(), { now: NOW, exclude: new Set(['anna', 'chris', 'dewi']) });
    expect(nobody).toMatchObject({ teamId: 'account-executives', repId: null }); // the team it was meant for keeps it (cockpit)
  });

  it('goes to the fallback team when nobody in the team can, and unassigned when nobody anywhere can', () => {
    const config = exampleConfig((c) => {
      for (const r of c.reps) if (r.id !== 'dewi') r.active = false;
    });
    const fallback = chooseRoute(lead(), config, empty(), { now: NOW });
    expect(fallback).toMatchObject({ teamId: 'inside-sales', repId: 'dewi' });
    expect(fallback.reason).toMatch(/fallback team after rule 1/);
    config.reps.find((r) => r.id === 'dewi')!.active = false;
    const nobody = chooseRoute(lead(), config, empty(), { now: NOW });
    expect(nobody).toMatchObject({ teamId: 'account-executives', repId: null }); // the rule's team: its reps see it unassigned
    expect(nobody.reason).toMatch(/^unassigned: nobody available/);
  });
});

describe('account ownership', () => {
  it('sends a company with an open lead to that lead\'s rep', () => {
    const state = { ...empty(), owner: { repId: 'chris', leadId: 'lead-1' } };
    const d = chooseRoute(lead({ language: 'en' }), exampleConfig(), state, { now: NOW });
    expect(d).toMatchObject({ repId: 'chris', ownerLeadId: 'lead-1' });
    expect(d.currents).toBeUndefined(); // the round robin does not move for an owned account
    expect(d.reason).toMatch(/^existing account: visser.example has an open lead \(lead-1\) with Chris Smith/);
  });

  it('never binds free-mail domains, and can be switched off', () => {
    const state = { ...empty(), owner: { repId: 'chris', leadId: 'lead-1' } };
    expect(chooseRoute(lead({ emailDomain: 'gmail.com' }), exampleConfig(), state, { now: NOW }).repId).toBe('anna');
    const off = exampleConfig((c) => (c.routing.accountOwnership = false));
    expect(chooseRoute(lead(), off, state, { now: NOW }).repId).toBe('anna');
  });

  it('routes normally when the owner does not speak the lead\'s language, saying so', () => {
    const state = { ...empty(), owner: { repId: 'chris', leadId: 'lead-1' } };
    const d = chooseRoute(lead({ language: 'nl' }), exampleConfig(), state, { now: NOW });
    expect(d.repId).toBe('anna');
    expect(d.reason).toContain('account owner Chris Smith unavailable (does not speak nl)');
  });

  it('routes normally when the owner is away, saying so', () => {
    const state = { ...empty(), owner: { repId: 'bram', leadId: 'lead-1' } };
    const d = chooseRoute(lead(), exampleConfig(), state, { now: Date.parse('2026-12-28T10:00:00Z') });
    expect(d.repId).toBe('anna');
    expect(d.reason).toContain('account owner Bram Jansen unavailable (away 2026-12-24 to 2027-01-02)');
  });

  it('knows free-mail providers, including country variants', () => {
    for (const d of ['gmail.com', 'outlook.com', 'hotmail.nl', 'hotmail.co.uk', 'yahoo.fr', 'live.nl', 'icloud.com', 'proton.me', 'ziggo.nl']) {
      expect(isFreeMailDomain(d), d).toBe(true);
    }
    for (const d of ['visser-logistiek.nl', 'web.dev.example.org', 'hotmailer.com', 'outlook-partners.com']) {
      expect(isFreeMailDomain(d), d).toBe(false);
    }
  });
});
