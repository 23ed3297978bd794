import type { Errors } from './fields';
import { EMAIL } from './email';
import type { WidgetTexts as Texts } from '../shared/widget-texts';

// A tiny hand check with the browser's own "missing" (no zod in the bundle):
// the first problem per control name, in our own words and language. An email address is checked
// as the server checks it (email.ts); a text over its limit (data-m: no maxlength, which would cut
// a paste off silently) is refused until it fits.
export function check(form: HTMLFormElement, t: Texts): Errors {
  const errors: Errors = {};
  for (const el of Array.from(form.elements) as HTMLInputElement[]) {
    const v = el.validity;
    if (!el.name || !el.willValidate || errors[el.name]) continue;
    const e = v.valueMissing
      ? el.type === 'radio' ? t.pick : el.type === 'checkbox' ? t.agree : t.required
      : el.type === 'email' ? !EMAIL.test(el.value.trim()) && t.badEmail
      : el.value.length > +el.dataset.m! && t.tooLong;
    if (e) errors[el.name] = e;
  }
  return errors;
}
