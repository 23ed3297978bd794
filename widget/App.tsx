import { Component, type FunctionComponent } from 'preact';
import type { Language } from '../shared/localized';
import type { FallbackContact, PublicForm } from '../shared/public-form';
import type { SubmissionAnswer } from '../shared/submission';
import type { Api } from './api';
import { store, uuid } from './context';
import type { Answers, Errors, Ui } from './fields';
import type { WidgetTexts as Texts } from '../shared/widget-texts';
import { boot } from './i18n/boot';
import { Done } from './steps/Done';
import { Process } from './steps/Process';
import { Stand } from './steps/Stand';
import type { StepProps } from './steps/types';
import { When } from './steps/When';
import { Who } from './steps/Who';
import { You } from './steps/You';
import { Reach } from './Reach';
import { fieldOf, roleKey, toSubmission } from './submission';
import { check } from './validate';

// The flow as a small state machine: screens 0..4 ask, the answer ends it. The choices, the screen
// and the one submissionId of this flow live in sessionStorage, so a reload keeps them and a
// retry after a failed send reuses the same id (the server answers it idempotently).

interface Screen {
  screenTitle: (f: PublicForm, t: Texts) => string;
  Body: FunctionComponent<StepProps>;
  /** Answers asked on this screen: a server field error is shown on the screen that asks it. */
  asks: string;
}

const SCREENS: Screen[] = [
  // c: and i: stand for every step's choice and what instead (submission.ts choiceKey, insteadKey).
  { screenTitle: (f) => f.process.title, Body: Process, asks: 'accepted deviation added c: i:' },
  { screenTitle: (_, t) => t.stand, Body: Stand, asks: 'stage budget decisionProcess' },
  { screenTitle: (_, t) => t.who, Body: Who, asks: 'finalSay orgInterest personalInterest' },
  { screenTitle: (_, t) => t.when, Body: When, asks: 'timeline costOfInaction' },
  { screenTitle: (_, t) => t.you, Body: You, asks: 'name email company phone country companySize message consent' },
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
  /** The fallback contact of the embed tag: known when the form cannot load. */
  fb?: FallbackContact;
}

/** The texts of before the form: in the page's language, else English. */
export const bootTexts = (lang?: Language) => boot[lang || 'en'];

interface State {
  /** undefined: loading, null: failed */
  form?: PublicForm | null;
  flow: Flow;
  fieldErrors: Errors;
  alert: string;
  /** The seconds of the retry countdown when its message was shown (what a screen reader hears). */
  first?: number;
  busy?: boolean;
  /** The answer, the address it was confirmed to and the texts to show it in: kept for the tab. */
  answer?: [SubmissionAnswer, string, Texts];
}

/** What was chosen on a screen, in words: the options of its questions (and on "who" the roles ticked). */
function said(form: PublicForm, t: Texts, d: Answers, asks: string, i: number) {
  const q = form.questions as any;
  return asks
    .split(' ')
    .map((n) => (n === 'accepted' ? (d.accepted === 'no' ? t.deviate : t.accept) : (q[n] || q.stakeholders[n])?.options?.find((o: any) => o.id === d[n])?.label))
    .concat(i === 2 ? q.stakeholders.roles.filter((r: any) => d[roleKey(r.id)]).map((r: any) => r.label) : [])
    .filter(Boolean)
    .join(', ');
}

// A class, not hooks: preact/hooks would cost ~1 KB gzip of the 12 KB budget.
export class App extends Component<AppProps, State> {
  key = `koers:${this.props.site}:flow`;
  state: State = {
    flow: store.get<Flow>(this.key) ?? { id: uuid(), step: 0, data: {} },
    fieldErrors: {},
    alert: '',
    // A reload after sending shows the answer again, not a new form (no second lead by accident).
    // Stored as one string: only what that screen shows (context.ts drops typed keys of objects).
    answer: JSON.parse(store.get<string>(this.key + 'd') || '0') || undefined,
  };
  boxEl?: HTMLDivElement | null;
  /** Focus goes to the heading of each new screen once the person moved on (in the dialog: at once). */
  moveFocus = !!this.props.dialog;
  /** Focus goes to the first invalid control after the next render. */
  focusError = false;
  /** Inline: the person answered something (the funnel's "opened"). */
  began?: true;
  /** A failed send: focus goes to its message after the next render. */
  focusAlert?: boolean;
  /** Seconds until the automatic retry of a failed send, its timer, and the retries after a 5xx. */
  left = 0;
  timer?: ReturnType<typeof setInterval>;
  tries = 0;
  back?: boolean;

  componentDidMount() {
    if (!this.state.answer) this.loadForm();
    this.saveFlow();
    // Back online: load the form that failed, or send what waits for its retry, at once.
    addEventListener('online', () => (this.state.form === null ? this.loadForm() : this.left && this.send(1)));
  }

