import type { z } from 'zod';
import { formatPath } from '../../shared/api-error';

// Turns zod's issues about the vendor config into lines a person can act on: each names its path
// and what would be right (the allowed keys, values or format), not only what is wrong.

type RawIssue = z.core.$ZodRawIssue;

const EXAMPLE_FORMAT: Record<string, string> = {
  date: 'a date like "2026-12-01"',
  email: 'an email address like "sales@example.com"',
  url: 'a URL like "https://www.example.com"',
};

const list = (values: readonly unknown[]) => values.map((v) => String(v)).join(', ');
const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value));
const a = (expected: string) => (expected === 'array' ? 'a list' : expected === 'object' ? 'an object' : `a ${expected}`);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** The per-parse error map: a message for the issues zod words too tersely, else zod's own. */
export function configErrorMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      const what = issue.keys.length === 1 ? `unknown key ${keys}` : `unknown keys ${keys}`;
      return shape ? `${what}; allowed keys are: ${list(Object.keys(shape))}` : what;
    }
    case 'invalid_value':
      return `${shown(issue.input)} is not allowed; allowed values are: ${list(issue.values)}`;
    case 'invalid_format': {
      const expected = EXAMPLE_FORMAT[issue.format];
      return expected ? `expected ${expected}, got ${shown(issue.input)}` : undefined;
    }
    case 'invalid_type':
      return issue.input === undefined
        ? `missing: expected ${a(issue.expected)}`
        : `expected ${a(issue.expected)}, got ${typeOf(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`;
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      if (issue.origin === 'number') return `must be at least ${issue.minimum}, got ${shown(issue.input)}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number') return `must be at most ${issue.maximum}, got ${shown(issue.input)}`;
      return undefined;
    default:
      return undefined;
  }
}

/**
 * One line per problem, `path: message`. A union ("a text or { nl, en }", "one value or a list")
 * that failed is reported by the branch that fits the value's type, with that branch's own paths.
 */
export function configIssueLines(issues: readonly z.core.$ZodIssue[], base: PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length) {
      const wrongType = (branch: z.core.$ZodIssue[]) => branch.some((i) => i.path.length === 0 && i.code === 'invalid_type');
      const fitting = issue.errors.filter((branch) => !wrongType(branch));
      if (fitting.length) {
        const best = fitting.reduce((a, b) => (b.length < a.length ? b : a));
        lines.push(...configIssueLines(best, path));
        continue;
      }
      const expected = issue.errors.flatMap((branch) =>
        branch.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected),
      );
      const got = issue.errors[0].find((i) => i.code === 'invalid_type')?.message.replace(/^.*, got /, '');
      lines.push(`${formatPath(path) || '(root)'}: expected ${[...new Set(expected)].map(a).join(' or ')}${got ? `, got ${got}` : ''}`);
      continue;
    }
    lines.push(`${formatPath(path) || '(root)'}: ${issue.message}`);
  }
  return lines;
}
