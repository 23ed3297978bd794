import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { manualClock } from '../clock';
import { openDatabase } from '../db/open';
import { auditLog } from '../db/schema';
import { chooseRoute, type LeadFacts } from './route';
import { readRepOverrides, setRepOverride } from './rep-overrides';
import { readRoutingState } from './routing-store';

const NOW = Date.parse('2026-06-10T10:00:00Z');
const facts: LeadFacts = { tier: 'information-gathering', stage: 'exploring', timeline: 'none', language: 'nl', emailDomain: 'visser.example' };

function setup() {
  const db = openDatabase(':memory:');
  const config = exampleConfig();
  const clock = manualClock(NOW);
  const deps = { db, config, clock };
  const route = (f: LeadFacts = facts) => chooseRoute(f, config, readRoutingState(db, config, { emailDomain: f.emailDomain }), { now: clock.now() });
  return { db, config, clock, deps, route };
}

describe('rep overrides in routing', () => {
  it('an inactive override takes the rep out of routing, whatever the config says; clearing it brings them back', () => {
    const s = setup();
    expect(s.route().repId).toBe('dewi'); // inside-sales has only Dewi
    expect(setRepOverride(s.deps, { actor: 'mila@zeilmaker.example', repId: 'dewi', inactive: true, awayFrom: '', awayTo: '' })).toMatchObject({ ok: true });
    const d = s.route();
    expect(d.repId).toBeNull();
    expect(d.why).toMatchObject({ type: 'nobody', skipped: [{ repId: 'dewi', why: { type: 'inactive' } }] });
    setRepOverride(s.deps, { actor: 'mila@zeilmaker.example', repId: 'dewi', inactive: false, awayFrom: '', awayTo: '' });
    expect(readRepOverrides(s.db).size).toBe(0);
    expect(s.route().repId).toBe('dewi');
    expect(s.db.select().from(auditLog).all().map((r) => [r.actor, r.action, r.target, r.detail])).toEqual([
      ['mila@zeilmaker.example', 'rep-override', 'dewi', JSON.stringify({ inactive: true, awayFrom: null, awayTo: null })],
      ['mila@zeilmaker.example', 'rep-override', 'dewi', 'cleared'],
    ]);
  });

  it('an away range counts from its first to its last day (inclusive, vendor time zone)', () => {
    const s = setup();
    setRepOverride(s.deps, { actor: 'mila@zeilmaker.example', repId: 'dewi', inactive: false, awayFrom: '2026-06-11', awayTo: '2026-06-12' });
    expect(s.route().repId).toBe('dewi'); // the day before
    s.clock.set(Date.parse('2026-06-10T22:30:00Z')); // 00:30 on the 11th in Amsterdam
    expect(s.route().why).toMatchObject({ skipped: [{ repId: 'dewi', why: { type: 'away', from: '2026-06-11', to: '2026-06-12' } }] });
    s.clock.set(Date.parse('2026-06-12T21:00:00Z')); // 23:00 on the 12th
    expect(s.route().repId).toBeNull();
    s.clock.set(Date.parse('2026-06-12T22:30:00Z')); // the 13th
    expect(s.route().repId).toBe('dewi');
  });

  it('refuses an unknown rep, a bad date, half a range and a range that ends before it starts', () => {
    const s = setup();
    const set = (over: object) => setRepOverride(s.deps, { actor: 'm', repId: 'dewi', inactive: false, awayFrom: '', awayTo: '', ...over });
    expect(set({ repId: 'zoe' })).toEqual({ ok: false, problems: [{ field: 'repId', problem: 'unknown-rep' }] });
    expect(set({ awayFrom: '2026-02-30', awayTo: '2026-03-01' })).toEqual({ ok: false, problems: [{ field: 'awayFrom', problem: 'bad-date' }] });
    expect(set({ awayFrom: '2026-03-01' })).toEqual({ ok: false, problems: [{ field: 'awayTo', problem: 'both-dates' }] });
    expect(set({ awayFrom: '2026-03-02', awayTo: '2026-03-01' })).toEqual({ ok: false, problems: [{ field: 'awayTo', problem: 'range' }] });
    expect(s.db.select().from(auditLog).all()).toEqual([]);
  });
});
