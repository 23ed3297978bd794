import type { FieldError } from './api-error';
import { isLanguage, resolveText, type Localized } from './localized';
import { webhookEndpointId } from './webhook-endpoint-id';

// Checks a config for what a schema cannot express: references between teams, reps and rules,
// unique ids, and a text for every language every site shows. One problem per entry, each naming
// its path and, for an unknown name, the names there are, so a bad config is fixed in one go.
// It reads the config defensively (a part with the wrong shape is skipped, the schema reports
// it), so it runs in the same pass as the schema check, on the parsed config or on raw JSON.

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
/** A rule condition: one value or a list. */
const many = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strings = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');
const isText = (v: unknown): v is Localized => typeof v === 'string' || (v !== null && typeof v === 'object' && !Array.isArray(v));
const known = (what: string, ids: Iterable<string>) => {
  const names = [...new Set(ids)];
  return names.length ? `; ${what} are: ${names.join(', ')}` : '';
};

export function checkConfigReferences(config: unknown): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const c = obj(config);

  const unique = (path: string, items: unknown[], key: string, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = str(obj(item)[key]);
      if (value === undefined) return;
      if (seen.has(value)) add(`${path}[${i}]`, `duplicate ${what} "${value}"`);
      seen.add(value);
    });
  };

  const sites = arr(c.sites).map(obj);
  const reps = arr(c.reps).map(obj);
  const teams = arr(c.teams).map(obj);
  const process = obj(c.process);
  const routing = obj(c.routing);
  const questions = obj(c.questions);
  unique('sites', sites, 'key', 'site key');
  unique('process.steps', arr(process.steps), 'id', 'step id');
  unique('reps', reps, 'id', 'rep id');
  unique('managers', arr(c.managers), 'email', 'manager email');
  unique('teams', teams, 'id', 'team id');
  unique('questions.stakeholders.roles', arr(obj(questions.stakeholders).roles), 'id', 'role id');
  for (const [path, q] of choiceQuestions(c)) unique(`${path}.options`, arr(q.options), 'id', 'option id');
  uniqueWebhookIds(arr(c.webhooks).map(obj), add);

  sites.forEach((site, i) => {
    const languages = strings(site.languages);
    const defaultLanguage = str(site.defaultLanguage);
    if (defaultLanguage !== undefined && Array.isArray(site.languages) && !languages.includes(defaultLanguage)) {
      add(`sites[${i}].defaultLanguage`, `"${defaultLanguage}" is not one of the site's languages (${languages.join(', ')})`);
    }
    strings(site.origins).forEach((origin, j) => {
      const safe = safeOrigin(origin);
      if (safe !== undefined && safe !== origin) {
        add(`sites[${i}].origins[${j}]`, `must be an origin like "https://www.example.com" (no path or trailing slash): "${safe}"`);
      }
    });
  });

  const repIds = new Set(reps.map((r) => str(r.id)).filter((id) => id !== undefined));
  teams.forEach((team, i) => {
    arr(team.reps).forEach((rep, j) => {
      if (typeof rep === 'string' && !repIds.has(rep)) add(`teams[${i}].reps[${j}]`, `no rep "${rep}"${known('reps', repIds)}`);
    });
  });
  arr(process.steps).forEach((item, i) => {
    const step = obj(item);
    if (step.negotiable === false && step.fixedReason === undefined) add(`process.steps[${i}].fixedReason`, 'required when negotiable is false: say why the step is fixed');
  });
  reps.forEach((rep, i) => {
    if (rep.contactBy === 'phone' && rep.phone === undefined) add(`reps[${i}].phone`, 'required when contactBy is "phone"');
    arr(rep.away).forEach((range, j) => {
      const { from, to } = obj(range);
      if (typeof from === 'string' && typeof to === 'string' && to < from) {
        add(`reps[${i}].away[${j}]`, `"to" (${to}) is before "from" (${from})`);
      }
    });
  });

  const teamIds = new Set(teams.map((t) => str(t.id)).filter((id) => id !== undefined));
  const fallbackTeam = str(routing.fallbackTeam);
  if (fallbackTeam !== undefined && !teamIds.has(fallbackTeam)) {
    add('routing.fallbackTeam', `no team "${fallbackTeam}"${known('teams', teamIds)}`);
  }
  const optionIds = (q: Obj) => arr(q.options).map((o) => str(obj(o).id)).filter((id) => id !== undefined);
  const stageIds = optionIds(obj(questions.stage));
  const timelineIds = optionIds(obj(questions.timeline));
  arr(routing.rules).forEach((item, i) => {
    const rule = obj(item);
    const team = str(rule.team);
    if (team !== undefined && !teamIds.has(team)) add(`routing.rules[${i}].team`, `no team "${team}"${known('teams', teamIds)}`);
    const when = obj(rule.when);
    many(when.stage).forEach((s, j) => {
      if (typeof s === 'string' && !stageIds.includes(s)) {
        add(`routing.rules[${i}].when.stage[${j}]`, `no stage option "${s}"${known('options', stageIds)}`);
      }
    });
    many(when.timeline).forEach((t, j) => {
      if (typeof t === 'string' && !timelineIds.includes(t)) {
        add(`routing.rules[${i}].when.timeline[${j}]`, `no timeline option "${t}"${known('options', timelineIds)}`);
      }
    });
  });

  const tiers = obj(c.tiers);
  if (typeof tiers.salesReady === 'number' && typeof tiers.qualifying === 'number' && tiers.salesReady <= tiers.qualifying) {
    add('tiers.salesReady', `must be above tiers.qualifying (${tiers.qualifying})`);
  }

  for (const [path, text] of prospectTexts(c)) {
    for (const site of sites) {
      const defaultLanguage = str(site.defaultLanguage);
      if (!isLanguage(defaultLanguage)) continue;
      for (const lang of strings(site.languages).filter(isLanguage)) {
        if (resolveText(text, lang, defaultLanguage) === undefined) {
          add(path, `no "${lang}" text for site "${str(site.key) ?? '?'}" and no "${defaultLanguage}" fallback`);
        }
      }
    }
  }
  return problems;
}

