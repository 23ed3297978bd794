import type { StepProps } from './types';
import { Field, Radios } from '../fields';

// 4. When: the decision timeline and the cost of doing nothing.
export function When({ form, ui }: StepProps) {
  const q = form.questions;
  return (
    <>
      <Radios ui={ui} name="timeline" legend={q.timeline.label} options={q.timeline.options} req />
      <Field ui={ui} name="costOfInaction" label={q.costOfInaction.label} area max={1000} />
    </>
  );
}
