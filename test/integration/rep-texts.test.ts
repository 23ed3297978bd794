import { describe, expect, it } from 'vitest';
import { manualClock } from '../../server/clock';
import { exampleConfig } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';

// What reps and prospects read is in their language and reads as written by a person: the real
// mails over SMTP, Dutch and English. (Example reps: Anna nl+en, Bram nl and away 24 Dec to
// 2 Jan, Chris en; vendor "Zeilmaker Software B.V.", Europe/Amsterdam.)

async function setup(edit: (c: any) => void = () => {}, start = '2026-12-28T09:00:00Z') {
  const t = await mailedLeads({ config: exampleConfig(edit), clock: manualClock(Date.parse(start)) });
  const textTo = (address: string) => t.sink.messages.filter((m) => m.envelope.to.includes(address)).at(-1)!.parsed.text!;
  return { ...t, textTo };
}

/** The lines of a block of a mail's text part, by its heading. */
function block(text: string, heading: string): string {
  const start = text.indexOf(`${heading}\n${'-'.repeat(heading.length)}\n`);
  expect(start, `a "${heading}" block`).toBeGreaterThanOrEqual(0);
  const body = text.slice(start + heading.length * 2 + 2);
  return body.slice(0, body.indexOf('\n\n'));
}

const ENGLISH = /\b(rule|skipped|weighted|round robin|speaks|away|capacity|existing account|passed on|accepted via|unavailable|fallback)\b/i;

describe('rep mails read as written by a person', () => {
  it('Dutch: why this rep, who was passed over and why, the country by name, no English words', async () => {
    const s = await setup();
    await s.submit();
    const text = s.textTo('anna@zeilmaker.example');
    const why = block(text, 'Waarom jij');
    expect(why).toBe(
      [
        'Regel 1 (niveau: Klaar voor sales of Kwalificerend) stuurt deze lead naar het team Account executives; binnen het team was het jouw beurt.',
        'Overgeslagen: Bram Jansen (afwezig van 24 december 2026 tot en met 2 januari 2027), Chris Smith (spreekt geen Nederlands).',
      ].join('\n'),
    );
    expect(why).not.toMatch(ENGLISH);
    expect(text).toContain('Land: Nederland');
    expect(text).toContain('Bedrijfsgrootte: 50-249 medewerkers');
    expect(text).toContain('Wat telt voor de contactpersoon zelf: Less manual work for my team'); // not "hen"
  });

  it('English: the same facts in English for an English-speaking rep', async () => {
    const s = await setup((c) => (c.reps.find((r: any) => r.id === 'anna').active = false), '2026-12-01T09:00:00Z');
    await s.submit({ language: 'en', contact: { country: 'BE' } });
    const text = s.textTo('chris@zeilmaker.example');
    expect(block(text, 'Why you')).toBe(
      [
        'Rule 1 (tier: Sales-ready or Qualifying) sends this lead to the team Account executives; within the team it was your turn.',
        'Passed over: Anna de Vries (takes no leads at the moment), Bram Jansen (does not speak English).',
      ].join('\n'),
    );
    expect(text).toContain('Country: Belgium');
    expect(text).toContain('Company size: 50-249 employees');
  });

  it('the same company: said as it is (an open lead, not a customer), with a date and no lead id', async () => {
    const s = await setup(undefined, '2026-12-01T09:00:00Z');
    await s.submit({ contact: { email: 'sanne@acme.example', company: 'Acme' } });
    await s.submit({ contact: { email: 'piet@acme.example', name: 'Piet de Boer', company: 'Acme' } });
    const text = s.textTo('anna@zeilmaker.example');
    expect(text).toContain('Tweede contact bij dit bedrijf: je hebt daar al een lopende lead (binnengekomen op 1 december 2026), dus deze is ook van jou.');
    expect(block(text, 'Waarom jij')).toBe('Dit bedrijf (acme.example) heeft al een lopende lead bij jou, dus deze is ook van jou.');
    expect(text).not.toContain('Bestaande klant');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/); // no raw lead id
  });

  it('a hand-over: "1 minuut", the promise with its time zone, and the new rep\'s routing in Dutch', async () => {
    const s = await setup((c) => (c.routing.acceptWithinMinutes = { 'sales-ready': 1 }), '2026-12-01T09:00:00Z');
    await s.submit();
    s.clock.advance(60_000);
    await s.jobs.drain();
    await s.sink.waitFor(5);
    const bram = s.textTo('bram@zeilmaker.example');
    expect(bram).toContain('Anna de Vries heeft deze lead niet binnen 1 minuut geaccepteerd, dus hij is nu van jou.');
    expect(bram).toContain('Op 1 december 2026, 10:00 (tijd in Amsterdam) is de prospect beloofd:');
    const why = block(bram, 'Waarom jij');
    expect(why).toContain('Overgeslagen: Anna de Vries (had deze lead al), Chris Smith (spreekt geen Nederlands).');
    expect(why).not.toMatch(ENGLISH);
    expect(s.textTo('anna@zeilmaker.example')).toContain('Je hebt deze lead niet binnen 1 minuut geaccepteerd.');
  });
});

describe('prospect mails', () => {
  it('end a sentence after a name with a dot once: "Zeilmaker Software B.V. Zo werken wij"', async () => {
    const s = await setup();
    await s.submit();
    const nl = s.textTo('sanne@visser-logistiek.example');
    expect(nl).toContain('Bedankt, Sanne Visser, voor uw aanvraag bij Zeilmaker Software B.V.\n');
    expect(nl).not.toContain('B.V..');
    await s.submit({ language: 'en', contact: { email: 'tom@example.org' } });
    const en = s.textTo('tom@example.org');
    expect(en).toContain('Thank you, Sanne Visser, for contacting Zeilmaker Software B.V.\n');
    expect(en).not.toContain('B.V..');
  });
});
