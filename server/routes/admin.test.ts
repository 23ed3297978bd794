import { describe, expect, it } from 'vitest';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { csvCell } from './leads-csv';

const auth = { headers: { Authorization: 'Bearer admin-token-0123456789' } };

describe('admin API', () => {
  it('is not there without ADMIN_TOKEN and refuses a wrong token', async () => {
    expect((await testApp().app.request('/api/v1/admin/leads', auth)).status).toBe(404);
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    expect((await t.app.request('/api/v1/admin/leads', { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('lists the newest leads and exports them as CSV a spreadsheet cannot be tricked by', async () => {
    const t = testApp({ deps: { adminToken: 'admin-token-0123456789' } });
    await t.post(submissionBody({ contact: { name: '=HYPERLINK("http://evil.example")', company: 'Visser, "Logistiek"' } }));
    t.clock.advance(1000);
    await t.post(submissionBody({ contact: { website: 'bot' } }));
    const list = await (await t.app.request('/api/v1/admin/leads', auth)).json();
    expect(list.map((l: { status: string }) => l.status)).toEqual(['spam', 'assigned']);
    expect(list[0].response).toBeUndefined();

    const res = await t.app.request('/api/v1/admin/leads.csv', auth);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(2); // header + the person; spam only with ?spam=1
    expect(lines[0].split(',').slice(0, 5)).toEqual(['"created_at"', '"site"', '"status"', '"tier"', '"score"']);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(lines[1]).toContain('"Visser, ""Logistiek"""');
    expect((await (await t.app.request('/api/v1/admin/leads.csv?spam=1', auth)).text()).trim().split('\r\n')).toHaveLength(3);
  });

  it('quotes every cell, so a semicolon locale cannot split one into a formula', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('a;=1+1')).toBe('"a;=1+1"');
    expect(csvCell(-5)).toBe('"-5"'); // a score is a number, not a formula
    expect(csvCell(null)).toBe('""');
  });

  it('defuses formulas, also behind leading spaces', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}cmd|' /C calc'!A0`)).toBe(`"'${start}cmd|' /C calc'!A0"`);
      expect(csvCell(`   ${start}1+1`)).toBe(`"'   ${start}1+1"`);
    }
    expect(csvCell('a=b')).toBe('"a=b"');
  });
});
