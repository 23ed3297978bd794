import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../shared/localized';
import type { PublicForm } from '../shared/public-form';
import type { SubmissionAnswer } from '../shared/submission';
import type { Api } from './api';
import { store, uuid } from './context';
import type { Answers, Errors, Ui } from './fields';
import { en } from './i18n/en';
import { nl } from './i18n/nl';
import { Done } from './steps/Done';
import { Process } from './steps/Process';
import { Stand } from './steps/Stand';
import type { StepProps } from './steps/types';
import { When } from './steps/When';
import { Who } from './steps/Who';
import { You } from './steps/You';
import { fieldOf, toSubmission } from './submission';
import { check } from './validate';

// The flow as a small state machine: screens 0..4 ask, the answer ends it. The choices, the screen
// and the one submissionId of this flow live in sessionStorage, so a reload keeps them and a
// retry after a failed send reuses the same id (the server answers it idempotently).

interface Screen {
  title: (f: PublicForm, t: typeof en) => string;
  Body: FunctionComponent<StepProps>;
  /** Answers asked on this screen: a server field error is shown on the screen that asks it. */
  fields: string;
}

const SCREENS: Screen[] = [
  { title: (f) => f.process.title, Body: Process, fields: 'accepted deviation' },
  { title: (_, t) => t.stand, Body: Stand, fields: 'stage budget decisionProcess' },
  { title: (_, t) => t.who, Body: Who, fields: 'finalSay orgInterest personalInterest' },
  { title: (_, t) => t.when, Body: When, fields: 'timeline costOfInaction' },
  { title: (_, t) => t.you, Body: You, fields: 'name email company phone country companySize message consent' },
];

interface Flow {
  id: string;
  step: number;
  data: Answers;
  /** The form token of when this flow was first shown, and when that was (ms). */
  tok?: [string, number];
}

export interface AppProps {
  api: Api;
  site: string;
  lang?: Language;
  /** In the launcher's dialog the heading takes focus as soon as the form is there. */
  dialog?: boolean;
}

export const textsFor = (lang?: string) => (lang === 'nl' ? nl : en);

export function App({ api, site, lang, dialog }: AppProps) {
  const key = `koers:${site}:flow`;
  const [form, setForm] = useState<PublicForm | null>(); // undefined: loading, null: failed
  const [flow, setFlow] = useState<Flow>(() => store.get<Flow>(key) ?? { id: uuid(), step: 0, data: { accepted: 'yes' } });
  const [errors, setErrors] = useState<Errors>({});
  const [alert, setAlert] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<SubmissionAnswer>();
  const box = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(!!dialog);
  const focusError = useRef(false);

  const load = () => {
    setForm(undefined);
    api.form(lang).then((r) => {
      setForm(r.ok ? r.data : null);
      // The token says when the form was shown (the server's too-fast-to-be-human check): keep
      // the first one over reloads, unless it is more than an hour old (tokens expire).
      if (r.ok) setFlow((f) => (f.tok && Date.now() - f.tok[1] < 36e5 ? f : { ...f, tok: [r.data.formToken, Date.now()] }));
    });
  };
  useEffect(load, []);
  useEffect(() => store.set(key, answer ? undefined : flow), [flow, answer]);
  useEffect(() => {
    if (moveFocus.current) box.current?.querySelector('h2')?.focus();
  }, [form, flow.step, answer]);
  useEffect(() => {
    if (focusError.current) box.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    focusError.current = false;
  }, [errors]);

  const t = textsFor(form?.language ?? lang);
  const step = Math.min(flow.step, SCREENS.length - 1);

  const go = (to: number) => {
    moveFocus.current = true;
    setAlert('');
    setFlow((f) => ({ ...f, step: to }));
  };
  const fail = (errs: Errors) => {
    focusError.current = true;
    setErrors(errs);
    setAlert(t.check);
  };

  const ui: Ui = {
    t,
    data: flow.data,
    errors,
    set(name, value) {
      setFlow((f) => ({ ...f, data: { ...f.data, [name]: value } }));
      if (errors[name]) {
        const { [name]: _, ...rest } = errors;
        setErrors(rest);
      }
    },
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy || !form) return;
    const errs = check(e.currentTarget as HTMLFormElement, t);
    if (Object.keys(errs).length) return fail(errs);
    setErrors({});
    if (step < SCREENS.length - 1) return go(step + 1);
    setBusy(true);
    setAlert('');
    const r = await api.submit(toSubmission(form, flow.data, flow.id, flow.tok?.[0] ?? form.formToken));
    setBusy(false);
    if (r.ok) {
      moveFocus.current = true;
      return setAnswer(r.data);
    }
    // A 422 names fields (`contact.email`): show each at its control, on the earliest screen.
    const errs2: Errors = {};
    let first = step;
    for (const f of (r.status === 422 && r.error?.fields) || []) {
      const name = fieldOf(f.path);
      const at = SCREENS.findIndex((s) => s.fields.split(' ').includes(name));
      if (at < 0) continue;
      errs2[name] ??= name === 'email' ? t.badEmail : name === 'consent' ? t.agree : f.message;
      first = Math.min(first, at);
    }
    if (!Object.keys(errs2).length) return setAlert(t.failed);
    if (first !== step) go(first);
    fail(errs2);
  }

  let body;
  if (answer) {
    body = (
      <>
        <h2 tabIndex={-1}>{t.done}</h2>
        <Done t={t} answer={answer} email={flow.data.email as string} />
      </>
    );
  } else if (!form) {
    body =
      form === null ? (
        <div role="alert">
          <p>{t.loadFailed}</p>
          <button type="button" onClick={load}>
            {t.retry}
          </button>
        </div>
      ) : (
        <p role="status">{t.loading}</p>
      );
  } else {
    const { Body, title } = SCREENS[step];
    const last = step === SCREENS.length - 1;
    body = (
      <form noValidate onSubmit={submit}>
        <p class="prog" id="k-prog">
          {t.progress.replace('{n}', String(step + 1)).replace('{m}', String(SCREENS.length))}
        </p>
        <ol class="bar" aria-hidden="true">
          {SCREENS.map((_, i) => (
            <li key={i} class={i <= step ? 'on' : undefined} />
          ))}
        </ol>
        <h2 tabIndex={-1} aria-describedby="k-prog">
          {title(form, t)}
        </h2>
        <Body form={form} ui={ui} />
        <div class="alert" role="alert">
          {alert}
        </div>
        <div class="nav">
          {step > 0 && (
            <button type="button" class="sec" onClick={() => go(step - 1)}>
              {t.back}
            </button>
          )}
          <button class="next" aria-disabled={busy || undefined}>
            {busy ? t.sending : last ? t.send : t.next}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div class="k" ref={box} lang={form?.language ?? lang}>
      {body}
    </div>
  );
}
