import { describe, expect, it } from 'vitest';
import { leads } from '../../server/db/schema';
import { submissionBody } from '../support/fixtures';
import { mailedLeads } from '../support/mailed-leads';

// Issue 13, attribution: the ad click ids of the visit's first page (gclid, fbclid, msclkid) travel
// with the lead like the UTM fields — stored, in the rep's mail, in the admin API; unknown ids and
// over-long values are refused.

describe('click ids', () => {
  it('are stored with the lead and shown to the rep beside the UTM fields', async () => {
    const s = await mailedLeads({ deps: { adminToken: 'a'.repeat(40) } });
    const id = await s.submit({ context: { utm: { source: 'google' }, clickIds: { gclid: 'Cj0KCQiA-abc_123', msclkid: '' } } });
    expect(s.db.select().from(leads).get()).toMatchObject({ id, clickIds: { gclid: 'Cj0KCQiA-abc_123', msclkid: '' } });
    const rep = s.sink.messages.find((m) => m.envelope.to.includes('anna@zeilmaker.example'))!;
    expect(rep.parsed.text).toContain('gclid: Cj0KCQiA-abc_123');
    expect(rep.parsed.text).toContain('utm_source: google');
    expect(rep.parsed.text).not.toContain('msclkid');
    const admin = await s.app.request('/api/v1/admin/leads', { headers: { Authorization: `Bearer ${'a'.repeat(40)}` } });
    expect((await admin.json())[0].clickIds).toEqual({ gclid: 'Cj0KCQiA-abc_123', msclkid: '' });

    const none = await s.submit({ contact: { email: 'x@other.example', company: 'Other' } });
    expect(s.db.select().from(leads).all().find((l) => l.id === none)!.clickIds).toBeNull();
  });

  it('refuses an unknown click id and an over-long one with the usual error body', async () => {
    const s = await mailedLeads();
    const unknown = await s.post(submissionBody({ context: { clickIds: { dclid: 'x' } } }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields[0].path).toMatch(/^context\.clickIds/);
    const long = await s.post(submissionBody({ context: { clickIds: { fbclid: 'x'.repeat(501) } } }));
    expect(long.status).toBe(422);
    expect((await long.json()).error.fields).toEqual([expect.objectContaining({ path: 'context.clickIds.fbclid' })]);
  });
});
