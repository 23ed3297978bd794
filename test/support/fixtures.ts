import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { vendorConfigSchema, type VendorConfig } from '../../shared/config';
import { submissionSchema, type Submission, type SubmissionInput } from '../../shared/submission';
import { EXAMPLE_CONFIG_PATH } from '../../server/config/load-config';

/** The bundled example config as raw JSON, loosely typed: tests break it on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function exampleConfigJson(): any {
  return JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
}

export function exampleConfig(edit?: (c: any) => void): VendorConfig {
  const json = exampleConfigJson();
  edit?.(json);
  return vendorConfigSchema.parse(json);
}

/** Top-level parts to merge over the example; values may be invalid on purpose. */
type Over = { [K in keyof SubmissionInput]?: Record<string, unknown> | string | unknown[] };

/** The docs/api.md example body with a fresh submissionId; each given part is merged over its default. */
export function submissionBody(over: Over = {}): SubmissionInput {
  const base: SubmissionInput = {
    submissionId: randomUUID(),
    language: 'nl',
    process: { accepted: false, deviation: 'We need a pilot before any proposal.' },
    answers: {
      stage: 'comparing',
      budget: 'approved',
      decisionProcess: 'roughly',
      timeline: '3m',
      costOfInaction: 'Our current planning tool is end-of-life in June.',
    },
    stakeholders: {
      roles: [
        { role: 'budget-holder', involved: true },
        { role: 'procurement', involved: true },
        { role: 'it', involved: false },
      ],
      finalSay: 'committee',
      orgInterest: 'One planning tool for all sites',
      personalInterest: 'Less manual work for my team',
    },
    contact: {
      name: 'Sanne Visser',
      email: 'sanne@visser-logistiek.example',
      company: 'Visser Logistiek',
      phone: '+31 6 12345678',
      country: 'NL',
      companySize: '50-249',
      message: 'Can we talk next week?',
      consent: true,
    },
    context: { pageUrl: 'https://www.zeilmaker.example/contact', referrer: '', utm: { source: 'newsletter' } },
  };
  const out: any = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = value && typeof value === 'object' && !Array.isArray(value) ? { ...(base as any)[key], ...value } : value;
  }
  return out;
}

export function validSubmission(over: Over = {}): Submission {
  return submissionSchema.parse(submissionBody(over));
}
