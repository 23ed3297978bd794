import { describe, expect, it } from 'vitest';
import type { SubmissionAnswer } from '../../shared/submission';
import { readProspectToken } from '../../server/security/prospect-links';
import { submissionBody } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';
import type { ReceivedMail } from '../support/smtp-sink';

// Issue 10, part 6: the widget's last screen (the 201 answer's confirmation) and the prospect's
// mail, over real HTTP and a real SMTP server. The test clock stands at Tuesday 1 December 2026,
// 10:00 in Amsterdam; sales-ready promises contact within 1 working day (example config).

const STANDARD = { accepted: true };
const ask = async (s: Awaited<ReturnType<typeof mailedLeads>>, over: NonNullable<Parameters<typeof submissionBody>[0]>) => {
  const res = await s.post(submissionBody(over));
  expect(res.status).toBe(201);
  const answer = (await res.json()) as SubmissionAnswer;
  await s.jobs.drain();
  await s.sink.waitFor(2);
  const to = (address: string) => s.sink.messages.find((m: ReceivedMail) => m.envelope.to.includes(address))!;
  return { answer, mail: to(typeof over.contact === 'object' && 'email' in over.contact ? String(over.contact.email) : 'sanne@visser-logistiek.example') };
};
/** The mail's text lines that carry content (no underlines, no blanks). */
const contentLines = (text: string) => text.split('\n').filter((l) => l.trim() && !/^[-=]+$/.test(l));

