import { describe, expect, it } from 'vitest';
import { processTotal } from './process-total';

describe('processTotal', () => {
  it('adds durations of one unit, in the plural the steps use', () => {
    expect(processTotal(['1 week', '2 weken', '2 weken'])).toBe('5 weken');
    expect(processTotal(['1 week', '2 weeks', '2 weeks'])).toBe('5 weeks');
    expect(processTotal(['3 dagen', '2 dagen'])).toBe('5 dagen');
  });

  it('gives none rather than a wrong one: mixed units, words, a missing duration, only singulars', () => {
    expect(processTotal(['1 week', '3 days'])).toBeUndefined();
    expect(processTotal(['1-2 weeks', '1 week'])).toBeUndefined();
    expect(processTotal(['a few days'])).toBeUndefined();
    expect(processTotal(['1 week', undefined])).toBeUndefined();
    expect(processTotal(['1 week', '1 week'])).toBeUndefined();
    expect(processTotal([])).toBeUndefined();
  });
});
