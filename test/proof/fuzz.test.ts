import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzTarget, newTally } from './fuzz/harness';
import { brokenJson, mutations, withShortPrint, type Case } from './fuzz/mutations';
import { validBody } from './fuzz/valid-body';

// Issue 5, proof: ≥ 10,000 generated and mutated bodies against the real app (createApp on real
// SQLite). Rules: no 5xx, no invalid body accepted (invalid by construction, or by the model in
// fuzz/oracle.ts), every valid body accepted and stored exactly as the schema cleaned it.

const tally = newTally();
// ~20-40 s for all runs on 2 idle cores; the generous limit is for a machine busy with other work.
const LONG = 180_000;
const started = Date.now();
const json = (kind: string, body: string): Case => withShortPrint({ kind, body, contentType: 'application/json', mustReject: false });

afterAll(() => {
  const s = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: runs=${tally.runs} 5xx=${tally.serverErrors} invalidAccepted=${tally.invalidAccepted} ` +
      `validAccepted=${tally.validAccepted} validRefused=${tally.validRefused} in ${s} s\n` +
      `  by status ${JSON.stringify(tally.byStatus)}\n  by case ${JSON.stringify(tally.byKind)}`,
  );
  if (tally.firstFailure) console.log(`first failure (before shrinking): ${tally.firstFailure}`);
});

describe('fuzz: the lead endpoint under generated and mutated bodies', () => {
  it('accepts 2,000 valid bodies (control characters, any Unicode, optional parts) and stores them as cleaned', async () => {
    const t = await fuzzTarget(tally);
    await fc.assert(
      fc.asyncProperty(validBody(t.config, t.formToken), async (body) => {
        await t.check(json('valid', JSON.stringify(body)));
      }),
      { numRuns: 2_000 },
    );
  }, LONG);

  it('refuses 4,500 bodies made invalid by one mutation, with the right 4xx', async () => {
    const t = await fuzzTarget(tally);
    await fc.assert(
      fc.asyncProperty(mutations(t.config, validBody(t.config, t.formToken)), async (c) => {
        await t.check(c);
      }),
      { numRuns: 4_500 },
    );
  }, LONG);

  it('answers 1,500 damaged JSON texts as the model says (400 when not JSON)', async () => {
    const t = await fuzzTarget(tally);
    await fc.assert(
      fc.asyncProperty(brokenJson(validBody(t.config, t.formToken)), async (c) => {
        await t.check(c);
      }),
      { numRuns: 1_500 },
    );
  }, LONG);

  it('refuses 1,500 arbitrary JSON values and 500 arbitrary texts', async () => {
    const t = await fuzzTarget(tally);
    const values = fc.oneof(fc.jsonValue(), fc.object({ maxDepth: 3 }).map((o) => JSON.parse(JSON.stringify(o)) as unknown));
    await fc.assert(
      fc.asyncProperty(values, async (v) => {
        await t.check(json('arbitrary json', JSON.stringify(v) ?? 'null'));
      }),
      { numRuns: 1_500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
        await t.check(json('arbitrary text', text));
      }),
      { numRuns: 500 },
    );
  }, LONG);

  it('refuses 500 valid bodies from a foreign origin or to an unknown site', async () => {
    const t = await fuzzTarget(tally);
    const allowed = t.site.origins;
    const foreign = fc.oneof(fc.webUrl().map((u) => new URL(u).origin), fc.string({ maxLength: 30 })).filter((o) => o.trim() !== '' && !allowed.includes(o.trim()));
    const target = fc.oneof(
      foreign.map((origin) => ({ origin, site: undefined, expect: [403] })),
      fc.stringMatching(/^[a-z0-9-]{1,30}$/).filter((s) => s !== t.site.key).map((site) => ({ origin: undefined, site, expect: [404] })),
    );
    await fc.assert(
      fc.asyncProperty(validBody(t.config, t.formToken), target, async (body, to) => {
        const c = json('foreign', JSON.stringify(body));
        await t.check(c, { origin: to.origin, site: to.site, expectStatuses: to.expect });
      }),
      { numRuns: 500 },
    );
  }, LONG);

  it('totals: ≥ 10,000 runs, 5xx = 0, invalid accepted = 0', () => {
    expect(tally.runs).toBeGreaterThanOrEqual(10_000);
    expect(tally.serverErrors).toBe(0);
    expect(tally.invalidAccepted).toBe(0);
    expect(tally.validRefused).toBe(0);
  });
});
