import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG_PATH, loadConfigFile, parseConfig } from './load-config';

const example = () => JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));

describe('vendor config', () => {
  it('accepts the bundled example and fills defaults', () => {
    const result = loadConfigFile(EXAMPLE_CONFIG_PATH);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.vendor.timeZone).toBe('Europe/Amsterdam');
    expect(result.config.reps.find((r) => r.id === 'dewi')?.weight).toBe(1);
    expect(result.config.routing.rules[0].when.tier).toEqual(['sales-ready', 'qualifying']);
  });

  it('reports several structural problems at once, each with its path', () => {
    const c = example();
    c.vendor.replyTo = 'not-an-address';
    c.questions.stage.options[1].points = 'ten';
    c.sites[0].languages = ['nl', 'de'];
    c.surprise = true;
    const result = parseConfig(c);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((p) => p.split(':')[0]);
    expect(paths).toEqual(
      expect.arrayContaining(['vendor.replyTo', 'questions.stage.options[1].points', 'sites[0].languages[1]', '(root)']),
    );
  });

  it('reports broken references with the path and the missing name', () => {
    const c = example();
    c.routing.rules[1].team = 'sales';
    c.teams[0].reps.push('zoe');
    c.routing.fallbackTeam = 'nobody';
    c.reps[1].id = 'anna';
    c.routing.rules.push({ when: { stage: 'buying' }, team: 'inside-sales' });
    const result = parseConfig(c);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        'routing.rules[1].team: no team "sales"',
        'teams[0].reps[3]: no rep "zoe"',
        'routing.fallbackTeam: no team "nobody"',
        'reps[1]: duplicate rep id "anna"',
        'routing.rules[2].when.stage[0]: no stage option "buying"',
      ]),
    );
  });

  it('requires a text for every site language or a default-language fallback', () => {
    const c = example();
    c.process.steps[0].weDo = { en: 'A call.' }; // site default is nl: no fallback for nl
    c.questions.budget.options[0].label = { nl: 'Ja' }; // en falls back to nl: fine
    const result = parseConfig(c);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      'process.steps[0].weDo: no "nl" text for site "zeilmaker-web" and no "nl" fallback',
    ]);
  });

  it('rejects an origin with a path and a default language the site does not offer', () => {
    const c = example();
    c.sites[0].origins.push('https://www.zeilmaker.example/contact');
    c.sites[0].languages = ['en'];
    const result = parseConfig(c);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        'sites[0].defaultLanguage: "nl" is not one of the site\'s languages',
        expect.stringMatching(/^sites\[0\]\.origins\[2\]: must be an origin/),
      ]),
    );
  });

  it('names the file when it is missing or not JSON', () => {
    const missing = loadConfigFile('/nonexistent/koers.json');
    expect(missing.ok ? '' : missing.problems[0]).toMatch(/^\/nonexistent\/koers\.json: cannot read \(ENOENT\)/);
  });
});
