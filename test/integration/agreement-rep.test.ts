import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ProcessChangesInput } from '../../shared/agreement';
import { agreementTurns, leadEvents, leads, outbox } from '../../server/db/schema';
import { signActionToken } from '../../server/security/action-links';
import { readProspectToken } from '../../server/security/prospect-links';
import { manualClock } from '../../server/clock';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// The rep answers a prospect's proposed approach (issue 10 part 3), end to end: the rep mail over
// a real SMTP server shows the proposal first with its answer link, the answer page over HTTP,
// the write in SQLite, and the prospect's mail with the outcome, the process and their page link.

const PROPOSAL: ProcessChangesInput = {
  steps: [
    { id: 'intro', change: 'skip' },
    { id: 'discovery', change: 'change', instead: 'Eén call met onze IT-manager in plaats van een workshop.' },
  ],
  added: ['Een pilot van twee weken op onze eigen data'],
};
const REASON = 'We willen het eerst zien werken voordat we een voorstel vragen.';

async function setup() {
  const t = await mailedLeads();
  const lead = (id: string) => t.db.select().from(leads).where(eq(leads.id, id)).get()!;
  const turns = (id: string) => t.db.select().from(agreementTurns).where(eq(agreementTurns.leadId, id)).orderBy(agreementTurns.id).all();
  const history = (id: string) => t.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all().map((e) => [e.type, e.repId, e.detail]);
  const open = (href: string) => t.app.request(new URL(href).pathname);
  const post = (href: string, form: [string, string][]) =>
    t.app.request(new URL(href).pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  /** A lead with a structured proposal; its rep mail (Anna, Dutch) and the links in it. */
  const proposed = async () => {
    const id = await t.submit({ process: { accepted: false, deviation: REASON, changes: PROPOSAL } });
    const mail = mailTo(t.sink.messages, 'anna@zeilmaker.example');
    return { id, mail, links: linksOf(mail) };
  };
  /** Sends what the answer queued and answers the prospect's newest mail. */
  const prospectMail = async () => {
    const before = t.sink.messages.length;
    await t.jobs.drain();
    await t.sink.waitFor(before + 1);
    return mailTo(t.sink.messages, 'sanne@visser-logistiek.example');
  };
  const turnField = (id: string): [string, string] => ['turn', String(turns(id).at(-1)!.id)];
  return { ...t, lead, turns, history, open, post, proposed, prospectMail, turnField };
}

const mailTo = (messages: ReceivedMail[], address: string) => messages.filter((m) => m.envelope.to.includes(address)).at(-1)!;

function linksOf(mail: ReceivedMail): Record<string, string> {
  const found = [...mail.parsed.text!.matchAll(/^(.+): (http:\/\/koers\.test\/[rp]\/\S+)$/gm)];
  return Object.fromEntries(found.map((m) => [m[1], m[2]]));
}

describe('the rep answers a proposal', () => {
  it('the rep mail shows the proposal first, step by step, with the answer link; the page shows it and a GET changes nothing', async () => {
    const s = await setup();
    const { id, mail, links } = await s.proposed();
    const text = mail.parsed.text!;
    expect(Object.keys(links)).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet']);
    const order = [
      'Zij stellen een andere aanpak voor',
      'Sanne Visser stelt wijzigingen in ons standaardproces voor.',
      `Hun reden: “${REASON}”`,
      'Vervalt: Kennismaking',
      '1. Verkenning (zij wijzigen deze stap)',
      'In plaats daarvan: Eén call met onze IT-manager in plaats van een workshop.',
      '2. Voorstel (vast onderdeel)',
      'Vast onderdeel: Elke klant krijgt een schriftelijk voorstel met prijs en planning.',
      '3. Toegevoegde stap',
      'Een pilot van twee weken op onze eigen data',
      'Voorstel beantwoorden: http://koers.test/r/',
      'Accepteren: http://koers.test/r/',
      'Contact',
    ].map((line) => text.indexOf(line));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Verkoopproces'); // the old process section: no duplicate
    expect(mail.parsed.html).toContain(`href="${links['Voorstel beantwoorden']}"`);

    const page = await s.open(links['Voorstel beantwoorden']);
    expect(page.status).toBe(200);
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    expect(page.headers.get('X-Robots-Tag')).toBe('noindex');
    expect(page.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const html = await page.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Voorstel beantwoorden</h1>');
    expect(html).toContain(`“${REASON}”`);
    expect(html).toContain('<strong>Kennismaking (1 week)</strong> — Zij slaan deze stap over');
    expect(html).toContain('In plaats daarvan: Eén call met onze IT-manager');
    expect(html).toContain('Vast onderdeel: Elke klant krijgt een schriftelijk voorstel'); // no inputs for the fixed step
    expect(html).not.toContain('name="step:proposal"');
    expect(html.match(/<form method="post">/g)).toHaveLength(3);
    expect(html).toContain('<legend>Verkenning</legend>');
    expect(html).toContain('<textarea id="explanation" name="explanation" maxlength="1000" required>');
    expect(html).toContain('<strong>Voorstel van de prospect</strong>'); // the history names the turn
    expect(html).not.toContain('<script');
    expect(s.lead(id)).toMatchObject({ status: 'assigned', agreementState: 'proposed' }); // a prefetch changes nothing
    expect(s.turns(id)).toHaveLength(1);
  });

  it('agree: the lead is accepted and agreed, the prospect gets the agreed process and their page link; the history shows the turn', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    const res = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Akkoord</h1>');
    expect(html).toContain('Sanne Visser krijgt een mail met je antwoord');
    expect(html).toContain('De lead is nu van jou');
    expect(s.lead(id)).toMatchObject({ status: 'accepted', agreementState: 'agreed' });
    expect(s.history(id).slice(-2)).toEqual([
      ['agreement', 'anna', 'agree'],
      ['accepted', 'anna', 'accepted by answering the process proposal'],
    ]);

    const mail = await s.prospectMail();
    expect(mail.envelope.to).toEqual(['sanne@visser-logistiek.example']);
    expect(mail.parsed.subject).toBe('Anna de Vries gaat akkoord met uw voorgestelde aanpak');
    expect(mail.parsed.replyTo?.value[0]).toMatchObject({ address: 'anna@zeilmaker.example', name: 'Anna de Vries' });
    const text = mail.parsed.text!;
    for (const line of [
      'Anna de Vries gaat akkoord met de aanpak die u voorstelde. Zo gaan we samen te werk:',
      'Vervalt: Kennismaking',
      '1. Verkenning',
      'In plaats daarvan: Eén call met onze IT-manager in plaats van een workshop.',
      '2. Voorstel',
      'Wat wij doen: Een voorstel met prijs en planning.',
      'Wat wij van u vragen: Een besluit binnen de afgesproken termijn.',
      'Duur: 2 weken',
      '3. Toegevoegde stap',
      'Een pilot van twee weken op onze eigen data',
    ]) expect(text).toContain(line);
    const page = linksOf(mail)['Uw pagina'];
    expect(page).toMatch(/^http:\/\/koers\.test\/p\//);
    const token = readProspectToken(s.deps.signingKey, page.slice('http://koers.test/p/'.length), s.clock.now());
    expect(token).toMatchObject({ ok: true, claim: { leadId: id, epoch: 0 } });

    // The rep's pages show the agreement in the history, in the rep's language.
    const view = await (await s.open(links.Accepteren)).text();
    expect(view).toContain('<strong>Voorstel van de prospect</strong>');
    expect(view).toContain('<strong>Akkoord</strong> — Anna de Vries');

    // A second click (or the back button and again): one change, the page shows where it stands.
    const again = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(again.status).toBe(409);
    const current = await again.text();
    expect(current).toContain('Dit voorstel is al beantwoord. Er is niets veranderd.');
    expect(current).toContain('Afgesproken.');
    expect(s.turns(id)).toHaveLength(2);
    expect(s.db.select().from(outbox).where(eq(outbox.kind, 'mail')).all()).toHaveLength(1);
    // Opening the link now shows the same, without acting.
    const later = await s.open(links['Voorstel beantwoorden']);
    expect(later.status).toBe(200);
    expect(await later.text()).toContain('Dit voorstel is beantwoord. Zo staat de afspraak nu.');
  });

  it('counter: per step, the prospect gets the counter step by step and can accept or answer it on their page', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    const res = await s.post(links['Voorstel beantwoorden'], [
      ['choice', 'counter'],
      s.turnField(id),
      ['step:intro', 'theirs'],
      ['step:discovery', 'other'],
      ['instead:intro', ''],
      ['instead:discovery', 'Een workshop van een halve dag, op afstand.'],
      ['note', 'De pilot kan na het voorstel.'],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Tegenvoorstel verstuurd</h1>');
    expect(s.lead(id)).toMatchObject({ status: 'accepted', agreementState: 'countered' });
    expect(s.turns(id).at(-1)).toMatchObject({
      kind: 'counter',
      repId: 'anna',
      text: 'De pilot kan na het voorstel.',
      changes: { steps: [{ id: 'intro', change: 'skip' }, { id: 'discovery', change: 'change', instead: 'Een workshop van een halve dag, op afstand.' }], added: [] },
    });
    expect(s.history(id).at(-2)).toEqual(['agreement', 'anna', 'counter']);

    const mail = await s.prospectMail();
    expect(mail.parsed.subject).toBe('Anna de Vries stelt een andere werkwijze voor');
    const text = mail.parsed.text!;
    expect(text).toContain('Anna de Vries heeft uw voorstel gelezen en stelt dit proces voor:');
    expect(text).toContain('In plaats daarvan: Een workshop van een halve dag, op afstand.');
    expect(text).not.toContain('Een pilot van twee weken'); // the added step was dropped
    expect(text).toContain('“De pilot kan na het voorstel.”');
    expect(text).toContain('U kunt dit tegenvoorstel aannemen, of erop antwoorden, op uw eigen pagina:');
    expect(linksOf(mail)['Uw pagina']).toMatch(/^http:\/\/koers\.test\/p\//);
  });

  it('keep the standard: without an explanation the form comes back (422) and nothing changes; with one, the prospect reads it and the standard process', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    const refused = await s.post(links['Voorstel beantwoorden'], [['choice', 'keep'], s.turnField(id), ['explanation', '  ']]);
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('<p class="error" role="alert">Leg in een paar woorden uit waarom je het standaardproces aanhoudt.</p>');
    expect(html.match(/<form method="post">/g)).toHaveLength(3);
    expect(s.lead(id)).toMatchObject({ status: 'assigned', agreementState: 'proposed' });
    expect(s.turns(id)).toHaveLength(1);

    const tooLong = await s.post(links['Voorstel beantwoorden'], [['choice', 'counter'], s.turnField(id), ['step:discovery', 'other'], ['instead:discovery', 'x'.repeat(301)]]);
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('Een tekst is te lang');
    const unknown = await s.post(links['Voorstel beantwoorden'], [['choice', 'counter'], s.turnField(id), ['step:nope', 'other'], ['instead:nope', 'x']]);
    expect(unknown.status).toBe(422);
    expect(s.turns(id)).toHaveLength(1);

    const res = await s.post(links['Voorstel beantwoorden'], [['choice', 'keep'], s.turnField(id), ['explanation', 'De workshop is waar we het project samen afbakenen.']]);
    expect(res.status).toBe(200);
    expect(s.lead(id)).toMatchObject({ status: 'accepted', agreementState: 'standard-kept' });
    const mail = await s.prospectMail();
    expect(mail.parsed.subject).toBe('Anna de Vries over uw voorgestelde aanpak');
    const text = mail.parsed.text!;
    expect(text).toContain('“De workshop is waar we het project samen afbakenen.”');
    for (const step of ['1. Kennismaking', '2. Verkenning', '3. Voorstel', 'Wat wij doen: Een workshop over uw situatie en eisen.']) expect(text).toContain(step);
    expect(text).not.toContain('Vervalt');
    expect(text).toContain('Uw pagina: http://koers.test/p/');
  });

  it('a proposal the prospect changed meanwhile, or a lead they paused: the POST changes nothing and shows the current state (409)', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    const shown = s.turnField(id);
    const { recordTurn } = await import('../../server/agreement/turns');
    recordTurn(s.db, { leadId: id, at: s.clock.now(), by: 'prospect', kind: 'proposal', changes: { steps: [{ id: 'intro', change: 'skip' }], added: [] }, text: 'Alleen de kennismaking overslaan.' });
    const changed = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], shown]);
    expect(changed.status).toBe(409);
    const html = await changed.text();
    expect(html).toContain('De prospect heeft het voorstel gewijzigd');
    expect(html).toContain('“Alleen de kennismaking overslaan.”'); // the new proposal, to answer
    expect(s.lead(id)).toMatchObject({ status: 'assigned', agreementState: 'proposed' });

    s.db.update(leads).set({ status: 'paused' }).where(eq(leads.id, id)).run();
    const paused = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(paused.status).toBe(409);
    expect(await paused.text()).toContain('De prospect heeft gepauzeerd. Er is niets veranderd.');
    s.db.update(leads).set({ status: 'withdrawn' }).where(eq(leads.id, id)).run();
    const withdrawn = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(withdrawn.status).toBe(409);
    expect(await withdrawn.text()).toContain('De prospect heeft voor een andere weg gekozen.');
    expect(s.turns(id)).toHaveLength(2);
    expect(s.lead(id)).toMatchObject({ status: 'withdrawn', agreementState: 'proposed' });
  });

  it('a lead that accepts our process: the rep mail says there is no proposal, and has no answer link', async () => {
    const s = await setup();
    const id = await s.submit({ process: { accepted: true } });
    const mail = mailTo(s.sink.messages, 'anna@zeilmaker.example');
    expect(mail.parsed.text).toContain('Geen voorstel: akkoord met ons standaardproces.');
    expect(Object.keys(linksOf(mail))).toEqual(['Accepteren', 'Doorgeven', 'Past niet']);
    expect(s.lead(id).agreementState).toBe('standard');
  });

  it('tells the rep whether the prospect chose our process themselves or left the default (process.choice)', async () => {
    const s = await setup();
    const chosen = await s.submit({ process: { accepted: true, choice: 'chosen' } });
    expect(s.lead(chosen).processChoice).toBe('chosen');
    expect(mailTo(s.sink.messages, 'anna@zeilmaker.example').parsed.text).toContain('Zij kozen zelf voor "dit werkt voor mij".');
    const left = await s.submit({ process: { accepted: true, choice: 'default' }, contact: { email: 'piet@jansen-bouw.example', company: 'Jansen Bouw' } });
    expect(s.lead(left).processChoice).toBe('default');
    const text = s.sink.messages.filter((m) => m.parsed.subject?.includes('Jansen Bouw')).at(-1)!.parsed.text!;
    expect(text).toContain('Zij lieten het antwoord staan zoals het formulier het voorstelde (ons proces): zelf gekozen hebben ze het niet.');
    const unknown = await s.submit({ process: { accepted: true }, contact: { email: 'k@kok.example', company: 'Kok' } });
    expect(s.lead(unknown).processChoice).toBeNull();
  });

  it('passed on with the proposal open: the new rep gets the proposal first and an answer link that works; the old one is outdated', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    expect((await s.post(links.Doorgeven, [['reason', 'Niet mijn regio']])).status).toBe(200);
    const before = s.sink.messages.length;
    await s.jobs.drain();
    await s.sink.waitFor(before + 1);
    const bram = mailTo(s.sink.messages, 'bram@zeilmaker.example');
    const text = bram.parsed.text!;
    expect(text.indexOf('Zij stellen een andere aanpak voor')).toBeGreaterThan(0);
    expect(text.indexOf('Zij stellen een andere aanpak voor')).toBeLessThan(text.indexOf('Anna de Vries heeft deze lead aan jou doorgegeven'));
    expect(text).toContain('1. Verkenning (zij wijzigen deze stap)');
    const bramLinks = linksOf(bram);
    expect(Object.keys(bramLinks)).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet']);

    const stale = await s.post(links['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('Deze lead ligt niet meer bij jou');
    const res = await s.post(bramLinks['Voorstel beantwoorden'], [['choice', 'agree'], s.turnField(id)]);
    expect(res.status).toBe(200);
    expect(s.lead(id)).toMatchObject({ repId: 'bram', status: 'accepted', agreementState: 'agreed' });
    expect(s.turns(id).at(-1)).toMatchObject({ kind: 'agree', repId: 'bram' });
    expect((await s.prospectMail()).parsed.replyTo?.value[0].address).toBe('bram@zeilmaker.example');
  });

  it('the accept reminder carries the answer link while the proposal is open', async () => {
    const start = Date.parse('2026-12-01T12:35:00Z');
    const clock = manualClock(start);
    const t = await mailedLeads({ clock, config: exampleConfig((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 60 })) });
    await t.submit({ process: { accepted: false, deviation: REASON, changes: PROPOSAL } });
    clock.set(start + 45 * 60_000);
    await t.jobs.drain();
    await t.sink.waitFor(3);
    const reminder = mailTo(t.sink.messages, 'anna@zeilmaker.example');
    expect(reminder.parsed.subject).toMatch(/^Herinnering/);
    expect(Object.keys(linksOf(reminder))).toEqual(['Accepteren', 'Doorgeven', 'Past niet', 'Voorstel beantwoorden']);
  });

  it('a forged or expired answer link: 403, nothing changes', async () => {
    const s = await setup();
    const { id, links } = await s.proposed();
    const href = links['Voorstel beantwoorden'];
    const forged = href.slice(0, -3) + (href.endsWith('AAA') ? 'BBB' : 'AAA');
    const res = await s.post(forged, [['choice', 'agree'], s.turnField(id)]);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Deze link is niet geldig');
    expect((await s.open(forged)).status).toBe(403);

    const now = s.clock.now();
    const expired = signActionToken(s.deps.signingKey, { action: 'answer', leadId: id, repId: 'anna', issuedAt: now - 20 * 86_400_000, expiresAt: now - 86_400_000 });
    const late = await s.post(`http://koers.test/r/${expired}`, [['choice', 'agree'], s.turnField(id)]);
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('Deze link is verlopen');
    expect(s.lead(id)).toMatchObject({ status: 'assigned', agreementState: 'proposed' });
    expect(s.turns(id)).toHaveLength(1);
  });
});
