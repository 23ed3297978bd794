import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { addressHash } from '../../server/cockpit/data-writes';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// The cockpit's Data page (issue 11): the lead export as CSV for Dutch and English Excel (BOM,
// separator, RFC 4180 quoting, formulas defused, every field, spam only on its own, filters), one
// person's data as JSON and their erasure — managers only, each recorded in audit_log by a hash.

type S = Awaited<ReturnType<typeof mailedLeads>>;
const MANAGER = 'mila@zeilmaker.example';

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF rows, newlines inside quotes). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

async function withLeads() {
  const s = await mailedLeads();
  // A prospect with a proposal, formula-like texts and a phone number.
  const tricky = await s.submit({
    process: { accepted: false, deviation: 'We need a pilot; "first" please', changes: { steps: [{ id: 'discovery', change: 'skip' }, { id: 'intro', change: 'change', instead: 'A call with IT' }], added: ['A pilot'] } },
    contact: { name: '=HYPERLINK("http://evil.example","x")', email: 'Sanne@Visser-Logistiek.example', message: '@SUM(1+1)\nsecond line', phone: '+31 6 12345678' },
    context: { pageUrl: 'https://www.zeilmaker.example/contact', referrer: 'https://search.example/', utm: { source: 'newsletter', medium: 'email', campaign: 'spring', term: 'planning', content: 'banner' } },
  });
  const second = await s.submit({ process: { accepted: true }, contact: { email: 'sanne@visser-logistiek.example', company: 'Visser Logistiek' } });
  const other = await s.submit({ language: 'en', process: { accepted: true }, contact: { name: 'Piet Jansen', email: 'piet@jansen-bouw.example', company: 'Jansen Bouw' } });
  const spam = await s.post({ ...(await import('../support/fixtures')).submissionBody({ contact: { website: 'bot', email: 'bot@spam.example' } }) });
  expect(spam.status).toBe(201);
  return { s, tricky, second, other };
}

const audit = (s: S) => s.db.$client.prepare('select actor, action, target, detail from audit_log order by id').all() as { actor: string; action: string; target: string; detail: string }[];

