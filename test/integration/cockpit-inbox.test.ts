import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, leadEvents, leads, outbox } from '../../server/db/schema';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';

// The inbox, the lead page and assign by hand (issue 11), over HTTP with the real outbox worker and
// SMTP sink: who sees what, the order by response deadline, the actions doing what the mail's links
// do, a manager assigning by hand, and filters that refuse what they do not know.

/** Dewi (inside sales) is away: information-gathering leads wait unassigned for her team. */
async function setup() {
  const config = exampleConfig((c) => {
    c.routing.acceptWithinMinutes = { 'sales-ready': 60, qualifying: 240 };
    c.reps.find((r: { id: string }) => r.id === 'dewi').away = [{ from: '2026-11-01', to: '2027-01-31' }];
  });
  const s = await mailedLeads({ config });
  const lead = (id: string) => s.db.select().from(leads).where(eq(leads.id, id)).get()!;
  const history = (id: string) => s.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all();
  /** Submits a lead; the unassigned ones mail the vendor and the prospect, like the others. */
  const submit = (over: Parameters<typeof s.submit>[0] = {}) => s.submit(over);
  return { ...s, lead, history, submit };
}

/** 25 points: information-gathering (inside sales). */
const SLOW = {
  process: { accepted: true },
  answers: { stage: 'defining', budget: 'pending', decisionProcess: 'roughly', timeline: '6m', costOfInaction: '' },
  stakeholders: { roles: [], finalSay: 'someone-else' },
};
/** A lower score than the default body: qualifying. */
const MIDDLE = { answers: { stage: 'comparing', budget: 'pending', decisionProcess: 'roughly', timeline: '6m', costOfInaction: '' } };

const leadIdsOf = (html: string) => [...html.matchAll(/href="\/app\/leads\/([\w-]+)"/g)].map((m) => m[1]);
const emailOf = (repId: string) => `${repId}@zeilmaker.example`;

