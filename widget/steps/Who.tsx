import type { StepProps } from './types';
import { Field, Radios } from '../fields';
import { roleKey } from '../submission';

// 3. Who is involved: first who has the final say, then (optional) the roles that take part, one
// checkbox each; a ticked role can be marked "not involved yet" (sent as involved: false). An
// unticked role is not sent. Then (optional) what matters to the organisation and to the prospect.
export function Who({ form, ui }: StepProps) {
  const { t, data, set } = ui;
  const q = form.questions.stakeholders;
  return (
    <>
      <Radios ui={ui} name="finalSay" legend={q.finalSay.label} options={q.finalSay.options} req cls="two" />
      <fieldset class="rl">
        <legend>
          {q.label} <span class="o">({t.optional})</span>
        </legend>
        {q.roles.map((r) => {
          const k = roleKey(r.id);
          return (
            <div key={r.id}>
              <label>
                <input type="checkbox" name={k} checked={!!data[k]} onChange={(e) => set(k, e.currentTarget.checked && 'yes')} />
                {r.label}
              </label>
              {data[k] && (
                // The visible words, then the role: "Not involved yet, IT" is clear out of context too.
                <label>
                  <input type="checkbox" checked={data[k] === 'later'} onChange={(e) => set(k, e.currentTarget.checked ? 'later' : 'yes')} />
                  {t.notYet}
                  <span class="hp">, {r.label}</span>
                </label>
              )}
            </div>
          );
        })}
      </fieldset>
      <Field ui={ui} name="orgInterest" label={t.orgInterest} area max={500} />
      <Field ui={ui} name="personalInterest" label={t.personalInterest} area max={500} />
    </>
  );
}
