import type { PublicForm } from '../shared/public-form';
import type { SubmissionInput } from '../shared/submission';
import { pageContext } from './context';
import type { Answers } from './fields';

// The flat answers of the screens → the POST body of docs/api.md. Empty optional texts are left out.

type Contact = SubmissionInput['contact'];

const text = (v: Answers[string]) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const roleKey = (id: string) => `role:${id}`;

export function toSubmission(form: PublicForm, a: Answers, submissionId: string, formToken: string): SubmissionInput {
  const s = (k: string) => (a[k] as string) || '';
  const accepted = !form.process.deviationAllowed || a.accepted !== 'no';
  return {
    submissionId,
    language: form.language,
    process: { accepted, deviation: accepted ? undefined : text(a.deviation) },
    answers: {
      stage: s('stage'),
      budget: s('budget'),
      decisionProcess: s('decisionProcess'),
      timeline: s('timeline'),
      costOfInaction: text(a.costOfInaction),
    },
    stakeholders: {
      roles: form.questions.stakeholders.roles
        .filter((r) => a[roleKey(r.id)] && a[roleKey(r.id)] !== 'no')
        .map((r) => ({ role: r.id, involved: a[roleKey(r.id)] === 'yes' })),
      finalSay: s('finalSay'),
      orgInterest: text(a.orgInterest),
      personalInterest: text(a.personalInterest),
    },
    contact: {
      name: s('name').trim(),
      email: s('email').trim(),
      company: s('company').trim(),
      phone: text(a.phone),
      country: text(a.country),
      companySize: text(a.companySize) as Contact['companySize'],
      message: text(a.message),
      consent: a.consent === true,
      website: text(a.website),
    } as Contact,
    context: pageContext(),
    formToken,
    processVersion: form.process.version,
  };
}

/** Which answer a server field error (`contact.email`, `stakeholders.roles[1].role`) is about. */
export const fieldOf = (path: string) =>
  path.startsWith('stakeholders.roles') ? 'roles' : path.slice(path.lastIndexOf('.') + 1);
