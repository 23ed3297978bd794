import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { problemHtml, PROSPECT_PAGE_CSP } from './page-html';

const config = exampleConfig();

describe('the prospect page HTML', () => {
  it('its one stylesheet is the one the CSP allows (by hash), and nothing else loads', () => {
    const html = problemHtml('forged', config);
    const css = /<style>([^<]*)<\/style>/.exec(html)![1];
    expect(PROSPECT_PAGE_CSP).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(PROSPECT_PAGE_CSP).toMatch(/^default-src 'none';/);
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\/(?!zeilmaker)/);
  });

  it('a problem page without a known lead says it in Dutch and English, each marked with its language; with one, in that language only', () => {
    const both = problemHtml('forged', config);
    expect(both).toContain('<html lang="nl">');
    expect(both).toContain('<section lang="en"><h2>This link is not valid</h2>');
    expect(both).toContain('De link is onvolledig of gewijzigd.');
    expect(both.match(/mailto:sales@zeilmaker\.example/g)).toHaveLength(2);
    const en = problemHtml('expired', config, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>This link has expired</h1>');
    expect(en).not.toContain('verlopen');
    expect(problemHtml('rateLimited', config, 'nl', 12)).toContain('Probeer het over 12 minuten opnieuw');
  });
});
