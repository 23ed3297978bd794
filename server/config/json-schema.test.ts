import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../scripts/config-json-schema';

/** Every property anywhere in the schema, with its path, that has no description. */
export function undescribed(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => undescribed(s, `${path}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const missing: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, property] of Object.entries(value as Record<string, Record<string, unknown>>)) {
        if (typeof property.description !== 'string' || property.description.length < 10) missing.push(`${path}.${name}`);
        missing.push(...undescribed(property, `${path}.${name}`));
      }
    } else if (key !== 'examples' && key !== 'default') {
      missing.push(...undescribed(value, `${path}/${key}`));
    }
  }
  return missing;
}

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

  it('describes every property, so an editor explains each field as you type', () => {
    const schema = JSON.parse(configJsonSchema());
    expect(undescribed(schema)).toEqual([]);
    // Examples where a format is not obvious.
    expect(schema.properties.vendor.properties.timeZone.examples).toEqual(['Europe/Amsterdam']);
  });
});
