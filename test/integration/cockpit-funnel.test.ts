import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { openDatabase } from '../../server/db/open';
import { funnelCounter } from '../../server/funnel/counter';
import { anonymousReason } from '../../server/funnel/report';
import { inProcessWriter } from '../../server/threads/writes';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import { ORIGIN } from '../support/test-app';

// The cockpit's Funnel page (issue 11): the widget's events as counted by the endpoint, per site,
// language and week, with drop-off; the process agreement of the period's leads: accepted as is,
// challenged steps, anonymised reasons. Managers only; unknown settings are a 400.

const NOW = Date.UTC(2026, 2, 11, 10, 0); // a Wednesday

async function setup() {
  const db = openDatabase(':memory:');
  const clock = manualClock(NOW);
  const config = exampleConfig();
  const funnel = funnelCounter({ clock, write: (rows) => inProcessWriter({ db, config, clock })('funnel-counts', { rows }) });
  const s = await mailedLeads({ db, clock, config, deps: { funnel } });
  const event = async (e: string | number, l: string) => {
    const res = await s.app.request('/api/v1/sites/zeilmaker-web/events', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: ORIGIN }, body: JSON.stringify({ e, l }) });
    expect(res.status).toBe(204);
  };
  return { s, funnel, event, clock };
}

describe('cockpit Funnel page', () => {
  it('shows the widget funnel from the counted events: per stage with share and drop-off, per week, per language', async () => {
    const { s, funnel, event, clock } = await setup();
    // This week in Dutch: 4 shown, 3 opened, 3 → 2 → 2 → 1 → 1 screens, 1 sent; in English 2 shown.
    for (const [e, n] of [['s', 4], ['o', 3], [1, 3], [2, 2], [3, 2], [4, 1], [5, 1], ['d', 1]] as const) for (let i = 0; i < n; i++) await event(e, 'nl');
    await event('s', 'en');
    await event('s', 'en');
    // Last week: one more shown.
    clock.set(NOW - 7 * 86_400_000);
    await event('s', 'nl');
    clock.set(NOW);
    await funnel.flush();

    const m = await cockpitSession(s, 'mila@zeilmaker.example');
    const res = await m.get('/app/funnel?site=zeilmaker-web&lang=nl&weeks=4');
    expect(res.status).toBe(200);
    const html = await res.text();
    const text = pageText(html);
    expect(text).toContain('Van widget tot lead');
    expect(text).toContain('Widget getoond 5 100 % –');
    expect(text).toContain('Geopend 3 60 % 40 %');
    expect(text).toContain('Scherm 2: waar u staat 2 40 % 33 %');
    expect(text).toContain('Verstuurd 1 20 % 0 %');
    expect(html).toMatch(/<svg class="bars"[^>]*role="img"/);
    expect(gzipSync(html).length).toBeLessThan(50 * 1024); // the page with its CSS (inline) and no script
    // Per week, newest first: this week (Monday 9 March) and the one before.
    expect(text).toContain('2026-03-09 4 3 3 2 2 1 1 1');
    expect(text).toContain('2026-03-02 1 0 0 0 0 0 0 0');
    // Every language: the English views count too.
    expect(pageText(await (await m.get('/app/funnel?weeks=4')).text())).toContain('Widget getoond 7 100 %');
    expect(pageText(await (await m.get('/app/funnel?lang=en')).text())).toContain('Widget getoond 2 100 %');
  });

  it('shows how often the process is accepted, which steps are challenged and the reasons, without names, companies, addresses or numbers', async () => {
    const { s } = await setup();
    await s.submit({ process: { accepted: true } });
    await s.submit({
      process: {
        accepted: false,
        deviation: 'Sanne Visser here: Visser Logistiek needs a pilot <script>alert(1)</script>; mail sanne@visser-logistiek.example or call +31 6 12345678',
        changes: { steps: [{ id: 'discovery', change: 'skip' }], added: ['A pilot'] },
      },
    });
    await s.submit({
      process: { accepted: false, deviation: 'No workshop, a call is enough', changes: { steps: [{ id: 'discovery', change: 'change', instead: 'A call' }, { id: 'intro', change: 'skip' }] } },
      contact: { name: 'Piet Jansen', email: 'piet@jansen.example', company: 'Jansen Bouw' },
    });
    const m = await cockpitSession(s, 'mila@zeilmaker.example');
    const html = await (await m.get('/app/funnel')).text();
    const text = pageText(html);
    expect(text).toContain('Uit de 3 leads van deze periode (zonder spam).');
    expect(text).toContain('1 van de 3 (33 %) accepteerden het proces zoals het is.');
    expect(text).toContain('Voorstel wacht op de verkoper 2');
    expect(text).toContain('Verkenning 1 1'); // discovery: once left out, once done differently
    expect(text).toContain('Kennismaking 1 0');
    expect(text).toContain('1 voorstel(len) voegde(n) een eigen stap toe.');
    expect(text).toContain('No workshop, a call is enough');
    expect(text).toContain('needs a pilot');
    for (const personal of ['Sanne', 'Visser', 'sanne@', '12345678', 'Piet', 'Jansen']) expect(text).not.toContain(personal);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('anonymises a reason: the name and its parts, the company, addresses and numbers', () => {
    expect(anonymousReason('I am Sanne Visser of Visser Logistiek B.V.; sanne@x.example, 020-1234567. Sanne.', { name: 'Sanne Visser', company: 'Visser Logistiek B.V.' })).toBe(
      'I am […] of […]; […], […]. […].',
    );
  });

  it('is for managers only, and names the allowed settings of an unknown one (400)', async () => {
    const { s } = await setup();
    const rep = await cockpitSession(s, 'anna@zeilmaker.example');
    expect((await rep.get('/app/funnel')).status).toBe(404);
    const m = await cockpitSession(s, 'mila@zeilmaker.example');
    const unknown = await m.get('/app/funnel?colour=red');
    expect(unknown.status).toBe(400);
    expect(pageText(await unknown.text())).toContain('„colour” is geen instelling van deze pagina; ze kent: site, lang, weeks.');
    const badValue = await m.get('/app/funnel?weeks=5&lang=de');
    expect(badValue.status).toBe(400);
    const text = pageText(await badValue.text());
    expect(text).toContain('„5” is geen geldige weeks; kies uit: 4, 8, 12, 26.');
    expect(text).toContain('„de” is geen geldige lang; kies uit: nl, en.');
    expect((await m.get('/app/funnel?site=elders')).status).toBe(400);
  });
});
