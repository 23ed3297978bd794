import type { Language } from '../../shared/localized';
import type { CompanySize, Rep, RuleCondition, Tier, VendorConfig } from '../../shared/config';
import { isFreeMailDomain } from './free-mail-domains';

// The pure choice of team and rep for a lead: rules pick a team, a smooth weighted round robin
// picks a rep among those available. The caller reads the state, calls this, and writes the
// result in the same transaction (server/leads/submit.ts).

export interface LeadFacts {
  tier: Tier;
  stage: string;
  timeline: string;
  companySize?: CompanySize;
  country?: string;
  language: Language;
  emailDomain: string;
}

export interface RoutingState {
  /** Smooth WRR current weights per team and rep; missing means 0. */
  currents: Map<string, Map<string, number>>;
  /** Open (assigned, not yet closed) leads per rep. */
  openLeads: Map<string, number>;
  /** The rep of an open lead from the same email domain, if any. */
  owner?: { repId: string; leadId: string };
  /** A manager's settings over the config, per rep (rep_overrides, leads/rep-overrides.ts). */
  overrides?: ReadonlyMap<string, RepOverrideFacts>;
}

/** What a manager set for a rep in the cockpit: inactive (active false) or away (inclusive dates). */
export interface RepOverrideFacts {
  active: boolean | null;
  awayFrom: string | null;
  awayTo: string | null;
}

export interface RouteOptions {
  now: number;
  /** Reps that must not get this lead (it was passed on by them or expired with them). */
  exclude?: ReadonlySet<string>;
}

export interface RouteDecision {
  teamId: string | null;
  repId: string | null;
  /** A neutral English summary, stored (routing_reason, history) for the admin. */
  reason: string;
  /** The same, structured: what the rep reads is rendered from it in their language. */
  why?: RoutingWhy;
  /** The team's new current weights, when the round robin moved. */
  currents?: { teamId: string; values: Map<string, number> };
  /** The earlier lead whose rep owns this company. */
  ownerLeadId?: string;
}

