import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
        'routing.rules[1].team: no team "sales"; teams are: account-executives, inside-sales',
        'teams[0].reps[3]: no rep "zoe"; reps are: anna, chris, dewi',
        'routing.fallbackTeam: no team "nobody"; teams are: account-executives, inside-sales',
        'reps[1]: duplicate rep id "anna"',
        'routing.rules[2].when.stage[0]: no stage option "buying"; options are: exploring, defining, comparing, deciding',
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
        'sites[0].defaultLanguage: "nl" is not one of the site\'s languages (en)',
        expect.stringMatching(/^sites\[0\]\.origins\[2\]: must be an origin/),
      ]),
    );
  });

  it('names the file when it is missing', () => {
    const missing = loadConfigFile('/nonexistent/koers.json');
    expect(missing.ok ? '' : missing.problems[0]).toMatch(/^\/nonexistent\/koers\.json: cannot read \(ENOENT\)/);
  });

  it('gives line and column of invalid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'koers-json-'));
    const problem = (text: string) => {
      writeFileSync(join(dir, 'koers.json'), text);
      const result = loadConfigFile(join(dir, 'koers.json'));
      return result.ok ? '' : result.problems.join('\n');
    };
    // A comma before "}", on line 3 column 1.
    expect(problem('{\n  "vendor": {},\n}')).toMatch(/koers\.json:3:1: not valid JSON: .*no comma before \} or \]/);
    // V8 names no position for this one ("Unexpected token '}', … is not valid JSON").
    expect(problem('{\n  "a": tru}')).toMatch(/koers\.json:2:11: not valid JSON: Unexpected token/);
    expect(problem('{\n  "a": [1, 2')).toMatch(/koers\.json:2:13: not valid JSON/);
    // A real config with one line broken in the middle.
    const lines = readFileSync(EXAMPLE_CONFIG_PATH, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"languages": ["nl", "en"]'));
    const column = lines[at].indexOf('"languages":') + '"languages"'.length + 2; // the "[" after the missing colon
    lines[at] = lines[at].replace('"languages":', '"languages"');
    expect(problem(lines.join('\n'))).toMatch(new RegExp(`koers\\.json:${at + 1}:${column}: not valid JSON: Unexpected token '\\['`));
  });

  it('says what is allowed: keys, values, id options and the date format', () => {
    const c = example();
    c.surprise = true;
    c.routing.rules[0].when.stage = 'Shortlist';
    c.sites[0].defaultLanguage = 'de';
    c.reps[1].away[0].from = '24-12-2026';
    c.vendor.replyTo = 'sales';
    c.routing.rules[1].when.tier = 'hot';
    c.reps[0].languages = ['nl', 'fr'];
    const result = parseConfig(c);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        '(root): unknown key "surprise"; allowed keys are: $schema, vendor, sites, process, questions, tiers, nextSteps, nextStepLinks, reps, managers, teams, routing, webhooks',
        'routing.rules[0].when.stage[0]: no stage option "Shortlist"; options are: exploring, defining, comparing, deciding',
        'sites[0].defaultLanguage: "de" is not allowed; allowed values are: nl, en',
        'reps[1].away[0].from: expected a date like "2026-12-01", got "24-12-2026"',
        'vendor.replyTo: expected an email address like "sales@example.com", got "sales"',
        'routing.rules[1].when.tier: "hot" is not allowed; allowed values are: sales-ready, qualifying, information-gathering',
        'reps[0].languages[1]: "fr" is not allowed; allowed values are: nl, en',
      ]),
    );
  });

  it('reports reference errors in the same pass as structural errors', () => {
    const c = example();
    c.vendor.privacyUrl = 'nope';
    c.reps[2].weight = 'heavy';
    c.routing.rules[1].team = 'sales';
    c.teams[0].reps.push('zoe');
    c.routing.rules.push({ when: { timeline: ['soon'] }, team: 'inside-sales' });
    const result = parseConfig(c);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        'vendor.privacyUrl: expected a URL like "https://www.example.com", got "nope"',
        'reps[2].weight: expected a number, got string',
        'routing.rules[1].team: no team "sales"; teams are: account-executives, inside-sales',
        'teams[0].reps[3]: no rep "zoe"; reps are: anna, bram, chris, dewi',
        'routing.rules[2].when.timeline[0]: no timeline option "soon"; options are: 1m, 3m, 6m, none',
      ]),
    );
  });

  it('reports a broken localized text by the branch that fits it', () => {
    const c = example();
    c.process.title = { nl: 'Zo werken wij', de: 'So arbeiten wir' };
    c.process.steps[0].weDo = 5;
    const result = parseConfig(c);
    expect(result.ok ? [] : result.problems).toEqual(
      expect.arrayContaining([
        'process.title: unknown key "de"; allowed keys are: nl, en',
        'process.steps[0].weDo: expected a string or an object, got number',
      ]),
    );
  });
});
