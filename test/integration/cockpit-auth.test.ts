import { describe, expect, it } from 'vitest';
import { mailedLeads } from '../support/mailed-leads';
import { signInLinks, sessions } from '../../server/db/schema';

// The cockpit's sign-in (issue 11): a link by mail through the outbox, the same answer for
// unknown addresses, single use, short-lived, sessions with idle and absolute expiry, CSRF on
// every POST, sign-out.

type S = Awaited<ReturnType<typeof mailedLeads>>;
const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
const cookieOf = (res: Response) => /koers_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

async function linkFor(s: S, email: string): Promise<string> {
  const before = s.sink.messages.length;
  const res = await s.app.request('/app/sign-in?lang=en', form({ email }));
  expect(res.status).toBe(200);
  await s.jobs.drain();
  await s.sink.waitFor(before + 1);
  const mail = s.sink.messages.at(-1)!;
  expect(mail.envelope.to).toEqual([email]);
  return /http:\/\/koers\.test(\/app\/sign-in\/[\w-]+)/.exec(mail.parsed.text!)![1];
}

async function signIn(s: S, email: string) {
  const path = await linkFor(s, email);
  const res = await s.app.request(path, { method: 'POST' });
  expect(res.status).toBe(303);
  const cookie = cookieOf(res)!;
  const page = await s.app.request('/app/inbox', { headers: { Cookie: `koers_session=${cookie}` } });
  return { cookie, path, page };
}

describe('cockpit sign-in', () => {
  it('without a session every page sends you to the sign-in page', async () => {
    const s = await mailedLeads();
    for (const path of ['/app', '/app/inbox', '/app/leads/x', '/app/nothing-here']) {
      const res = await s.app.request(path);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/app/sign-in');
    }
    const page = await s.app.request('/app/sign-in');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Zakelijk e-mailadres');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('answers the same for an unknown address and mails nobody; a known one gets a link that signs in once', async () => {
    const s = await mailedLeads();
    const unknown = await s.app.request('/app/sign-in?lang=en', form({ email: 'stranger@example.org' }));
    const known = await s.app.request('/app/sign-in?lang=en', form({ email: 'anna@zeilmaker.example' }));
    expect(await unknown.text()).toBe(await known.text());
    await s.jobs.drain();
    await s.sink.waitFor(1);
    expect(s.sink.messages.map((m) => m.envelope.to)).toEqual([['anna@zeilmaker.example']]);
    const mail = s.sink.messages[0].parsed;
    expect(mail.subject).toBe('Uw aanmeldlink voor de salescockpit van Zeilmaker Software B.V.'); // Anna reads Dutch

    const path = /http:\/\/koers\.test(\/app\/sign-in\/[\w-]+)/.exec(mail.text!)![1];
    expect((await s.app.request(path)).status).toBe(200); // a scanner's GET uses nothing
    const used = await s.app.request(path, { method: 'POST' });
    expect(used.status).toBe(303);
    const cookie = used.headers.get('set-cookie')!;
    expect(cookie).toMatch(/koers_session=[\w-]{43}; Max-Age=604800; Path=\/app; HttpOnly; SameSite=Lax/);
    expect(cookie).not.toContain('Secure'); // PUBLIC_URL is http here
    const again = await s.app.request(path, { method: 'POST' });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Deze link is al gebruikt');
    // Only hashes are stored.
    expect(JSON.stringify(s.db.select().from(signInLinks).all())).not.toContain(path.split('/').at(-1));
    expect(JSON.stringify(s.db.select().from(sessions).all())).not.toContain(cookieOf(used));
  });

  it('an expired link is a clear page; a made-up one too', async () => {
    const s = await mailedLeads();
    const path = await linkFor(s, 'mila@zeilmaker.example');
    s.clock.advance(16 * 60_000);
    const res = await s.app.request(path, { method: 'POST' });
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('Deze link is verlopen');
    expect((await s.app.request('/app/sign-in/made-up-token', { method: 'POST' })).status).toBe(404);
  });

  it('sessions end after the idle time and after the absolute time', async () => {
    const s = await mailedLeads();
    const idle = await signIn(s, 'mila@zeilmaker.example');
    expect(idle.page.status).not.toBe(303);
    s.clock.advance(8 * 60 * 60_000 + 1);
    expect((await s.app.request('/app/inbox', { headers: { Cookie: `koers_session=${idle.cookie}` } })).status).toBe(303);

    const busy = await signIn(s, 'mila@zeilmaker.example');
    for (let h = 0; h < 7 * 24; h += 4) {
      s.clock.advance(4 * 60 * 60_000);
      const res = await s.app.request('/app/inbox', { headers: { Cookie: `koers_session=${busy.cookie}` } });
      if (h + 4 >= 7 * 24) expect(res.status).toBe(303); // seven days after sign-in, active or not
      else expect(res.status).not.toBe(303);
    }
  });

  it('a POST without the CSRF token is refused with 403; sign-out with it ends the session', async () => {
    const s = await mailedLeads();
    const { cookie, page } = await signIn(s, 'mila@zeilmaker.example');
    const html = await page.text();
    const csrf = csrfOf(html)!;
    expect(csrf).toBeTruthy();
    const headers = { Cookie: `koers_session=${cookie}`, 'Content-Type': 'application/x-www-form-urlencoded' };
    const forged = await s.app.request('/app/sign-out', { method: 'POST', headers, body: 'csrf=wrong' });
    expect(forged.status).toBe(403);
    expect((await s.app.request('/app/sign-out', { method: 'POST', headers, body: '' })).status).toBe(403);
    const out = await s.app.request('/app/sign-out', { method: 'POST', headers, body: `csrf=${csrf}` });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/koers_session=;/);
    expect((await s.app.request('/app/inbox', { headers: { Cookie: `koers_session=${cookie}` } })).status).toBe(303);
  });

  it('limits link requests per address', async () => {
    const s = await mailedLeads();
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await s.app.request('/app/sign-in', form({ email: 'anna@zeilmaker.example' }))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});