/** Webhook endpoints are named by id (their `id`, else one made from the url): no two alike. */
function uniqueWebhookIds(hooks: Obj[], add: (path: string, message: string) => void) {
  const seen = new Map<string, { i: number; url: string }>();
  hooks.forEach((hook, i) => {
    const url = str(hook.url);
    if (url === undefined) return;
    const id = webhookEndpointId({ id: str(hook.id), url });
    const first = seen.get(id);
    if (!first) seen.set(id, { i, url });
    else if (first.url !== url) add(`webhooks[${i}].id`, `duplicate webhook id "${id}" (also webhooks[${first.i}]); give each webhook its own "id"`);
  });
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function choiceQuestions(c: Obj): [string, Obj][] {
  const q = obj(c.questions);
  return [
    ['questions.stage', obj(q.stage)],
    ['questions.budget', obj(q.budget)],
    ['questions.decisionProcess', obj(q.decisionProcess)],
    ['questions.stakeholders.finalSay', obj(obj(q.stakeholders).finalSay)],
    ['questions.timeline', obj(q.timeline)],
  ];
}

/** Every text a prospect can see, with its path (those of the wrong shape are the schema's to report). */
function* prospectTexts(c: Obj): Generator<[string, Localized]> {
  function* text(path: string, value: unknown): Generator<[string, Localized]> {
    if (isText(value)) yield [path, value];
  }
  const p = obj(c.process);
  yield* text('process.title', p.title);
  yield* text('process.intro', p.intro);
  for (const [i, item] of arr(p.steps).entries()) {
    const step = obj(item);
    yield* text(`process.steps[${i}].title`, step.title);
    yield* text(`process.steps[${i}].weDo`, step.weDo);
    yield* text(`process.steps[${i}].weAsk`, step.weAsk);
    yield* text(`process.steps[${i}].duration`, step.duration);
    yield* text(`process.steps[${i}].fixedReason`, step.fixedReason);
  }
  for (const [i, r] of arr(c.reps).entries()) yield* text(`reps[${i}].role`, obj(r).role);
  for (const [tier, links] of Object.entries(obj(c.nextStepLinks))) {
    for (const [i, l] of arr(links).entries()) {
      yield* text(`nextStepLinks.${tier}[${i}].label`, obj(l).label);
      yield* text(`nextStepLinks.${tier}[${i}].url`, obj(l).url);
    }
  }
  for (const [path, q] of choiceQuestions(c)) {
    yield* text(`${path}.label`, q.label);
    yield* text(`${path}.help`, q.help);
    for (const [i, o] of arr(q.options).entries()) yield* text(`${path}.options[${i}].label`, obj(o).label);
  }
  const s = obj(obj(c.questions).stakeholders);
  yield* text('questions.stakeholders.label', s.label);
  for (const [i, r] of arr(s.roles).entries()) yield* text(`questions.stakeholders.roles[${i}].label`, obj(r).label);
  yield* text('questions.costOfInaction.label', obj(obj(c.questions).costOfInaction).label);
  for (const [tier, value] of Object.entries(obj(c.nextSteps))) yield* text(`nextSteps.${tier}`, value);
}
