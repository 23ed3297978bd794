import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, leadEvents, leads, OPEN_STATUSES, repOverrides } from '../../server/db/schema';
import { recordEvent } from '../../server/leads/lead-history';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// The team page (issue 11): per rep the last 30 days from the rollups, away/inactive set by a
// manager and honoured by routing, the hand-off of a leaving rep's open leads; managers only.

const MILA = 'mila@zeilmaker.example';
const rowOf = (html: string, repId: string) => pageText(new RegExp(`<tr data-rep="${repId}">([\\s\\S]*?)</tr>`).exec(html)![1]).trim();

describe('cockpit team page', () => {
  it('shows per rep what the database holds; a rep gets 404; an unknown parameter is a 400', async () => {
    const s = await mailedLeads();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await s.submit({ contact: { email: `p${i}@firm${i}.example`, company: `Firm ${i}` } }));
    const rows = s.db.select().from(leads).where(inArray(leads.id, ids)).all();
    const anna = rows.filter((r) => r.repId === 'anna');
    expect(anna.length).toBeGreaterThanOrEqual(2);
    // Anna accepts two of hers, after 7 and 30 minutes; one accept older than 30 days does not count.
    const t0 = s.clock.now();
    for (const [lead, minutes] of [
      [anna[0], 7],
      [anna[1], 30],
    ] as const) {
      s.db.update(leads).set({ status: 'accepted' }).where(eq(leads.id, lead.id)).run();
      recordEvent(s.db, { leadId: lead.id, at: t0 + minutes * 60_000, type: 'accepted', repId: 'anna', detail: '' });
    }
    recordEvent(s.db, { leadId: anna[0].id, at: t0 - 40 * 86_400_000, type: 'sla-expired', repId: 'anna', detail: '' });

    const mila = await cockpitSession(s, MILA);
    const res = await mila.get('/app/team');
    expect(res.status).toBe(200);
    const html = await res.text();
    const assigned = (rep: string) => s.db.select().from(leadEvents).where(and(eq(leadEvents.repId, rep), eq(leadEvents.type, 'assigned'))).all().length;
    const open = (rep: string) => s.db.select().from(leads).where(and(eq(leads.repId, rep), inArray(leads.status, OPEN_STATUSES))).all().length;
    // Mila reads Dutch: assigned, accepted, median (the lower middle of 7 and 30), missed (the old one not), open, now.
    expect(rowOf(html, 'anna')).toBe(`Anna de Vries ${assigned('anna')} 2 7 min 0 ${open('anna')} Krijgt leads`);
    expect(rowOf(html, 'chris')).toBe(`Chris Smith ${assigned('chris')} 0 – 0 ${open('chris')} van maximaal 40 Krijgt leads`);
    expect(html).toContain('maximaal 40 lopende leads'); // what the config says, beside what is set here

    const anna2 = await cockpitSession(s, 'anna@zeilmaker.example');
    expect((await anna2.get('/app/team')).status).toBe(404);
    expect((await anna2.post('/app/team/bram/override', { inactive: 'on' })).status).toBe(404);
    expect(s.db.select().from(repOverrides).all()).toEqual([]);

    const bad = await mila.get('/app/team?rep=anna');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('„rep” is geen filter van deze lijst.');
  });

  it('away and inactive set here are shown next to the config and honoured by routing at once; bad dates are a 422', async () => {
    const s = await mailedLeads();
    const mila = await cockpitSession(s, MILA);
    const today = '2026-12-01'; // the test clock's day
    const wrong = await mila.post('/app/team/anna/override', { awayFrom: '2026-12-05', awayTo: '2026-12-01' });
    expect(wrong.status).toBe(422);
    expect(pageText(await wrong.text())).toContain('De laatste dag ligt vóór de eerste.');
    expect(s.db.select().from(repOverrides).all()).toEqual([]);

    expect((await mila.post('/app/team/anna/override', { awayFrom: today, awayTo: '2026-12-03' })).status).toBe(200);
    const saved = await mila.post('/app/team/bram/override', { inactive: 'on' });
    expect(saved.status).toBe(200);
    const html = await saved.text();
    expect(rowOf(html, 'anna')).toContain('Afwezig 1 december 2026 – 3 december 2026 (hier ingesteld)');
    expect(rowOf(html, 'bram')).toContain('Inactief (hier ingesteld)');
    expect(pageText(html)).toContain('inactief (door mila@zeilmaker.example');

    // A Dutch sales-ready lead: Anna away, Bram inactive, Chris no Dutch → the fallback team (Dewi).
    const id = await s.submit();
    const lead = s.db.select().from(leads).where(eq(leads.id, id)).get()!;
    expect(lead.repId).toBe('dewi');
    expect(lead.routingReason).toContain('Anna de Vries skipped: away 2026-12-01 to 2026-12-03');
    expect(lead.routingReason).toContain('Bram Jansen skipped: inactive');

    // Cleared: the config again.
    await mila.post('/app/team/bram/override', {});
    const next = await s.submit({ contact: { email: 'x@other.example', company: 'Other' } });
    expect(s.db.select().from(leads).where(eq(leads.id, next)).get()!.repId).toBe('bram');
    expect(s.db.select().from(auditLog).all().map((r) => [r.actor, r.action, r.target])).toEqual([
      [MILA, 'rep-override', 'anna'],
      [MILA, 'rep-override', 'bram'],
      [MILA, 'rep-override', 'bram'],
    ]);
  });

  it('hands every open lead of a leaving rep to others by the normal routing: history says who, the new reps get mail', async () => {
    const s = await mailedLeads();
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await s.submit({ contact: { email: `p${i}@firm${i}.example`, company: `Firm ${i}` } }));
    const annas = s.db.select().from(leads).where(and(eq(leads.repId, 'anna'), inArray(leads.status, OPEN_STATUSES))).all();
    expect(annas.length).toBeGreaterThanOrEqual(3);
    s.db.update(leads).set({ status: 'accepted' }).where(eq(leads.id, annas[0].id)).run(); // accepted leads go too

    const mila = await cockpitSession(s, MILA);
    // Bram (who speaks Dutch, in Anna's team) is set inactive here: hand-overs honour it too.
    await mila.post('/app/team/bram/override', { inactive: 'on' });
    const before = s.sink.messages.length;
    const res = await mila.post('/app/team/anna/handoff', { markInactive: 'on' });
    expect(res.status).toBe(200);
    expect(pageText(await res.text())).toContain(`${annas.length} leads van Anna de Vries overgedragen.`);

    expect(s.db.select().from(leads).where(and(eq(leads.repId, 'anna'), inArray(leads.status, OPEN_STATUSES))).all()).toEqual([]);
    const moved = s.db.select().from(leads).where(inArray(leads.id, annas.map((l) => l.id))).all();
    for (const lead of moved) {
      expect(lead.status).toBe('assigned');
      expect(lead.repId).toBe('dewi'); // Anna had it, Bram inactive, Chris no Dutch: the fallback team
      const events = s.db.select().from(leadEvents).where(eq(leadEvents.leadId, lead.id)).all();
      expect(events.find((e) => e.type === 'handed-off')).toMatchObject({ repId: 'anna', detail: 'handed over from Anna de Vries by Mila Kok <mila@zeilmaker.example>' });
      expect(events.at(-1)).toMatchObject({ type: 'assigned', repId: lead.repId });
    }
    await s.jobs.drain();
    const newReps = new Set(moved.map((l) => s.config.reps.find((r) => r.id === l.repId)!.email));
    await s.sink.waitFor(before + moved.length);
    const to = s.sink.messages.slice(before).flatMap((m) => m.envelope.to);
    for (const address of newReps) expect(to.filter((a) => a === address).length).toBe(moved.filter((l) => s.config.reps.find((r) => r.id === l.repId)!.email === address).length);
    expect(s.db.select().from(repOverrides).where(eq(repOverrides.repId, 'anna')).get()).toMatchObject({ active: false, updatedBy: MILA });
    expect(s.db.select().from(auditLog).all().map((r) => [r.action, r.target, r.detail])).toEqual([
      ['rep-override', 'bram', JSON.stringify({ inactive: true, awayFrom: null, awayTo: null })],
      ['rep-override', 'anna', JSON.stringify({ inactive: true, awayFrom: null, awayTo: null })],
      ['rep-handoff', 'anna', JSON.stringify({ leads: annas.length, markInactive: true })],
    ]);
    // Inactive now: a new lead passes her by.
    const next = await s.submit({ contact: { email: 'q@new.example', company: 'New' } });
    expect(s.db.select().from(leads).where(eq(leads.id, next)).get()!.routingReason).toContain('Anna de Vries skipped: inactive');
  });
});
