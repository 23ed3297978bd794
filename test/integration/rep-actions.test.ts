import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leadEvents, leads } from '../../server/db/schema';
import { formToken } from '../../server/form/form-token';
import { signActionToken } from '../../server/security/action-links';
import { sign } from '../../server/security/signed-token';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// The rep's one-click links (issue 4), end to end: the mail over a real SMTP server, the link
// page over HTTP, the lead and its history in SQLite.

async function setup() {
  const t = await mailedLeads();
  const lead = (id: string) => t.db.select().from(leads).where(eq(leads.id, id)).get()!;
  const history = (id: string) =>
    t.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all().map((e) => [e.type, e.repId, e.detail]);
  const open = (href: string) => t.app.request(new URL(href).pathname);
  const confirm = (href: string, form: Record<string, string> = {}) =>
    t.app.request(new URL(href).pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  return { ...t, lead, history, open, confirm };
}

const mailTo = (messages: ReceivedMail[], address: string) => messages.filter((m) => m.envelope.to.includes(address)).at(-1)!;

/** The action links of a rep mail, by label, read from its text part. */
function linksOf(mail: ReceivedMail): Record<string, string> {
  const found = [...mail.parsed.text!.matchAll(/^(.+): (http:\/\/koers\.test\/r\/\S+)$/gm)];
  return Object.fromEntries(found.map((m) => [m[1], m[2]]));
}

describe('rep action links', () => {
  it('accept: the link shows the lead and a confirm button, and only the POST accepts', async () => {
    const s = await setup();
    const id = await s.submit({ contact: { name: 'Sanne <b>Visser</b>' } });
    const links = linksOf(mailTo(s.sink.messages, 'anna@zeilmaker.example'));
    expect(Object.keys(links)).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet']); // the fixture proposes another approach
    expect(mailTo(s.sink.messages, 'anna@zeilmaker.example').parsed.html).toContain(`href="${links.Accepteren}"`);

    const page = await s.open(links.Accepteren);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Deze lead accepteren?');
    expect(html).toContain('<form method="post">');
    expect(html).toContain('Sanne &lt;b&gt;Visser&lt;/b&gt;'); // escaped
    expect(html).toContain('Visser Logistiek');
    expect(html).not.toContain('<script');
    expect(page.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(s.lead(id).status).toBe('assigned'); // a mail scanner's prefetch changes nothing

    const done = await s.confirm(links.Accepteren);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Geaccepteerd.');
    expect(s.lead(id)).toMatchObject({ status: 'accepted', repId: 'anna' });
    expect(s.history(id)).toEqual([
      ['assigned', 'anna', expect.stringContaining('weighted round robin → Anna de Vries')],
      ['agreement', null, 'proposal'], // the fixture proposes another approach: the agreement's first turn
      ['accepted', 'anna', 'accepted via the link in the lead mail'],
    ]);

    // Replayed: nothing happens, and the page says so.
    const again = await s.confirm(links.Accepteren);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Je hebt deze lead al geaccepteerd. Er is niets veranderd.');
    expect(s.history(id)).toHaveLength(3);
  });

  it('pass on: the next rep by the same rules gets the lead, the promise and the links; the prospect learns the new name', async () => {
    const s = await setup();
    const id = await s.submit();
    const annas = linksOf(mailTo(s.sink.messages, 'anna@zeilmaker.example'));
    expect(await (await s.open(annas.Doorgeven)).text()).toContain('Deze lead doorgeven?');

    const done = await s.confirm(annas.Doorgeven, { reason: 'Te klein voor mijn regio' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Doorgegeven aan Bram Jansen.');
    expect(s.lead(id)).toMatchObject({ status: 'assigned', repId: 'bram', teamId: 'account-executives' });
    expect(s.history(id)).toEqual([
      ['assigned', 'anna', expect.any(String)],
      ['agreement', null, 'proposal'],
      ['passed-on', 'anna', 'Te klein voor mijn regio'],
      ['assigned', 'bram', expect.stringMatching(/Anna de Vries skipped: already had this lead/)],
    ]);

    await s.jobs.drain();
    await s.sink.waitFor(4);
    const bram = mailTo(s.sink.messages, 'bram@zeilmaker.example');
    expect(bram.parsed.text).toContain('Anna de Vries heeft deze lead aan jou doorgegeven: "Te klein voor mijn regio"');
    expect(bram.parsed.text).toContain(
      'Op 1 december 2026, 10:00 (tijd in Amsterdam) is de prospect beloofd: "Anna de Vries (Accountmanager) beantwoordt uw voorstel uiterlijk woensdag 2 december om 17:00 (tijd in Amsterdam), telefonisch.',
    );
    expect(Object.keys(linksOf(bram))).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet']); // the proposal is still open: the new rep answers it
    const prospect = mailTo(s.sink.messages, 'sanne@visser-logistiek.example');
    expect(prospect.parsed.subject).toBe('Uw contactpersoon bij Zeilmaker Software B.V.');
    expect(prospect.parsed.text).toContain('Bram Jansen behandelt uw aanvraag nu, in plaats van Anna de Vries.');
    // The same moment, the new name; and the link to their page.
    expect(prospect.parsed.text).toContain('Bram Jansen (Accountmanager) beantwoordt uw voorstel uiterlijk woensdag 2 december om 17:00 (tijd in Amsterdam).');
    expect(prospect.parsed.text).toMatch(/Uw pagina: .*: http:\/\/koers\.test\/p\//);
    expect(prospect.parsed.replyTo?.value[0].address).toBe('bram@zeilmaker.example');

    // Anna's links are outdated now; Bram's work.
    for (const href of Object.values(annas)) {
      const res = await s.confirm(href, { reason: 'x' });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('Deze lead ligt niet meer bij jou');
    }
    expect((await s.confirm(linksOf(bram).Accepteren)).status).toBe(200);
    expect(s.lead(id)).toMatchObject({ status: 'accepted', repId: 'bram' });
  });

  it('pass on never returns a lead to a rep who had it: team, fallback team, then unassigned to the vendor', async () => {
    const s = await setup();
    const id = await s.submit();
    const passOn = async (address: string) => {
      const links = linksOf(mailTo(s.sink.messages, address));
      const res = await s.confirm(links.Doorgeven ?? links['Pass on']);
      expect(res.status).toBe(200);
      const before = s.sink.messages.length;
      await s.jobs.drain();
      await s.sink.waitFor(before + 2);
    };
    await passOn('anna@zeilmaker.example');
    await passOn('bram@zeilmaker.example');
    // Chris speaks no Dutch: the lead skips him for the fallback team.
    expect(s.lead(id)).toMatchObject({ repId: 'dewi', teamId: 'inside-sales' });
    await passOn('dewi@zeilmaker.example');
    expect(s.lead(id)).toMatchObject({ status: 'unassigned', repId: null, teamId: 'account-executives' }); // the team it was meant for
    expect(s.history(id).map(([type, rep]) => `${type}:${rep}`)).toEqual([
      'assigned:anna', 'agreement:null', 'passed-on:anna', 'assigned:bram', 'passed-on:bram', 'assigned:dewi', 'passed-on:dewi', 'unassigned:null',
    ]);
    const vendor = mailTo(s.sink.messages, 'sales@zeilmaker.example');
    expect(vendor.parsed.subject).toMatch(/^Niet toegewezen lead: /);
    expect(vendor.parsed.text).toContain('Dewi Bakker heeft deze lead aan jou doorgegeven.');
    expect(linksOf(vendor)).toEqual({});
    const prospect = mailTo(s.sink.messages, 'sanne@visser-logistiek.example');
    expect(prospect.parsed.text).toContain('Ons team behandelt uw aanvraag nu, in plaats van Dewi Bakker.');
    expect(prospect.parsed.replyTo?.value[0].address).toBe('sales@zeilmaker.example');
  });

  it('not a fit: needs a reason, closes the lead, and then no link of it does anything', async () => {
    const s = await setup();
    const id = await s.submit();
    const links = linksOf(mailTo(s.sink.messages, 'anna@zeilmaker.example'));
    const page = await (await s.open(links['Past niet'])).text();
    expect(page).toContain('<textarea id="reason" name="reason" maxlength="500" required>');

    const empty = await s.confirm(links['Past niet'], { reason: '   ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Geef een reden op.');
    expect(s.lead(id).status).toBe('assigned');

    const done = await s.confirm(links['Past niet'], { reason: 'Student, geen bedrijf' });
    expect(done.status).toBe(200);
    expect(s.lead(id).status).toBe('not-a-fit');
    expect(s.history(id).at(-1)).toEqual(['not-a-fit', 'anna', 'Student, geen bedrijf']);

    for (const href of Object.values(links)) {
      const res = await s.confirm(href, { reason: 'again' });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('Deze lead is al gesloten.');
    }
    expect(s.history(id)).toHaveLength(3);
    expect(s.sink.messages).toHaveLength(2); // nobody else was mailed
  });

  it('refuses an expired link with 403 and changes nothing', async () => {
    const s = await setup();
    const id = await s.submit();
    const links = linksOf(mailTo(s.sink.messages, 'anna@zeilmaker.example'));
    s.clock.advance(14 * 24 * 60 * 60_000); // exactly 14 days: still valid
    expect((await s.open(links.Accepteren)).status).toBe(200);
    s.clock.advance(1);
    for (const res of [await s.open(links.Accepteren), await s.confirm(links.Accepteren)]) {
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('Deze link is verlopen');
    }
    expect(s.lead(id).status).toBe('assigned');
    expect(s.history(id)).toHaveLength(2); // assigned, and the proposal's turn
  });

  it('refuses altered, forged and foreign tokens with 403 and changes nothing', async () => {
    const s = await setup();
    const id = await s.submit();
    const href = linksOf(mailTo(s.sink.messages, 'anna@zeilmaker.example')).Accepteren;
    const token = href.slice(href.lastIndexOf('/') + 1);
    const [body, mac] = token.split('.');
    const payload = Buffer.from(body, 'base64url').toString();
    const swap = (c: string) => (c === 'A' ? 'B' : 'A');
    const claim = { action: 'accept' as const, leadId: id, repId: 'bram', issuedAt: s.clock.now(), expiresAt: s.clock.now() + 1e9 };
    const bad = [
      `${Buffer.from(payload.replace(':anna:', ':bram:')).toString('base64url')}.${mac}`, // other rep, old signature
      `${Buffer.from(payload.replace(/:\d+$/, ':99999999999999')).toString('base64url')}.${mac}`, // later expiry
      `${body}.${swap(mac[0])}${mac.slice(1)}`, // altered signature
      `${body}.${mac.slice(0, -2)}`, // truncated
      body,
      signActionToken(Buffer.alloc(32, 7), claim), // signed with another key
      formToken(s.deps.signingKey, 'zeilmaker-web', s.clock.now()), // genuine, but a form token
      sign(s.deps.signingKey, `rep-action:delete:${id}:anna:0:99999999999999`), // genuine key, unknown action
    ];
    for (const t of bad) {
      for (const res of [await s.app.request(`/r/${t}`), await s.app.request(`/r/${t}`, { method: 'POST' })]) {
        expect(res.status, t).toBe(403);
        expect(await res.text()).toContain('Deze link is niet geldig');
      }
    }
    expect(s.lead(id).status).toBe('assigned');
    expect(s.history(id)).toHaveLength(2); // assigned, and the proposal's turn
  });
});
