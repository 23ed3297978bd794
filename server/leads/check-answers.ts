import type { FieldError } from '../../shared/api-error';
import type { ChoiceQuestion, Site, VendorConfig } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import type { ProcessChanges } from '../../shared/agreement';

// What the submission schema cannot know: the vendor's option ids, the site's languages and
// whether deviating from the process is allowed. Every problem names its field (422).

export function checkAnswers(sub: Submission, config: VendorConfig, site: Site): FieldError[] {
  const errors: FieldError[] = [];
  const q = config.questions;
  const option = (path: string, question: ChoiceQuestion, value: string) => {
    if (!question.options.some((o) => o.id === value)) {
      errors.push({ path, message: `unknown option "${value}"; expected one of ${question.options.map((o) => `"${o.id}"`).join(', ')}` });
    }
  };

  if (!site.languages.includes(sub.language)) {
    errors.push({ path: 'language', message: `this site offers ${site.languages.map((l) => `"${l}"`).join(', ')}` });
  }
  if (!sub.process.accepted) {
    if (!config.process.deviation.allowed) {
      errors.push({ path: 'process.accepted', message: 'this vendor works with its default process only' });
    } else if (!sub.process.deviation) {
      errors.push({ path: 'process.deviation', message: 'describe the approach you propose' });
    }
  } else if (sub.process.changes && (sub.process.changes.steps.length || sub.process.changes.added.length)) {
    errors.push({ path: 'process.changes', message: 'changes go with accepted: false' });
  }
  errors.push(...checkChanges('process.changes', sub.process.changes, config));
  option('answers.stage', q.stage, sub.answers.stage);
  option('answers.budget', q.budget, sub.answers.budget);
  option('answers.decisionProcess', q.decisionProcess, sub.answers.decisionProcess);
  option('answers.timeline', q.timeline, sub.answers.timeline);
  option('stakeholders.finalSay', q.stakeholders.finalSay, sub.stakeholders.finalSay);

  const seen = new Set<string>();
  sub.stakeholders.roles.forEach(({ role }, i) => {
    if (!q.stakeholders.roles.some((r) => r.id === role)) {
      errors.push({ path: `stakeholders.roles[${i}].role`, message: `unknown role "${role}"` });
    } else if (seen.has(role)) {
      errors.push({ path: `stakeholders.roles[${i}].role`, message: `role "${role}" is listed twice` });
    }
    seen.add(role);
  });
  return errors;
}

/** A proposal's or counter's step changes against the config's process: known, once each, not fixed, "change" says what instead. */
export function checkChanges(path: string, changes: ProcessChanges | undefined, config: VendorConfig): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  changes?.steps.forEach((c, i) => {
    const step = config.process.steps.find((s) => s.id === c.id);
    const at = `${path}.steps[${i}]`;
    if (!step) errors.push({ path: `${at}.id`, message: `unknown step "${c.id}"; the steps are ${config.process.steps.map((s) => `"${s.id}"`).join(', ')}` });
    else if (seen.has(c.id)) errors.push({ path: `${at}.id`, message: `step "${c.id}" is listed twice` });
    else if (step.negotiable === false) errors.push({ path: `${at}.id`, message: `step "${c.id}" is fixed and cannot be skipped or changed` });
    else if (c.change === 'change' && !c.instead) errors.push({ path: `${at}.instead`, message: 'say what you propose instead' });
    seen.add(c.id);
  });
  return errors;
}
