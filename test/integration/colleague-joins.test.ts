import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { leadEvents, leads } from '../../server/db/schema';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// Issue 10, part 5: a second person from a company that already has an open lead. Real SMTP,
// the link pages over HTTP, the histories in SQLite. (Example reps: Anna nl+en, Bram nl.)

const SANNE = {
  name: 'Sanne Visser',
  email: 'sanne@visser-logistiek.example',
  phone: '+31 6 12345678',
  message: 'Can we talk next week?',
};
const PIET = {
  name: 'Piet Jansen',
  email: 'piet@visser-logistiek.example',
  phone: '+31 6 87654321',
  message: 'Ik wil graag een demo.',
};
const SANNE_ANSWERS = {
  answers: { costOfInaction: 'Onze planningstool stopt in juni.' },
  stakeholders: { orgInterest: 'Eén planningstool voor alle vestigingen', personalInterest: 'Minder handwerk' },
};

async function setup(edit?: (c: any) => void) {
  const t = await mailedLeads({ config: exampleConfig(edit), clock: manualClock(Date.parse('2026-12-01T09:00:00Z')) });
  const mailTo = (address: string): ReceivedMail => t.sink.messages.filter((m) => m.envelope.to.includes(address)).at(-1)!;
  const history = (id: string) =>
    t.db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(leadEvents.id).all().map((e) => [e.type, e.repId, e.detail]);
  const lead = (id: string) => t.db.select().from(leads).where(eq(leads.id, id)).get()!;
  /** The links of a rep mail, by label, from its text part. */
  const links = (mail: ReceivedMail): Record<string, string> =>
    Object.fromEntries([...mail.parsed.text!.matchAll(/^(.+): (http:\/\/koers\.test\/r\/\S+)$/gm)].map((m) => [m[1], new URL(m[2]).pathname]));
  return { ...t, mailTo, history, lead, links };
}