describe('cockpit Data page', () => {
  it('is for managers only: a rep gets 404 on every route', async () => {
    const { s } = await withLeads();
    const rep = await cockpitSession(s, 'anna@zeilmaker.example');
    expect((await rep.get('/app/data')).status).toBe(404);
    expect((await rep.post('/app/data/leads.csv')).status).toBe(404);
    expect((await rep.post('/app/data/person', { email: 'sanne@visser-logistiek.example', action: 'export' })).status).toBe(404);
    expect((await rep.post('/app/data/erase', { email: 'sanne@visser-logistiek.example' })).status).toBe(404);
    expect(audit(s)).toEqual([]);
    const manager = await cockpitSession(s, MANAGER);
    const page = await manager.get('/app/data');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(gzipSync(html).length).toBeLessThan(50 * 1024); // the page with its CSS (inline) and no script
    const text = pageText(html);
    expect(text).toContain('Leads exporteren als CSV'); // Mila reads Dutch
    expect(text).toContain('Nu opgeslagen: 3 leads, plus 1 gemarkeerd als spam');
  });

  it('exports every field for Dutch Excel by default: BOM, ";", CRLF, quoted cells, formulas defused, spam left out', async () => {
    const { s, tricky, second, other } = await withLeads();
    const m = await cockpitSession(s, MANAGER);
    // Anna accepts the tricky lead: accepted_at comes from the history.
    const repAnna = s.db.$client.prepare('select rep_id from leads where id = ?').get(tricky) as { rep_id: string };
    s.db.$client
      .prepare("insert into lead_events (lead_id, at, type, rep_id, team_id, detail) values (?, ?, 'accepted', ?, null, '')")
      .run(tricky, Date.UTC(2026, 2, 10, 9, 30), repAnna.rep_id);
    s.db.$client.prepare("update leads set process_version = 'pv-0123' where id = ?").run(tricky);

    const res = await m.post('/app/data/leads.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="koers-leads-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').replace(/"[^"]*"/g, '')).toMatch(/^;*$/); // every cell quoted, ";" between them
    const rows = parseCsv(text, ';');
    const [header, ...data] = rows;
    for (const column of [
      'id', 'created_at_utc', 'accepted_at_utc', 'site', 'language', 'status', 'rep', 'team', 'routing_reason', 'score', 'tier', 'score_explanation',
      'no_decision_risk', 'name', 'email', 'phone', 'company', 'country', 'company_size', 'message', 'stage', 'budget', 'decision_process', 'timeline',
      'cost_of_inaction', 'roles', 'final_say', 'organisation_interest', 'personal_interest', 'process_accepted', 'process_choice', 'proposal', 'proposal_reason',
      'agreement_state', 'process_version', 'page_url', 'referrer', 'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content',
    ])
      expect(header).toContain(column);
    expect(data).toHaveLength(3); // no spam
    expect(data.map((r) => r[0]).sort()).toEqual([tricky, second, other].sort());
    const row = Object.fromEntries(header.map((h, i) => [h, data.find((r) => r[0] === tricky)![i]]));
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row.message).toBe("'@SUM(1+1)\nsecond line");
    expect(row.phone).toBe("'+31 6 12345678");
    expect(row.email).toBe('Sanne@Visser-Logistiek.example');
    expect(row.proposal).toBe('Verkenning: skip; Kennismaking: instead "A call with IT"; added: "A pilot"');
    expect(row.proposal_reason).toBe('We need a pilot; "first" please');
    expect(row.process_accepted).toBe('no');
    expect(row.agreement_state).toBe('proposed');
    expect(row.accepted_at_utc).toBe('2026-03-10 09:30:00');
    expect(row.created_at_utc).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect([row.utm_source, row.utm_medium, row.utm_campaign, row.utm_term, row.utm_content]).toEqual(['newsletter', 'email', 'spring', 'planning', 'banner']);
    expect(row.referrer).toBe('https://search.example');
    expect(row.roles).toBe('budget-holder (involved); procurement (involved); it (not involved)');
    expect(row.score_explanation).toMatch(/stage=comparing: \+\d+/);
    expect(row.routing_reason).not.toBe('');
    expect(row.rep).not.toBe('');
    expect(row.process_version).toBe('pv-0123');
    expect(row.team).not.toBe('');

    const entries = audit(s);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: MANAGER, action: 'csv-export' });
    expect(JSON.parse(entries[0].detail)).toEqual({ filters: {}, spam: false, separator: ';' });
  });

  it('exports for English Excel with ",", spam only on its own, and by the filters; an unknown filter is a 400 naming the allowed ones', async () => {
    const { s, other } = await withLeads();
    const m = await cockpitSession(s, MANAGER);
    const csv = async (fields: Record<string, string>) => {
      const res = await m.post('/app/data/leads.csv', fields);
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/^\uFEFF/, '');
      return parseCsv(text, fields.sep ?? ';');
    };
    const english = await csv({ sep: ',' });
    expect(english[0][0]).toBe('id');
    expect(english[0]).toContain('utm_source');
    expect(english).toHaveLength(4);
    const spam = await csv({ sep: ',', spam: '1' });
    expect(spam).toHaveLength(2);
    expect(spam[1][english[0].indexOf('status')]).toBe('spam');
    expect(spam[1][english[0].indexOf('email')]).toBe('bot@spam.example');
    const otherRep = (s.db.$client.prepare('select rep_id from leads where id = ?').get(other) as { rep_id: string }).rep_id;
    const byRep = await csv({ rep: otherRep });
    expect(byRep.slice(1).every((r) => r[byRep[0].indexOf('rep')] === otherRep)).toBe(true);
    expect(byRep.slice(1).map((r) => r[0])).toContain(other);
    expect(await csv({ source: 'nowhere' })).toHaveLength(1); // the header only

    const bad = await m.post('/app/data/leads.csv', { colour: 'red', status: 'spam' });
    expect(bad.status).toBe(400);
    const text = pageText(await bad.text());
    expect(text).toContain('„colour” is geen filter van deze lijst.');
    expect(text).toContain('Er is geen status „spam”.');
    expect((await m.get('/app/data?colour=red')).status).toBe(400);
    expect(audit(s).map((a) => a.action)).toEqual(['csv-export', 'csv-export', 'csv-export', 'csv-export']);
  });

  it('pages through the leads (keyset chunks): every lead once across chunk borders, one header, one BOM', async () => {
    const { s } = await withLeads();
    const columns = (s.db.$client.prepare('pragma table_info(leads)').all() as { name: string }[]).map((c) => c.name);
    const value = (c: string) => ({ id: `printf('copy-%06d', n)`, submission_id: `'copy-' || n`, created_at: 'created_at - (n % 7)' })[c] ?? c;
    s.db.$client.exec(`insert into leads (${columns.join(', ')})
      with recursive seq(n) as (select 1 union all select n + 1 from seq where n < 1234)
      select ${columns.map(value).join(', ')} from seq, (select * from leads where status <> 'spam' limit 1)`);
    const m = await cockpitSession(s, MANAGER);
    const res = await m.post('/app/data/leads.csv', { sep: ',' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.match(/\uFEFF/g)).toHaveLength(1);
    expect(text[0]).toBe('\uFEFF');
    const ids = parseCsv(text.slice(1), ',').slice(1).map((r) => r[0]);
    expect(ids).toHaveLength(3 + 1234);
    expect(new Set(ids).size).toBe(3 + 1234);
  });

  it('exports one person as JSON: their leads (any case of the address), history, agreement turns and outbox rows, nothing of others; recorded by a hash', async () => {
    const { s, tricky, second, other } = await withLeads();
    const m = await cockpitSession(s, MANAGER);
    const res = await m.post('/app/data/person', { email: ' SANNE@visser-logistiek.example ', action: 'export' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="koers-person.json"');
    const body = await res.json();
    expect(body.email).toBe('sanne@visser-logistiek.example');
    expect(body.leads.map((l: { id: string }) => l.id).sort()).toEqual([tricky, second].sort());
    const first = body.leads.find((l: { id: string }) => l.id === tricky);
    expect(first.phone).toBe('+31 6 12345678');
    expect(first.proposal.added).toEqual(['A pilot']);
    expect(first.utm.campaign).toBe('spring');
    const leadIds = new Set([tricky, second]);
    expect(body.history.length).toBeGreaterThanOrEqual(2);
    expect(body.history.every((e: { lead_id: string }) => leadIds.has(e.lead_id))).toBe(true);
    expect(body.agreementTurns.map((tu: { lead_id: string; kind: string }) => [tu.lead_id, tu.kind])).toEqual([[tricky, 'proposal']]);
    expect(body.outbox.length).toBeGreaterThanOrEqual(4); // each lead's rep and prospect mail
    expect(body.outbox.every((o: { lead_id: string }) => leadIds.has(o.lead_id))).toBe(true);
    const all = JSON.stringify(body);
    for (const notTheirs of [other, 'piet@jansen-bouw.example', 'Piet Jansen', 'Jansen Bouw', 'bot@spam.example']) expect(all).not.toContain(notTheirs);

    const entries = audit(s);
    expect(entries).toEqual([{ actor: MANAGER, action: 'person-export', target: addressHash('sanne@visser-logistiek.example'), detail: 'leads: 2' }]);
    expect(JSON.stringify(entries).toLowerCase()).not.toContain('sanne');
    // A bad address: the form again with the problem, nothing recorded.
    const bad = await m.post('/app/data/person', { email: 'not-an-address', action: 'export' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('aria-invalid="true"');
    expect(audit(s)).toHaveLength(1);
  });

  it('erases one person after a confirmation page, leaves others, and records it by a hash', async () => {
    const { s, other } = await withLeads();
    const m = await cockpitSession(s, MANAGER);
    const confirm = await m.post('/app/data/person', { email: 'sanne@visser-logistiek.example', action: 'erase' });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(pageText(html)).toContain('Dit wist alle 2 leads met dit adres');
    expect(html).toContain('action="/app/data/erase"');
    // Asking is not erasing.
    expect((s.db.$client.prepare('select count(*) as n from leads where lower(contact_email) = ?').get('sanne@visser-logistiek.example') as { n: number }).n).toBe(2);
    expect(audit(s)).toEqual([]);

    const done = await m.post('/app/data/erase', { email: 'sanne@visser-logistiek.example' });
    expect(done.status).toBe(200);
    expect(pageText(await done.text())).toContain('2 lead(s)');
    expect((s.db.$client.prepare('select count(*) as n from leads where lower(contact_email) = ?').get('sanne@visser-logistiek.example') as { n: number }).n).toBe(0);
    expect(s.db.$client.prepare('select id from leads where id = ?').get(other)).toBeDefined();
    const entries = audit(s);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: MANAGER, action: 'person-erase', target: addressHash('sanne@visser-logistiek.example') });
    expect(JSON.parse(entries[0].detail)).toMatchObject({ leads: 2 });
    expect(JSON.stringify(entries).toLowerCase()).not.toContain('sanne');
    const after = await (await m.post('/app/data/person', { email: 'sanne@visser-logistiek.example', action: 'export' })).json();
    expect(after.leads).toEqual([]);
  });
});
