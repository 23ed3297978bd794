import { describe, expect, it } from 'vitest';
import { agreementTurns, leads } from '../../server/db/schema';
import { submissionBody } from '../support/fixtures';
import { testApp } from '../support/test-app';

// Issue 10: a structured proposal is checked against the vendor's process before anything is
// stored — known steps, each once, none that is fixed, "change" says what instead, changes only
// with accepted: false — each problem a 422 naming its field; a good one is stored with its turn.

const propose = (changes: unknown, accepted = false) =>
  submissionBody({ process: { accepted, deviation: accepted ? undefined : 'Remote only.', changes } as never });

describe('a proposal in the submission', () => {
  it.each([
    ['an unknown step', { steps: [{ id: 'demo', change: 'skip' }] }, 'process.changes.steps[0].id', /unknown step "demo"; the steps are "intro", "discovery", "proposal"/],
    ['a step listed twice', { steps: [{ id: 'intro', change: 'skip' }, { id: 'intro', change: 'skip' }] }, 'process.changes.steps[1].id', /listed twice/],
    ['a fixed step', { steps: [{ id: 'proposal', change: 'skip' }] }, 'process.changes.steps[0].id', /fixed and cannot be skipped or changed/],
    ['a change without what instead', { steps: [{ id: 'discovery', change: 'change' }] }, 'process.changes.steps[0].instead', /say what you propose instead/],
    ['an unknown kind of change', { steps: [{ id: 'intro', change: 'drop' }] }, 'process.changes.steps[0].change', /./],
    ['four added steps', { steps: [], added: ['a', 'b', 'c', 'd'] }, 'process.changes.added', /./],
    ['an over-long what instead', { steps: [{ id: 'intro', change: 'change', instead: 'x'.repeat(301) }] }, 'process.changes.steps[0].instead', /./],
    ['an unknown field', { steps: [], colour: 'red' }, 'process.changes.colour', /unknown field/],
  ])('refuses %s with 422 on its field, and stores nothing', async (_name, changes, path, message) => {
    const t = testApp();
    const res = await t.post(propose(changes));
    expect(res.status).toBe(422);
    const fields = (await res.json()).error.fields as { path: string; message: string }[];
    expect(fields).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(t.db.select().from(leads).all()).toEqual([]);
  });

  it('refuses changes that come with accepted: true', async () => {
    const t = testApp();
    const res = await t.post(propose({ steps: [{ id: 'intro', change: 'skip' }] }, true));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toContainEqual({ path: 'process.changes', message: 'changes go with accepted: false' });
  });

  it('stores a good proposal with the lead and as its first turn', async () => {
    const t = testApp();
    const changes = { steps: [{ id: 'intro', change: 'skip' }, { id: 'discovery', change: 'change', instead: 'A call with IT' }], added: ['A pilot'] };
    expect((await t.post(propose(changes))).status).toBe(201);
    expect(t.db.select().from(leads).get()).toMatchObject({ proposal: changes, agreementState: 'proposed', deviation: 'Remote only.' });
    expect(t.db.select().from(agreementTurns).all()).toMatchObject([{ by: 'prospect', kind: 'proposal', changes, text: 'Remote only.' }]);
  });
});
