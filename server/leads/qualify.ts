import type { ChoiceQuestion, Tier, VendorConfig } from '../../shared/config';
import type { Submission } from '../../shared/submission';
import type { ExplanationLine, StakeholderRole } from '../db/schema';

// The transparent score: the sum of the chosen answers' points, each contribution listed. It works
// on the answers alone (a submission's, or a stored lead's after the prospect updated them on their
// page), so a lead is scored again the same way.

export interface Qualification {
  score: number;
  tier: Tier;
  explanation: ExplanationLine[];
  /** No timeline, no cost of inaction and an unclear decision process: likely to end in "no decision". */
  noDecisionRisk: boolean;
}

/** The answers the score is made of, as a lead stores them. */
export interface ScoredAnswers {
  stage: string;
  budget: string;
  decisionProcess: string;
  timeline: string;
  costOfInaction?: string | null;
  stakeholderRoles: StakeholderRole[];
  finalSay: string;
}

export function qualify(sub: Submission, config: VendorConfig): Qualification {
  return qualifyAnswers({ ...sub.answers, stakeholderRoles: sub.stakeholders.roles, finalSay: sub.stakeholders.finalSay }, config);
}

/** The score of answers as stored (a lead row fits): unknown option ids throw (they are checked before). */
export function qualifyAnswers(answers: ScoredAnswers, config: VendorConfig): Qualification {
  const q = config.questions;
  const explanation: ExplanationLine[] = [];
  const choose = (question: string, asked: ChoiceQuestion, answer: string) => {
    const option = asked.options.find((o) => o.id === answer);
    // check-answers.ts has rejected unknown ids before we get here.
    if (!option) throw new Error(`qualify: unknown ${question} option "${answer}"`);
    explanation.push({ question, answer, points: option.points });
  };

  choose('stage', q.stage, answers.stage);
  choose('budget', q.budget, answers.budget);
  choose('decisionProcess', q.decisionProcess, answers.decisionProcess);
  for (const { role, involved } of answers.stakeholderRoles) {
    if (!involved) continue;
    const points = q.stakeholders.roles.find((r) => r.id === role)?.points ?? 0;
    explanation.push({ question: 'role', answer: role, points });
  }
  choose('finalSay', q.stakeholders.finalSay, answers.finalSay);
  choose('timeline', q.timeline, answers.timeline);
  const costOfInaction = Boolean(answers.costOfInaction);
  if (costOfInaction) explanation.push({ question: 'costOfInaction', answer: 'filled', points: q.costOfInaction.points });

  const score = explanation.reduce((sum, line) => sum + line.points, 0);
  const noDecisionRisk =
    signalsNoDecision(q.timeline, answers.timeline) &&
    signalsNoDecision(q.decisionProcess, answers.decisionProcess) &&
    !costOfInaction;
  return { score, tier: tierFor(score, config.tiers), explanation, noDecisionRisk };
}

export function tierFor(score: number, tiers: VendorConfig['tiers']): Tier {
  if (score >= tiers.salesReady) return 'sales-ready';
  if (score >= tiers.qualifying) return 'qualifying';
  return 'information-gathering';
}

/** An option marked `noDecisionSignal`; when the question marks none, its lowest-scoring option(s). */
function signalsNoDecision(question: ChoiceQuestion, answer: string): boolean {
  const marked = question.options.filter((o) => o.noDecisionSignal);
  if (marked.length) return marked.some((o) => o.id === answer);
  const lowest = Math.min(...question.options.map((o) => o.points));
  return question.options.some((o) => o.id === answer && o.points === lowest);
}
