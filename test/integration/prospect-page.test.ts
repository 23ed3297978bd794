import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ProcessChanges } from '../../shared/agreement';
import { recordTurn, turnsOf } from '../../server/agreement/turns';
import { manualClock } from '../../server/clock';
import { agreementTurns, leadEvents, leads, outbox } from '../../server/db/schema';
import { repActionLinks } from '../../server/security/action-links';
import { prospectPageLinks, PROSPECT_LINK_TTL_MS } from '../../server/security/prospect-links';
import { runWrite } from '../../server/threads/writes';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// Issue 10 part 4: the prospect's own page at /p/{token}, over HTTP, with the writes in SQLite and
// the rep's mails over real SMTP. Example config: Amsterdam time, the working day ends at 17:00,
// sales-ready leads get contact within 1 working day, qualifying within 3; Anna calls (phone),
// Dewi mails; the "proposal" step is fixed.

const TUESDAY_10 = Date.parse('2026-01-13T09:00:00Z'); // Tuesday 13 January 2026, 10:00 in Amsterdam
const ADMIN_TOKEN = 'pX7v2Qm9Lr4Tz8Wk1Ns6Hd3Jf5Bc0Ya';

/** A lead that starts information-gathering (25 points): Dewi's, in Dutch. */
const SLOW = {
  process: { accepted: true },
  answers: { stage: 'defining', budget: 'pending', decisionProcess: 'roughly', timeline: '6m', costOfInaction: '' },
  stakeholders: { roles: [], finalSay: 'someone-else' },
};

