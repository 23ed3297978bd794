import { TIERS, type VendorConfig } from '../../shared/config';
import { matches, type LeadFacts } from '../leads/route';

// Warnings (not errors) about routing, logged at start and on reload: rules that a lead who
// leaves an optional form field empty can never match (such leads end in a later rule or the
// fallback team, often by surprise), and site languages nobody in the fallback team speaks
// (a lead handed over there cannot keep its language).

/** The form fields a prospect may leave empty that rules can test. */
const OPTIONAL_FIELDS = ['companySize', 'country'] as const;

export function routingGaps(config: VendorConfig): string[] {
  const warnings: string[] = [];
  const rules = config.routing.rules;
  const fallback = config.routing.fallbackTeam;
  const languages = [...new Set(config.sites.flatMap((s) => s.languages))];
  const domains = [...new Set(rules.flatMap((r) => r.when.emailDomain ?? [])), 'any-other-domain.example'];
  const ids = (q: { options: { id: string }[] }) => q.options.map((o) => o.id);

  // Every lead that leaves the optional fields empty, as far as rules can tell them apart.
  const leads: LeadFacts[] = [];
  for (const tier of TIERS)
    for (const stage of ids(config.questions.stage))
      for (const timeline of ids(config.questions.timeline))
        for (const language of languages)
          for (const emailDomain of domains) leads.push({ tier, stage, timeline, language, emailDomain });

  rules.forEach((rule, i) => {
    const needs = OPTIONAL_FIELDS.filter((f) => rule.when[f] !== undefined);
    if (!needs.length) return;
    const rest = { ...rule.when, companySize: undefined, country: undefined };
    const destinations = new Set<string>();
    for (const lead of leads) {
      if (!matches(rest, lead)) continue;
      const j = rules.findIndex((r) => matches(r.when, lead));
      destinations.add(j >= 0 ? `routing.rules[${j}] (team "${rules[j].team}")` : `the fallback team "${fallback}"`);
    }
    const fields = needs.join(' and ');
    const where = destinations.size ? `; such a lead goes to ${[...destinations].join(' or ')}` : '';
    warnings.push(
      `routing.rules[${i}] (team "${rule.team}") tests ${fields}, which a prospect may leave empty: it can never match a lead without ${needs.length > 1 ? 'them' : 'it'}${where}`,
    );
  });

  const team = config.teams.find((t) => t.id === fallback);
  if (team) {
    const reps = config.reps.filter((r) => r.active && team.reps.includes(r.id));
    for (const language of languages) {
      if (reps.some((r) => !r.languages || r.languages.includes(language))) continue;
      const sites = config.sites.filter((s) => s.languages.includes(language)).map((s) => `"${s.key}"`);
      warnings.push(
        `routing.fallbackTeam: nobody active in team "${team.id}" speaks "${language}" (a language of site ${sites.join(', ')}): a lead in "${language}" that ends there is handed over in another language`,
      );
    }
  }
  return warnings;
}
