import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';
import { repActionLinks } from '../security/action-links';

async function withLead(edit?: (t: ReturnType<typeof testApp>) => void) {
  const t = testApp();
  edit?.(t);
  const res = await t.post(submissionBody({ language: 'en', contact: { email: 'ann@example.org' } }));
  const { leadId } = await res.json();
  const lead = t.db.select().from(leads).where(eq(leads.id, leadId)).get()!;
  const [accept, pass, notAFit] = repActionLinks(t.deps)(leadId, lead.repId!, 'en').map((l) => new URL(l.href).pathname);
  return { ...t, lead, accept, pass, notAFit };
}

describe('GET /r/{token}', () => {
  it('shows an English rep an English page with the history, under a CSP without inline anything', async () => {
    const t = await withLead((t) => (t.config.teams[0].reps = ['chris']));
    const res = await t.app.request(t.pass);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Pass this lead on?');
    expect(html).toContain('<h2>History</h2>');
    expect(html).toContain('<strong>Assigned</strong> — Chris Smith<br>Team Account executives</li>');
    expect(html).not.toContain('rule 1'); // the stored English summary is for the admin
    expect(html).toContain('Promised to the prospect');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers.get('X-Robots-Tag')).toBe('noindex');
  });

  it('never acts on GET, however often it is fetched', async () => {
    const t = await withLead();
    for (const path of [t.accept, t.pass, t.notAFit, t.accept]) expect((await t.app.request(path)).status).toBe(200);
    expect(t.db.select().from(leads).get()).toMatchObject({ status: 'assigned', repId: t.lead.repId });
  });

  it('answers 404 for a genuine link to a lead that no longer exists', async () => {
    const t = await withLead();
    t.db.delete(leads).run();
    const res = await t.app.request(t.accept, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Deze lead bestaat niet meer.'); // Anna reads Dutch first
  });
});
