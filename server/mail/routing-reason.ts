import type { RuleCondition, VendorConfig } from '../../shared/config';
import { resolveText, type Language } from '../../shared/localized';
import type { RoutingWhy, SkipReason, Skipped } from '../leads/route';
import { mailTexts } from './texts';
import { countryName, formatDate } from './times';

// "Why you" in the rep's mail: the routing decision (leads/route.ts) told in the rep's language,
// as a person would. The stored routing_reason stays the English summary for the admin.

const languageNames = new Map<Language, Intl.DisplayNames>();
function languageName(code: string, language: Language): string {
  let names = languageNames.get(language);
  if (!names) languageNames.set(language, (names = new Intl.DisplayNames([language], { type: 'language', fallback: 'code' })));
  return names.of(code) ?? code;
}

/** A config date (YYYY-MM-DD) as "24 december 2026". */
const day = (date: string, language: Language) => formatDate(Date.parse(`${date}T12:00:00Z`), 'UTC', language);

const en = {
  owner: (domain: string) => `This company (${domain}) already has an open lead with you, so this one is yours too.`,
  rule: (rule: string, team: string) => `${rule} sends this lead to the team ${team}; within the team it was your turn.`,
  ruleThenFallback: (rule: string, ruleTeam: string, team: string) =>
    `${rule} sends this lead to the team ${ruleTeam}, but nobody there could take it; so it went to the fallback team ${team}, where it was your turn.`,
  noRule: (team: string) => `No routing rule fits this lead, so it went to the fallback team ${team}; there it was your turn.`,
  nobody: 'Nobody could take this lead.',
  ruleName: (n: number, conditions: string) => `Rule ${n}${conditions ? ` (${conditions})` : ''}`,
  or: ' or ',
  fields: { tier: 'tier', stage: 'buying stage', timeline: 'decision timeline', companySize: 'company size', country: 'country', language: 'language', emailDomain: 'email domain' } as Record<string, string>,
  skipped: (list: string) => `Passed over: ${list}.`,
  ownerSkipped: (name: string, why: string) => `The company has an open lead with ${name}, who cannot take this one now (${why}).`,
  skip: {
    inactive: () => 'takes no leads at the moment',
    'had-it': () => 'already had this lead',
    language: (w: { language: string }) => `does not speak ${languageName(w.language, 'en')}`,
    away: (w: { from: string; to: string }) => `away from ${day(w.from, 'en')} to ${day(w.to, 'en')} inclusive`,
    full: (w: { open: number; max: number }) => `already has ${w.open} open leads, the most they take`,
    removed: () => 'no longer in the sales setup',
  },
};

const nl: typeof en = {
  owner: (domain) => `Dit bedrijf (${domain}) heeft al een lopende lead bij jou, dus deze is ook van jou.`,
  rule: (rule, team) => `${rule} stuurt deze lead naar het team ${team}; binnen het team was het jouw beurt.`,
  ruleThenFallback: (rule, ruleTeam, team) =>
    `${rule} stuurt deze lead naar het team ${ruleTeam}, maar daar kon niemand hem aannemen; daarom ging hij naar het vangnetteam ${team}, en daar was het jouw beurt.`,
  noRule: (team) => `Geen routeringsregel past bij deze lead, dus ging hij naar het vangnetteam ${team}; daar was het jouw beurt.`,
  nobody: 'Niemand kon deze lead aannemen.',
  ruleName: (n, conditions) => `Regel ${n}${conditions ? ` (${conditions})` : ''}`,
  or: ' of ',
  fields: { tier: 'niveau', stage: 'aankoopfase', timeline: 'beslistermijn', companySize: 'bedrijfsgrootte', country: 'land', language: 'taal', emailDomain: 'e-maildomein' },
  skipped: (list) => `Overgeslagen: ${list}.`,
  ownerSkipped: (name, why) => `Het bedrijf heeft een lopende lead bij ${name}, die deze nu niet kan aannemen (${why}).`,
  skip: {
    inactive: () => 'neemt op dit moment geen leads aan',
    'had-it': () => 'had deze lead al',
    language: (w) => `spreekt geen ${languageName(w.language, 'nl')}`,
    away: (w) => `afwezig van ${day(w.from, 'nl')} tot en met ${day(w.to, 'nl')}`,
    full: (w) => `heeft al ${w.open} lopende leads, het maximum`,
    removed: () => 'staat niet meer in de verkoopinstellingen',
  },
};

export const routingReasonTexts: Record<Language, typeof en> = { nl, en };

function skipWhy(why: SkipReason, language: Language): string {
  const s = routingReasonTexts[language].skip;
  switch (why.type) {
    case 'language':
      return s.language(why);
    case 'away':
      return s.away(why);
    case 'full':
      return s.full(why);
    default:
      return s[why.type]();
  }
}

/** "Rule 1 (tier: Sales-ready or Qualifying)" with the vendor's labels, in the rep's language. */
function ruleName(config: VendorConfig, index: number, language: Language): string {
  const t = routingReasonTexts[language];
  const when = config.routing.rules[index]?.when ?? ({} as RuleCondition);
  const option = (options: { id: string; label: Parameters<typeof resolveText>[0] }[], id: string) =>
    resolveText(options.find((o) => o.id === id)?.label ?? { en: id }, language, 'en') ?? id;
  const value = (field: string, v: string): string => {
    switch (field) {
      case 'tier':
        return (mailTexts[language].tier as Record<string, string>)[v] ?? v;
      case 'stage':
        return option(config.questions.stage.options, v);
      case 'timeline':
        return option(config.questions.timeline.options, v);
      case 'country':
        return countryName(v, language);
      case 'language':
        return languageName(v, language);
      default:
        return v;
    }
  };
  const conditions = Object.entries(when)
    .filter(([, v]) => v !== undefined)
    .map(([field, v]) => `${t.fields[field] ?? field}: ${(Array.isArray(v) ? v : [v]).map((x) => value(field, String(x))).join(t.or)}`)
    .join('; ');
  return t.ruleName(index + 1, conditions);
}

/** The lines of the "Why you" block. */
export function routingReasonLines(why: RoutingWhy, config: VendorConfig, language: Language): string[] {
  const t = routingReasonTexts[language];
  if (why.type === 'owner') return [t.owner(why.emailDomain)];
  const teamName = (id: string | null) => config.teams.find((team) => team.id === id)?.name ?? id ?? '';
  const lines: string[] = [];
  if (why.ownerSkipped) lines.push(t.ownerSkipped(why.ownerSkipped.name, skipWhy(why.ownerSkipped.why, language)));
  if (why.type === 'nobody') lines.push(t.nobody);
  else if (why.rule === null) lines.push(t.noRule(teamName(why.teamId)));
  else if (why.fallback) lines.push(t.ruleThenFallback(ruleName(config, why.rule, language), teamName(config.routing.rules[why.rule]?.team ?? null), teamName(why.teamId)));
  else lines.push(t.rule(ruleName(config, why.rule, language), teamName(why.teamId)));
  // Each rep once (a rep in two teams is checked twice), in the order they were checked.
  const seen = new Map<string, Skipped>();
  for (const s of why.skipped) if (!seen.has(s.repId)) seen.set(s.repId, s);
  if (seen.size) lines.push(t.skipped([...seen.values()].map((s) => `${s.name} (${skipWhy(s.why, language)})`).join(', ')));
  return lines;
}
