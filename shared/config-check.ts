import type { FieldError } from './api-error';
import type { ChoiceQuestion, VendorConfig } from './config';
import { resolveText, type Localized } from './localized';

// Checks a structurally valid config for what a schema cannot express: references between
// teams, reps and rules, unique ids, and a text for every language every site shows.
// One problem per entry, each naming its path, so a bad config is fixed in one go.

export function checkConfigReferences(config: VendorConfig): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const unique = (path: string, ids: string[], what: string) => {
    const seen = new Set<string>();
    ids.forEach((value, i) => {
      if (seen.has(value)) add(`${path}[${i}]`, `duplicate ${what} "${value}"`);
      seen.add(value);
    });
  };

  unique('sites', config.sites.map((s) => s.key), 'site key');
  unique('process.steps', config.process.steps.map((s) => s.id), 'step id');
  unique('reps', config.reps.map((r) => r.id), 'rep id');
  unique('teams', config.teams.map((t) => t.id), 'team id');
  unique('questions.stakeholders.roles', config.questions.stakeholders.roles.map((r) => r.id), 'role id');
  for (const [path, q] of choiceQuestions(config)) unique(`${path}.options`, q.options.map((o) => o.id), 'option id');

  config.sites.forEach((site, i) => {
    if (!site.languages.includes(site.defaultLanguage)) {
      add(`sites[${i}].defaultLanguage`, `"${site.defaultLanguage}" is not one of the site's languages`);
    }
    site.origins.forEach((origin, j) => {
      if (safeOrigin(origin) !== origin) {
        add(`sites[${i}].origins[${j}]`, `must be an origin like "https://www.example.com" (no path or trailing slash)`);
      }
    });
  });

  const repIds = new Set(config.reps.map((r) => r.id));
  config.teams.forEach((team, i) => {
    team.reps.forEach((rep, j) => {
      if (!repIds.has(rep)) add(`teams[${i}].reps[${j}]`, `no rep "${rep}"`);
    });
  });
  config.reps.forEach((rep, i) => {
    rep.away.forEach((range, j) => {
      if (range.to < range.from) add(`reps[${i}].away[${j}]`, `"to" (${range.to}) is before "from" (${range.from})`);
    });
  });

  const teamIds = new Set(config.teams.map((t) => t.id));
  if (!teamIds.has(config.routing.fallbackTeam)) add('routing.fallbackTeam', `no team "${config.routing.fallbackTeam}"`);
  const optionIds = (q: ChoiceQuestion) => new Set(q.options.map((o) => o.id));
  const stageIds = optionIds(config.questions.stage);
  const timelineIds = optionIds(config.questions.timeline);
  config.routing.rules.forEach((rule, i) => {
    if (!teamIds.has(rule.team)) add(`routing.rules[${i}].team`, `no team "${rule.team}"`);
    rule.when.stage?.forEach((s, j) => {
      if (!stageIds.has(s)) add(`routing.rules[${i}].when.stage[${j}]`, `no stage option "${s}"`);
    });
    rule.when.timeline?.forEach((t, j) => {
      if (!timelineIds.has(t)) add(`routing.rules[${i}].when.timeline[${j}]`, `no timeline option "${t}"`);
    });
  });

  if (config.tiers.salesReady <= config.tiers.qualifying) {
    add('tiers.salesReady', `must be above tiers.qualifying (${config.tiers.qualifying})`);
  }

  for (const [path, text] of prospectTexts(config)) {
    for (const site of config.sites) {
      for (const lang of site.languages) {
        if (resolveText(text, lang, site.defaultLanguage) === undefined) {
          add(path, `no "${lang}" text for site "${site.key}" and no "${site.defaultLanguage}" fallback`);
        }
      }
    }
  }
  return problems;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function choiceQuestions(config: VendorConfig): [string, ChoiceQuestion][] {
  const q = config.questions;
  return [
    ['questions.stage', q.stage],
    ['questions.budget', q.budget],
    ['questions.decisionProcess', q.decisionProcess],
    ['questions.stakeholders.finalSay', q.stakeholders.finalSay],
    ['questions.timeline', q.timeline],
  ];
}

/** Every text a prospect can see, with its path. */
function* prospectTexts(config: VendorConfig): Generator<[string, Localized]> {
  const p = config.process;
  yield ['process.title', p.title];
  if (p.intro) yield ['process.intro', p.intro];
  for (const [i, step] of p.steps.entries()) {
    yield [`process.steps[${i}].title`, step.title];
    yield [`process.steps[${i}].weDo`, step.weDo];
    yield [`process.steps[${i}].weAsk`, step.weAsk];
    if (step.duration) yield [`process.steps[${i}].duration`, step.duration];
  }
  for (const [path, q] of choiceQuestions(config)) {
    yield [`${path}.label`, q.label];
    if (q.help) yield [`${path}.help`, q.help];
    for (const [i, o] of q.options.entries()) yield [`${path}.options[${i}].label`, o.label];
  }
  const s = config.questions.stakeholders;
  yield ['questions.stakeholders.label', s.label];
  for (const [i, r] of s.roles.entries()) yield [`questions.stakeholders.roles[${i}].label`, r.label];
  yield ['questions.costOfInaction.label', config.questions.costOfInaction.label];
  for (const [tier, text] of Object.entries(config.nextSteps)) yield [`nextSteps.${tier}`, text];
}
