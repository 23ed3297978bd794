import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { submissionBody } from '../support/fixtures';
import { cockpitSession } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// Every cockpit page, with its CSS and scripts (all inline), weighs at most 50 KB gzip, carries the
// cockpit's CSP without third-party sources, is not cached and not indexed — with data in it.

const PAGES = ['/app/inbox', '/app/pipeline', '/app/funnel', '/app/team', '/app/routing-tester', '/app/embed', '/app/data'];

describe('cockpit pages', () => {
  it('weigh ≤ 50 KB gzip each and carry no-store, noindex and a CSP without third parties', async () => {
    const s = await mailedLeads();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await s.post(submissionBody({ contact: { email: `p${i}@company-${i}.example`, company: `Company ${i}` } }));
      ids.push((await res.json()).leadId);
    }
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    for (const path of [...PAGES, `/app/leads/${ids[0]}`]) {
      const res = await mila.get(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(gzipSync(html).length, path).toBeLessThanOrEqual(50 * 1024);
      expect(html, path).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/); // nothing from elsewhere
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      expect(res.headers.get('x-robots-tag'), path).toContain('noindex');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).not.toMatch(/https?:|\*/);
    }
  });
});
