import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../db/schema';
import type { Log } from '../log';
import { repActionLinks } from '../security/action-links';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';

function recorded() {
  const lines: { message: string; data?: Record<string, unknown> }[] = [];
  const log: Log = {
    info: (message, data) => void lines.push({ message, data }),
    warn: (message, data) => void lines.push({ message, data }),
    error: (message, data) => void lines.push({ message, data }),
  };
  const text = () => lines.map((l) => `${l.message} ${JSON.stringify(l.data ?? {})}`).join('\n');
  return { log, lines, text };
}

describe('request log', () => {
  it('logs one line per request with the route pattern, never the rep link\'s token', async () => {
    const { log, lines, text } = recorded();
    const t = testApp({ deps: { log } });
    const { leadId } = await (await t.post(submissionBody())).json();
    const lead = t.db.select().from(leads).where(eq(leads.id, leadId)).get()!;
    const [accept] = repActionLinks(t.deps)(leadId, lead.repId!, 'nl').map((l) => new URL(l.href).pathname);
    const token = accept.split('/').pop()!;
    lines.length = 0;

    expect((await t.app.request(accept)).status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ message: 'request', data: { method: 'GET', route: '/r/:token', status: 200 } });
    expect(lines[0].data!.ms).toEqual(expect.any(Number));
    expect(text()).not.toContain(token);
    expect(text()).not.toContain(token.slice(0, 16));
  });

  it('logs a lead POST without the address, the name or the query string', async () => {
    const { log, lines, text } = recorded();
    const t = testApp({ deps: { log } });
    const body = submissionBody({ contact: { email: 'geheim.persoon@visser.example', name: 'Geheime Persoon' } });
    const res = await t.app.request('/api/v1/sites/zeilmaker-web/leads?email=geheim.persoon@visser.example', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://www.zeilmaker.example' },
      body: JSON.stringify({ ...body, formToken: t.token() }),
    });
    expect(res.status).toBe(201);
    expect(lines.map((l) => l.data)).toEqual([{ method: 'POST', route: '/api/v1/sites/:site/leads', status: 201, ms: expect.any(Number) }]);
    expect(text()).not.toMatch(/geheim|Geheime|visser|\?/i);
  });

  it('names answers without a route, and errors and refusals by middleware, by pattern too', async () => {
    const { log, lines } = recorded();
    const t = testApp({ deps: { log } });
    await t.app.request('/r/some-token/extra/sanne@visser.example');
    await t.app.request('/no/such/page?secret=1');
    await t.app.request('/api/v1/sites/no-such-site/form');
    await t.post('not json');
    expect(lines.map((l) => [l.data!.method, l.data!.route, l.data!.status])).toEqual([
      ['GET', '/r/*', 404], // the rep pages' middleware matched: its pattern, not the path
      ['GET', '(no route)', 404],
      ['GET', '/api/v1/sites/:site/form', 404],
      ['POST', '/api/v1/sites/:site/leads', 400],
    ]);
  });
});
