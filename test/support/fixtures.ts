import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { vendorConfigSchema, type VendorConfig, type VendorConfigInput } from '../../shared/config';
import { submissionSchema, type Submission, type SubmissionInput } from '../../shared/submission';
import { EXAMPLE_CONFIG_PATH } from '../../server/config/load-config';

/** The bundled example config as raw JSON (to edit before parsing). */
export function exampleConfigJson(): VendorConfigInput & Record<string, any> {
  return JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
}

export function exampleConfig(edit?: (c: ReturnType<typeof exampleConfigJson>) => void): VendorConfig {
  const json = exampleConfigJson();
  edit?.(json);
  return vendorConfigSchema.parse(json);
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> | T[K] : T[K] };

/** The API.md example body with a fresh submissionId; parts may be replaced. */
export function submissionBody(over: DeepPartial<SubmissionInput> = {}): SubmissionInput {
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
        { role: 'decision-maker', involved: true },
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

export function validSubmission(over: DeepPartial<SubmissionInput> = {}): Submission {
  return submissionSchema.parse(submissionBody(over));
}
