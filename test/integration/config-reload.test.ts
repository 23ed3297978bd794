import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfigJson, submissionBody } from '../support/fixtures';
import { startServer, serversOfFile } from '../support/server-process';
import { until } from '../support/until';

// SIGHUP reloads the vendor config of a running server: checked first, then swapped in for the
// HTTP app (main thread) and for storing leads (store thread); a broken file changes nothing.

const { dir, servers } = serversOfFile('koers-reload-');

describe('reloading the config on SIGHUP', () => {
  it('takes a sound config in both threads, and keeps the running one when the new one is broken', async () => {
    const path = join(dir, 'koers.json');
    const config = exampleConfigJson();
    config.routing.rules.push({ when: { country: 'BE' }, team: 'account-executives' });
    writeFileSync(path, JSON.stringify(config, null, 2));
    const server = await startServer({ KOERS_CONFIG: path, DATABASE_PATH: join(dir, 'koers.db'), MIN_FILL_SECONDS: '0' });
    servers.push(server);
    const form = (site: string) => fetch(`${server.url}/api/v1/sites/${site}/form?lang=en`);
    const logged = (text: string, times = 1) =>
      until(() => server.output().split(text).length - 1 >= times, 10_000, `the log to say "${text}"`);
    expect((await form('harbour-web')).status).toBe(404);
    // Routing gaps are warned about at start.
    expect(server.output()).toContain(
      'warn routing.rules[2] (team "account-executives") tests country, which a prospect may leave empty: it can never match a lead without it; such a lead goes to routing.rules[0] (team "account-executives") or routing.rules[1] (team "inside-sales")',
    );

    // A new site, and sales-ready leads to a new team of one new rep.
    config.sites.push({ key: 'harbour-web', origins: ['https://harbour.example'], languages: ['en'], defaultLanguage: 'en' });
    config.reps.push({ id: 'eva', name: 'Eva Haven', email: 'eva@zeilmaker.example', languages: ['en'] });
    config.teams.push({ id: 'harbour', name: 'Harbour', reps: ['eva'] });
    config.routing.rules[0].team = 'harbour';
    writeFileSync(path, JSON.stringify(config, null, 2));
    server.proc.kill('SIGHUP');
    await logged('Config reloaded from');
    expect(server.output()).toMatch(/Config reloaded from .*: 2 sites \(zeilmaker-web, harbour-web\), 5 reps, 3 teams, 3 routing rules; changed: sites, reps, teams, routing/);

    const formRes = await form('harbour-web');
    expect(formRes.status).toBe(200);
    const { formToken } = await formRes.json();
    // The store thread routes by the new config too: this sales-ready lead goes to Eva.
    const body = submissionBody({ language: 'en' } as never);
    const lead = await fetch(`${server.url}/api/v1/sites/harbour-web/leads`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...body, formToken }),
    });
    expect(lead.status).toBe(201);
    const stored = await lead.json();
    expect(stored.rep).toEqual({ name: 'Eva Haven' });

    // Broken: invalid JSON is logged with line and column, the running config stays.
    writeFileSync(path, '{\n  "vendor": {,\n}');
    server.proc.kill('SIGHUP');
    await logged('Config NOT reloaded');
    expect(server.output()).toMatch(/koers\.json:2:14: not valid JSON/);

    // Broken: every problem is logged; the running config (with harbour-web) stays.
    config.routing.fallbackTeam = 'nobody';
    config.vendor.replyTo = 'sales';
    config.sites = config.sites.filter((s: { key: string }) => s.key !== 'harbour-web');
    writeFileSync(path, JSON.stringify(config, null, 2));
    server.proc.kill('SIGHUP');
    await logged('Config NOT reloaded', 2);
    expect(server.output()).toContain('has 2 problem(s); the running config stays');
    expect(server.output()).toContain('routing.fallbackTeam: no team "nobody"; teams are: account-executives, inside-sales, harbour');
    expect(server.output()).toContain('vendor.replyTo: expected an email address like "sales@example.com", got "sales"');
    expect((await form('harbour-web')).status).toBe(200);
    expect(server.proc.exitCode).toBeNull();
  }, 90_000);
});
