import { describe, expect, it } from 'vitest';
import { exampleConfig, validSubmission } from '../../test/support/fixtures';
import { qualify, qualifyAnswers, tierFor } from './qualify';

const config = exampleConfig();

describe('qualify on the example config', () => {
  it.each([
    // stage, budget, decisionProcess, finalSay, timeline, involved roles, cost of inaction → score, tier
    ['deciding', 'approved', 'clear', 'me', '1m', ['budget-holder', 'procurement'], 'yes', 115, 'sales-ready'],
    ['comparing', 'approved', 'roughly', 'committee', '3m', ['budget-holder'], 'yes', 80, 'sales-ready'],
    ['comparing', 'pending', 'roughly', 'someone-else', '6m', [], '', 40, 'qualifying'],
    ['defining', 'pending', 'unclear', 'unknown', '6m', ['users', 'it'], '', 20, 'information-gathering'],
    ['exploring', 'none', 'unclear', 'unknown', 'none', [], '', 0, 'information-gathering'],
    ['defining', 'none', 'roughly', 'me', '3m', ['procurement'], '', 45, 'qualifying'],
  ] as const)('%s/%s/%s/%s/%s %j coi=%s → %i %s', (stage, budget, dp, finalSay, timeline, roles, coi, score, tier) => {
    const sub = validSubmission({
      answers: { stage, budget, decisionProcess: dp, timeline, costOfInaction: coi || undefined },
      stakeholders: { roles: roles.map((role) => ({ role, involved: true })), finalSay },
    });
    const result = qualify(sub, config);
    expect(result.score).toBe(score);
    expect(result.tier).toBe(tier);
    expect(result.explanation.reduce((s, l) => s + l.points, 0)).toBe(score);
  });

  it('counts a role only when it is involved, and lists every contribution', () => {
    const sub = validSubmission({
      answers: { stage: 'comparing', budget: 'approved', decisionProcess: 'roughly', timeline: '3m', costOfInaction: 'End of life in June' },
      stakeholders: {
        roles: [
          { role: 'procurement', involved: true },
          { role: 'budget-holder', involved: false },
        ],
        finalSay: 'committee',
      },
    });
    expect(qualify(sub, config).explanation).toEqual([
      { question: 'stage', answer: 'comparing', points: 25 },
      { question: 'budget', answer: 'approved', points: 15 },
      { question: 'decisionProcess', answer: 'roughly', points: 5 },
      { question: 'role', answer: 'procurement', points: 5 },
      { question: 'finalSay', answer: 'committee', points: 5 },
      { question: 'timeline', answer: '3m', points: 15 },
      { question: 'costOfInaction', answer: 'filled', points: 10 },
    ]);
  });

  it('flags no-decision risk only with no timeline, no cost of inaction and an unclear process', () => {
    const risky = { stage: 'comparing', budget: 'approved', decisionProcess: 'unclear', timeline: 'none', costOfInaction: undefined };
    expect(qualify(validSubmission({ answers: risky }), config).noDecisionRisk).toBe(true);
    expect(qualify(validSubmission({ answers: { ...risky, costOfInaction: 'We lose a client' } }), config).noDecisionRisk).toBe(false);
    expect(qualify(validSubmission({ answers: { ...risky, timeline: '6m' } }), config).noDecisionRisk).toBe(false);
    expect(qualify(validSubmission({ answers: { ...risky, decisionProcess: 'roughly' } }), config).noDecisionRisk).toBe(false);
  });

  it('uses options marked noDecisionSignal instead of the lowest-scoring one', () => {
    const marked = exampleConfig();
    marked.questions.timeline.options.find((o) => o.id === '6m')!.noDecisionSignal = true;
    const sub = validSubmission({ answers: { stage: 'exploring', budget: 'none', decisionProcess: 'unclear', timeline: '6m', costOfInaction: undefined } });
    expect(qualify(sub, marked).noDecisionRisk).toBe(true);
    expect(qualify({ ...sub, answers: { ...sub.answers, timeline: 'none' } }, marked).noDecisionRisk).toBe(false);
  });

  it('puts the thresholds themselves in the higher tier', () => {
    expect(tierFor(60, config.tiers)).toBe('sales-ready');
    expect(tierFor(59, config.tiers)).toBe('qualifying');
    expect(tierFor(30, config.tiers)).toBe('qualifying');
    expect(tierFor(29, config.tiers)).toBe('information-gathering');
  });

  it('scores stored answers (a lead row after an update) the same way as a submission', () => {
    const sub = validSubmission();
    const stored = {
      ...sub.answers,
      costOfInaction: sub.answers.costOfInaction ?? null,
      stakeholderRoles: sub.stakeholders.roles,
      finalSay: sub.stakeholders.finalSay,
    };
    expect(qualifyAnswers(stored, config)).toEqual(qualify(sub, config));
    // The CFO (budget holder) and procurement are now involved, the budget approved → from 45 to 65: sales-ready
    const slow = { ...stored, timeline: '6m', costOfInaction: null };
    const before = qualifyAnswers({ ...slow, budget: 'pending', stakeholderRoles: [] }, config);
    const after = qualifyAnswers({ ...slow, budget: 'approved', stakeholderRoles: [{ role: 'budget-holder', involved: true }, { role: 'procurement', involved: true }] }, config);
    expect([before.score, before.tier]).toEqual([45, 'qualifying']);
    expect([after.score, after.tier]).toEqual([65, 'sales-ready']);
    expect(after.explanation).toContainEqual({ question: 'role', answer: 'budget-holder', points: 5 });
  });
});