  componentDidUpdate(_: AppProps, prev: State) {
    const s = this.state;
    this.saveFlow();
    if (this.moveFocus && (s.form !== prev.form || s.flow.step !== prev.flow.step || s.answer !== prev.answer)) {
      // Each screen starts at its top in the dialog (its close button stays: sticky).
      this.boxEl?.closest('dialog')?.scrollTo(0, 0);
      this.boxEl?.querySelector('h2')?.focus();
    }
    if (this.focusError) this.boxEl?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    if (this.focusAlert) this.boxEl?.querySelector<HTMLElement>('.alert')?.focus();
    this.focusError = this.focusAlert = false;
  }

  saveFlow() {
    store.set(this.key, this.state.answer ? undefined : this.state.flow);
  }

  loadForm = () => {
    this.setState({ form: undefined });
    // Perhaps the launcher's prefetch: `at` is when it was asked for, the token's own "shown at".
    const [got, at] = this.props.api.form(this.props.lang);
    got.then((r) =>
      // The token says when the form was shown (the server's too-fast-to-be-human check): keep
      // the first one over reloads, unless it is more than an hour old (tokens expire).
      this.setState(({ flow: f }) =>
        r.ok ? { form: r.data, flow: f.tok && Date.now() - f.tok[1] < 36e5 ? f : { ...f, tok: [r.data.formToken, at] } } : { form: null },
      ),
    );
  };

  /** `back`: the person came from the review to change this screen; Next returns there. */
  goTo = (to: number, back?: boolean) => {
    this.back = back;
    clearInterval(this.timer);
    this.moveFocus = true;
    this.setState(({ flow }) => ({ alert: '', flow: { ...flow, step: to } }));
  };

  fail(fieldErrors: Errors, t: Texts) {
    this.focusError = true;
    this.setState({ fieldErrors, alert: t.check });
  }

  submit(e: Event, t: Texts, step: number) {
    e.preventDefault();
    const { form, busy } = this.state;
    if (busy || !form) return;
    // Inline, Next is an answer too: the flow is opened and this screen reached (each sent once).
    this.began = true;
    this.props.api.ev('o', form.language);
    this.props.api.ev(step + 1, form.language);
    const errs = check(e.currentTarget as HTMLFormElement, t);
    if (Object.keys(errs).length) return this.fail(errs, t);
    this.setState({ fieldErrors: {} });
    if (step < SCREENS.length - 1) return this.goTo(this.back ? SCREENS.length - 1 : step + 1);
    this.tries = 0;
    this.send();
  }

  /** Sends the flow; `auto`: a retry of the flow's own (its message stays until the answer). */
  async send(auto?: 1) {
    clearInterval(this.timer);
    this.left = 0;
    const { form, flow } = this.state;
    const t = form!.texts;
    const step = SCREENS.length - 1;
    this.setState(auto ? { busy: true } : { busy: true, alert: '' });
    const [tok, at] = flow.tok!;
    const sent = toSubmission(form!, flow.data, flow.id, tok);
    // The server takes a token of over 2 hours, or of under MIN_FILL_SECONDS (3), for a bot's and
    // bins the lead with a normal answer. Older than 90 minutes: a fresh one, and the person sends
    // once more (asked, never sent for them); a young one is waited out.
    const old = Date.now() - at > 54e5;
    if (!old) await new Promise((go) => setTimeout(go, at + 4e3 - Date.now()));
    const r = await (old ? this.props.api.form(form!.language)[0] : this.props.api.submit(sent));
    this.setState({ busy: false });
    if (r.ok && old) {
      this.focusAlert = true;
      return this.setState(({ flow: f }) => ({ flow: { ...f, tok: [(r.data as PublicForm).formToken, Date.now()] }, alert: t.again }));
    }
    if (r.ok) {
      this.moveFocus = true;
      const answer: State['answer'] = [r.data as SubmissionAnswer, flow.data.email as string, t];
      store.set(this.key + 'd', JSON.stringify(answer));
      this.props.api.ev('d', form!.language, { leadId: answer[0].leadId, tier: answer[0].tier });
      return this.setState({ answer, alert: '' });
    }
    // Not sent (no 422): say why and that the answers are kept, and try again by itself where
    // that is safe: the same submissionId, so the server stores it once. Offline: every 10 s or
    // when back online; busy: after Retry-After; a server error: three times, 5, 10 and 15 s on.
    const s = r.status;
    if (s !== 422) {
      this.left = s === 429 ? r.retry || 30 : !s ? 10 : s > 499 && this.tries < 3 ? 5 * ++this.tries : 0;
      if (this.left) this.timer = setInterval(() => (--this.left ? this.forceUpdate() : this.send(1)), 1e3);
      this.focusAlert = !auto;
      return this.setState({ alert: !this.left ? t.failed : s === 429 ? t.tooBusy : s ? t.serverError : t.offline, first: this.left });
    }
    // A 422 names fields (`contact.email`): show each at its control, on the earliest screen.
    const errs2: Errors = {};
    let first = step;
    for (const f of r.error?.fields || []) {
      const name = fieldOf(f.path, sent);
      const at = SCREENS.findIndex((s) => s.asks.split(' ').includes(name.replace(/:.*/, ':')));
      if (at < 0) continue;
      // Our own words where the server's would be English: a bad email, no consent, no "what instead".
      errs2[name] ??= name === 'email' ? t.badEmail : name === 'consent' ? t.agree : name[0] === 'i' ? t.required : f.message;
      first = Math.min(first, at);
    }
    if (!Object.keys(errs2).length) return this.setState({ alert: t.failed });
    if (first !== step) this.goTo(first);
    this.fail(errs2, t);
  }

