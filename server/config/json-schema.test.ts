import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../scripts/config-json-schema';

describe('koers.config.schema.json', () => {
  it('is generated from the zod schema and current', () => {
    const committed = readFileSync(new URL('../../koers.config.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(configJsonSchema());
    const schema = JSON.parse(committed);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['vendor', 'sites', 'process', 'questions', 'tiers', 'nextSteps', 'reps', 'teams', 'routing']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
