import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../../server/db/schema';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// The pipeline (issue 11): tier × status, stage with no-decision risk, stages per week — from the
// rollup for a manager, from their own leads for a rep; spam apart; filters checked.

const WEEK = 7 * 86_400_000;
const risky = { stage: 'exploring', budget: 'none', decisionProcess: 'unclear', timeline: 'none', costOfInaction: undefined };
const cell = (html: string, table: string, row: string) =>
  pageText(new RegExp(`<table data-table="${table}">[\\s\\S]*?<tr data-[a-z]+="${row}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '')
    .trim()
    .split(' ');
const dd = (html: string, name: string) => pageText(new RegExp(`<dd data-${name}[^>]*>([\\s\\S]*?)</dd>`).exec(html)?.[1] ?? '').trim();

async function seed() {
  const s = await mailedLeads();
  let n = 0;
  const submit = (answers: Record<string, unknown> = {}) => s.submit({ answers, contact: { email: `p${n}@firm${n}.example`, company: `Firm ${n++}` } });
  // Week 1 (Monday 30 November 2026): three comparing, one exploring at risk; week 2: two more.
  for (let i = 0; i < 3; i++) await submit();
  await submit(risky);
  s.clock.advance(WEEK);
  await submit(risky);
  const spam = await submit({ stage: 'deciding' });
  s.db.update(leads).set({ status: 'spam', repId: null }).where(eq(leads.id, spam)).run();
  return s;
}

describe('cockpit pipeline', () => {
  it('shows a manager every lead by tier × status, by stage with risk and per week, as the database holds them; spam apart', async () => {
    const s = await seed();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    const res = await mila.get('/app/pipeline');
    expect(res.status).toBe(200);
    const html = await res.text();
    const count = (where: string) => (s.db.$client.prepare(`SELECT count(*) n FROM leads WHERE ${where}`).get() as { n: number }).n;
    expect(dd(html, 'total')).toBe(String(count("status != 'spam'")));
    expect(dd(html, 'spam')).toBe('1');
    const risk = count("status != 'spam' AND no_decision_risk = 1");
    expect(risk).toBe(2);
    expect(dd(html, 'risk')).toBe(`${risk} (${Math.round((risk / 5) * 100)}%)`);
    // Tier rows: count per status column, total, share with risk.
    for (const tier of ['sales-ready', 'qualifying', 'information-gathering']) {
      const total = count(`status != 'spam' AND tier = '${tier}'`);
      if (total === 0) continue;
      const row = cell(html, 'tier-status', tier);
      expect(Number(row.at(-2))).toBe(total);
    }
    expect(cell(html, 'stage', 'comparing')).toEqual(['We', 'vergelijken', 'leveranciers', '3', '0', '0%']);
    expect(cell(html, 'stage', 'exploring').slice(-3)).toEqual(['2', '2', '100%']);
    expect(html).not.toContain('data-stage="deciding"'); // only spam declared it
    expect(cell(html, 'weeks', '2026-11-30').slice(-3)).toEqual(['1', '3', '4']); // exploring, comparing, total
    expect(cell(html, 'weeks', '2026-12-07').slice(-3)).toEqual(['1', '0', '1']);
    // Accessible charts: an image with a title and a description.
    expect(html).toMatch(/<svg role="img" aria-labelledby="chart-tier-status-title chart-tier-status-desc"/);
  });

  it('filters by stage and by week; a rep sees only their own leads', async () => {
    const s = await seed();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    expect(dd(await (await mila.get('/app/pipeline?stage=exploring')).text(), 'total')).toBe('2');
    // A date stands for its week: Wednesday 9 December is the week of 7 December.
    const week2 = await (await mila.get('/app/pipeline?from=2026-12-09&to=2026-12-09')).text();
    expect(dd(week2, 'total')).toBe('1');
    expect(week2).not.toContain('data-week="2026-11-30"');

    const anna = await cockpitSession(s, 'anna@zeilmaker.example');
    const own = s.db.select().from(leads).where(eq(leads.repId, 'anna')).all();
    expect(own.length).toBeGreaterThan(0);
    const html = await (await anna.get('/app/pipeline')).text();
    expect(dd(html, 'total')).toBe(String(own.length));
    expect(html).not.toContain('data-spam');
    expect(dd(await (await anna.get('/app/pipeline?stage=exploring')).text(), 'total')).toBe(String(own.filter((l) => l.stage === 'exploring').length));
  });

  it('an unknown filter or value is a 400 that names the allowed ones', async () => {
    const s = await mailedLeads();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    for (const [q, says] of [
      ['rep=anna', '„rep” is geen filter van deze lijst.'],
      ['stage=dreaming', 'Er is geen stage „dreaming”.'],
      ['site=nope', 'Er is geen site „nope”.'],
      ['from=2026-13-01', '„2026-13-01” is geen datum'],
    ]) {
      const res = await mila.get(`/app/pipeline?${q}`);
      expect(res.status, q).toBe(400);
      expect(pageText(await res.text())).toContain(says);
    }
  });
});
