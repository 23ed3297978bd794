import type { StepProps } from './types';
import { Check, Field } from '../fields';
import { web } from './Done';

// 5. About you: contact details, consent with the privacy link, and the honeypot.
export function You({ form, ui }: StepProps) {
  const { t } = ui;
  // The countries come with the texts (code, space, name; sorted in the form's language).
  const countries = t.countries.split('|').map((c) => ({ id: c.slice(0, 2), label: c.slice(3) }));
  const privacy = web(form.vendor.privacyUrl);
  return (
    <>
      <Field ui={ui} name="name" label={t.name} req auto="name" max={120} />
      <Field ui={ui} name="email" label={t.email} req type="email" auto="email" max={254} />
      <Field ui={ui} name="company" label={t.company} req auto="organization" max={160} />
      <Field ui={ui} name="phone" label={t.phone} type="tel" auto="tel" max={40} />
      <Field ui={ui} name="country" label={t.country} options={countries} />
      <Field ui={ui} name="companySize" label={t.size} options={form.companySizes.map((id) => ({ id, label: id }))} />
      <Field ui={ui} name="message" label={t.message} area max={2000} />
      <Check ui={ui} name="consent">
        {t.consent.replace('{vendor}', form.vendor.name)}{' '}
        <a href={privacy} target="_blank" rel="noopener">
          {t.privacy}
        </a>
        .
      </Check>
      {/* Honeypot (sent as contact.website): off-screen, out of the Tab order and hidden from assistive
          tech, so people leave it empty and bots fill it in. No name or label any autofill matches
          (not "website" or "url"), autocomplete off, and the password managers' own "ignore" marks:
          a browser or password manager that fills it would bin a real person's lead. */}
      <div class="hp" aria-hidden="true">
        <label>
          Leave empty
          <input
            name="kz"
            tabIndex={-1}
            autocomplete="off"
            data-1p-ignore
            data-lpignore="true"
            data-bwignore
            value={(ui.data.website as string) || ''}
            onInput={(e) => ui.set('website', e.currentTarget.value)}
          />
        </label>
      </div>
    </>
  );
}