describe('cockpit inbox', () => {
  it('a rep sees their open leads, most urgent first, and their team’s unassigned ones; another team’s lead is a 404', async () => {
    const s = await setup();
    // Two leads of one company: the second goes to the same rep (account ownership), sooner due.
    const qualifying = await s.submit({ ...MIDDLE, contact: { email: 'a@visser.example', company: 'Visser' } });
    s.clock.advance(60_000);
    const salesReady = await s.submit({ contact: { email: 'b@visser.example', company: 'Visser' } });
    const waiting = await s.submit({ ...SLOW, contact: { email: 'c@kok.example', company: 'Kok Bouw' } });
    expect([s.lead(qualifying).tier, s.lead(salesReady).tier, s.lead(waiting).status]).toEqual(['qualifying', 'sales-ready', 'unassigned']);
    const repId = s.lead(qualifying).repId!;
    expect(s.lead(salesReady).repId).toBe(repId);
    expect(s.lead(waiting).teamId).toBe('inside-sales');

    const rep = await cockpitSession(s, emailOf(repId));
    s.clock.advance(18 * 60_000);
    const res = await rep.get('/app/inbox');
    expect(res.status).toBe(200);
    const html = await res.text();
    // Sales-ready first: due 60 min after its assignment, the qualifying one 240 min after its own.
    expect(leadIdsOf(html)).toEqual([salesReady, qualifying]);
    const text = pageText(html);
    expect(text).toMatch(/Accepteren binnen 42 min · Wacht op acceptatie/);
    expect(text).toMatch(/Accepteren binnen 3 u 41 min/);
    expect(html).toContain(`action="/app/leads/${salesReady}/accept"`);

    // Overdue, in the viewer's language.
    s.clock.advance(47 * 60_000);
    expect(pageText(await (await rep.get('/app/inbox')).text())).toContain('5 min te laat');

    // The unassigned lead of inside sales: not in this rep's inbox, 404 on its page.
    expect(leadIdsOf(await (await rep.get('/app/inbox')).text())).not.toContain(waiting);
    const hidden = await rep.get(`/app/leads/${waiting}`);
    expect(hidden.status).toBe(404);
    expect(await hidden.text()).toBe(await (await rep.get('/app/leads/no-such-lead')).text());

    // Dewi sees her team's unassigned lead (with "take it") and none of the account executives' leads.
    const dewi = await cockpitSession(s, emailOf('dewi'));
    const dewiHtml = await (await dewi.get('/app/inbox')).text();
    expect(leadIdsOf(dewiHtml)).toEqual([waiting]);
    expect(pageText(dewiHtml)).toContain('Oppakken');
    expect((await dewi.get(`/app/leads/${salesReady}`)).status).toBe(404);
    expect((await dewi.post(`/app/leads/${salesReady}/accept`)).status).toBe(404);
    expect(s.lead(salesReady).status).toBe('assigned');

    // The manager sees all three.
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    expect(leadIdsOf(await (await mila.get('/app/inbox')).text())).toEqual([salesReady, qualifying, waiting]);
  });

  it('accept, pass on and not a fit from the inbox do what the mail links do; a POST without CSRF changes nothing', async () => {
    const s = await setup();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await s.submit({ contact: { email: `p@firm${i}.example`, company: `Firm ${i}` } }));
    const [first] = ids;
    const repId = s.lead(first).repId!;
    const rep = await cockpitSession(s, emailOf(repId));

    const forged = await s.app.request(`/app/leads/${first}/accept`, {
      method: 'POST',
      headers: { Cookie: `koers_session=${rep.cookie}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'csrf=wrong',
    });
    expect(forged.status).toBe(403);
    expect(s.lead(first).status).toBe('assigned');

    const accepted = await rep.post(`/app/leads/${first}/accept`);
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/app/inbox?done=accept');
    expect(s.lead(first).status).toBe('accepted');
    expect(s.history(first).at(-1)).toMatchObject({ type: 'accepted', repId, detail: 'accepted in the cockpit' });
    expect(pageText(await (await rep.get('/app/inbox?done=accept')).text())).toContain('Geaccepteerd. De lead is van jou');
    // Again: nothing changes (the link pages' "already accepted").
    const again = await rep.post(`/app/leads/${first}/accept`);
    expect(again.status).toBe(409);
    expect(pageText(await again.text())).toContain('Je hebt deze lead al geaccepteerd');

    // Not a fit needs a reason: 422 with the form again, nothing changed; then with one.
    const noReason = await rep.post(`/app/leads/${first}/not-a-fit`, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(pageText(await noReason.text())).toContain('Geef een reden op waarom hij niet past.');
    expect(s.lead(first).status).toBe('accepted');
    expect((await rep.post(`/app/leads/${first}/not-a-fit`, { reason: 'Student project' })).status).toBe(303);
    expect(s.lead(first).status).toBe('not-a-fit');
    expect(s.history(first).at(-1)).toMatchObject({ type: 'not-a-fit', repId, detail: 'Student project' });

    // Pass on: the next rep by the rules, their lead mail with the reason, as with the link.
    const mine = ids.find((id) => id !== first && s.lead(id).repId === repId) ?? ids.find((id) => id !== first)!;
    const owner = s.lead(mine).repId!;
    const owned = owner === repId ? rep : await cockpitSession(s, emailOf(owner));
    const before = s.sink.messages.length;
    const passed = await owned.post(`/app/leads/${mine}/pass`, { reason: 'Andere regio' });
    expect(passed.status).toBe(303);
    const moved = s.lead(mine);
    expect(moved.repId).not.toBe(owner);
    expect(s.history(mine).slice(-2).map((e) => [e.type, e.repId, e.detail])).toEqual([
      ['passed-on', owner, 'Andere regio'],
      ['assigned', moved.repId, expect.any(String)],
    ]);
    await s.jobs.drain();
    await s.sink.waitFor(before + 1);
    const mail = s.sink.messages.slice(before).find((m) => m.envelope.to.includes(emailOf(moved.repId!)))!;
    expect(mail.parsed.text).toContain('Andere regio');
    // The old rep can no longer act on it: the lead page is a 404 for them now.
    expect((await owned.post(`/app/leads/${mine}/pass`)).status).toBe(404);
  });

  it('a rep takes an unassigned lead of their team: assigned to them and accepted, in the history', async () => {
    const s = await setup();
    const waiting = await s.submit({ ...SLOW, contact: { email: 'c@kok.example', company: 'Kok Bouw' } });
    const dewi = await cockpitSession(s, emailOf('dewi'));
    // Only "take it": passing on or closing a lead that is nobody's is not a rep's call.
    expect((await dewi.post(`/app/leads/${waiting}/not-a-fit`, { reason: 'x' })).status).toBe(409);
    const took = await dewi.post(`/app/leads/${waiting}/accept`);
    expect(took.headers.get('location')).toBe('/app/inbox?done=take');
    expect([s.lead(waiting).status, s.lead(waiting).repId]).toEqual(['accepted', 'dewi']);
    expect(s.history(waiting).slice(-2).map((e) => [e.type, e.repId])).toEqual([
      ['assigned', 'dewi'],
      ['accepted', 'dewi'],
    ]);
  });

  it('a manager assigns by hand: the rep’s lead mail with links, the history names the manager and reason, the deadline starts', async () => {
    const s = await setup();
    const waiting = await s.submit({ ...SLOW, contact: { email: 'c@kok.example', company: 'Kok Bouw' } });
    const anna = await cockpitSession(s, emailOf('anna'));
    const dewi = await cockpitSession(s, emailOf('dewi'));
    // A rep cannot: 403 for one who sees the lead, 404 for one who does not; nothing changes.
    expect((await dewi.post(`/app/leads/${waiting}/assign`, { rep: 'dewi', reason: 'mine' })).status).toBe(403);
    expect((await anna.post(`/app/leads/${waiting}/assign`, { rep: 'anna', reason: 'mine' })).status).toBe(404);
    expect(s.lead(waiting).status).toBe('unassigned');

    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    const page = await (await mila.get(`/app/leads/${waiting}`)).text();
    expect(page).toContain(`action="/app/leads/${waiting}/assign"`);
    expect((await mila.post(`/app/leads/${waiting}/assign`, { rep: 'anna', reason: '' })).status).toBe(422);
    expect((await mila.post(`/app/leads/${waiting}/assign`, { rep: 'zoe', reason: 'x' })).status).toBe(422);
    expect(s.lead(waiting).status).toBe('unassigned');

    const before = s.sink.messages.length;
    const done = await mila.post(`/app/leads/${waiting}/assign`, { rep: 'anna', reason: 'Kent dit bedrijf al' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/app/leads/${waiting}?assigned=anna`);
    expect([s.lead(waiting).status, s.lead(waiting).repId, s.lead(waiting).teamId]).toEqual(['assigned', 'anna', 'account-executives']);
    expect(s.history(waiting).slice(-2).map((e) => [e.type, e.repId])).toEqual([
      ['assigned-by-hand', 'anna'],
      ['assigned', 'anna'],
    ]);
    expect(s.db.select().from(auditLog).all()).toMatchObject([{ actor: 'mila@zeilmaker.example', action: 'lead-assign', target: waiting }]);

    // Anna's usual lead mail, with her action links and who assigned it and why.
    await s.jobs.drain();
    await s.sink.waitFor(before + 1);
    const mail = s.sink.messages.slice(before).find((m) => m.envelope.to.includes(emailOf('anna')))!;
    expect(mail.parsed.text).toContain('Mila Kok heeft deze lead met de hand aan jou toegewezen: "Kent dit bedrijf al"');
    expect(mail.parsed.text).toMatch(/Accepteren: http:\/\/koers\.test\/r\//);
    // Her response deadline (information-gathering has none here: the check is scheduled only with one).
    const view = pageText(await (await mila.get(`/app/leads/${waiting}?assigned=anna`)).text());
    expect(view).toContain('Toegewezen aan Anna de Vries.');
    expect(view).toContain('Met de hand toegewezen — Anna de Vries Door Mila Kok: „Kent dit bedrijf al”');

    // Moving an open lead with a deadline: the new rep's check is due at now + the tier's minutes.
    const hot = await s.submit({ contact: { email: 'x@hot.example', company: 'Hot' } });
    const from = s.lead(hot).repId!;
    const to = from === 'bram' ? 'anna' : 'bram';
    const sent = s.sink.messages.length;
    expect((await mila.post(`/app/leads/${hot}/assign`, { rep: to, reason: 'Workload' })).status).toBe(303);
    // The rep who had it is told it moved, by whom and why.
    await s.jobs.drain();
    await s.sink.waitFor(sent + 2);
    const moved = s.sink.messages.slice(sent).find((m) => m.envelope.to.includes(emailOf(from)))!;
    expect(moved.parsed.subject).toBe('Lead doorgezet: Hot');
    expect(moved.parsed.text).toContain('Mila Kok heeft deze lead met de hand verplaatst: "Workload"');
    const checks = s.db.select().from(outbox).where(and(eq(outbox.kind, 'sla-check'), eq(outbox.leadId, hot))).all();
    expect(checks.map((j) => [(j.payload as { repId: string }).repId, j.runAt])).toContainEqual([to, s.clock.now() + 60 * 60_000]);
    const repView = await cockpitSession(s, emailOf(to));
    expect(pageText(await (await repView.get('/app/inbox')).text())).toContain('Accepteren binnen 1 u ·');
    // The previous rep no longer sees it.
    const old = await cockpitSession(s, emailOf(from));
    expect((await old.get(`/app/leads/${hot}`)).status).toBe(404);
  });

  it('filters: known ones narrow the list; an unknown filter or value is a 400 naming what is allowed', async () => {
    const s = await setup();
    const hot = await s.submit({ contact: { email: 'x@hot.example', company: 'Hot' }, context: { utm: { source: 'linkedin' } } });
    const slow = await s.submit({ ...SLOW, contact: { email: 'c@kok.example', company: 'Kok Bouw' } });
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    expect(leadIdsOf(await (await mila.get('/app/inbox?tier=information-gathering')).text())).toEqual([slow]);
    expect(leadIdsOf(await (await mila.get('/app/inbox?source=linkedin')).text())).toEqual([hot]);
    expect(leadIdsOf(await (await mila.get(`/app/inbox?rep=${s.lead(hot).repId}&status=&team=`)).text())).toEqual([hot]);

    const unknown = await mila.get('/app/inbox?owner=anna');
    expect(unknown.status).toBe(400);
    const text = pageText(await unknown.text());
    expect(text).toContain('„owner” is geen filter van deze lijst.');
    expect(text).toContain('rep anna, bram, chris, dewi');
    const badRep = await mila.get('/app/inbox?rep=zoe');
    expect(badRep.status).toBe(400);
    expect(pageText(await badRep.text())).toContain('Er is geen rep „zoe”.');
    expect((await mila.get('/app/inbox?status=spam')).status).toBe(400); // the inbox holds open leads only
    expect((await mila.get('/app/inbox?from=2026-13-01')).status).toBe(400);
    // A rep's inbox is theirs: no rep or team filter.
    const anna = await cockpitSession(s, emailOf('anna'));
    expect((await anna.get('/app/inbox?rep=anna')).status).toBe(400);
  });

  it('the lead page shows every answer with the vendor’s labels, the committee, the score, the agreement, the history and UTM', async () => {
    const s = await setup();
    const id = await s.submit({ contact: { email: 'sanne@visser.example', company: 'Visser Logistiek' } });
    const rep = await cockpitSession(s, emailOf(s.lead(id).repId!));
    const res = await rep.get(`/app/leads/${id}`);
    expect(res.status).toBe(200);
    const text = pageText(await res.text());
    for (const expected of [
      'Sanne Visser, Visser Logistiek',
      'sanne@visser.example',
      'Aankoopfase',
      'Eindbesluit',
      'Wat telt voor de organisatie One planning tool for all sites',
      'Wat telt voor de contactpersoon zelf Less manual work for my team',
      'Score:',
      'Procesafspraak',
      'Geschiedenis',
      'Toegewezen',
      'utm_source newsletter',
      'https://www.zeilmaker.example/contact',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain(s.lead(id).routingReason); // the English summary is for the admin
  });
});
