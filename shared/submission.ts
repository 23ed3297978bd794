import { z } from 'zod';
import { COMPANY_SIZES } from './config';
import { LANGUAGES } from './localized';

// The POST body of /api/v1/sites/{site}/leads (API.md). Structure only: whether an option id
// exists in the vendor's config is checked on the server (server/leads/check-answers.ts).
// Unknown fields are rejected everywhere, every string has a maximum length.

/** A one-line text: control characters (CR, LF, TAB…) become one space, so no text can add a mail header. */
const line = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim());

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, 'required'));

/** A multi-line text: newlines kept, other control characters dropped. */
const paragraph = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim());

const optionId = z.string().min(1).max(64);

export const LIMITS = {
  name: 120,
  email: 254,
  company: 160,
  phone: 40,
  message: 2000,
  deviation: 1000,
  interest: 500,
  costOfInaction: 1000,
  url: 2048,
  utm: 200,
} as const;

export const submissionSchema = z.strictObject({
  submissionId: z.uuid(),
  language: z.enum(LANGUAGES),
  process: z.strictObject({
    accepted: z.boolean(),
    deviation: paragraph(LIMITS.deviation).optional(),
  }),
  answers: z.strictObject({
    stage: optionId,
    budget: optionId,
    decisionProcess: optionId,
    timeline: optionId,
    costOfInaction: paragraph(LIMITS.costOfInaction).optional(),
  }),
  stakeholders: z.strictObject({
    roles: z
      .array(z.strictObject({ role: optionId, involved: z.boolean() }))
      .max(20),
    finalSay: optionId,
    orgInterest: paragraph(LIMITS.interest).optional(),
    personalInterest: paragraph(LIMITS.interest).optional(),
  }),
  contact: z.strictObject({
    name: requiredLine(LIMITS.name),
    email: z.email().max(LIMITS.email),
    company: requiredLine(LIMITS.company),
    phone: line(LIMITS.phone).optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code such as "NL"').optional(),
    companySize: z.enum(COMPANY_SIZES).optional(),
    message: paragraph(LIMITS.message).optional(),
    consent: z.literal(true, 'consent to the privacy statement is required'),
    /** Honeypot: a field people never see. Filled in means a bot. */
    website: z.string().max(200).optional(),
  }),
  context: z
    .strictObject({
      pageUrl: z.string().max(LIMITS.url).optional(),
      referrer: z.string().max(LIMITS.url).optional(),
      utm: z
        .strictObject({
          source: line(LIMITS.utm).optional(),
          medium: line(LIMITS.utm).optional(),
          campaign: line(LIMITS.utm).optional(),
          term: line(LIMITS.utm).optional(),
          content: line(LIMITS.utm).optional(),
        })
        .optional(),
    })
    .default({}),
  /** The signed token the form endpoint handed out (when the form was shown). */
  formToken: z.string().max(512).optional(),
});

export type SubmissionInput = z.input<typeof submissionSchema>;
export type Submission = z.output<typeof submissionSchema>;

export const submissionAnswerSchema = z.strictObject({
  leadId: z.string(),
  nextStep: z.string(),
  rep: z.strictObject({ name: z.string() }).nullable(),
});
/** The 201 (and idempotent 200) body. */
export type SubmissionAnswer = z.infer<typeof submissionAnswerSchema>;
