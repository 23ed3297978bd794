import type { PublicForm } from '../shared/public-form';
import type { SubmissionInput } from '../shared/submission';
import { pageContext } from './context';
import type { Answers } from './fields';

// The flat answers of the screens → the POST body of docs/api.md. Empty optional texts are left out.

type Contact = SubmissionInput['contact'];

const text = (v: Answers[string]) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export const roleKey = (id: string) => `role:${id}`;
/** A step's keep / skip / change choice, and what instead (a typed text: context.ts keeps it out of storage). */
export const choiceKey = (id: string) => `c:${id}`;
export const insteadKey = (id: string) => `i:${id}`;

export function toSubmission(form: PublicForm, a: Answers, submissionId: string, formToken: string): SubmissionInput {
  const s = (k: string) => (a[k] as string) || '';
  const accepted = !form.process.deviationAllowed || a.accepted !== 'no';
  return {
    submissionId,
    language: form.language,
    // A proposal: the steps skipped or changed (kept and fixed ones are not listed), the added step, the reason.
    // choice: the prospect picked an answer to "does this approach work for you?" or left the default.
    process: accepted
      ? { accepted, choice: a.accepted ? 'chosen' : 'default' }
      : {
          accepted,
          choice: 'chosen',
          deviation: text(a.deviation),
          changes: {
            steps: form.process.steps.flatMap(({ id, fixed }) => {
              const change = a[choiceKey(id)];
              return !fixed && (change === 'skip' || change === 'change')
                ? [{ id, change, instead: change === 'change' ? text(a[insteadKey(id)]) : undefined }]
                : [];
            }),
            added: text(a.added) ? [text(a.added)!] : [],
          },
        },
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

/**
 * Which answer a server field error (`contact.email`, `stakeholders.roles[1].role`,
 * `process.changes.steps[0].instead`, `process.changes.added[0]`) is about; a step change's index
 * is one of the body that was sent.
 */
export function fieldOf(path: string, sent: SubmissionInput) {
  const m = /steps\[(\d+)\]\.(\w+)/.exec(path);
  const id = m && sent.process.changes?.steps?.[+m[1]]?.id;
  if (id) return (m[2] === 'instead' ? insteadKey : choiceKey)(id);
  return path.startsWith('stakeholders.roles') ? 'roles' : path.slice(path.lastIndexOf('.') + 1).replace(/\[.*/, '');
}
