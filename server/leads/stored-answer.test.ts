import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../db/schema';
import { submissionBody } from '../../test/support/fixtures';
import { testApp } from '../../test/support/test-app';

// The answer stored for retries leaves out what it can rebuild exactly (stored-answer.ts): the
// retry still gets the first answer, byte for byte, and a lead row takes half a database page.

describe('the stored answer', () => {
  it('replays the first answer an hour later, link included, without storing the contact sentence or the link', async () => {
    const { post, db, clock, app } = testApp();
    const body = submissionBody();
    const first = await post(body);
    expect(first.status).toBe(201);
    const sent = await first.text();
    clock.advance(60 * 60_000); // a link signed "now" would differ
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(sent);

    const answer = JSON.parse(sent);
    const stored = db.select({ response: leads.response }).from(leads).where(eq(leads.id, answer.leadId)).get()!.response as Record<string, Record<string, unknown>>;
    expect(stored.confirmation).toBeDefined();
    expect(stored.confirmation.page).toBeUndefined();
    expect(stored.confirmation.contact).toBeUndefined();
    expect(answer.confirmation.contact).toBe(answer.nextStep);
    // The replayed link is a working one.
    expect((await app.request(new URL(answer.confirmation.page).pathname)).status).toBe(200);
  });

  it('replays an answer stored before, with its contact sentence and link, as it was stored', async () => {
    const { post, db } = testApp();
    const body = submissionBody();
    const first = await post(body);
    const answer = await first.json();
    const old = { ...answer, confirmation: { ...answer.confirmation, contact: 'Anna belt u morgen.', page: 'http://koers.test/p/an-older-token' } };
    db.update(leads).set({ response: old }).where(eq(leads.id, answer.leadId)).run();
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(old);
  });

  it('keeps a lead row under half a page: 40 leads take at most 21 pages of the leads table', async () => {
    const { post, db } = testApp();
    for (let i = 0; i < 40; i++) {
      const res = await post(submissionBody({ contact: { email: `sanne@company-${i}.example`, company: `Company ${i}` } }));
      expect(res.status).toBe(201);
    }
    const { pages } = db.$client.prepare(`select count(*) as pages from dbstat where name = 'leads'`).get() as { pages: number };
    expect(pages).toBeLessThanOrEqual(21); // one row per page (4 KB) before
  });
});
