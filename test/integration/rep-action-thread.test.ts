import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postLead, startServer, serversOfFile } from '../support/server-process';
import { until } from '../support/until';

// Security review 14: rep actions wrote on the main thread, so while another process held the
// write lock (an erase's VACUUM: 7 s) every HTTP request waited up to the busy timeout. They are
// written by the store thread now: the main thread only renders pages.

const { dir, servers } = serversOfFile('koers-rep-thread-');

describe('a rep action through the real server', () => {
  it('is written by the store thread: HTTP keeps answering while another process holds the write lock', async () => {
    const databasePath = join(dir, 'koers.db');
    const server = await startServer({ DATABASE_PATH: databasePath, ADMIN_TOKEN: 'admin-token-0123456789', MIN_FILL_SECONDS: '0' });
    servers.push(server);
    const res = await postLead(server);
    expect(res.status).toBe(201);
    const { leadId } = await res.json();

    // The rep's mail, from the development outbox; its accept link.
    let mails: { id: number; to: string }[] = [];
    await until(async () => {
      mails = await (await fetch(`${server.url}/dev/mail/messages`)).json();
      return mails.length === 2;
    });
    const repMail = await (await fetch(`${server.url}/dev/mail/messages/${mails.find((m) => m.to === 'anna@zeilmaker.example')!.id}`)).json();
    const accept = new URL(/^Accepteren: (http:\/\/\S+\/r\/[\w.-]+)$/m.exec(repMail.text)![1]).pathname;
    expect((await fetch(`${server.url}${accept}`)).status).toBe(200);

    // Another process takes the write lock, as `npm run erase` does for its VACUUM.
    const other = new Database(databasePath);
    other.exec('BEGIN IMMEDIATE');
    let acted = false;
    const action = fetch(`${server.url}${accept}`, { method: 'POST' }).then((r) => {
      acted = true;
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the POST reach the server
    // The main thread answers meanwhile: a page, the health check.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}${accept}`)).status).toBe(200);
    expect(acted).toBe(false); // still waiting for the lock, in the store thread
    other.exec('COMMIT');
    other.close();

    const done = await action;
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Geaccepteerd');
    const leads = await (await fetch(`${server.url}/api/v1/admin/leads`, { headers: { Authorization: 'Bearer admin-token-0123456789' } })).json();
    expect(leads.find((l: { id: string }) => l.id === leadId).status).toBe('accepted');
  });
});
