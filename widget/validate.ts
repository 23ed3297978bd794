import type { Errors } from './fields';
import type { WidgetTexts as Texts } from '../shared/widget-texts';

// A tiny hand check on top of the browser's own constraint validation (no zod in the bundle):
// the first problem per control name, in our own words and language.
export function check(form: HTMLFormElement, t: Texts): Errors {
  const errors: Errors = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    const v = el.validity;
    if (!el.name || !el.willValidate || v.valid || errors[el.name]) continue;
    errors[el.name] =
      el.type === 'radio' ? t.pick : el.type === 'checkbox' ? t.agree : v.valueMissing ? t.required : t.badEmail;
  }
  return errors;
}