export function matches(when: RuleCondition, lead: LeadFacts): boolean {
  const holds = <T>(allowed: T[] | undefined, value: T | undefined) =>
    allowed === undefined || (value !== undefined && allowed.includes(value));
  return (
    holds(when.tier, lead.tier) &&
    holds(when.stage, lead.stage) &&
    holds(when.timeline, lead.timeline) &&
    holds(when.companySize, lead.companySize) &&
    holds(when.country, lead.country) &&
    holds(when.language, lead.language) &&
    holds(when.emailDomain, lead.emailDomain.toLowerCase())
  );
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of `now` in the vendor's time zone. */
export function localDate(now: number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // Building a formatter is costly (ICU data); one per zone for the life of the process.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Why a rep was passed over (structured: rendered per language for reps, in English for the admin). */
export type SkipReason =
  | { type: 'inactive' }
  | { type: 'had-it' }
  | { type: 'language'; language: Language }
  | { type: 'away'; from: string; to: string }
  | { type: 'full'; open: number; max: number }
  | { type: 'removed' };
export interface Skipped {
  repId: string;
  name: string;
  why: SkipReason;
}

/** Why the lead went where it went; the mails render it in the rep's language (mail/routing-reason.ts). */
export type RoutingWhy =
  | { type: 'owner'; emailDomain: string; ownerLeadId: string; repId: string }
  | {
      type: 'rule' | 'no-rule' | 'nobody';
      /** The matching rule's index (0-based), null when none matched. */
      rule: number | null;
      /** The team that got it: the rule's, or the fallback team (fallback: true). */
      teamId: string | null;
      fallback: boolean;
      repId: string | null;
      /** Teams in which nobody could take it. */
      emptyTeams: string[];
      skipped: Skipped[];
      ownerSkipped?: Skipped;
    };

/**
 * Why a rep cannot take a lead now, or null when they can. Every assignment checks all of these,
 * the first one and every hand-over alike: a rep without the lead's language never gets it.
 */
export function unavailability(rep: Rep, state: RoutingState, today: string, language: Language, exclude?: ReadonlySet<string>): SkipReason | null {
  const override = state.overrides?.get(rep.id);
  if (!rep.active || override?.active === false) return { type: 'inactive' };
  if (exclude?.has(rep.id)) return { type: 'had-it' };
  if (rep.languages && !rep.languages.includes(language)) return { type: 'language', language };
  const away = rep.away.find((r) => r.from <= today && today <= r.to) ?? overrideAway(override, today);
  if (away) return { type: 'away', from: away.from, to: away.to };
  const open = state.openLeads.get(rep.id) ?? 0;
  if (rep.maxOpenLeads !== undefined && open >= rep.maxOpenLeads) return { type: 'full', open, max: rep.maxOpenLeads };
  return null;
}

function overrideAway(o: RepOverrideFacts | undefined, today: string) {
  return o?.awayFrom && o.awayTo && o.awayFrom <= today && today <= o.awayTo ? { from: o.awayFrom, to: o.awayTo } : undefined;
}

/** The English words of a skip reason, for the stored summary. */
export function skipText(why: SkipReason): string {
  switch (why.type) {
    case 'inactive':
      return 'inactive';
    case 'had-it':
      return 'already had this lead';
    case 'language':
      return `does not speak ${why.language}`;
    case 'away':
      return `away ${why.from} to ${why.to}`;
    case 'full':
      return `at capacity (${why.open}/${why.max} open)`;
    case 'removed':
      return 'no longer in the config';
  }
}

export function chooseRoute(lead: LeadFacts, config: VendorConfig, state: RoutingState, opts: RouteOptions): RouteDecision {
  const today = localDate(opts.now, config.vendor.timeZone);
  const repsById = new Map(config.reps.map((r) => [r.id, r]));
  const notes: string[] = [];
  let ownerSkipped: Skipped | undefined;

  if (config.routing.accountOwnership && state.owner && !isFreeMailDomain(lead.emailDomain)) {
    const owner = repsById.get(state.owner.repId);
    const why = owner ? unavailability(owner, state, today, lead.language, opts.exclude) : ({ type: 'removed' } as const);
    if (owner && !why) {
      const team = config.teams.find((t) => t.reps.includes(owner.id));
      return {
        teamId: team?.id ?? null,
        repId: owner.id,
        ownerLeadId: state.owner.leadId,
        reason: `existing account: ${lead.emailDomain} has an open lead (${state.owner.leadId}) with ${owner.name}`,
        why: { type: 'owner', emailDomain: lead.emailDomain, ownerLeadId: state.owner.leadId, repId: owner.id },
      };
    }
    ownerSkipped = { repId: state.owner.repId, name: owner?.name ?? state.owner.repId, why: why! };
    notes.push(`account owner ${ownerSkipped.name} unavailable (${skipText(why!)})`);
  }

  const ruleIndex = config.routing.rules.findIndex((r) => matches(r.when, lead));
  const rule = ruleIndex >= 0 ? ruleIndex : null;
  const teamIds =
    ruleIndex >= 0 ? [config.routing.rules[ruleIndex].team, config.routing.fallbackTeam] : [config.routing.fallbackTeam];
  const via = ruleIndex >= 0 ? `rule ${ruleIndex + 1} (${describeRule(config.routing.rules[ruleIndex].when)})` : 'no rule matched';
  const skipped: Skipped[] = [];
  const emptyTeams: string[] = [];

  for (const [i, teamId] of [...new Set(teamIds)].entries()) {
    const team = config.teams.find((t) => t.id === teamId)!;
    const members = team.reps.map((id) => repsById.get(id)!);
    const available = members.filter((rep) => {
      const no = unavailability(rep, state, today, lead.language, opts.exclude);
      if (no) {
        notes.push(`${rep.name} skipped: ${skipText(no)}`);
        skipped.push({ repId: rep.id, name: rep.name, why: no });
      }
      return !no;
    });
    if (available.length === 0) {
      notes.push(`nobody available in ${team.name}`);
      emptyTeams.push(team.id);
      continue;
    }
    const { chosen, values } = smoothWeightedPick(available, state.currents.get(team.id) ?? new Map());
    return {
      teamId: team.id,
      repId: chosen.id,
      currents: { teamId: team.id, values },
      reason: [`${i === 0 ? via : `fallback team after ${via}`} → ${team.name}; weighted round robin → ${chosen.name}`, ...notes].join('; '),
      why: { type: rule === null ? 'no-rule' : 'rule', rule, teamId: team.id, fallback: i > 0 || rule === null, repId: chosen.id, emptyTeams, skipped, ownerSkipped },
    };
  }
  return {
    // The team the lead was meant for stays its team (its reps see it in the cockpit to pick it up).
    teamId: emptyTeams[0] ?? null,
    repId: null,
    reason: ['unassigned: nobody available', via, ...notes].join('; '),
    why: { type: 'nobody', rule, teamId: null, fallback: false, repId: null, emptyTeams, skipped, ownerSkipped },
  };
}

/**
 * Smooth weighted round robin (as in nginx): every candidate gains its weight, the highest
 * current wins and gives back the candidates' total. Only candidates move, so a rep who was
 * away or full comes back at the weight they left with: no catch-up burst.
 */
export function smoothWeightedPick(candidates: Rep[], currents: ReadonlyMap<string, number>) {
  const values = new Map(currents);
  let total = 0;
  let chosen = candidates[0];
  for (const rep of candidates) {
    const value = (values.get(rep.id) ?? 0) + rep.weight;
    values.set(rep.id, value);
    total += rep.weight;
    if (value > values.get(chosen.id)!) chosen = rep; // ties: the earlier rep in the team
  }
  values.set(chosen.id, values.get(chosen.id)! - total);
  return { chosen, values };
}

function describeRule(when: RuleCondition): string {
  const parts = Object.entries(when)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${(v as string[]).join('|')}`);
  return parts.length ? parts.join(', ') : 'always';
}
