import { describe, expect, it } from 'vitest';
import { funnelCounter } from '../../server/funnel/counter';
import { EVENTS_PER_CLIENT_PER_MINUTE } from '../../server/funnel/events-route';
import { inProcessWriter, type Writer } from '../../server/threads/writes';
import { manualClock } from '../../server/clock';
import { openDatabase } from '../../server/db/open';
import { exampleConfig, submissionBody } from '../support/fixtures';
import { ORIGIN, testApp } from '../support/test-app';

// POST /api/v1/sites/{site}/events: origin checked as for leads, its own per-client limit, bad
// bodies refused with the usual error body, and only counts kept, written in batches.

const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

function setup(opts: { eventsPerClientPerMinute?: number; perClientPerMinute?: number; wrap?: (base: Writer) => Writer } = {}) {
  const db = openDatabase(':memory:');
  const clock = manualClock(Date.UTC(2026, 2, 10, 9, 0));
  const config = exampleConfig();
  const base = inProcessWriter({ db, config, clock });
  const writes: string[] = [];
  // Every write the app makes goes through here: the test sees when the funnel writes.
  const writer: Writer = (kind, input) => {
    writes.push(kind);
    return (opts.wrap ? opts.wrap(base) : base)(kind, input);
  };
  const funnel = funnelCounter({ clock, write: (rows) => writer('funnel-counts', { rows }) });
  const t = testApp({
    db,
    clock,
    config,
    deps: {
      writer,
      funnel,
      protection: { perClientPerMinute: opts.perClientPerMinute ?? 0, perSitePerMinute: 0, eventsPerClientPerMinute: opts.eventsPerClientPerMinute ?? 0 },
    },
  });
  const event = (body: unknown, init: { origin?: string | null; type?: string; site?: string; env?: object } = {}) =>
    t.app.request(
      `/api/v1/sites/${init.site ?? 'zeilmaker-web'}/events`,
      {
        method: 'POST',
        headers: { 'Content-Type': init.type ?? 'text/plain;charset=UTF-8', ...(init.origin === null ? {} : { Origin: init.origin ?? ORIGIN }) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      init.env,
    );
  const counts = () =>
    db.$client.prepare('select site, day, language, event, step, count from funnel_counts order by event, step, language').all() as Record<string, unknown>[];
  return { ...t, funnel, writes, event, counts };
}

describe('funnel events endpoint', () => {
  it('answers 204 to a listed origin (readable by it) and counts the event', async () => {
    const s = setup();
    const res = await s.event({ e: 's', l: 'en' });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect(s.funnel.pending()).toBe(1);
  });

  it('refuses an origin the site does not list (403), an unknown site (404), and counts nothing', async () => {
    const s = setup();
    const forbidden = await s.event({ e: 's' }, { origin: 'https://evil.example' });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe('origin_not_allowed');
    const unknown = await s.event({ e: 's' }, { site: 'nope' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    expect(s.funnel.pending()).toBe(0);
  });

  it('refuses bad bodies with the usual error body: not JSON, unknown code, unknown field, a language the site does not show, another content type', async () => {
    const s = setup({});
    const cases: [unknown, number, string, string?][] = [
      ['{"e":', 400, 'malformed_json'],
      [{ e: 'x' }, 422, 'invalid_content', 'e'],
      [{ e: 0 }, 422, 'invalid_content', 'e'],
      [{ e: 10 }, 422, 'invalid_content', 'e'],
      [{ e: 's', page: 'https://www.zeilmaker.example/?email=a@b.example' }, 422, 'invalid_content', 'page'],
      [{ e: 's', l: 'de' }, 422, 'invalid_content', 'l'],
      [[], 422, 'invalid_content', '(body)'],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await s.event(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const answer = await res.json();
      expect(answer.error.code).toBe(code);
      if (path) expect(answer.error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    const form = await s.event('e=s', { type: 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await form.json()).error.code).toBe('unsupported_media_type');
    expect(s.funnel.pending()).toBe(0);
  });

  it('a language the site shows but the config lacks for it is refused; the site default is used without one', async () => {
    const config = exampleConfig((c) => {
      c.sites[0].languages = ['nl'];
      c.sites[0].defaultLanguage = 'nl';
    });
    const db = openDatabase(':memory:');
    const clock = manualClock(Date.UTC(2026, 2, 10, 9, 0));
    const funnel = funnelCounter({ clock, write: async (rows) => inProcessWriter({ db, config, clock })('funnel-counts', { rows }) });
    const t = testApp({ db, clock, config, deps: { funnel } });
    const post = (body: object) =>
      t.app.request('/api/v1/sites/zeilmaker-web/events', { method: 'POST', headers: { 'Content-Type': 'text/plain', Origin: ORIGIN }, body: JSON.stringify(body) });
    expect((await post({ e: 's', l: 'en' })).status).toBe(422);
    expect((await post({ e: 's' })).status).toBe(204);
    await funnel.flush();
    expect(db.$client.prepare('select language from funnel_counts').all()).toEqual([{ language: 'nl' }]);
  });

  it('limits each client on its own (429 with Retry-After), apart from the submissions’ limit', async () => {
    const s = setup({ eventsPerClientPerMinute: 3, perClientPerMinute: 2 });
    for (let i = 0; i < 3; i++) expect((await s.event({ e: 's' }, { env: from('203.0.113.7') })).status).toBe(204);
    const limited = await s.event({ e: 's' }, { env: from('203.0.113.7') });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect((await limited.json()).error.code).toBe('too_many_requests');
    // Another client still gets through; the limited client's lead is not refused for its events.
    expect((await s.event({ e: 's' }, { env: from('198.51.100.9') })).status).toBe(204);
    const lead = await s.post(submissionBody(), { env: from('203.0.113.7') });
    expect(lead.status).toBe(201);
    // The window passes: events count again.
    s.clock.advance(60_000);
    expect((await s.event({ e: 's' }, { env: from('203.0.113.7') })).status).toBe(204);
  });

  it('has a default limit per client', () => {
    expect(EVENTS_PER_CLIENT_PER_MINUTE).toBeGreaterThanOrEqual(60);
  });

  it('counts in memory and writes only on flush, one write per batch, adding to what is stored', async () => {
    const s = setup();
    const codes = ['s', 's', 'o', 1, 1, 2, 'd'] as const;
    for (const e of codes) expect((await s.event({ e, l: 'en' })).status).toBe(204);
    expect((await s.event({ e: 's', l: 'nl' })).status).toBe(204);
    expect(s.writes.filter((k) => k === 'funnel-counts')).toEqual([]);
    expect(s.counts()).toEqual([]);

    expect(await s.funnel.flush()).toBe(6);
    expect(s.writes.filter((k) => k === 'funnel-counts')).toHaveLength(1);
    const day = '2026-03-10';
    expect(s.counts()).toEqual([
      { site: 'zeilmaker-web', day, language: 'en', event: 'opened', step: 0, count: 1 },
      { site: 'zeilmaker-web', day, language: 'en', event: 'shown', step: 0, count: 2 },
      { site: 'zeilmaker-web', day, language: 'nl', event: 'shown', step: 0, count: 1 },
      { site: 'zeilmaker-web', day, language: 'en', event: 'step', step: 1, count: 2 },
      { site: 'zeilmaker-web', day, language: 'en', event: 'step', step: 2, count: 1 },
      { site: 'zeilmaker-web', day, language: 'en', event: 'submitted', step: 0, count: 1 },
    ]);
    // Nothing new: no write at all.
    expect(await s.funnel.flush()).toBe(0);
    expect(s.writes.filter((k) => k === 'funnel-counts')).toHaveLength(1);
    // A next batch adds to the stored counts; a new day gets its own row.
    await s.event({ e: 's', l: 'en' });
    s.clock.advance(24 * 60 * 60_000);
    await s.event({ e: 's', l: 'en' });
    expect(await s.funnel.flush()).toBe(2);
    const shown = s.counts().filter((r) => r.event === 'shown' && r.language === 'en');
    expect(shown.map((r) => [r.day, r.count])).toEqual([
      ['2026-03-10', 3],
      ['2026-03-11', 1],
    ]);
  });

  it('keeps the counts of a failed write for the next flush', async () => {
    let fail = true;
    const db = openDatabase(':memory:');
    const clock = manualClock(Date.UTC(2026, 2, 10, 9, 0));
    const config = exampleConfig();
    const real = inProcessWriter({ db, config, clock });
    const funnel = funnelCounter({
      clock,
      write: (rows) => (fail ? Promise.reject(new Error('disk full')) : real('funnel-counts', { rows })),
    });
    funnel.count('zeilmaker-web', 'en', 's');
    funnel.count('zeilmaker-web', 'en', 's');
    await expect(funnel.flush()).rejects.toThrow('disk full');
    funnel.count('zeilmaker-web', 'en', 's');
    fail = false;
    await funnel.flush();
    expect(db.$client.prepare('select count from funnel_counts').all()).toEqual([{ count: 3 }]);
  });

  it('stores nothing personal: no address, origin, page or time of day; no other table changes', async () => {
    const s = setup();
    const tables = (s.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    const rowCounts = () => Object.fromEntries(tables.map((name) => [name, (s.db.$client.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n]));
    const before = rowCounts();
    await s.event({ e: 'o', l: 'nl' }, { env: from('203.0.113.7') });
    await s.funnel.flush();
    expect(rowCounts()).toEqual({ ...before, funnel_counts: 1 });
    const columns = (s.db.$client.prepare('pragma table_info(funnel_counts)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.sort()).toEqual(['count', 'day', 'event', 'language', 'site', 'step']);
    const stored = JSON.stringify(s.counts());
    for (const personal of ['203.0.113', 'zeilmaker.example', 'T09']) expect(stored).not.toContain(personal);
  });

  it('a burst of events neither blocks nor waits for submissions: no write per event, leads stored while the funnel write hangs', async () => {
    let release!: () => void;
    const hanging = new Promise<void>((r) => (release = r));
    // The funnel's write never finishes until released (a store thread busy with it).
    const s = setup({
      wrap: (base) => ((kind, input) => (kind === 'funnel-counts' ? hanging.then(() => base(kind, input)) : base(kind, input))) as Writer,
    });
    // A first batch is on its way and hangs.
    await s.event({ e: 's' });
    const firstFlush = s.funnel.flush();
    // 2,000 events and 20 submissions at once.
    const events = Array.from({ length: 2000 }, (_, i) => s.event({ e: (i % 5) + 1, l: 'en' }));
    const leads = Array.from({ length: 20 }, (_, i) => s.post(submissionBody({ contact: { email: `p${i}@firm${i}.example` } })));
    const [eventAnswers, leadAnswers] = await Promise.all([Promise.all(events), Promise.all(leads)]);
    expect(eventAnswers.every((r) => r.status === 204)).toBe(true);
    expect(leadAnswers.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect((s.db.$client.prepare("select count(*) as n from leads where status <> 'spam'").get() as { n: number }).n).toBe(20);
    // The burst made no write of its own: one funnel write (the hanging one), whatever the number of events.
    expect(s.writes.filter((k) => k === 'funnel-counts')).toHaveLength(1);
    expect(s.funnel.pending()).toBe(5);
    release();
    await firstFlush;
    await s.funnel.flush();
    const steps = s.db.$client.prepare("select sum(count) as n from funnel_counts where event = 'step'").get() as { n: number };
    expect(steps.n).toBe(2000);
  });
});
