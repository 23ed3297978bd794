import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { leadRollup, leads, repAcceptMinutes, repDaily } from './schema';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { performRepAction } from '../leads/rep-action';
import { currentAssignment } from '../leads/lead-history';

// The cockpit's rollups (drizzle/0007 triggers) follow every write to leads and their history:
// insert, status change, tier change by an update, delete (erase); assignments, acceptances and
// their minutes per rep and day.

const rollup = (t: ReturnType<typeof testApp>) =>
  t.db.select().from(leadRollup).all().filter((r) => r.count !== 0).map((r) => `${r.week} ${r.status} ${r.tier} ${r.stage} ${r.noDecisionRisk ? 'risk' : '-'}: ${r.count}`).sort();

describe('rollups kept by triggers', () => {
  it('count leads by week, status, tier, stage and risk through insert, update and delete', async () => {
    const t = testApp();
    for (const stage of ['comparing', 'comparing', 'deciding']) expect((await t.post(submissionBody({ answers: { stage } }))).status).toBe(201);
    // The test clock: Tuesday 1 December 2026 → the week of Monday 30 November.
    expect(rollup(t)).toEqual(['2026-11-30 assigned sales-ready comparing -: 2', '2026-11-30 assigned sales-ready deciding -: 1']);

    const [first, second] = t.db.select().from(leads).all();
    t.db.update(leads).set({ status: 'accepted' }).where(eq(leads.id, first.id)).run();
    t.db.update(leads).set({ tier: 'qualifying', stage: 'defining' }).where(eq(leads.id, second.id)).run();
    t.db.update(leads).set({ updatedAt: 1 }).where(eq(leads.id, second.id)).run(); // no counted column: no change
    expect(rollup(t)).toEqual([
      '2026-11-30 accepted sales-ready comparing -: 1',
      '2026-11-30 assigned qualifying defining -: 1',
      '2026-11-30 assigned sales-ready deciding -: 1',
    ]);
    t.db.delete(leads).where(eq(leads.id, first.id)).run();
    expect(rollup(t)).toEqual(['2026-11-30 assigned qualifying defining -: 1', '2026-11-30 assigned sales-ready deciding -: 1']);
  });

  it('count per rep and day the assignments, acceptances with their minutes, and missed deadlines', async () => {
    const t = testApp();
    const res = await t.post(submissionBody());
    const { leadId } = await res.json();
    t.clock.advance(17 * 60_000);
    const assignment = currentAssignment(t.db, leadId)!;
    const done = performRepAction({ db: t.db, config: t.config, clock: t.clock }, { action: 'accept', leadId, repId: 'anna', issuedAt: assignment.at, expiresAt: assignment.at + 60_000_000 }, {});
    expect(done.done).toBe(true);
    expect(t.db.select().from(repDaily).all()).toEqual([{ repId: 'anna', day: '2026-12-01', assigned: 1, accepted: 1, missed: 0 }]);
    expect(t.db.select().from(repAcceptMinutes).all()).toEqual([{ repId: 'anna', day: '2026-12-01', minutes: 17, count: 1 }]);
  });
});
