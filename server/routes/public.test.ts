import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads, outbox } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { ORIGIN, testApp } from '../../test/support/test-app';

const leadCount = (db: ReturnType<typeof testApp>['db']) => db.select({ n: count() }).from(leads).get()!.n;

describe('POST /api/v1/sites/{site}/leads', () => {
  it('stores a qualified, routed lead with its two mails and answers 201', async () => {
    const { post, db } = testApp();
    const res = await post(submissionBody());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      leadId: expect.any(String),
      // For the host page's analytics (the widget's koers:submitted): the stored lead's tier.
      tier: 'sales-ready',
      // The fixture proposes another approach: the next step is the rep's answer, not the configured "plan the introduction".
      nextStep: expect.stringMatching(/^Anna de Vries \(Accountmanager\) beantwoordt uw voorstel uiterlijk woensdag 2 december om 17:00/),
      rep: { name: 'Anna de Vries' },
      confirmation: expect.objectContaining({ thanks: 'Bedankt, Sanne Visser, voor uw aanvraag bij Zeilmaker Software B.V.' }),
    });
    const lead = db.select().from(leads).get()!;
    expect(lead).toMatchObject({ id: body.leadId, tier: 'sales-ready', score: 85, repId: 'anna', teamId: 'account-executives', status: 'assigned' });
    expect(lead.routingReason).toMatch(/rule 1 .*Account executives.*Anna de Vries/);
    const jobs = db.select().from(outbox).all();
    expect(jobs.map((j) => [j.kind, (j.payload as { mail?: string }).mail])).toEqual([
      ['lead-mail', 'rep'],
      ['lead-mail', 'prospect'],
    ]);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
  });

  it('answers the same body with 200 for the same submissionId and stores nothing new', async () => {
    const { post, db } = testApp();
    const body = submissionBody();
    const first = await post(body);
    const again = await post({ ...body, contact: { ...body.contact, name: '  Sanne Visser ' } }); // the same once trimmed
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(leadCount(db)).toBe(1);
    expect(db.select({ n: count() }).from(outbox).get()!.n).toBe(2);
  });

  it("409 for a reused submissionId with other content: nobody gets another person's answer", async () => {
    const { post, db } = testApp();
    const body = submissionBody();
    const first = await post(body);
    const other = await post({ ...body, contact: { ...body.contact, name: 'Someone Else', email: 'someone@elsewhere.example' } });
    expect(first.status).toBe(201);
    expect(other.status).toBe(409);
    const json = await other.json();
    expect(json).toEqual({ error: { code: 'submission_id_reused', message: expect.stringContaining('submissionId') } });
    expect(JSON.stringify(json)).not.toContain((await first.json()).leadId);
    expect(leadCount(db)).toBe(1);
  });

  it('400 for malformed JSON', async () => {
    const { post } = testApp();
    const res = await post('{"submissionId": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'malformed_json', message: expect.any(String) } });
  });

  it('404 for an unknown site', async () => {
    const res = await testApp().post(submissionBody(), { site: 'nope' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });

  it('403 for an origin the site does not list; the page may read why, and nothing is stored', async () => {
    const { post, db } = testApp();
    const res = await post(submissionBody(), { headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toEqual({ code: 'origin_not_allowed', message: expect.stringContaining('https://evil.example') });
    // Readable, so the browser console shows the 403 and not a bare CORS error; it allows nothing.
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://evil.example');
    expect(leadCount(db)).toBe(0);
  });

  it('413 for a body over the limit, before anything is stored', async () => {
    const { post, db } = testApp();
    const res = await post(submissionBody({ contact: { message: 'x'.repeat(70_000) } }));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('body_too_large');
    expect(leadCount(db)).toBe(0);
  });

  it('415 for a body that is not JSON', async () => {
    const { post } = testApp();
    const res = await post(JSON.stringify(submissionBody()), { headers: { 'Content-Type': 'text/plain' } });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('422 names every invalid field: structure, unknown fields, option ids, consent', async () => {
    const { post, db } = testApp();
    const body: any = submissionBody({
      answers: { stage: 'buying' },
      contact: { email: 'not-an-email', consent: false },
    });
    body.extra = 1;
    let res = await post(body);
    expect(res.status).toBe(422);
    let json = await res.json();
    expect(json.error.code).toBe('invalid_content');
    expect(json.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['contact.consent', 'contact.email', 'extra']);

    // Structurally fine, but not what this vendor asks: checked against the config.
    res = await post(
      submissionBody({
        answers: { stage: 'buying' },
        stakeholders: { roles: [{ role: 'cfo', involved: true }], finalSay: 'me' },
        process: { accepted: false, deviation: '' },
      }),
    );
    expect(res.status).toBe(422);
    json = await res.json();
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN); // the widget can show the errors
    expect(json.error.fields).toEqual([
      { path: 'process.deviation', message: 'describe the approach you propose' },
      { path: 'answers.stage', message: expect.stringContaining('unknown option "buying"') },
      { path: 'stakeholders.roles[0].role', message: 'unknown role "cfo"' },
    ]);
    expect(leadCount(db)).toBe(0);
  });

  it('lets a browser preflight from an allowed origin, refuses others', async () => {
    const { app } = testApp();
    const preflight = (origin: string) =>
      app.request('/api/v1/sites/zeilmaker-web/leads', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(ok.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('content-type');
    expect((await preflight('https://evil.example')).status).toBe(403);
  });

  it('keeps CR/LF out of one-line fields', async () => {
    const { post, db } = testApp();
    await post(submissionBody({ contact: { name: 'Eve\r\nBcc: spy@evil.example', company: 'ACME\nInc' } }));
    const lead = db.select().from(leads).get()!;
    expect(lead.contactName).toBe('Eve Bcc: spy@evil.example');
    expect(lead.company).toBe('ACME Inc');
  });
});

describe('GET /api/v1/sites/{site}/form', () => {
  it('gives labels in the asked language and never points', async () => {
    const { app } = testApp();
    const res = await app.request('/api/v1/sites/zeilmaker-web/form?lang=en', { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(200);
    const form = await res.json();
    expect(form.language).toBe('en');
    expect(form.process.steps[0]).toEqual({
      id: 'intro',
      title: 'Introduction',
      weDo: 'A 30-minute call with a consultant.',
      weAsk: 'Tell us why you are looking now and who decides.',
      duration: '1 week',
    });
    expect(form.questions.stage.options[2]).toEqual({ id: 'comparing', label: 'Comparing suppliers' });
    // No scoring, no routing, no rep's address: only the vendor's public fallback contact.
    expect(JSON.stringify(form)).not.toMatch(/points|salesReady|routing|(anna|bram|chris|dewi)@zeilmaker/);
    expect(form.vendor.fallbackContact).toEqual({ email: 'sales@zeilmaker.example', phone: '+31 20 123 4500' });
    expect(form.formToken).toEqual(expect.any(String));
  });

  it('falls back to the site default language for a language it does not offer', async () => {
    const { app } = testApp();
    const form = await (await app.request('/api/v1/sites/zeilmaker-web/form?lang=de')).json();
    expect(form.language).toBe('nl');
    expect(form.process.title).toBe('Zo werken wij');
  });
});

describe('GET /healthz', () => {
  it('answers 200 when the database answers', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});
