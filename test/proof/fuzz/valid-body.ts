import fc from 'fast-check';
import { COMPANY_SIZES, type VendorConfig } from '../../../shared/config';
import { LIMITS } from '../../../shared/submission';

// Bodies that are valid by construction for the given config: any option id the config has,
// free texts full of control characters and arbitrary Unicode (the schema cleans them), optional
// parts present or absent. The server must answer 201 to every one of them.

/** Any code points, control characters included; at most `max` UTF-16 units (astral = 2). */
const anyText = (max: number) => fc.string({ unit: 'binary', maxLength: Math.floor(max / 2) });

/** Text that is still non-empty after control characters are replaced and the ends trimmed. */
const nonBlank = (max: number) =>
  fc
    .tuple(anyText(max / 2 - 1), fc.constantFrom(...'abcXYZ019éß漢'), anyText(max / 2 - 1))
    .map(([a, b, c]) => a + b + c);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined (JSON.stringify would too, but the model reads objects). */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}[a-z0-9]$/), fc.stringMatching(/^[a-z0-9]{1,20}$/), fc.constantFrom('example', 'nl', 'com'))
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`);

/** `formToken`: the genuine token, mostly; sometimes none or a forged one (a bot: 201, stored as spam). */
export function validBody(config: VendorConfig, formToken: string | undefined) {
  const q = config.questions;
  const ids = (options: { id: string }[]) => fc.constantFrom(...options.map((o) => o.id));
  const process = fc.oneof(
    fc.record({ accepted: fc.constant(true), deviation: optional(anyText(LIMITS.deviation)) }).map(compact),
    fc.record({ accepted: fc.constant(false), deviation: nonBlank(LIMITS.deviation) }),
  );
  const roles = fc
    .shuffledSubarray(q.stakeholders.roles.map((r) => r.id))
    .chain((picked) => fc.tuple(...picked.map((role) => fc.boolean().map((involved) => ({ role, involved })))));
  const utm = fc
    .record(
      { source: anyText(LIMITS.utm), medium: anyText(LIMITS.utm), campaign: anyText(LIMITS.utm), term: anyText(LIMITS.utm), content: anyText(LIMITS.utm) },
      { requiredKeys: [] },
    );
  const context = optional(
    fc.record({ pageUrl: anyText(LIMITS.url), referrer: anyText(LIMITS.url), utm }, { requiredKeys: [] }),
  );

  return fc
    .record({
      submissionId: fc.uuid({ version: 4 }),
      language: fc.constantFrom('nl', 'en'),
      process,
      answers: fc
        .record({
          stage: ids(q.stage.options),
          budget: ids(q.budget.options),
          decisionProcess: ids(q.decisionProcess.options),
          timeline: ids(q.timeline.options),
          costOfInaction: optional(anyText(LIMITS.costOfInaction)),
        })
        .map(compact),
      stakeholders: fc
        .record({
          roles,
          finalSay: ids(q.stakeholders.finalSay.options),
          orgInterest: optional(anyText(LIMITS.interest)),
          personalInterest: optional(anyText(LIMITS.interest)),
        })
        .map(compact),
      contact: fc
        .record({
          name: nonBlank(LIMITS.name),
          email,
          company: nonBlank(LIMITS.company),
          phone: optional(anyText(LIMITS.phone)),
          country: optional(fc.stringMatching(/^[A-Z]{2}$/)),
          companySize: optional(fc.constantFrom(...COMPANY_SIZES)),
          message: optional(anyText(LIMITS.message)),
          consent: fc.constant(true as const),
          // The honeypot: mostly absent or empty; filled in, the lead must be stored as spam.
          website: fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, fc.constant(''), anyText(200)),
        })
        .map(compact),
      context,
    })
    .chain((body) =>
      fc
        .oneof({ weight: 10, arbitrary: fc.constant(formToken) }, fc.constant(undefined), fc.string({ maxLength: 100 }), fc.constant(forge(formToken)))
        .map((token) => compact({ ...body, formToken: token }) as Record<string, unknown>),
    );
}

/** The same token with its signature's first character changed. */
function forge(token: string | undefined): string {
  if (!token) return 'x';
  const dot = token.lastIndexOf('.');
  return token.slice(0, dot + 1) + (token[dot + 1] === 'A' ? 'B' : 'A') + token.slice(dot + 2);
}
