import type { Site } from '../../../shared/config';
import { testApp, ORIGIN } from '../../support/test-app';
import type { Case } from './mutations';
import { submissionSchema } from '../../../shared/submission';
import { safeJson, storedLeadProblems, verdict } from './oracle';

// One fuzz target: the real app (createApp) on a fresh in-memory database, a form token fetched
// the way the widget does, and a tally of every answer. `check` throws on any broken rule so
// fast-check can shrink the body that broke it.

export interface Tally {
  runs: number;
  byStatus: Record<number, number>;
  byKind: Record<string, number>;
  serverErrors: number;
  invalidAccepted: number;
  validAccepted: number;
  validRefused: number;
  /** The first broken rule, before fast-check shrinks it (shrinking may reuse submissionIds). */
  firstFailure?: string;
}

export function newTally(): Tally {
  return { runs: 0, byStatus: {}, byKind: {}, serverErrors: 0, invalidAccepted: 0, validAccepted: 0, validRefused: 0 };
}

export async function fuzzTarget(tally: Tally, opts: Parameters<typeof testApp>[0] = {}) {
  // Generated addresses repeat (fast-check favours small values): no daily cap on confirmations here.
  const t = testApp({ ...opts, deps: { prospectMailCaps: { perAddressPerDay: Infinity, perDomainPerDay: Infinity }, ...opts.deps } });
  const site: Site = t.config.sites[0];
  const form = await t.app.request(`/api/v1/sites/${site.key}/form`, { headers: { Origin: ORIGIN } });
  const formToken = ((await form.json()) as { formToken?: string }).formToken;
  t.clock.advance(60_000); // a person took a minute to fill the form in

  async function send(c: Case, opts: { origin?: string | null; site?: string } = {}) {
    const headers: Record<string, string> = {};
    if (c.contentType !== undefined) headers['Content-Type'] = c.contentType;
    if (opts.origin !== null) headers.Origin = opts.origin ?? ORIGIN;
    // A form token serves one lead: the genuine token the generators put in becomes a fresh one,
    // shown a minute ago, for every request.
    const text = formToken === undefined ? c.body : c.body.replaceAll(formToken, t.token(site.key));
    // No Content-Type at all: a byte body gets none from the Request constructor.
    const body = c.contentType === undefined ? new TextEncoder().encode(text) : text;
    const res = await t.app.request(`/api/v1/sites/${opts.site ?? site.key}/leads`, { method: 'POST', headers, body });
    const answer = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(answer);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text: answer };
  }

  // What each stored submissionId was sent with (as the schema cleans it, without the token): a
  // repeat with the same content gets the first answer (200), with other content a 409.
  const stored = new Map<string, string>();
  const contentOf = (body: string) => {
    const parsed = submissionSchema.safeParse(safeJson(body));
    if (!parsed.success) return undefined;
    const { formToken: _token, ...content } = parsed.data;
    return { id: parsed.data.submissionId, content: JSON.stringify(content) };
  };

  /** Sends a case and checks it against the model; `expectStatuses` overrides the model's answer. */
  async function check(c: Case, opts: { origin?: string | null; site?: string; expectStatuses?: number[] } = {}) {
    const model = verdict(c, t.config, site);
    const sent = model.valid && !c.mustReject && opts.site === undefined && opts.origin === undefined ? contentOf(c.body) : undefined;
    const earlier = sent && stored.get(sent.id);
    if (earlier !== undefined && opts.expectStatuses === undefined) {
      opts = { ...opts, expectStatuses: earlier === sent!.content ? [200] : [409] };
    }
    const res = await send(c, opts);
    tally.runs++;
    tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
    tally.byKind[c.kind.split(' ')[0]] = (tally.byKind[c.kind.split(' ')[0]] ?? 0) + 1;
    const ok = res.status >= 200 && res.status < 300;
    const fail = (why: string) => {
      tally.firstFailure ??= `${why}: ${c.kind} → ${res.status} ${res.text.slice(0, 300)}\n${c.body.slice(0, 1500)}`;
      throw new Error(`${why}\n  case: ${c.kind}, content-type ${c.contentType}\n  answer ${res.status}: ${res.text.slice(0, 600)}\n  body: ${c.body.slice(0, 600)}`);
    };

    if (res.status >= 500) {
      tally.serverErrors++;
      fail('5xx');
    }
    const repeat = earlier !== undefined;
    const mustRefuse = c.mustReject || !model.valid || (opts.expectStatuses !== undefined && !repeat);
    if (ok && mustRefuse) {
      tally.invalidAccepted++;
      fail('an invalid body was accepted');
    }
    if (opts.expectStatuses && !opts.expectStatuses.includes(res.status)) fail(`expected ${opts.expectStatuses.join('/')}`);
    if (!opts.expectStatuses && !model.valid && !model.statuses.includes(res.status)) fail(`expected ${model.statuses.join('/')}`);
    if (!ok) {
      const err = (res.json as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      if (typeof err?.code !== 'string' || typeof err.message !== 'string') fail('a 4xx without the JSON error shape');
    }
    if (model.valid && !mustRefuse && !repeat) {
      if (!ok) {
        tally.validRefused++;
        fail('a valid body was refused');
      }
      tally.validAccepted++;
    }
    if (ok && sent && !repeat) stored.set(sent.id, sent.content);
    if (ok && !repeat) {
      const problems = storedLeadProblems(t.db, site, t.config, c, res.json, formToken);
      if (problems.length) fail(`stored lead does not match:\n  ${problems.join('\n  ')}`);
    }
    return res;
  }

  return { ...t, site, formToken, send, check };
}
