import { describe, expect, it } from 'vitest';
import { exampleConfig } from '../../test/support/fixtures';
import { checkAnswerUpdate, checkCounterAccept, checkCounterAnswer, checkStatusChange } from './forms';

const config = exampleConfig();
const key = 'k7Qw2Lr9Tz4Xm1Ns6Hd3';

describe('the prospect page forms', () => {
  it('answers: known option ids only; a field left out stays; roles when the form sent them', () => {
    expect(checkAnswerUpdate({ do: ['answers'], requestKey: [key], budget: ['approved'] }, config)).toEqual({ ok: true, value: { requestKey: key, answers: { budget: 'approved' } } });
    expect(checkAnswerUpdate({ requestKey: [key], roles: [''] }, config)).toEqual({ ok: true, value: { requestKey: key, answers: {}, roles: [] } });
    expect(checkAnswerUpdate({ requestKey: [key], roles: ['', 'it', 'it'] }, config)).toMatchObject({ ok: true, value: { roles: ['it'] } });
    expect(checkAnswerUpdate({ requestKey: [key], stage: ['buying'], roles: ['ceo'] }, config)).toEqual({
      ok: false,
      problems: [
        { field: 'stage', code: 'unknownOption' },
        { field: 'roles', code: 'unknownOption' },
      ],
    });
    // A field sent twice, an unknown field, no or a malformed request key
    expect(checkAnswerUpdate({ requestKey: [key], budget: ['approved', 'none'] }, config)).toMatchObject({ ok: false, problems: [{ field: 'budget', code: 'incomplete' }] });
    expect(checkAnswerUpdate({ requestKey: [key], score: ['100'] }, config)).toMatchObject({ ok: false, problems: [{ field: 'score', code: 'unknownField' }] });
    expect(checkAnswerUpdate({ budget: ['approved'] }, config)).toMatchObject({ ok: false, problems: [{ field: 'requestKey', code: 'incomplete' }] });
    expect(checkAnswerUpdate({ requestKey: ['a b'], budget: ['approved'] }, config)).toMatchObject({ ok: false, problems: [{ field: 'requestKey', code: 'incomplete' }] });
  });

  it('pause and withdraw: an optional reason of at most 1000 characters, trimmed; resume takes none', () => {
    expect(checkStatusChange({ requestKey: [key], reason: ['  Budget freeze \r\n'] }, 'pause')).toEqual({ ok: true, value: { requestKey: key, reason: 'Budget freeze' } });
    expect(checkStatusChange({ requestKey: [key] }, 'withdraw')).toEqual({ ok: true, value: { requestKey: key, reason: '' } });
    expect(checkStatusChange({ requestKey: [key], reason: ['x'.repeat(1001)] }, 'withdraw')).toMatchObject({ ok: false, problems: [{ field: 'reason', code: 'tooLong', max: 1000 }] });
    expect(checkStatusChange({ requestKey: [key], reason: ['why'] }, 'resume')).toMatchObject({ ok: false, problems: [{ field: 'reason', code: 'unknownField' }] });
  });

  it('accepting a counter names the counter turn', () => {
    expect(checkCounterAccept({ requestKey: [key], counterTurn: ['12'] })).toEqual({ ok: true, value: { requestKey: key, counterTurn: 12 } });
    expect(checkCounterAccept({ requestKey: [key], counterTurn: ['x'] })).toMatchObject({ ok: false, problems: [{ field: 'counterTurn', code: 'incomplete' }] });
  });

  it('answering a counter: per step keep/skip/change, up to three added steps, a reason; fixed and unknown steps refused', () => {
    const base = { requestKey: [key], counterTurn: ['3'], reason: ['We want a pilot first.'] };
    expect(
      checkCounterAnswer({ ...base, 'step.intro': ['keep'], 'step.discovery': ['change'], 'instead.discovery': [' A demo on site '], added: ['A pilot', '', ''] }, config),
    ).toEqual({
      ok: true,
      value: { requestKey: key, counterTurn: 3, answer: { reason: 'We want a pilot first.', changes: { steps: [{ id: 'discovery', change: 'change', instead: 'A demo on site' }], added: ['A pilot'] } } },
    });
    const problems = (fields: Record<string, string[]>) => {
      const r = checkCounterAnswer({ ...base, ...fields }, config);
      return r.ok ? [] : r.problems;
    };
    expect(problems({ 'step.proposal': ['skip'] })).toEqual([{ field: 'step.proposal', code: 'fixed' }]);
    expect(problems({ 'step.nope': ['skip'] })).toEqual([{ field: 'step.nope', code: 'unknownOption' }]);
    expect(problems({ 'step.intro': ['maybe'] })).toEqual([{ field: 'step.intro', code: 'unknownOption' }]);
    expect(problems({ 'step.intro': ['change'] })).toEqual([{ field: 'instead.intro', code: 'insteadRequired' }]);
    expect(problems({ 'step.intro': ['change'], 'instead.intro': ['x'.repeat(301)] })).toContainEqual({ field: 'instead.intro', code: 'tooLong', max: 300 });
    expect(problems({ added: ['a', 'b', 'c', 'd'] })).toEqual([{ field: 'added', code: 'tooMany', max: 3 }]);
    expect(problems({ reason: [''] })).toEqual([{ field: 'reason', code: 'reasonRequired' }]);
    expect(problems({ 'step.Intro!': ['skip'] })).toEqual([{ field: 'step.Intro!', code: 'unknownField' }]);
  });
});
