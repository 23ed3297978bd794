import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { testApp } from '../../test/support/test-app';
import { envSchema } from '../env';
import { ADMIN_GUESSES, sameSecret } from './admin-token';

// Security review 12: wrong admin tokens were not throttled, a weak ADMIN_TOKEN was accepted,
// and /dev/mail compared the token with ===.

const TOKEN = 'admin-token-0123456789';
let server: ServerType | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** The app over real HTTP behind a "proxy" on loopback, so X-Forwarded-For picks the client. */
function listen() {
  const t = testApp({ deps: { adminToken: TOKEN, devMail: true, protection: { perClientPerMinute: 0, perSitePerMinute: 0, trustedProxies: ['127.0.0.1'] } } });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  return new Promise<{ t: typeof t; get: (path: string, token: string, client: string) => Promise<Response> }>((resolve) =>
    server!.once('listening', () => {
      const { port } = server!.address() as AddressInfo;
      const get = (path: string, token: string, client: string) =>
        fetch(`http://127.0.0.1:${port}${path}`, { headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': client } });
      resolve({ t, get });
    }),
  );
}

describe('admin token', () => {
  it('throttles wrong tokens per client address: 429 with Retry-After, also for the right token, until the window ends', async () => {
    const { t, get } = await listen();
    for (let i = 0; i < ADMIN_GUESSES.limit; i++) expect((await get('/api/v1/admin/leads', `guess-${i}`, '203.0.113.9')).status).toBe(401);
    const locked = await get('/api/v1/admin/leads', TOKEN, '203.0.113.9');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await locked.json()).error.code).toBe('too_many_requests');
    // /dev/mail counts against the same guesses.
    expect((await get('/dev/mail/messages', 'another-guess', '203.0.113.9')).status).toBe(429);
    // Another address is not affected; the right token from it works.
    expect((await get('/api/v1/admin/leads', TOKEN, '198.51.100.7')).status).toBe(200);
    t.clock.advance(ADMIN_GUESSES.windowMs);
    expect((await get('/api/v1/admin/leads', TOKEN, '203.0.113.9')).status).toBe(200);
  });

  it('does not count the right token as a guess', async () => {
    const { get } = await listen();
    for (let i = 0; i < ADMIN_GUESSES.limit * 2; i++) expect((await get('/api/v1/admin/leads', TOKEN, '203.0.113.9')).status).toBe(200);
  });

  it('lets /dev/mail in with the admin token from elsewhere, compared as a secret', async () => {
    const { get } = await listen();
    expect((await get('/dev/mail/messages', TOKEN, '203.0.113.9')).status).toBe(200);
    expect((await get('/dev/mail/messages', `${TOKEN}x`, '203.0.113.9')).status).toBe(404);
    expect(sameSecret(TOKEN, TOKEN)).toBe(true);
    expect(sameSecret(TOKEN, TOKEN.slice(0, -1))).toBe(false);
  });

  it('refuses a short or easily guessed ADMIN_TOKEN at start, saying how to make one', () => {
    for (const weak of ['short-token', 'aaaaaaaaaaaaaaaa', '1234567890123456', 'abcdefghijklmnopqrstuvwxyz', 'Password1234567!']) {
      const parsed = envSchema.safeParse({ ADMIN_TOKEN: weak });
      expect(parsed.success, weak).toBe(false);
      expect(parsed.error!.issues[0]).toMatchObject({ path: ['ADMIN_TOKEN'], message: expect.stringContaining('openssl rand -base64 32') });
    }
    for (const strong of ['6K0S5+mJ/d1rqyF2ypg0HTB1HXb4qqCcQv6EVIdMbKI=', 'd31bea7bd01b39d8d1044d86bfc206d6', TOKEN]) {
      expect(envSchema.safeParse({ ADMIN_TOKEN: strong }).success, strong).toBe(true);
    }
  });
});