describe('the confirmation (last screen and mail)', () => {
  it('standard process: thanks by name, who calls, how and by when, what to prepare, the process, the page — the same on screen and in the mail', async () => {
    const s = await mailedLeads();
    const { answer, mail } = await ask(s, { process: STANDARD });
    const c = answer.confirmation!;
    expect(c).toEqual({
      thanks: 'Bedankt, Sanne Visser, voor uw aanvraag bij Zeilmaker Software B.V.',
      contact:
        'Anna de Vries (Accountmanager) belt u uiterlijk woensdag 2 december om 17:00 (tijd in Amsterdam), op het nummer dat u opgaf. U kunt ook zelf bellen: +31 20 123 4501.',
      prepare: 'Voor de eerste stap (Kennismaking): Vertel waarom u nu zoekt en wie er beslist.',
      recapTitle: 'Zo gaan we samenwerken',
      recap: ['1. Kennismaking (1 week)', '2. Verkenning (2 weken)', '3. Voorstel (2 weken)'],
      links: [],
      page: expect.stringMatching(/^http:\/\/koers\.test\/p\/[\w.-]+$/),
    });
    expect(answer.nextStep).toBe(c.contact); // older widgets show nextStep: the same one sentence
    const token = readProspectToken(s.deps.signingKey, c.page.slice(c.page.lastIndexOf('/') + 1), s.clock.now());
    expect(token).toMatchObject({ ok: true, claim: { leadId: answer.leadId, epoch: 0 } });

    expect(mail.parsed.subject).toBe('Uw aanvraag bij Zeilmaker Software B.V.: Anna de Vries belt u uiterlijk woensdag 2 december om 17:00 (tijd in Amsterdam)');
    expect(mail.parsed.replyTo?.value[0].address).toBe('anna@zeilmaker.example');
    const text = mail.parsed.text!;
    for (const line of [c.thanks, c.contact!, c.prepare!, 'Zo gaan we samenwerken', '1. Kennismaking', 'Wat wij doen: Een gesprek van 30 minuten met een consultant.', 'Duur: 2 weken', '3. Voorstel']) {
      expect(text).toContain(line);
    }
    expect(mail.parsed.html).toContain(`href="${c.page}"`);
    // No sentence twice (short label rows such as "Duur: 2 weken" may repeat per step), none starting in lower case.
    const lines = contentLines(text).filter((l) => l.length > 30);
    expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
    expect(lines.filter((l) => /^[a-z]/.test(l) && !l.startsWith('http'))).toEqual([]);
  });

  it('by email when the prospect gave no phone number, in English', async () => {
    const s = await mailedLeads();
    const { answer, mail } = await ask(s, { language: 'en', process: STANDARD, contact: { phone: '', email: 'tom@example.org' } });
    expect(answer.confirmation!.thanks).toBe('Thank you, Sanne Visser, for contacting Zeilmaker Software B.V.');
    expect(answer.confirmation!.contact).toBe(
      'Anna de Vries (Account executive) will contact you by email by Wednesday 2 December at 17:00 (Amsterdam time). You can also reach them at anna@zeilmaker.example.',
    );
    expect(answer.confirmation!.recapTitle).toBe('How we will work together');
    expect(mail.parsed.subject).toBe('Your request to Zeilmaker Software B.V.: Anna de Vries will contact you by Wednesday 2 December at 17:00 (Amsterdam time)');
  });

  it('after a proposal: the rep answers it by a date, the steps show their status, and nothing promises a questioned step or repeats their words', async () => {
    const s = await mailedLeads();
    const { answer, mail } = await ask(s, {
      language: 'en',
      contact: { email: 'tom@example.org' },
      process: {
        accepted: false,
        deviation: 'We must start with a paid pilot in one depot.',
        changes: { steps: [{ id: 'intro', change: 'skip' }, { id: 'discovery', change: 'change', instead: 'A call with our IT lead instead of a workshop.' }], added: ['A pilot in one depot'] },
      },
    });
    const c = answer.confirmation!;
    expect(c.contact).toMatch(/^Anna de Vries \(Account executive\) will answer your proposal by Wednesday 2 December at 17:00 \(Amsterdam time\), by phone\./);
    expect(c.recapTitle).toBe('Your proposal, step by step');
    expect(c.recap).toEqual(['Introduction: skipped', 'Discovery: you proposed a change', 'Proposal: fixed', 'You proposed 1 extra step.']);
    expect(c.prepare).toBeUndefined(); // no first step is agreed yet
    expect(answer.nextStep).toBe(c.contact);
    expect(mail.parsed.subject).toBe('Your proposal to Zeilmaker Software B.V.: Anna de Vries will answer by Wednesday 2 December at 17:00 (Amsterdam time)');
    const text = mail.parsed.text!;
    expect(text).toContain(c.contact!);
    for (const never of ['plan the introduction', 'A call with our IT lead', 'A pilot in one depot', 'paid pilot', 'What we do:']) expect(text).not.toContain(never);
  });

  it('an information-gatherer gets the configured guide, really linked, and no rep name', async () => {
    const s = await mailedLeads();
    const { answer, mail } = await ask(s, {
      process: STANDARD,
      answers: { stage: 'exploring', budget: 'none', decisionProcess: 'unclear', timeline: 'none', costOfInaction: '' },
      stakeholders: { roles: [], finalSay: 'unknown', orgInterest: '', personalInterest: '' },
    });
    const c = answer.confirmation!;
    expect(c.contact).toBe('Onze informatiegids staat voor u klaar. Vragen? Mail ons op sales@zeilmaker.example.');
    expect(c.links).toEqual([{ label: 'Informatiegids Zeilmaker (pdf)', url: 'https://zeilmaker.example/gids.pdf' }]);
    expect(JSON.stringify(c)).not.toMatch(/Dewi|Anna|Bram|Chris/);
    expect(mail.parsed.subject).toBe('Uw aanvraag bij Zeilmaker Software B.V.: Informatiegids Zeilmaker (pdf)');
    expect(mail.parsed.html).toContain('href="https://zeilmaker.example/gids.pdf"');
    expect(mail.parsed.text).toContain('Informatiegids Zeilmaker (pdf): https://zeilmaker.example/gids.pdf');
  });

  it('nobody available: the fallback sentence starts with a capital; a "name" that is not one is left out', async () => {
    const s = await mailedLeads();
    for (const rep of s.config.reps) rep.active = false;
    const { answer, mail } = await ask(s, { process: STANDARD, contact: { name: 'Win a prize at https://evil.example' } });
    const c = answer.confirmation!;
    expect(c.thanks).toBe('Bedankt voor uw aanvraag bij Zeilmaker Software B.V.');
    expect(c.contact).toBe('Uw contactpersoon neemt binnen één werkdag contact op om de kennismaking te plannen.');
    expect(answer.rep).toBeNull();
    expect(mail.parsed.text).not.toContain('evil.example');
    expect(mail.parsed.subject).toBe('Uw aanvraag bij Zeilmaker Software B.V. is ontvangen');
  });
});
