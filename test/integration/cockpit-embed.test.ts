import { describe, expect, it } from 'vitest';
import { SCRIPTS } from '../../server/cockpit/assets';
import { cockpitSession, pageText } from '../support/cockpit-session';
import { mailedLeads } from '../support/mailed-leads';

// The embed page (issue 11): the snippets per site with a copy button, and live previews that
// load the real widget from a page on the server's own origin.

describe('cockpit embed page', () => {
  it('shows a manager each site’s snippets (PUBLIC_URL, data-site) and a preview per language', async () => {
    const s = await mailedLeads();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    const res = await mila.get('/app/embed');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-src 'self'");
    expect(csp).toMatch(/script-src 'sha256-[^']+'/);
    const html = await res.text();
    const text = pageText(html);
    // With the vendor's fallback contact: the widget shows it when the form cannot load.
    const script = '<script src="http://koers.test/widget.js" data-site="zeilmaker-web" data-fallback-email="sales@zeilmaker.example" data-fallback-phone="+31 20 123 4500" async></script>';
    expect(text).toContain(script);
    expect(text).toContain(`<div data-koers></div> ${script}`);
    expect(html).toContain('data-copy="launcher-zeilmaker-web"');
    // The other pages: attribution only (issue 13), with how to count leads in the vendor's analytics.
    expect(text).toContain('Op elke andere pagina van de site (toont niets) <script src="http://koers.test/widget.js" data-site="zeilmaker-web" data-mode="capture" async></script>');
    expect(html).toContain('data-copy="capture-zeilmaker-web"');
    expect(text).toContain('koers:submitted');
    expect(html).toContain(SCRIPTS.copy);
    for (const lang of ['nl', 'en']) expect(html).toContain(`src="/app/embed/preview?site=zeilmaker-web&amp;lang=${lang}"`);
    expect(text).toContain('Mag ingesloten worden op https://www.zeilmaker.example, http://localhost:3000');
  });

  it('the preview is a page that loads /widget.js for the site and language, framed only by the cockpit; the API takes its origin', async () => {
    const s = await mailedLeads();
    const mila = await cockpitSession(s, 'mila@zeilmaker.example');
    const res = await mila.get('/app/embed/preview?site=zeilmaker-web&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<div data-koers></div>');
    expect(html).toContain('<script src="/widget.js" data-site="zeilmaker-web" data-lang="en" async></script>');
    // The widget's first call from that page: the server's own origin is accepted for every site.
    const form = await s.app.request('/api/v1/sites/zeilmaker-web/form?lang=en', { headers: { Origin: 'http://koers.test' } });
    expect(form.status).toBe(200);
    expect((await s.app.request('/api/v1/sites/zeilmaker-web/form?lang=en', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);

    for (const q of ['site=nope&lang=en', 'site=zeilmaker-web&lang=de', 'site=zeilmaker-web', 'site=zeilmaker-web&lang=en&x=1']) {
      expect((await mila.get(`/app/embed/preview?${q}`)).status, q).toBe(404);
    }
  });

  it('is for managers only: a rep gets 404 for the page and the preview', async () => {
    const s = await mailedLeads();
    const anna = await cockpitSession(s, 'anna@zeilmaker.example');
    expect((await anna.get('/app/embed')).status).toBe(404);
    expect((await anna.get('/app/embed/preview?site=zeilmaker-web&lang=nl')).status).toBe(404);
  });
});
