import { describe, expect, it } from 'vitest';
import { submissionSchema } from '../shared/submission';
import { EMAIL } from './email';

// The widget refuses exactly the addresses the server refuses: the same list through both.
const ADDRESSES = [
  'sanne@visser-logistiek.example', 'a.b@c.nl', "o'brien@x.ie", 'first+tag@sub.domain.co.uk', 'x_y@a-b.com', 'UPPER@CASE.NL',
  'dot..dot@dots.example', '.lead@x.nl', 'trail.@x.nl', 'a@b', 'a@b.c', 'a@-b.nl', 'a@b-.nl', 'a b@c.nl', 'a@b c.nl', 'a!b@c.nl',
  'a#b@c.nl', 'ä@b.nl', 'a@bü.de', 'a@b.123', 'a@[1.2.3.4]', '"a"@b.nl', 'a@@b.nl', '@b.nl', 'a@', 'a@b..nl', 'a@.b.nl',
  'a-@b.nl', '-a@b.nl', 'a@b.n1', `${'a'.repeat(64)}@${'b'.repeat(70)}.nl`, 'a@b.nl.', 'a.@b.nl', 'a+@b.nl',
];

describe('email check (widget/email.ts) = the server check (zod 4 z.email())', () => {
  it.each(ADDRESSES)('%s', (address) => {
    const server = submissionSchema.shape.contact.shape.email.safeParse(address).success;
    expect(EMAIL.test(address)).toBe(server);
  });

  it('the list holds both verdicts', () => {
    const verdicts = new Set(ADDRESSES.map((a) => EMAIL.test(a)));
    expect(verdicts).toEqual(new Set([true, false]));
  });
});
