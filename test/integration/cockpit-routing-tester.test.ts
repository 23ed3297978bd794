import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/open';
import { leads } from '../../server/db/schema';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// The routing tester (issue 11): answers or a visible lead → score, tier, rule, team, rep and why,
// as routing decides now — and nothing stored.

const salesReady = { stage: 'comparing', budget: 'approved', decisionProcess: 'roughly', timeline: '3m', role: ['budget-holder', 'procurement'], finalSay: 'committee', costOfInaction: '1', companySize: '50-249', country: 'NL', language: 'nl', emailDomain: 'newco.example' };
// A repeated parameter (role) as an array: the fixture's lead has two roles involved.
const query = (fields: Record<string, string | string[]>) =>
  `/app/routing-tester?${new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => [v].flat().map((x) => [k, x])))}`;
const field = (html: string, name: string) => pageText(new RegExp(`<dd data-${name}[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1] ?? '').trim();

/** Everything a test could store, as JSON. */
function snapshot(db: Db): string {
  const tables = ['leads', 'lead_events', 'routing_state', 'outbox', 'audit_log', 'rep_overrides', 'lead_rollup', 'rep_daily'];
  return JSON.stringify(tables.map((t) => db.$client.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

describe('cockpit routing tester', () => {
  it('names the rep the next real lead gets, with score, tier, rule and why, and stores nothing', async () => {
    const s = await mailedLeads();
    await s.submit(); // a round robin turn already taken
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    const before = snapshot(s.db);
    const res = await mila.get(query(salesReady));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(snapshot(s.db)).toBe(before); // twice, to be sure no turn was saved
    expect(snapshot(s.db)).toBe((await (await mila.get(query(salesReady))).text(), snapshot(s.db)));
    expect(field(html, 'tier')).toBe('Klaar voor sales');
    expect(field(html, 'rule')).toBe('Regel 1');
    expect(field(html, 'team')).toBe('Account executives');
    const predicted = field(html, 'rep');
    expect(pageText(html)).toContain('binnen het team was het jouw beurt'); // "Why you", in Mila's Dutch

    // The next real lead with these answers goes to the rep the tester named.
    const id = await s.submit({ contact: { email: 'ceo@newco.example', company: 'Newco' } });
    const lead = s.db.select().from(leads).where(eq(leads.id, id)).get()!;
    expect(s.config.reps.find((r) => r.id === lead.repId)!.name).toBe(predicted);
    expect(field(html, 'score')).toBe(String(lead.score));
  });

  it('honours a manager’s away and inactive, and explains the skipped reps in the viewer’s language', async () => {
    const s = await mailedLeads();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    await mila.post('/app/team/anna/override', { inactive: 'on' });
    await mila.post('/app/team/bram/override', { awayFrom: '2026-11-30', awayTo: '2026-12-02' });
    const html = await (await mila.get(query(salesReady))).text();
    expect(field(html, 'rep')).toBe('Dewi Bakker');
    expect(field(html, 'team')).toBe('Inside sales (vangnetteam)');
    const text = pageText(html);
    expect(text).toContain('Anna de Vries (neemt op dit moment geen leads aan)');
    expect(text).toContain('Bram Jansen (afwezig van 30 november 2026 tot en met 2 december 2026)');
  });

  it('takes a lead the viewer may see (a rep: their own), else 404; bad answers and unknown parameters are a 400', async () => {
    const s = await mailedLeads();
    const a = await s.submit({ contact: { email: 'a@one.example', company: 'One' } });
    const b = await s.submit({ contact: { email: 'b@two.example', company: 'Two' } });
    const rows = [a, b].map((id) => s.db.select().from(leads).where(eq(leads.id, id)).get()!);
    const own = rows.find((r) => r.repId === 'anna')!;
    const other = rows.find((r) => r.repId !== 'anna')!;
    const anna = await cockpitSession(s, 'anna@zeilmaker.example');
    const mine = await anna.get(`/app/routing-tester?lead=${own.id}`);
    expect(mine.status).toBe(200);
    const html = await mine.text();
    expect(field(html, 'score')).toBe(String(own.score));
    expect(html).toContain('value="comparing" selected');
    expect((await anna.get(`/app/routing-tester?lead=${other.id}`)).status).toBe(404);
    expect((await anna.get('/app/routing-tester?lead=no-such-lead')).status).toBe(404);

    const bad = await anna.get(query({ ...salesReady, stage: 'dreaming', emailDomain: '' }));
    expect(bad.status).toBe(400);
    const text = pageText(await bad.text());
    expect(text).toContain('„dreaming” is geen keuze.');
    expect(text).toContain('Kies een antwoord.');
    const unknown = await anna.get('/app/routing-tester?rep=anna');
    expect(unknown.status).toBe(400);
    expect(pageText(await unknown.text())).toContain('De tester kent rep niet.');
  });
});
