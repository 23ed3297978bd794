import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, serversOfFile } from '../support/server-process';

// A production-like start (PUBLIC_URL set, DEV_PAGES unset) serves no development pages.

const { dir, servers } = serversOfFile('koers-dev-pages-');

describe('development pages in a production setup', () => {
  it('are off by default with PUBLIC_URL: no /demo, no /dev/mail, and the log says nobody can read the mail', async () => {
    const server = await startServer({ DATABASE_PATH: join(dir, 'prod.db'), PUBLIC_URL: 'https://koers.example.com' });
    servers.push(server);
    for (const path of ['/demo', '/demo/launcher', '/dev/mail', '/dev/mail/messages']) expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    expect(server.output()).toContain('DEV_PAGES=off');
    expect(server.output()).not.toContain('/demo');
  });

  it('are on with DEV_PAGES=on', async () => {
    const server = await startServer({ DATABASE_PATH: join(dir, 'on.db'), PUBLIC_URL: 'https://koers.example.com', DEV_PAGES: 'on' });
    servers.push(server);
    expect((await fetch(`${server.url}/demo`)).status).toBe(200);
    expect((await fetch(`${server.url}/dev/mail/messages`)).status).toBe(200);
  });
});
