import { z } from 'zod';
import { COMPANY_SIZES, TIERS } from './config';
import { LANGUAGES } from './localized';
import { processChangesSchema } from './agreement';

// The POST body of /api/v1/sites/{site}/leads (docs/api.md). Structure only: whether an option id
// exists in the vendor's config is checked on the server (server/leads/check-answers.ts).
// Unknown fields are rejected everywhere, every string has a maximum length.

/**
 * Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) and the marks U+200E/200F,
 * U+061C: invisible characters that reorder the text around them, so that a subject or page shows
 * other text than was sent ("invoice\u202Efdp.exe"). Dropped from every text.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A one-line text: control characters (CR, LF, TAB…), NEL (U+0085) and the line and paragraph
 * separators (U+2028/2029) become one space, so no text can add a mail header or a line; bidi
 * controls are dropped.
 */
const line = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(BIDI, '').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim());

const requiredLine = (max: number) => line(max).pipe(z.string().min(1, 'required'));

/** A multi-line text: newlines kept (NEL and U+2028/2029 become one), other control characters and bidi controls dropped. */
const paragraph = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
        .replace(BIDI, '')
        .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
        .trim(),
    );

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
  clickId: 500,
} as const;

export const submissionSchema = z.strictObject({
  submissionId: z.uuid(),
  language: z.enum(LANGUAGES),
  process: z.strictObject({
    accepted: z.boolean(),
    /** With accepted: false, the one overall reason for another approach (required). */
    deviation: paragraph(LIMITS.deviation).optional(),
    /** With accepted: false, the proposal step by step (shared/agreement.ts); steps not listed are kept. */
    changes: processChangesSchema.optional(),
    /** Whether the prospect picked their answer to "does this approach work for you?" or left the default (the widget's). */
    choice: z.enum(['chosen', 'default']).optional(),
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
      pageUrl: line(LIMITS.url).optional(),
      referrer: line(LIMITS.url).optional(),
      utm: z
        .strictObject({
          source: line(LIMITS.utm).optional(),
          medium: line(LIMITS.utm).optional(),
          campaign: line(LIMITS.utm).optional(),
          term: line(LIMITS.utm).optional(),
          content: line(LIMITS.utm).optional(),
        })
        .optional(),
      /** Ad click ids of the first page of the visit (Google, Meta, Microsoft), kept like the UTM fields. */
      clickIds: z
        .strictObject({
          gclid: line(LIMITS.clickId).optional(),
          fbclid: line(LIMITS.clickId).optional(),
          msclkid: line(LIMITS.clickId).optional(),
        })
        .optional(),
    })
    .default({}),
  /** The signed token the form endpoint handed out (when the form was shown). */
  formToken: z.string().max(512).optional(),
  /**
   * The process version the form showed (`process.version` of GET /form). The widget keeps its first
   * form token across page reloads; this says which process the prospect saw last.
   */
  processVersion: z.string().max(64).optional(),
});

export type SubmissionInput = z.input<typeof submissionSchema>;
export type Submission = z.output<typeof submissionSchema>;

/** The last screen's content, composed by the server in the prospect's language (the mail says the same). */
export const confirmationSchema = z.strictObject({
  /** "Thank you, Anna." */
  thanks: z.string(),
  /** Who will contact them, how and by when; absent when no rep is promised. */
  contact: z.string().optional(),
  /** What to prepare (the next step's "what we ask of you"). */
  prepare: z.string().optional(),
  /** The agreed process as one line per step, or the proposal's status ("Anna will answer your proposal by …"). */
  recap: z.array(z.string()),
  /** The heading of the recap: "The process we agreed" / "Your proposal". */
  recapTitle: z.string(),
  /** Links the tier sends along (a guide), as in the mail. */
  links: z.array(z.strictObject({ label: z.string(), url: z.string() })),
  /** The prospect's own page (PUBLIC_URL/p/{token}). */
  page: z.string(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;

export const submissionAnswerSchema = z.strictObject({
  leadId: z.string(),
  /** For the host page's analytics (the widget's koers:submitted event). Answers stored before it have none. */
  tier: z.enum(TIERS).optional(),
  nextStep: z.string(),
  rep: z.strictObject({ name: z.string() }).nullable(),
  /** Answers stored before issue 10 have none. */
  confirmation: confirmationSchema.optional(),
});
/** The 201 (and idempotent 200) body. */
export type SubmissionAnswer = z.infer<typeof submissionAnswerSchema>;
