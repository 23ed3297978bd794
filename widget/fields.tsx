import type { ComponentChildren } from 'preact';
import type { WidgetTexts as Texts } from '../shared/widget-texts';

// Form controls that carry their own accessible wiring: a label or legend, the error text tied
// with aria-describedby, aria-invalid. Native constraints (required, type=email, pattern) mark
// what is wrong; check() in validate.ts turns that into our own translated messages.

export type Answers = Record<string, string | boolean | undefined>;
export type Errors = Record<string, string>;

export interface Ui {
  t: Texts;
  data: Answers;
  fieldErrors: Errors;
  set(name: string, value: string | boolean): void;
}

interface Option {
  id: string;
  label: string;
}

const errId = (name: string) => `k-${name}-e`;

/** Error wiring for a control named `name`: spread onto the control. */
const wire = (ui: Ui, name: string) =>
  ui.fieldErrors[name] ? { 'aria-invalid': 'true' as const, 'aria-describedby': errId(name) } : {};

/** The error text of `name`, if any (called as a function: no component of its own). */
const err = (ui: Ui, name: string) =>
  ui.fieldErrors[name] ? (
    <p class="err" id={errId(name)}>
      {ui.fieldErrors[name]}
    </p>
  ) : null;

export function Radios(p: { ui: Ui; name: string; legend: string; options: Option[]; req?: boolean; cls?: string; def?: string }) {
  const { ui, name } = p;
  const value = ui.data[name] ?? p.def ?? '';
  return (
    <fieldset class={p.cls} aria-describedby={ui.fieldErrors[name] ? errId(name) : undefined}>
      <legend>{p.legend}</legend>
      <div class="opts">
        {p.options.map((o) => (
          <label class="opt" key={o.id}>
            <input
              type="radio"
              name={name}
              value={o.id}
              required={p.req}
              checked={value === o.id}
              onChange={() => ui.set(name, o.id)}
              {...wire(ui, name)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {err(ui, name)}
    </fieldset>
  );
}

interface FieldProps {
  ui: Ui;
  name: string;
  label: string;
  req?: boolean;
  area?: boolean;
  type?: 'email' | 'tel';
  auto?: string;
  max?: number;
  options?: Option[];
}

export function Field(p: FieldProps) {
  const { ui, name } = p;
  const id = `k-${name}`;
  const common = {
    id,
    name,
    required: p.req,
    autocomplete: p.auto,
    value: (ui.data[name] as string) ?? '',
    'data-m': p.max,
    ...wire(ui, name),
  };
  const n = common.value.length;
  const onInput = (e: Event) => ui.set(name, (e.currentTarget as HTMLInputElement).value);
  return (
    <div class="f">
      <label for={id}>
        {p.label}
        {!p.req && <span class="o"> ({ui.t.optional})</span>}
      </label>
      {p.options ? (
        <select {...common} onChange={onInput}>
          <option value="">{ui.t.choose}</option>
          {p.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      ) : p.area ? (
        <textarea {...common} rows={2} onInput={onInput} />
      ) : (
        <input {...common} type={(p.type || 'text') as 'text'} onInput={onInput} />
      )}
      {/* No maxlength (it cuts a paste off silently): check() refuses a text over the limit, kept
          for editing. A text area always shows its counter, a line only once it is over. The
          counter is read, not announced; the live region speaks only when the text gets too long. */}
      {p.max && (
        <>
          {(p.area || n > p.max) && (
            <p class="cnt">
              {n} / {p.max}
            </p>
          )}
          <p class="hp" aria-live="polite">
            {n > p.max && ui.t.tooLong}
          </p>
        </>
      )}
      {err(ui, name)}
    </div>
  );
}

export function Check(p: { ui: Ui; name: string; children: ComponentChildren }) {
  const { ui, name } = p;
  return (
    <div class="f chk">
      <input
        type="checkbox"
        id={`k-${name}`}
        name={name}
        required
        checked={!!ui.data[name]}
        onChange={(e) => ui.set(name, e.currentTarget.checked)}
        {...wire(ui, name)}
      />
      <label for={`k-${name}`}>{p.children}</label>
      {err(ui, name)}
    </div>
  );
}
