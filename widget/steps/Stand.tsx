import type { StepProps } from './types';
import { Radios } from '../fields';

// 2. Where you stand: buying stage, budget, how clear the decision process is.
export function Stand({ form, ui }: StepProps) {
  const q = form.questions;
  return (
    <>
      {(['stage', 'budget', 'decisionProcess'] as const).map((k) => (
        <Radios key={k} ui={ui} name={k} legend={q[k].label} options={q[k].options} req />
      ))}
    </>
  );
}
