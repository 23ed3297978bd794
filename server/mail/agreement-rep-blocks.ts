import type { Language } from '../../shared/localized';
import type { AgreedStep } from '../agreement/agreed-process';
import { agreedProcessBlocks } from '../agreement/agreement-texts';
import type { AgreementView } from '../agreement/rep-answer-view';
import { agreementAnswerTexts } from './agreement-answer-texts';
import type { Block } from './layout';

// The top of a rep's lead mail about the process agreement: an open proposal first and strong
// (who proposes, why, step by step, the link to answer it), or one plain line that there is none.

export function agreementRepBlocks(a: {
  view: AgreementView;
  contactName: string;
  language: Language;
  /** The signed "Answer the proposal" link (absent in the vendor's mail of an unassigned lead). */
  answer?: { label: string; href: string };
  /** Whether the prospect chose the standard process themselves or left the form's default (null: not known). */
  choice?: 'chosen' | 'default' | null;
}): Block[] {
  const t = agreementAnswerTexts[a.language];
  const { view } = a;
  const choice = a.choice === 'chosen' ? [t.choiceChosen] : a.choice === 'default' ? [t.choiceDefault] : [];
  if (view.state === 'standard') return [{ lines: [t.noProposal, ...choice] }];
  if (view.state !== 'proposed') return [{ lines: [t.stateLine[view.state] ?? ''] }];
  return [
    {
      heading: t.proposalHeading,
      lines: [t.proposalIntro(a.contactName), view.reason ? t.reason(view.reason) : t.noReason, ...(view.noStepChanges ? [t.noStepChanges] : [])],
      strong: true,
    },
    ...(view.noStepChanges ? [] : proposalStepBlocks(view.steps, a.language)),
    ...(a.answer ? [{ links: [a.answer] }] : []),
  ];
}

/** One block per step, its heading saying what the proposal does with it (unchanged, changed, skipped, added, fixed). */
export function proposalStepBlocks(steps: AgreedStep[], language: Language): Block[] {
  const t = agreementAnswerTexts[language];
  return agreedProcessBlocks(steps, language).map((block, i) => {
    const s = steps[i];
    // A skipped or added step's heading says so already.
    if (s.status === 'skipped' || s.status === 'added') return block;
    const status = s.fixed ? t.stepStatus.fixed : t.stepStatus[s.status];
    return {
      ...block,
      heading: `${block.heading} (${status})`,
      ...(s.fixed ? { rows: [[t.fixedRow, s.fixed] as [string, string], ...(block.rows ?? [])] } : {}),
    };
  });
}
