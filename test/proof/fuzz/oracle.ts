import type { Site, VendorConfig } from '../../../shared/config';
import { submissionAnswerSchema, submissionSchema, type Submission } from '../../../shared/submission';
import type { Db } from '../../../server/db/open';
import { MAX_BODY_BYTES } from '../../../server/app';

// The model of what the API must answer (docs/api.md): body size, content type, JSON, the shared
// schema, then the config's ids — written apart from the server's own check-answers.ts.
// And, for every 2xx, a look at what was stored.

export interface Sent {
  body: string;
  contentType: string | undefined;
}

export type Verdict = { valid: true; submission: Submission } | { valid: false; statuses: number[] };

export function verdict(sent: Sent, config: VendorConfig, site: Site): Verdict {
  const bytes = Buffer.from(sent.body, 'utf8');
  const tooBig = bytes.length > MAX_BODY_BYTES;
  const isJson = (sent.contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
  // The limit is checked while the body is read; a wrong content type may be refused before that.
  if (tooBig && !isJson) return { valid: false, statuses: [413, 415] };
  if (tooBig) return { valid: false, statuses: [413] };
  if (!isJson) return { valid: false, statuses: [415] };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { valid: false, statuses: [400] };
  }
  const parsed = submissionSchema.safeParse(json);
  if (!parsed.success) return { valid: false, statuses: [422] };
  if (configProblems(parsed.data, config, site).length) return { valid: false, statuses: [422] };
  return { valid: true, submission: parsed.data };
}

/** What the config allows, checked independently of server/leads/check-answers.ts. */
export function configProblems(sub: Submission, config: VendorConfig, site: Site): string[] {
  const q = config.questions;
  const problems: string[] = [];
  const has = (options: { id: string }[], id: string, path: string) => {
    if (!options.some((o) => o.id === id)) problems.push(path);
  };
  if (!site.languages.includes(sub.language)) problems.push('language');
  if (!sub.process.accepted && (!config.process.deviation.allowed || !sub.process.deviation)) problems.push('process');
  has(q.stage.options, sub.answers.stage, 'answers.stage');
  has(q.budget.options, sub.answers.budget, 'answers.budget');
  has(q.decisionProcess.options, sub.answers.decisionProcess, 'answers.decisionProcess');
  has(q.timeline.options, sub.answers.timeline, 'answers.timeline');
  has(q.stakeholders.finalSay.options, sub.stakeholders.finalSay, 'stakeholders.finalSay');
  const roles = sub.stakeholders.roles.map((r) => r.role);
  roles.forEach((r) => has(q.stakeholders.roles, r, 'stakeholders.roles'));
  if (new Set(roles).size !== roles.length) problems.push('stakeholders.roles (twice)');
  return problems;
}

const ONE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A 2xx answer: the body is a SubmissionAnswer and the stored lead is exactly the parsed
 * submission — known option ids, one-line fields without control characters. Returns problems.
 */
export function storedLeadProblems(db: Db, site: Site, config: VendorConfig, sent: Sent, answer: unknown, genuineToken?: string): string[] {
  const problems: string[] = [];
  const parsedAnswer = submissionAnswerSchema.safeParse(answer);
  if (!parsedAnswer.success) problems.push(`answer is not a SubmissionAnswer: ${JSON.stringify(answer)}`);
  const parsed = submissionSchema.safeParse(safeJson(sent.body));
  if (!parsed.success) return [...problems, 'a 2xx for a body the schema rejects'];
  const sub = parsed.data;
  problems.push(...configProblems(sub, config, site).map((p) => `a 2xx for a body the config rejects: ${p}`));

  const row = db.$client.prepare('select * from leads where site = ? and submission_id = ?').get(site.key, sub.submissionId) as
    | Record<string, unknown>
    | undefined;
  if (!row) return [...problems, `no stored lead for ${sub.submissionId}`];
  if (parsedAnswer.success && row.id !== parsedAnswer.data.leadId) problems.push('leadId differs from the stored id');
  const expect = (column: string, value: unknown) => {
    if (row[column] !== value) problems.push(`${column}: stored ${JSON.stringify(row[column])}, sent ${JSON.stringify(value)}`);
  };
  // A person (genuine token, empty honeypot) is routed and mailed; a bot is stored as spam only.
  const bot = !!sub.contact.website || !sameToken(sub.formToken, genuineToken);
  const mails = (db.$client.prepare('select count(*) as n from outbox where lead_id = ?').get(row.id) as { n: number }).n;
  if (bot && (row.status !== 'spam' || mails !== 0)) problems.push(`a bot's lead is ${row.status} with ${mails} mails`);
  if (!bot && (row.status === 'spam' || mails !== 2)) problems.push(`a person's lead is ${row.status} with ${mails} mails`);
  expect('language', sub.language);
  expect('stage', sub.answers.stage);
  expect('budget', sub.answers.budget);
  expect('decision_process', sub.answers.decisionProcess);
  expect('timeline', sub.answers.timeline);
  expect('final_say', sub.stakeholders.finalSay);
  expect('contact_name', sub.contact.name);
  expect('contact_email', sub.contact.email);
  expect('company', sub.contact.company);
  expect('phone', sub.contact.phone || null);
  expect('message', sub.contact.message || null);
  expect('country', sub.contact.country ?? null);
  expect('company_size', sub.contact.companySize ?? null);
  if (row.stakeholder_roles !== JSON.stringify(sub.stakeholders.roles)) problems.push('stakeholder_roles differ');
  for (const column of ['contact_name', 'company', 'phone']) {
    if (typeof row[column] === 'string' && ONE_LINE_FORBIDDEN.test(row[column] as string)) problems.push(`${column} holds a control character`);
  }
  return problems;
}

/** Only the genuine token itself counts: the server compares the signature as text. */
export function sameToken(token: string | undefined, genuine: string | undefined): boolean {
  return token !== undefined && token === genuine;
}

/** Parsed as the server reads a body: UTF-8 decoded (a leading BOM dropped), then JSON. */
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(Buffer.from(text, 'utf8')));
  } catch {
    return undefined;
  }
}
