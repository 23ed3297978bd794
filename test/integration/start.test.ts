import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleConfigJson } from '../support/fixtures';
import { freePort, postLead, spawnServer, startServer, serversOfFile } from '../support/server-process';
import { until } from '../support/until';

const { dir, servers } = serversOfFile('koers-start-');

describe('starting the server', () => {
  it('refuses a bad config with exit 1 and one line per problem, naming its path', async () => {
    const config = exampleConfigJson();
    config.routing.rules[1].team = 'sales';
    config.teams[0].reps.push('zoe');
    (config.vendor as any).privacyUrl = 'nope';
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify(config));
    const server = spawnServer({ KOERS_CONFIG: path, DATABASE_PATH: join(dir, 'bad.db') }, await freePort());
    expect(await server.exited).toBe(1);
    // Structure and references in the same pass, each saying what would be right.
    const lines = server.output().trim().split('\n');
    expect(lines).toContain('vendor.privacyUrl: expected a URL like "https://www.example.com", got "nope"');
    expect(lines).toContain('routing.rules[1].team: no team "sales"; teams are: account-executives, inside-sales');
    expect(lines).toContain('teams[0].reps[3]: no rep "zoe"; reps are: anna, bram, chris, dewi');
  });

  it('starts on the bundled example, says mail is not delivered, and shows it at /dev/mail to this machine only', async () => {
    const server = await startServer({
      DATABASE_PATH: join(dir, 'dev', 'koers.db'),
      ADMIN_TOKEN: 'admin-token-0123456789',
      MIN_FILL_SECONDS: '0',
    });
    servers.push(server);
    expect(server.output()).toMatch(/Mail is NOT being delivered \(no SMTP_URL\)/);

    const res = await postLead(server);
    expect(res.status).toBe(201);
    let list: { subject: string; to: string }[] = [];
    await until(async () => {
      list = await (await fetch(`${server.url}/dev/mail/messages`)).json();
      return list.length === 2;
    });
    expect(list.map((m) => m.to).sort()).toEqual(['anna@zeilmaker.example', 'sanne@visser-logistiek.example']);
    const page = await (await fetch(`${server.url}/dev/mail`)).text();
    expect(page).toContain('Mail is not being delivered');

    // Relayed by a proxy = not this machine; the admin token opens it anyway.
    const proxied = await fetch(`${server.url}/dev/mail/messages`, { headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(proxied.status).toBe(404);
    const admin = await fetch(`${server.url}/dev/mail/messages`, {
      headers: { 'X-Forwarded-For': '203.0.113.9', Authorization: 'Bearer admin-token-0123456789' },
    });
    expect(admin.status).toBe(200);
  });
});
