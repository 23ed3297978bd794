import type { StepProps } from './types';
import { Field, Radios } from '../fields';
import { choiceKey, insteadKey } from '../submission';

// 1. How we work: one sentence on what the form is and takes, the process as a timeline (step,
// duration, total) with the details on demand, then the vendor's process as the default, and a visible way to propose another:
// per step keep / skip / do differently (what instead), one added step, and one reason. Steps the
// vendor fixed are shown with why, without a choice. Accepting adds nothing to this screen.
export function Process({ form, ui }: StepProps) {
  const { t } = ui;
  const p = form.process;
  const choices = [
    { id: 'keep', label: t.keep },
    { id: 'skip', label: t.omit },
    { id: 'change', label: t.alter },
  ];
  return (
    <>
      <p>{t.lead}</p>
      <ol class="tl">
        {p.steps.map((s) => (
          <li key={s.id}>
            <b>{s.title}</b> {s.duration}
          </li>
        ))}
      </ol>
      {form.processTotal && <p>{t.total.replace('{t}', form.processTotal)}</p>}
      <details>
        <summary>{t.more}</summary>
        {p.intro && <p>{p.intro}</p>}
        <ol class="steps">
          {p.steps.map((s) => (
            <li key={s.id}>
              <h3>{s.title}</h3>
              <dl>
                <dt>{t.weDo}</dt>
                <dd>{s.weDo}</dd>
                <dt>{t.weAsk}</dt>
                <dd>{s.weAsk}</dd>
              </dl>
            </li>
          ))}
        </ol>
      </details>
      {p.deviationAllowed && (
        <Radios
          ui={ui}
          name="accepted"
          legend={t.fit}
          req
          def="yes"
          options={[
            { id: 'yes', label: t.accept },
            { id: 'no', label: t.deviate },
          ]}
        />
      )}
      {p.deviationAllowed && ui.data.accepted === 'no' && (
        <>
          <fieldset>
            <legend>{t.perStep}</legend>
            {p.steps.map((s) =>
              s.fixed ? (
                <p key={s.id} class="fx">
                  <b>{s.title}</b> ({t.firm}): {s.fixed}
                </p>
              ) : (
                <div key={s.id}>
                  <Radios ui={ui} name={choiceKey(s.id)} legend={s.title} options={choices} cls="role" def="keep" />
                  {ui.data[choiceKey(s.id)] === 'change' && (
                    <Field ui={ui} name={insteadKey(s.id)} label={t.other.replace('{step}', s.title)} req max={300} />
                  )}
                </div>
              ),
            )}
          </fieldset>
          <Field ui={ui} name="added" label={t.addStep} max={300} />
          <Field ui={ui} name="deviation" label={t.deviation} area req max={1000} />
        </>
      )}
    </>
  );
}
