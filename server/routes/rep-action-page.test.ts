import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { historyList, page } from './rep-action-page';

// The rep page's history: the prospect's own words when they pause or withdraw, the score change
// of their update, the agreement turns — in the rep's language, escaped; the page has a main landmark.

const at = Date.UTC(2026, 11, 1, 9, 0);
const event = (type: string, detail: string, repId: string | null = null) => ({ id: 1, leadId: 'l', at, type, repId, teamId: null, detail });

describe('historyList', () => {
  it('quotes the prospect’s reason for a pause or a withdrawal, escaped', () => {
    const html = historyList('nl', [event('paused', 'Budget <b>bevroren</b> tot Q2'), event('withdrawn', 'We kozen een andere leverancier')], exampleConfig());
    expect(html).toContain('“Budget &lt;b&gt;bevroren&lt;/b&gt; tot Q2”');
    expect(html).toContain('“We kozen een andere leverancier”');
  });

  it('says how an update moved the score and tier, in the rep’s language, without the raw JSON', () => {
    const detail = JSON.stringify({ changes: [], score: { old: 25, new: 50 }, tier: { old: 'information-gathering', new: 'qualifying' } });
    const nl = historyList('nl', [event('prospect-updated', detail)], exampleConfig());
    expect(nl).toContain('Score 25 → 50 (Informatie verzamelend → Kwalificerend)');
    expect(nl).not.toContain('{');
    const en = historyList('en', [event('prospect-updated', JSON.stringify({ score: { old: 60, new: 70 }, tier: { old: 'sales-ready', new: 'sales-ready' } }))], exampleConfig());
    expect(en).toContain('Score 60 → 70 (Sales-ready)');
  });

  it('names an agreement turn by its kind', () => {
    expect(historyList('en', [event('agreement', 'proposal')], exampleConfig())).toMatch(/<strong>[^<]+<\/strong>/);
    expect(historyList('en', [event('agreement', 'proposal')], exampleConfig())).not.toContain('<strong>agreement</strong>');
  });
});

describe('page', () => {
  it('puts the content in a main landmark', () => {
    expect(page('en', 'Title', '<p>x</p>')).toContain('<main><h1>Title</h1><p>x</p></main>');
  });
});