  render({ lang, api, dialog, fb }: AppProps, { form, flow, fieldErrors, alert, first, busy, answer }: State) {
    const l = form?.language ?? lang;
    const t = form?.texts as Texts;
    const b = bootTexts(l);
    const step = Math.min(flow.step, SCREENS.length - 1);
    // Funnel events (api.ev sends each once): inline the form is shown here and opened at the
    // first answer, in the dialog it is opened here; screens count once it is opened.
    api.ev(dialog ? 'o' : 's', l);
    if (form && (dialog || this.began)) api.ev(step + 1, l);

    const ui: Ui = {
      t,
      data: flow.data,
      fieldErrors,
      set: (name, value) => {
        this.began = true;
        api.ev('o', l);
        const { [name]: _, ...rest } = this.state.fieldErrors;
        // "Please check the marked fields" goes once no field is marked any more.
        this.setState(({ flow: f }) => ({
          flow: { ...f, data: { ...f.data, [name]: value } },
          fieldErrors: rest,
          alert: alert === t.check && !Object.keys(rest)[0] ? '' : alert,
        }));
      },
    };

    let body;
    if (answer) {
      body = (
        <>
          <h2 tabIndex={-1}>{answer[2].done}</h2>
          <Done t={answer[2]} answer={answer[0]} email={answer[1]} />
        </>
      );
    } else if (!form) {
      body =
        form === null ? (
          <div role="alert">
            <p>{b.loadFailed}</p>
            <Reach c={fb} t={b.reach} />
            <button type="button" onClick={this.loadForm}>
              {b.retry}
            </button>
          </div>
        ) : (
          // Inline: the space of the first screen is held while it loads (the host page does not shift).
          <p role="status" class="ld">
            {b.loading}
          </p>
        );
    } else {
      const { Body, screenTitle } = SCREENS[step];
      const last = step === SCREENS.length - 1;
      body = (
        <form noValidate onSubmit={(e) => this.submit(e, t, step)}>
          <p class="prog" id="k-prog">
            {t.progress.replace('{n}', '' + (step + 1)).replace('{m}', '' + SCREENS.length)}
          </p>
          <ol class="bar" aria-hidden="true">
            {SCREENS.map((_, i) => (
              <li key={i} class={i <= step ? 'on' : undefined} />
            ))}
          </ol>
          <h2 tabIndex={-1} aria-describedby="k-prog">
            {screenTitle(form, t)}
          </h2>
          <Body form={form} ui={ui} />
          {last && (
            // Review before send: the choices per screen, each with a way back to change them.
            <>
              <h3>{t.review}</h3>
              <dl class="rv">
                {SCREENS.slice(0, -1).map((s, i) => (
                  <>
                    <dt>{s.screenTitle(form, t)}</dt>
                    <dd>
                      {said(form, t, flow.data, s.asks, i)}{' '}
                      <button type="button" class="lk" onClick={() => this.goTo(i, true)}>
                        {t.change}
                        <span class="hp">: {s.screenTitle(form, t)}</span>
                      </button>
                    </dd>
                  </>
                ))}
              </dl>
            </>
          )}
          {/* The countdown's seconds are seen, not heard: a screen reader hears the first number once. */}
          <div class="alert" role="alert" tabIndex={-1}>
            {alert.split('{s}').map((part, i) => (
              <>
                {i > 0 && (
                  <>
                    <span aria-hidden="true">{this.left}</span>
                    <span class="hp">{first}</span>
                  </>
                )}
                {part}
              </>
            ))}
            {alert && alert !== t.check && alert !== t.again && <Reach c={form.vendor.fallbackContact ?? fb} t={b.reach} />}
          </div>
          <p class="hp" role="status">
            {busy && t.sending}
          </p>
          <div class="nav">
            {step > 0 && (
              <button type="button" class="sec" onClick={() => this.goTo(step - 1)}>
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
      <div
        class="k"
        ref={(d) => {
          this.boxEl = d;
        }}
        lang={l}
        // A named region of the host page (in the dialog: inside the dialog of the same name).
        role="region"
        aria-label={b.open}
      >
        {body}
      </div>
    );
  }
}
