import { COMPANY_SIZES, type CompanySize, type VendorConfig } from '../../shared/config';
import { LANGUAGES, type Language } from '../../shared/localized';
import type { LeadRow } from '../mail/rep-lead';

// The routing tester's answers, from its query string (a GET: testing changes nothing) or from a
// stored lead; checked against the config's options.

export const TESTER_PARAMS = ['lead', 'stage', 'budget', 'decisionProcess', 'timeline', 'role', 'finalSay', 'costOfInaction', 'companySize', 'country', 'language', 'emailDomain'] as const;
export type TesterField = Exclude<(typeof TESTER_PARAMS)[number], 'lead'>;

export interface TesterAnswers {
  stage: string;
  budget: string;
  decisionProcess: string;
  timeline: string;
  roles: string[];
  finalSay: string;
  costOfInaction: boolean;
  companySize?: CompanySize;
  country?: string;
  language: Language;
  emailDomain: string;
}

export type TesterProblem =
  | { field: TesterField; problem: 'required' | 'bad-country' | 'bad-domain' }
  | { field: TesterField; problem: 'unknown-option'; value: string };

export type ParsedTester =
  | { kind: 'empty' }
  | { kind: 'lead'; id: string }
  | { kind: 'unknown'; names: string[] }
  | { kind: 'answers'; answers: TesterAnswers; problems: TesterProblem[] };

/** `query`: every value of each name (hono's `c.req.queries()`). */
export function parseTester(query: Record<string, string[]>, config: VendorConfig): ParsedTester {
  const unknown = Object.keys(query).filter((name) => !(TESTER_PARAMS as readonly string[]).includes(name));
  if (unknown.length) return { kind: 'unknown', names: unknown };
  const one = (name: string) => (query[name]?.[0] ?? '').trim();
  if (one('lead')) return { kind: 'lead', id: one('lead') };
  if (Object.keys(query).length === 0) return { kind: 'empty' };

  const problems: TesterProblem[] = [];
  const q = config.questions;
  const choice = (field: TesterField, options: { id: string }[]) => {
    const value = one(field);
    if (!value) problems.push({ field, problem: 'required' });
    else if (!options.some((o) => o.id === value)) problems.push({ field, problem: 'unknown-option', value });
    return value;
  };
  const roles = (query.role ?? []).filter((r) => r !== '');
  for (const role of roles) if (!q.stakeholders.roles.some((r) => r.id === role)) problems.push({ field: 'role', problem: 'unknown-option', value: role });
  const companySize = one('companySize');
  if (companySize && !(COMPANY_SIZES as readonly string[]).includes(companySize)) problems.push({ field: 'companySize', problem: 'unknown-option', value: companySize });
  const country = one('country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) problems.push({ field: 'country', problem: 'bad-country' });
  const language = one('language');
  if (!language) problems.push({ field: 'language', problem: 'required' });
  else if (!(LANGUAGES as readonly string[]).includes(language)) problems.push({ field: 'language', problem: 'unknown-option', value: language });
  const emailDomain = one('emailDomain').toLowerCase().replace(/^.*@/, '');
  if (!emailDomain) problems.push({ field: 'emailDomain', problem: 'required' });
  else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(emailDomain)) problems.push({ field: 'emailDomain', problem: 'bad-domain' });

  const answers: TesterAnswers = {
    stage: choice('stage', q.stage.options),
    budget: choice('budget', q.budget.options),
    decisionProcess: choice('decisionProcess', q.decisionProcess.options),
    timeline: choice('timeline', q.timeline.options),
    roles,
    finalSay: choice('finalSay', q.stakeholders.finalSay.options),
    costOfInaction: one('costOfInaction') !== '',
    ...(companySize ? { companySize: companySize as CompanySize } : {}),
    ...(country ? { country } : {}),
    language: language as Language,
    emailDomain,
  };
  return { kind: 'answers', answers, problems };
}

/** A stored lead's answers, for the form and the test. */
export function answersOfLead(lead: LeadRow): TesterAnswers {
  return {
    stage: lead.stage,
    budget: lead.budget,
    decisionProcess: lead.decisionProcess,
    timeline: lead.timeline,
    roles: lead.stakeholderRoles.filter((r) => r.involved).map((r) => r.role),
    finalSay: lead.finalSay,
    costOfInaction: Boolean(lead.costOfInaction),
    ...(lead.companySize ? { companySize: lead.companySize as CompanySize } : {}),
    ...(lead.country ? { country: lead.country } : {}),
    language: lead.language as Language,
    emailDomain: lead.emailDomain,
  };
}
