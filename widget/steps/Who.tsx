import type { StepProps } from './types';
import { Field, Radios } from '../fields';
import { roleKey } from '../submission';

// 3. Who is involved: per role "yes / not yet / no" (unanswered: not sent), who has the final say,
// and (optional) what matters to the organisation and to the prospect personally.
export function Who({ form, ui }: StepProps) {
  const { t } = ui;
  const q = form.questions.stakeholders;
  const involvement = [
    { id: 'yes', label: t.yes },
    { id: 'later', label: t.notYet },
    { id: 'no', label: t.no },
  ];
  return (
    <>
      <fieldset>
        <legend>{q.label}</legend>
        {q.roles.map((r) => (
          <Radios key={r.id} ui={ui} name={roleKey(r.id)} legend={r.label} options={involvement} cls="role" />
        ))}
      </fieldset>
      <Radios ui={ui} name="finalSay" legend={q.finalSay.label} options={q.finalSay.options} req />
      <Field ui={ui} name="orgInterest" label={t.orgInterest} area max={500} />
      <Field ui={ui} name="personalInterest" label={t.personalInterest} area max={500} />
    </>
  );
}
