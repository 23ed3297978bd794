import { expect } from 'vitest';
import type { mailedLeads } from './mailed-leads';

// Signs in to the cockpit over HTTP as a test does it (test/integration/cockpit-auth.test.ts): ask
// for a link, take it from the SMTP sink's mail, POST it, keep the cookie; `get` and `post` carry
// the cookie, `post` also the session's CSRF token (read from a page's sign-out form).

type S = Awaited<ReturnType<typeof mailedLeads>>;

export async function cockpitSession(s: S, email: string) {
  const before = s.sink.messages.length;
  const ask = await s.app.request('/app/sign-in?lang=en', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
  });
  expect(ask.status).toBe(200);
  await s.jobs.drain();
  await s.sink.waitFor(before + 1);
  const mail = s.sink.messages.findLast((m) => m.envelope.to.includes(email))!;
  const path = /http:\/\/koers\.test(\/app\/sign-in\/[\w-]+)/.exec(mail.parsed.text!)![1];
  const signedIn = await s.app.request(path, { method: 'POST' });
  expect(signedIn.status).toBe(303);
  const cookie = /koers_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')![1];
  const headers = { Cookie: `koers_session=${cookie}` };
  const get = (p: string) => s.app.request(p, { headers });
  const first = await (await get('/app/nothing-here')).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(first)![1];
  const post = (p: string, fields: Record<string, string> = {}) =>
    s.app.request(p, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, ...fields }).toString(),
    });
  return { cookie, csrf, get, post };
}

/** The text of an HTML page without tags (for "the page says …" checks). */
export const pageText = (html: string) =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
