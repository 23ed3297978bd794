import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { FILTER_NAMES, parseFilters } from './filters';

const spec = { config: exampleConfig(), filters: FILTER_NAMES, others: ['lang'] };

describe('parseFilters', () => {
  it("reads known filters, skips empty ones (an 'all' in a form) and the page's own parameters", () => {
    expect(parseFilters({ rep: 'anna', tier: 'qualifying', stage: 'comparing', status: 'paused', team: '', source: 'linkedin', lang: 'en' }, spec)).toEqual({
      ok: true,
      filters: { rep: 'anna', tier: 'qualifying', stage: 'comparing', status: 'paused', source: 'linkedin' },
    });
    expect(parseFilters({ from: '2026-03-01', to: '2026-03-31' }, spec)).toEqual({
      ok: true,
      filters: { from: '2026-03-01', fromMs: Date.UTC(2026, 2, 1), to: '2026-03-31', toMs: Date.UTC(2026, 3, 1) },
    });
  });

  it('names every problem: unknown filter, unknown value, bad date, repeated, reversed range', () => {
    const r = parseFilters({ owner: 'x', rep: 'zoe', tier: 'hot', from: '31-03-2026', status: ['assigned', 'accepted'] }, spec);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems).toEqual([
      { name: 'owner', problem: 'unknown-filter', allowed: [...FILTER_NAMES] },
      { name: 'rep', value: 'zoe', problem: 'unknown-value', allowed: ['anna', 'bram', 'chris', 'dewi'] },
      { name: 'tier', value: 'hot', problem: 'unknown-value', allowed: ['sales-ready', 'qualifying', 'information-gathering'] },
      { name: 'from', value: '31-03-2026', problem: 'bad-date' },
      { name: 'status', value: 'assigned, accepted', problem: 'repeated' },
    ]);
    const reversed = parseFilters({ from: '2026-04-01', to: '2026-03-01' }, spec);
    expect(!reversed.ok && reversed.problems).toEqual([{ name: 'to', value: '2026-03-01', problem: 'range' }]);
    // A list that takes fewer filters refuses the others.
    const narrow = parseFilters({ stage: 'comparing' }, { config: spec.config, filters: ['rep'] });
    expect(!narrow.ok && narrow.problems).toEqual([{ name: 'stage', problem: 'unknown-filter', allowed: ['rep'] }]);
  });
});
