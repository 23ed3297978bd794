import type { StepProps } from './types';
import { Field, Radios } from '../fields';

// 1. How we work: the vendor's process as the default, and a visible way to propose another.
export function Process({ form, ui }: StepProps) {
  const { t } = ui;
  const p = form.process;
  return (
    <>
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
              {s.duration && (
                <>
                  <dt>{t.duration}</dt>
                  <dd>{s.duration}</dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
      {p.deviationAllowed && (
        <Radios
          ui={ui}
          name="accepted"
          legend={t.fit}
          req
          options={[
            { id: 'yes', label: t.accept },
            { id: 'no', label: t.deviate },
          ]}
        />
      )}
      {p.deviationAllowed && ui.data.accepted === 'no' && (
        <Field ui={ui} name="deviation" label={t.deviation} area req max={1000} />
      )}
    </>
  );
}