describe('a colleague joins', () => {
  it('the second person hears their organisation is in touch with Anna, and nothing about the first person', async () => {
    const s = await setup();
    const first = await s.submit({ contact: SANNE, ...SANNE_ANSWERS });
    const second = await s.submit({ contact: { ...PIET, company: 'Visser Logistiek B.V.' }, answers: { costOfInaction: '' } });
    expect([s.lead(first).repId, s.lead(second).repId]).toEqual(['anna', 'anna']); // the round robin would say Bram

    const confirmation = s.mailTo(PIET.email);
    const text = confirmation.parsed.text!;
    expect(text).toContain(
      'Uw organisatie heeft al contact met Anna de Vries. Daarom behandelt Anna de Vries ook uw aanvraag, zodat u bij ons één aanspreekpunt heeft.',
    );
    for (const mine of [SANNE.name, 'Sanne', SANNE.email, SANNE.phone, SANNE.message, SANNE_ANSWERS.answers.costOfInaction, ...Object.values(SANNE_ANSWERS.stakeholders)]) {
      expect(text).not.toContain(mine);
      expect(confirmation.parsed.html).not.toContain(mine);
    }
    expect(confirmation.parsed.replyTo?.value[0].address).toBe('anna@zeilmaker.example');
    // The first person's own confirmation said nothing of the kind.
    expect(s.mailTo(SANNE.email).parsed.text).not.toContain('Uw organisatie heeft al contact');
  });

  it('in the colleague\'s language: English for an English submission', async () => {
    const s = await setup();
    await s.submit({ contact: SANNE });
    await s.submit({ language: 'en', contact: PIET });
    const text = s.mailTo(PIET.email).parsed.text!;
    expect(text).toContain('Your organisation is already in touch with Anna de Vries, who will handle your request as well, so you have one contact person with us.');
    expect(text).not.toContain('Sanne');
  });

  it('the rep mail says it is a second contact and links a page of the first lead that changes nothing', async () => {
    const s = await setup();
    const first = await s.submit({ contact: SANNE });
    const accepted = await s.app.request(s.links(s.mailTo('anna@zeilmaker.example')).Accepteren, { method: 'POST' });
    expect(accepted.status).toBe(200);
    const second = await s.submit({ contact: PIET });

    const mail = s.mailTo('anna@zeilmaker.example');
    expect(mail.parsed.text).toContain(PIET.name);
    expect(mail.parsed.subject).toMatch(/^Tweede contact: \[Klaar voor sales\] Visser Logistiek — /);
    expect(mail.parsed.text).toContain('Tweede contact bij dit bedrijf: je hebt daar al een lopende lead (binnengekomen op 1 december 2026), dus deze is ook van jou.');
    const links = s.links(mail);
    expect(Object.keys(links)).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet', 'De eerdere lead van dit bedrijf openen']); // the fixture proposes another approach

    // The first lead was accepted: its page shows it with its history, and no button.
    const before = s.history(first);
    const page = await s.app.request(links['De eerdere lead van dit bedrijf openen']);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<title>Jouw lead</title>');
    expect(html).toContain('Je hebt deze lead geaccepteerd.');
    expect(html).toContain(SANNE.name);
    expect(html).not.toContain(PIET.name);
    expect(html).not.toContain('<form');
    expect(html).toContain('Eén account met een andere lead van hetzelfde bedrijf');
    expect(html).not.toContain(second); // no raw lead id for a person
    expect(s.history(first)).toEqual(before);
    expect(s.lead(first).status).toBe('accepted');

    // The new lead's own accept link still does what it did.
    expect(await (await s.app.request(links.Accepteren)).text()).toContain('Deze lead accepteren?');
  });

  it('a still unaccepted first lead: the link shows it with the accept button, and opening it accepts nothing', async () => {
    const s = await setup();
    const first = await s.submit({ contact: SANNE });
    await s.submit({ contact: PIET });
    const href = s.links(s.mailTo('anna@zeilmaker.example'))['De eerdere lead van dit bedrijf openen'];
    const html = await (await s.app.request(href)).text();
    expect(html).toContain('Deze lead accepteren?');
    expect(html).toContain(SANNE.email);
    expect(s.lead(first).status).toBe('assigned');
  });

  it('both histories show one account, in Dutch on a Dutch rep\'s page', async () => {
    const s = await setup();
    const first = await s.submit({ contact: SANNE });
    const second = await s.submit({ contact: PIET });
    expect(s.history(first)).toEqual([
      ['assigned', 'anna', expect.any(String)],
      ['agreement', null, 'proposal'], // the fixture proposes another approach
      ['same-account', 'anna', second],
    ]);
    expect(s.history(second)).toEqual([
      ['assigned', 'anna', expect.stringContaining('existing account')],
      ['agreement', null, 'proposal'],
      ['same-account', 'anna', first],
    ]);

    const html = await (await s.app.request(s.links(s.mailTo('anna@zeilmaker.example')).Accepteren)).text();
    expect(html).toContain('<strong>Zelfde bedrijf</strong> — Anna de Vries<br>Eén account met een andere lead van hetzelfde bedrijf: nog een contactpersoon daar, bij dezelfde verkoper.');
    expect(html).not.toContain(first); // the id stays in the history's detail, for the admin
    expect(html).not.toContain('same-account');
  });

  it('free mail (gmail.com) never makes an account: no events, no second-contact lines', async () => {
    const s = await setup((c) => {
      for (const rep of c.reps) if (rep.id !== 'anna') rep.active = false; // both go to Anna anyway
    });
    const a = await s.submit({ contact: { ...SANNE, email: 'sanne.visser@gmail.com' } });
    const b = await s.submit({ contact: { ...PIET, email: 'piet.jansen@gmail.com' } });
    expect([s.lead(a).repId, s.lead(b).repId]).toEqual(['anna', 'anna']);
    expect([...s.history(a), ...s.history(b)].map(([type]) => type)).toEqual(['assigned', 'agreement', 'assigned', 'agreement']);
    const rep = s.mailTo('anna@zeilmaker.example');
    expect(rep.parsed.subject).not.toContain('Tweede contact');
    expect(rep.parsed.text).not.toContain('Tweede contact');
    expect(Object.keys(s.links(rep))).toEqual(['Voorstel beantwoorden', 'Accepteren', 'Doorgeven', 'Past niet']);
    expect(s.mailTo('piet.jansen@gmail.com').parsed.text).not.toContain('Uw organisatie heeft al contact');
  });

  it('a hand-over to the company\'s owner joins the account too', async () => {
    const s = await setup((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 60 }));
    const anna = s.config.reps.find((r) => r.id === 'anna')!;
    const first = await s.submit({ contact: SANNE });
    expect((await s.app.request(s.links(s.mailTo('anna@zeilmaker.example')).Accepteren, { method: 'POST' })).status).toBe(200);

    anna.active = false; // so the second lead cannot follow the owner…
    const second = await s.submit({ contact: PIET });
    anna.active = true;
    expect(s.lead(second).repId).toBe('bram');
    expect(s.history(second).map(([type]) => type)).toEqual(['assigned', 'agreement']);

    s.clock.advance(60 * 60_000); // …until Bram lets it lapse and it goes to the owner
    const before = s.sink.messages.length;
    await s.jobs.drain();
    await s.sink.waitFor(before + 3);
    expect(s.lead(second).repId).toBe('anna');
    expect(s.history(second).map(([type, rep]) => `${type}:${rep}`)).toEqual(['assigned:bram', 'agreement:null', 'sla-expired:bram', 'assigned:anna', 'same-account:anna']);
    expect(s.history(first).at(-1)).toEqual(['same-account', 'anna', second]);

    const mail = s.mailTo('anna@zeilmaker.example');
    expect(mail.parsed.subject).toMatch(/^Tweede contact: /);
    expect(mail.parsed.text).toContain('Tweede contact bij dit bedrijf');
    const html = await (await s.app.request(s.links(mail)['De eerdere lead van dit bedrijf openen'])).text();
    expect(html).toContain('<title>Jouw lead</title>');
    expect(html).toContain(SANNE.name);
  });
});
