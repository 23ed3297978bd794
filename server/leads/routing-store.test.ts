import { describe, expect, it, vi } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { manualClock } from '../clock';
import { openDatabase } from '../db/open';
import { prepared } from '../db/prepared';
import { chooseRoute, type LeadFacts } from './route';
import { setRepOverride } from './rep-overrides';
import { readRoutingState } from './routing-store';

// A capped rep's open leads are counted only when routing gets to the question "is this rep full?"
// (after language, away, inactive): storing a lead the capped rep cannot take reads no count
// (~16 µs per lead at a million leads, bench/store-cost.ts).

const NOW = Date.parse('2026-06-10T10:00:00Z');

function setup() {
  const db = openDatabase(':memory:');
  const config = exampleConfig(); // chris: English only, at most 40 open leads
  const counts = vi.spyOn(prepared(db).openLeadsUpTo, 'get');
  const route = (f: LeadFacts) => chooseRoute(f, config, readRoutingState(db, config, { emailDomain: f.emailDomain }), { now: NOW });
  return { db, config, counts, route };
}

describe('the routing state', () => {
  it('reads no open-lead count for a Dutch lead (the capped rep speaks English only) nor for another team', () => {
    const s = setup();
    expect(s.route({ tier: 'sales-ready', stage: 'comparing', timeline: '3m', language: 'nl', emailDomain: 'visser.example' }).repId).not.toBe('chris');
    expect(s.route({ tier: 'information-gathering', stage: 'exploring', timeline: 'none', language: 'en', emailDomain: 'smith.example' }).repId).toBe('dewi');
    expect(s.counts).not.toHaveBeenCalled();
  });

  it('counts the capped rep’s open leads, once, when routing gets to them', () => {
    const s = setup();
    setRepOverride({ db: s.db, config: s.config, clock: manualClock(NOW) }, { actor: 'mila@zeilmaker.example', repId: 'anna', inactive: true, awayFrom: '', awayTo: '' });
    expect(s.route({ tier: 'sales-ready', stage: 'comparing', timeline: '3m', language: 'en', emailDomain: 'smith.example' }).repId).toBe('chris');
    expect(s.counts).toHaveBeenCalledTimes(1);
    expect(s.counts).toHaveBeenCalledWith({ repId: 'chris', limit: 40 });
  });
});