async function setup(edit?: (c: any) => void) {
  const config = exampleConfig((c) => {
    c.routing.acceptWithinMinutes = { 'sales-ready': 240, qualifying: 1440, 'information-gathering': 2880 };
    edit?.(c);
  });
  const t = await mailedLeads({ config, clock: manualClock(TUESDAY_10), deps: { adminToken: ADMIN_TOKEN } });
  const links = prospectPageLinks(t.deps);
  const page = (leadId: string, epoch = 0) => new URL(links(leadId, epoch)).pathname;
  const lead = (id: string) => t.db.select().from(leads).where(eq(leads.id, id)).get()!;
  const history = (id: string) => t.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all();
  const types = (id: string) => history(id).map((e) => e.type);
  const post = (path: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
    if (!('requestKey' in fields)) body.append('requestKey', randomUUID());
    return t.app.request(path, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  };
  /** Runs the jobs and answers the mails that arrived since `before`. */
  const sent = async (before: number, count: number): Promise<ReceivedMail[]> => {
    await t.jobs.drain();
    await t.sink.waitFor(before + count);
    return t.sink.messages.slice(before);
  };
  /** A counter-proposal of Anna's, written as the rep's answer write would. */
  const counter = (leadId: string, changes: ProcessChanges = { steps: [{ id: 'discovery', change: 'change', instead: 'Een call van een uur met onze IT' }], added: [] }) => {
    const id = recordTurn(t.db, { leadId, at: t.clock.now(), by: 'rep', kind: 'counter', repId: 'anna', changes, text: 'Laten we klein beginnen.' });
    t.db.update(leads).set({ agreementState: 'countered' }).where(eq(leads.id, leadId)).run();
    return id;
  };
  const snapshot = (id: string) => ({ lead: lead(id), history: history(id).length, turns: turnsOf(t.db, id).length, jobs: t.db.select().from(outbox).all().length });
  return { ...t, page, lead, history, types, post, sent, counter, snapshot };
}

describe('the prospect page link', () => {
  it('a forged or altered token: 403 in both languages with the vendor address; nothing changes', async () => {
    const s = await setup();
    const id = await s.submit();
    const before = s.snapshot(id);
    const path = s.page(id);
    const token = path.slice('/p/'.length);
    const altered = `/p/${token.slice(0, -2)}${token.at(-2) === 'A' ? 'B' : 'A'}${token.at(-1)}`;
    for (const p of [altered, '/p/not-a-token', `/p/${token}x`]) {
      const res = await s.app.request(p);
      expect(res.status).toBe(403);
      const html = await res.text();
      expect(html).toContain('Deze link is niet geldig');
      expect(html).toContain('This link is not valid');
      expect(html).toContain('mailto:sales@zeilmaker.example');
      expect((await s.post(p, { do: 'pause' })).status).toBe(403);
    }
    expect(s.snapshot(id)).toEqual(before);
  });

  it('a lead that no longer exists (erased): 404', async () => {
    const s = await setup();
    const id = await s.submit();
    const path = s.page(id);
    s.db.delete(leads).where(eq(leads.id, id)).run();
    const res = await s.app.request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze aanvraag bestaat niet meer');
    expect((await s.post(path, { do: 'withdraw' })).status).toBe(404);
  });

  it('expired after 180 days: 410 in the lead\'s language; a POST changes nothing', async () => {
    const s = await setup();
    const id = await s.submit({ language: 'en' });
    const path = s.page(id);
    s.clock.advance(PROSPECT_LINK_TTL_MS - 60_000);
    expect((await s.app.request(path)).status).toBe(200);
    s.clock.advance(2 * 60_000);
    const before = s.snapshot(id);
    const res = await s.app.request(path);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('This link has expired');
    expect(html).not.toContain('Deze link');
    expect((await s.post(path, { do: 'withdraw' })).status).toBe(410);
    expect(s.snapshot(id)).toEqual(before);
  });

  it('revoked with the admin API: old links 410, the new epoch\'s link works, the history says so', async () => {
    const s = await setup();
    const id = await s.submit();
    const old = s.page(id);
    const res = await s.app.request(`/api/v1/admin/leads/${id}/prospect-link/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ leadId: id, prospectLinkEpoch: 1 });
    expect(body.prospectPage).toMatch(/^http:\/\/koers\.test\/p\//);
    expect(s.types(id).at(-1)).toBe('link-revoked');

    const before = s.snapshot(id);
    const gone = await s.app.request(old);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain('Deze link werkt niet meer');
    expect((await s.post(old, { do: 'pause' })).status).toBe(410);
    expect(s.snapshot(id)).toEqual(before);
    expect((await s.app.request(new URL(body.prospectPage).pathname)).status).toBe(200);

    const unknown = await s.app.request('/api/v1/admin/leads/nope/prospect-link/revoke', { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(unknown.status).toBe(404);
    expect((await s.app.request(`/api/v1/admin/leads/${id}/prospect-link/revoke`, { method: 'POST' })).status).toBe(401);
  });
});

describe('what the page shows', () => {
  it('the rep (name, role, phone), the promised contact as a date and time in Amsterdam, the proposal under discussion; no index, no cache, no referrer, no third party', async () => {
    const s = await setup();
    const id = await s.submit(); // sales-ready, Anna, proposes another approach
    expect(s.lead(id).repId).toBe('anna');
    const res = await s.app.request(s.page(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('X-Robots-Tag')).toContain('noindex');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<meta name="robots" content="noindex,nofollow">');
    expect(html).not.toContain('<script');
    expect(html).toContain('<h1>Uw aanvraag bij Zeilmaker Software B.V.</h1>');
    expect(html).toContain('Anna de Vries');
    expect(html).toContain('Accountmanager');
    expect(html).toContain('+31 20 123 4501');
    expect(html).not.toContain('anna@zeilmaker.example'); // she calls
    // Sales-ready: one working day after Tuesday 10:00 → Wednesday 17:00
    expect(html).toContain('Anna de Vries neemt uiterlijk 14 januari 2026, 17:00 (tijd in Amsterdam) contact met u op.');
    // Where they are: the process is being agreed
    expect(html).toMatch(/<li aria-current="step">Afspraken maken over de aanpak/);
    expect(html).toContain('Voorlopig niets: Anna de Vries reageert op uw voorstel.');
    expect(html).toContain('<h2>Uw voorstel</h2>');
    expect(html).toContain('We need a pilot before any proposal.');
    expect(html).toContain('Kennismaking');
  });

  it('the standard process: waiting for the rep, what we need next (the first step\'s ask), the rep\'s email when they mail; in English', async () => {
    const s = await setup();
    const id = await s.submit({ ...SLOW, language: 'en' });
    expect(s.lead(id).repId).toBe('dewi');
    const html = await (await s.app.request(s.page(id))).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h2>How we work together</h2>');
    expect(html).toMatch(/<li aria-current="step">Waiting for Dewi Bakker to contact you/);
    expect(html).toContain('<h2>What we need from you next</h2><p>Tell us why you are looking now and who decides.</p>');
    expect(html).toContain('mailto:dewi@zeilmaker.example');
    expect(html).toContain('Adviser');
    // Information-gathering promises no date
    expect(html).not.toContain('will contact you by');
  });

  it('everything the prospect typed is escaped', async () => {
    const s = await setup();
    const id = await s.submit({ contact: { company: '<b>Visser</b> & Zn' }, process: { accepted: false, deviation: '<script>alert(1)</script>' } });
    const html = await (await s.app.request(s.page(id))).text();
    expect(html).toContain('&lt;b&gt;Visser&lt;/b&gt; &amp; Zn');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
  });

  it('once the rep accepted: in step 1', async () => {
    const s = await setup();
    const id = await s.submit({ process: { accepted: true } });
    const accept = repActionLinks(s.deps)(id, 'anna', 'nl')[0].href;
    expect((await s.app.request(new URL(accept).pathname, { method: 'POST' })).status).toBe(200);
    const html = await (await s.app.request(s.page(id))).text();
    expect(html).toMatch(/<li aria-current="step">Stap 1: Kennismaking/);
    expect(html).toContain('Anna de Vries heeft uw aanvraag opgepakt.');
    // The promise holds until it is due, also once the request is taken on; then it is not repeated.
    expect(html).toContain('Anna de Vries neemt uiterlijk 14 januari 2026, 17:00 (tijd in Amsterdam) contact met u op.');
    s.clock.advance(3 * 24 * 60 * 60_000);
    expect(await (await s.app.request(s.page(id))).text()).not.toContain('neemt uiterlijk');
  });

  it('an agreed first step that was changed: the next ask says it is the agreed step, not a bare quote', async () => {
    const s = await setup();
    const id = await s.submit({ process: { accepted: false, deviation: 'Remote only.', changes: { steps: [{ id: 'intro', change: 'change', instead: 'A video call of one hour.' }], added: [] } } });
    const turn = s.db.select().from(agreementTurns).all().at(-1)!;
    s.db.insert(agreementTurns).values({ leadId: id, at: s.clock.now(), by: 'rep', kind: 'agree', repId: 'anna', changes: turn.changes, text: '' }).run();
    s.db.update(leads).set({ agreementState: 'agreed' }).where(eq(leads.id, id)).run();
    const html = await (await s.app.request(s.page(id))).text();
    expect(html).toContain('De eerste stap is wat we voor Kennismaking afspraken: A video call of one hour. Anna de Vries plant die met u in.');
  });
});

describe('updates without a new form', () => {
  it('an update re-qualifies the lead (new tier), keeps the rep, writes the history and mails the rep what changed', async () => {
    const s = await setup();
    const id = await s.submit(SLOW);
    expect([s.lead(id).score, s.lead(id).tier, s.lead(id).repId]).toEqual([25, 'information-gathering', 'dewi']);
    const before = s.sink.messages.length;
    // "Our CFO is now involved", and the budget is approved
    const res = await s.post(s.page(id), { do: 'answers', stage: 'defining', budget: 'approved', decisionProcess: 'roughly', timeline: '6m', finalSay: 'someone-else', roles: ['', 'procurement', 'budget-holder'] });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Dank u: uw wijzigingen zijn opgeslagen en Dewi Bakker weet ervan.');

    const lead = s.lead(id);
    expect([lead.score, lead.tier, lead.repId, lead.status, lead.budget]).toEqual([45, 'qualifying', 'dewi', 'assigned', 'approved']);
    expect(lead.stakeholderRoles).toEqual([
      { role: 'budget-holder', involved: true },
      { role: 'procurement', involved: true },
    ]);
    expect(lead.explanation).toContainEqual({ question: 'role', answer: 'budget-holder', points: 5 });
    const event = s.history(id).at(-1)!;
    expect([event.type, event.repId]).toEqual(['prospect-updated', 'dewi']);
    expect(JSON.parse(event.detail)).toEqual({
      changes: [
        { field: 'budget', old: 'pending', new: 'approved' },
        { field: 'roles', old: [], new: ['budget-holder', 'procurement'] },
      ],
      score: { old: 25, new: 45 },
      tier: { old: 'information-gathering', new: 'qualifying' },
    });
    expect(s.types(id).filter((t) => t === 'assigned')).toHaveLength(1); // no routing

    const [mail] = await s.sent(before, 1);
    expect(mail.envelope.to).toEqual(['dewi@zeilmaker.example']);
    expect(mail.parsed.subject).toBe('Update van Visser Logistiek: antwoorden gewijzigd');
    const text = mail.parsed.text!;
    expect(text).toContain('Sanne Visser (Visser Logistiek) heeft de antwoorden gewijzigd');
    expect(text).toContain('Budget: Wordt geregeld → Ja, goedgekeurd');
    expect(text).toContain('Betrokken: (niemand) → Budgethouder, Inkoop');
    expect(text).toContain('Score: 25 → 45 punten');
    expect(text).toContain('Het niveau is veranderd van Informatie verzamelend naar Kwalificerend. De lead blijft bij jou.');
    expect(text).toContain('Budget: Ja, goedgekeurd: +5 → +15');
    expect(text).toContain('Betrokken: Budgethouder: +0 → +5');
    expect(mail.parsed.replyTo?.value[0].address).toBe('sanne@visser-logistiek.example');

    // The promise on the page stays the one made with the request's tier (no date for information-gathering)
    expect(await (await s.app.request(s.page(id))).text()).not.toContain('uiterlijk');
  });

  it('the same request key twice makes one change; the same answers again change nothing', async () => {
    const s = await setup();
    const id = await s.submit(SLOW);
    const before = s.sink.messages.length;
    const requestKey = randomUUID();
    const first = await s.post(s.page(id), { do: 'answers', timeline: '1m', requestKey });
    expect(first.status).toBe(200);
    const second = await s.post(s.page(id), { do: 'answers', timeline: '1m', requestKey });
    expect(second.status).toBe(200);
    expect(await second.text()).toContain('Dit was al opgeslagen');
    const same = await s.post(s.page(id), { do: 'answers', timeline: '1m' });
    expect(await same.text()).toContain('Er is niets veranderd: uw antwoorden stonden al zo.');
    expect(s.types(id).filter((t) => t === 'prospect-updated')).toHaveLength(1);
    expect(s.lead(id).timeline).toBe('1m');
    await s.sent(before, 1);
    await s.jobs.drain();
    expect(s.sink.messages.length).toBe(before + 1);
  });

  it('unknown option ids, unknown fields and over-long texts: 422 with the form and a clear message; nothing changes', async () => {
    const s = await setup();
    const id = await s.submit(SLOW);
    const before = s.snapshot(id);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ do: 'answers', budget: 'millions' }, 'Is er budget?: Kies een van de getoonde antwoorden.'],
      [{ do: 'answers', roles: ['', 'ceo'] }, 'Ook betrokken: Kies een van de getoonde antwoorden.'],
      [{ do: 'answers', budget: 'approved', mood: 'great' }, 'Het formulier stuurde iets wat we niet kennen („mood”)'],
      [{ do: 'pause', reason: 'x'.repeat(1001) }, 'Hooguit 1000 tekens.'],
      [{ do: 'resume', reason: 'ok' }, '(„reason”)'],
      [{ do: 'dance' }, 'Het formulier is onvolledig'],
      [{ do: 'answers', budget: 'approved', requestKey: 'short' }, 'Het formulier is onvolledig'],
    ];
    for (const [fields, message] of cases) {
      const res = await s.post(s.page(id), fields);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      const html = await res.text();
      expect(html).toContain('role="alert"');
      expect(html.replace(/<[^>]+>/g, '')).toContain(message);
      expect(html).toContain('name="do" value="answers"'); // the form again
    }
    expect(s.snapshot(id)).toEqual(before);
  });

  it('at most 10 updates per lead per hour: the 11th is 429 and changes nothing; the next hour works again', async () => {
    const s = await setup();
    const id = await s.submit(SLOW);
    const other = await s.submit({ ...SLOW, contact: { email: 'kees@elders.example', company: 'Elders' } });
    for (let i = 0; i < 10; i++) {
      const res = await s.post(s.page(id), { do: 'answers', budget: i % 2 ? 'pending' : 'approved' });
      expect(res.status).toBe(200);
    }
    const res = await s.post(s.page(id), { do: 'answers', budget: 'none' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await res.text()).toContain('Te veel wijzigingen tegelijk');
    expect(s.lead(id).budget).toBe('pending');
    expect(s.types(id).filter((t) => t === 'prospect-updated')).toHaveLength(10);
    // Another lead has its own count
    expect((await s.post(s.page(other), { do: 'answers', budget: 'none' })).status).toBe(200);
    s.clock.advance(60 * 60_000);
    expect((await s.post(s.page(id), { do: 'answers', budget: 'none' })).status).toBe(200);
  });

  it('paused with a reason, then resumed: back to the same rep, assigned again with a fresh deadline and links that work', async () => {
    const s = await setup();
    const id = await s.submit({ process: { accepted: true } });
    let before = s.sink.messages.length;
    const paused = await s.post(s.page(id), { do: 'pause', reason: 'Budgetstop tot het derde kwartaal.' });
    expect(paused.status).toBe(200);
    const pausedHtml = await paused.text();
    expect(pausedHtml).toContain('Opgeslagen: u pauzeert.');
    expect(pausedHtml).toContain('name="do" value="resume"');
    expect(s.lead(id).status).toBe('paused');
    expect(s.history(id).at(-1)).toMatchObject({ type: 'paused', repId: 'anna', detail: 'Budgetstop tot het derde kwartaal.' });
    const [pauseMail] = await s.sent(before, 1);
    expect(pauseMail.envelope.to).toEqual(['anna@zeilmaker.example']);
    expect(pauseMail.parsed.subject).toBe('Visser Logistiek pauzeert');
    expect(pauseMail.parsed.text).toContain('Hun reden: Budgetstop tot het derde kwartaal.');

    s.clock.advance(3 * 24 * 60 * 60_000);
    before = s.sink.messages.length;
    const resumed = await s.post(s.page(id), { do: 'resume' });
    expect(await resumed.text()).toContain('Fijn dat u verder wilt: Anna de Vries weet ervan.');
    const lead = s.lead(id);
    expect([lead.status, lead.repId]).toEqual(['assigned', 'anna']);
    expect(s.types(id).slice(-2)).toEqual(['resumed', 'assigned']);
    const checks = s.db.select().from(outbox).where(and(eq(outbox.leadId, id), eq(outbox.kind, 'sla-check'))).all();
    expect(checks.map((j) => (j.payload as { assignedAt: number }).assignedAt)).toContain(s.clock.now());
    const [resumeMail] = await s.sent(before, 1);
    expect(resumeMail.parsed.subject).toBe('Visser Logistiek wil verder');
    expect(resumeMail.parsed.text).toContain('Accepteer hem met de link hieronder');
    const accept = /^Accepteren: (http:\/\/koers\.test\/r\/\S+)$/m.exec(resumeMail.parsed.text!)![1];
    // The rep's page names the prospect's steps in the history
    const repPage = await (await s.app.request(new URL(accept).pathname)).text();
    expect(repPage).toContain('De prospect pauzeert');
    expect(repPage).toContain('De prospect wil verder');
    expect((await s.app.request(new URL(accept).pathname, { method: 'POST' })).status).toBe(200);
    expect(s.lead(id).status).toBe('accepted');
  });

  it('a lead the rep had accepted resumes as accepted, without a new assignment', async () => {
    const s = await setup();
    const id = await s.submit({ process: { accepted: true } });
    await s.app.request(new URL(repActionLinks(s.deps)(id, 'anna', 'nl')[0].href).pathname, { method: 'POST' });
    let before = s.sink.messages.length;
    await s.post(s.page(id), { do: 'pause' });
    expect(s.history(id).at(-1)!.detail).toBe('');
    await s.sent(before, 1);
    before = s.sink.messages.length;
    await s.post(s.page(id), { do: 'resume' });
    expect(s.lead(id).status).toBe('accepted');
    expect(s.types(id).filter((t) => t === 'assigned')).toHaveLength(1);
    const [mail] = await s.sent(before, 1);
    expect(mail.parsed.text).toContain('geaccepteerd zoals voor de pauze');
    // Resuming again changes nothing
    expect(await (await s.post(s.page(id), { do: 'resume' })).text()).toContain('Deze aanvraag staat niet op pauze');
  });

  it('we chose another way: withdrawn with the reason, the rep is told, the page has no forms any more and later posts change nothing', async () => {
    const s = await setup();
    const id = await s.submit({ language: 'en' });
    const before = s.sink.messages.length;
    const res = await s.post(s.page(id), { do: 'withdraw', reason: 'We went with an in-house tool.' });
    const html = await res.text();
    expect(html).toContain('Saved: you chose another way.');
    expect(html).toContain('You told us you chose another way.');
    expect(html).not.toContain('<form');
    expect(s.lead(id).status).toBe('withdrawn');
    expect(s.history(id).at(-1)).toMatchObject({ type: 'withdrawn', detail: 'We went with an in-house tool.' });
    const [mail] = await s.sent(before, 1);
    expect(mail.envelope.to).toEqual(['anna@zeilmaker.example']);
    expect(mail.parsed.subject).toBe('Visser Logistiek heeft voor een andere weg gekozen'); // Anna reads Dutch
    expect(mail.parsed.text).toContain('Hun reden: We went with an in-house tool.');

    const snap = s.snapshot(id);
    const late = await s.post(s.page(id), { do: 'answers', budget: 'none' });
    expect(late.status).toBe(200);
    expect(await late.text()).toContain('This request is closed, so nothing was changed.');
    expect((await s.post(s.page(id), { do: 'resume' })).status).toBe(200);
    expect(s.snapshot(id)).toEqual(snap);
  });

  it('nobody has the lead: the mail goes to the sales address', async () => {
    const s = await setup((c) => {
      for (const r of c.reps) r.active = false;
    });
    const id = await s.submit(SLOW);
    expect(s.lead(id).status).toBe('unassigned');
    const before = s.sink.messages.length;
    await s.post(s.page(id), { do: 'pause', reason: 'Even niet.' });
    const [mail] = await s.sent(before, 1);
    expect(mail.envelope.to).toEqual(['sales@zeilmaker.example']);
    expect(mail.parsed.text).toContain('Niemand heeft deze lead op dit moment');
  });
});

describe('a counter-proposal on the page', () => {
  it('shows it step by step (the fixed step with its reason) and accepting it agrees the process and mails the rep', async () => {
    const s = await setup();
    const id = await s.submit();
    const turn = s.counter(id);
    const html = await (await s.app.request(s.page(id))).text();
    expect(html).toContain('<h2>Het tegenvoorstel van Anna de Vries</h2>');
    expect(html).toContain('Laten we klein beginnen.');
    expect(html).toContain('Een call van een uur met onze IT');
    expect(html).toContain('Bekijk het tegenvoorstel hieronder');
    expect(html).toContain('Deze stap ligt vast: Elke klant krijgt een schriftelijk voorstel met prijs en planning.');
    expect(html).toContain(`name="counterTurn" value="${turn}"`);
    expect(html).not.toContain('name="step.proposal"');

    const before = s.sink.messages.length;
    const requestKey = randomUUID();
    const res = await s.post(s.page(id), { do: 'accept-counter', counterTurn: String(turn), requestKey });
    const after = await res.text();
    expect(after).toContain('Dank u: de aanpak is afgesproken.');
    expect(after).toContain('<h2>De aanpak die we hebben afgesproken</h2>');
    expect(s.lead(id).agreementState).toBe('agreed');
    const turns = turnsOf(s.db, id);
    expect(turns.at(-1)).toMatchObject({ kind: 'accept-counter', by: 'prospect', changes: turns.at(-2)!.changes });
    const [mail] = await s.sent(before, 1);
    expect(mail.envelope.to).toEqual(['anna@zeilmaker.example']);
    expect(mail.parsed.subject).toBe('Visser Logistiek heeft je tegenvoorstel aangenomen');
    expect(mail.parsed.text).toContain('In plaats daarvan: Een call van een uur met onze IT');
    // A double click: one turn
    await s.post(s.page(id), { do: 'accept-counter', counterTurn: String(turn), requestKey });
    expect(turnsOf(s.db, id)).toHaveLength(turns.length);
  });

  it('answering it: a new proposal turn (checked like the widget\'s), state proposed, the rep gets it with the link to answer', async () => {
    const s = await setup();
    const id = await s.submit();
    const turn = String(s.counter(id));
    const snap = s.snapshot(id);
    // The fixed step cannot be skipped; a change needs its what-instead; a reason is required
    const bad = await s.post(s.page(id), { do: 'answer-counter', counterTurn: turn, 'step.proposal': 'skip', 'step.intro': 'change', 'instead.intro': '', reason: '' });
    expect(bad.status).toBe(422);
    const text = (await bad.text()).replace(/<[^>]+>/g, '');
    expect(text).toContain('Voorstel: Deze stap ligt vast');
    expect(text).toContain('Kennismaking: Wat in plaats daarvan?: Zeg wat u liever in de plaats doet.');
    expect(text).toContain('Zeg waarom u dit voorstelt.');
    expect((await s.post(s.page(id), { do: 'answer-counter', counterTurn: turn, 'step.nope': 'skip', reason: 'x' })).status).toBe(422);
    expect((await s.post(s.page(id), { do: 'answer-counter', counterTurn: turn, added: ['a', 'b', 'c', 'd'], reason: 'x' })).status).toBe(422);
    expect(s.snapshot(id)).toEqual(snap);

    const before = s.sink.messages.length;
    const res = await s.post(s.page(id), {
      do: 'answer-counter',
      counterTurn: turn,
      'step.intro': 'skip',
      'step.discovery': 'change',
      'instead.discovery': 'Een demo op onze locatie',
      added: ['Een pilot van twee weken', '', ''],
      reason: 'We willen eerst zien of het werkt.',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Dank u: uw voorstel is naar Anna de Vries gestuurd.');
    expect(html).toContain('<h2>Uw voorstel</h2>');
    expect(s.lead(id).agreementState).toBe('proposed');
    expect(turnsOf(s.db, id).at(-1)).toMatchObject({
      kind: 'proposal',
      by: 'prospect',
      text: 'We willen eerst zien of het werkt.',
      changes: { steps: [{ id: 'intro', change: 'skip' }, { id: 'discovery', change: 'change', instead: 'Een demo op onze locatie' }], added: ['Een pilot van twee weken'] },
    });
    const [mail] = await s.sent(before, 1);
    expect(mail.parsed.subject).toBe('Visser Logistiek heeft op je tegenvoorstel gereageerd');
    expect(mail.parsed.text).toContain('Hun reden: We willen eerst zien of het werkt.');
    expect(mail.parsed.text).toContain('In plaats daarvan: Een demo op onze locatie');
    expect(mail.parsed.text).toMatch(/^Voorstel beantwoorden: http:\/\/koers\.test\/r\/\S+$/m);
  });

  it('a counter the rep changed meanwhile: nothing changes and the page shows the current counter (200)', async () => {
    const s = await setup();
    const id = await s.submit();
    const old = s.counter(id);
    const newer = s.counter(id, { steps: [{ id: 'intro', change: 'skip' }], added: [] });
    const snap = s.snapshot(id);
    const res = await s.post(s.page(id), { do: 'accept-counter', counterTurn: String(old) });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Het voorstel is intussen veranderd, dus er is niets gewijzigd.');
    expect(html).toContain(`name="counterTurn" value="${newer}"`);
    expect(s.snapshot(id)).toEqual(snap);
  });

  it('the rep answers while the prospect withdraws: one wins, the other sees the current state', async () => {
    // The prospect withdraws first: the rep's answer changes nothing and says so.
    const s = await setup();
    const id = await s.submit();
    const proposal = turnsOf(s.db, id).at(-1)!;
    await s.post(s.page(id), { do: 'withdraw' });
    const claim = { action: 'answer' as const, leadId: id, repId: 'anna', issuedAt: s.clock.now(), expiresAt: s.clock.now() + 60_000 };
    const form = { choice: 'agree', turn: String(proposal.id), steps: {}, instead: {}, added: [], note: '', explanation: '' };
    const answer = runWrite({ db: s.db, config: s.config, clock: s.clock }, 'rep-answer', { claim, form });
    expect(answer).toMatchObject({ done: false, current: 'withdrawn' });
    expect(s.lead(id)).toMatchObject({ status: 'withdrawn', agreementState: 'proposed' });
    expect(turnsOf(s.db, id)).toHaveLength(1);

    // The rep counters first: the prospect's withdrawal still stands, and a late accept of the counter shows the current state.
    const t = await setup();
    const other = await t.submit();
    const turn = t.counter(other);
    const withdrawn = await t.post(t.page(other), { do: 'withdraw' });
    expect(withdrawn.status).toBe(200);
    const late = await t.post(t.page(other), { do: 'accept-counter', counterTurn: String(turn) });
    expect(late.status).toBe(200);
    expect(await late.text()).toContain('Deze aanvraag is gesloten, dus er is niets veranderd.');
    expect(t.lead(other)).toMatchObject({ status: 'withdrawn', agreementState: 'countered' });
  });
});
