import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { leads, outbox } from '../../server/db/schema';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// The rep is told the deadline (mail and link page, as a time in the vendor's time zone, in the
// rep's language) and gets one reminder before it runs out — never after the lead was accepted,
// passed on or closed. Manual clock, real SMTP.

const MINUTE = 60_000;
// 13:35 in Amsterdam: the 60-minute deadline is 14:35 there.
const START = Date.parse('2026-12-01T12:35:00Z');

async function setup(edit: (c: any) => void = () => {}) {
  const config = exampleConfig((c) => {
    c.routing.acceptWithinMinutes = { 'sales-ready': 60 };
    edit(c);
  });
  const t = await mailedLeads({ config, clock: manualClock(START) });
  const { sink, jobs } = t;
  const mailsTo = (address: string) => sink.messages.filter((m) => m.envelope.to.includes(address));
  const reminders = (address: string) => mailsTo(address).filter((m) => /^(Herinnering|Reminder)/.test(m.parsed.subject ?? ''));
  const link = (mail: ReceivedMail, label: string) => mail.parsed.text!.match(new RegExp(`^${label}: http://koers\\.test(\\S+)$`, 'm'))![1];
  /** Moves the clock and runs what is due. */
  const at = async (minutesAfterStart: number) => {
    t.clock.set(START + minutesAfterStart * MINUTE);
    await jobs.drain();
  };
  return { ...t, mailsTo, reminders, link, at };
}

describe('the response deadline, told to the rep', () => {
  it('the rep mail and the link page say by when to accept, in the vendor time zone and the rep\'s language', async () => {
    const s = await setup();
    await s.submit();
    const mail = s.mailsTo('anna@zeilmaker.example')[0];
    expect(mail.parsed.text).toContain('Accepteer deze lead binnen 60 minuten, uiterlijk 14:35 (tijd in Amsterdam). Anders gaat hij naar een collega.');
    const page = await (await s.app.request(s.link(mail, 'Accepteren'))).text();
    expect(page).toContain('<p class="note">Accepteer deze lead binnen 60 minuten, uiterlijk 14:35 (tijd in Amsterdam). Anders gaat hij naar een collega.</p>');

    // An English-speaking rep reads it in English; a deadline on another day names the day.
    const en = await setup((c) => {
      c.reps.find((r: any) => r.id === 'anna').active = false;
      c.routing.acceptWithinMinutes = { 'sales-ready': 720 };
    });
    await en.submit({ language: 'en' });
    const chris = en.mailsTo('chris@zeilmaker.example')[0];
    expect(chris.parsed.text).toContain('Please accept this lead within 12 hours, by Wednesday 2 December at 01:35 (Amsterdam time). If you do not, it moves on to a colleague.');
  });

  it('says "1 minuut", not "1 minuten"', async () => {
    const s = await setup((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 1 }));
    await s.submit();
    expect(s.mailsTo('anna@zeilmaker.example')[0].parsed.text).toContain('Accepteer deze lead binnen 1 minuut, uiterlijk 13:36 (tijd in Amsterdam).');
  });
});

describe('one reminder before the deadline', () => {
  it('goes to the rep at 75 % of the window by default, once, with the deadline and the links', async () => {
    const s = await setup();
    await s.submit();
    await s.at(44);
    expect(s.reminders('anna@zeilmaker.example')).toHaveLength(0);
    await s.at(45);
    await s.sink.waitFor(3);
    const [reminder] = s.reminders('anna@zeilmaker.example');
    expect(reminder.parsed.subject).toBe('Herinnering: accepteer uiterlijk 14:35 (tijd in Amsterdam): Visser Logistiek');
    expect(reminder.parsed.text).toContain(
      'Je hebt deze lead nog niet geaccepteerd. Accepteer hem uiterlijk 14:35 (tijd in Amsterdam); je hebt nog 15 minuten. Daarna gaat hij naar een collega.',
    );
    // Its accept link works.
    expect((await s.app.request(s.link(reminder, 'Accepteren'), { method: 'POST' })).status).toBe(200);
    await s.at(59);
    expect(s.reminders('anna@zeilmaker.example')).toHaveLength(1);
  });

  it('follows routing.remindAtPercent', async () => {
    const s = await setup((c) => (c.routing.remindAtPercent = 50));
    await s.submit();
    await s.at(29);
    expect(s.reminders('anna@zeilmaker.example')).toHaveLength(0);
    await s.at(30);
    await s.sink.waitFor(3);
    expect(s.reminders('anna@zeilmaker.example')[0].parsed.text).toContain('je hebt nog 30 minuten.');
  });

  it('is not sent when the lead was accepted, passed on or closed before', async () => {
    const s = await setup();
    const accepted = await s.submit({ contact: { email: 'a@one.example', company: 'One' } }); // anna
    const passed = await s.submit({ contact: { email: 'b@two.example', company: 'Two' } }); // bram
    const closed = await s.submit({ contact: { email: 'c@three.example', company: 'Three' } }); // anna
    const rep = (id: string) => s.db.select().from(leads).where(eq(leads.id, id)).get()!.repId;
    expect([accepted, passed, closed].map(rep)).toEqual(['anna', 'bram', 'anna']);
    const mailOf = (address: string, company: string) => s.mailsTo(address).find((m) => m.parsed.subject!.includes(company))!;

    s.clock.set(START + 10 * MINUTE);
    const post = (href: string, form: Record<string, string> = {}) =>
      s.app.request(href, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
    expect((await post(s.link(mailOf('anna@zeilmaker.example', 'One'), 'Accepteren'))).status).toBe(200);
    expect((await post(s.link(mailOf('bram@zeilmaker.example', 'Two'), 'Doorgeven'))).status).toBe(200);
    expect((await post(s.link(mailOf('anna@zeilmaker.example', 'Three'), 'Past niet'), { reason: 'Geen bedrijf' })).status).toBe(200);
    await s.jobs.drain();
    expect(rep(passed)).toBe('anna'); // Bram passed it on: Anna has it from minute 10

    await s.at(50); // past 45 minutes of the first assignments
    expect(s.reminders('bram@zeilmaker.example')).toHaveLength(0);
    expect(s.reminders('anna@zeilmaker.example')).toHaveLength(0);
    const reminderJobs = s.db.select().from(outbox).where(eq(outbox.kind, 'accept-reminder')).all();
    expect(reminderJobs.filter((j) => j.status === 'done')).toHaveLength(3); // ran, sent nothing
    // Anna's own assignment of the passed-on lead gets its reminder at 10 + 45 minutes.
    await s.at(55);
    expect(s.reminders('anna@zeilmaker.example').map((m) => m.parsed.subject)).toEqual([
      'Herinnering: accepteer uiterlijk 14:45 (tijd in Amsterdam): Two',
    ]);
  });
});
