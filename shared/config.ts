import { z } from 'zod';
import { LANGUAGES } from './localized';

// The vendor config: the JSON file marketing / sales ops edit (../shared/examples/koers.config.json).
// Structure is checked here; cross references (teams, reps, texts per language) in config-check.ts.

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "-" or "_" (at most 64)');

export const languageSchema = z.enum(LANGUAGES);

export const localizedSchema = z.union([
  z.string().min(1),
  z.strictObject({ nl: z.string().min(1).optional(), en: z.string().min(1).optional() }),
]);

const optionSchema = z.strictObject({
  id,
  label: localizedSchema,
  points: z.number().int().min(-1000).max(1000),
  /** Marks the answer as a no-decision signal ("no timeline yet", "unclear"). Default: the lowest-scoring option. */
  noDecisionSignal: z.boolean().optional(),
});
export type ConfigOption = z.infer<typeof optionSchema>;

const choiceQuestionSchema = z.strictObject({
  label: localizedSchema,
  help: localizedSchema.optional(),
  options: z.array(optionSchema).min(1),
});
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;

export const TIERS = ['sales-ready', 'qualifying', 'information-gathering'] as const;
export type Tier = (typeof TIERS)[number];

export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

const isoDate = z.iso.date();

const repSchema = z.strictObject({
  id,
  name: z.string().min(1),
  email: z.email(),
  languages: z.array(languageSchema).min(1).optional(),
  weight: z.number().int().min(1).max(100).default(1),
  active: z.boolean().default(true),
  maxOpenLeads: z.number().int().min(1).optional(),
  /** Inclusive date ranges in vendor.timeZone. */
  away: z.array(z.strictObject({ from: isoDate, to: isoDate })).default([]),
});
export type Rep = z.infer<typeof repSchema>;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

export const ruleConditionSchema = z.strictObject({
  tier: oneOrMany(z.enum(TIERS)).optional(),
  stage: oneOrMany(z.string()).optional(),
  timeline: oneOrMany(z.string()).optional(),
  companySize: oneOrMany(z.enum(COMPANY_SIZES)).optional(),
  country: oneOrMany(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case')).optional(),
  language: oneOrMany(languageSchema).optional(),
  emailDomain: oneOrMany(z.string().min(1).toLowerCase()).optional(),
});
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const perTier = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    'sales-ready': value,
    qualifying: value,
    'information-gathering': value,
  });

export const vendorConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  vendor: z.strictObject({
    name: z.string().min(1),
    /** `Name <address>` used as From of every mail. */
    from: z.string().min(3),
    replyTo: z.email(),
    privacyUrl: z.url(),
    timeZone: z.string().default('Europe/Amsterdam'),
  }),
  sites: z
    .array(
      z.strictObject({
        key: id,
        origins: z.array(z.url()).min(1),
        languages: z.array(languageSchema).min(1),
        defaultLanguage: languageSchema,
      }),
    )
    .min(1),
  process: z.strictObject({
    title: localizedSchema,
    intro: localizedSchema.optional(),
    steps: z
      .array(
        z.strictObject({
          id,
          title: localizedSchema,
          weDo: localizedSchema,
          weAsk: localizedSchema,
          duration: localizedSchema.optional(),
        }),
      )
      .min(1),
    deviation: z.strictObject({ allowed: z.boolean() }).default({ allowed: true }),
  }),
  questions: z.strictObject({
    stage: choiceQuestionSchema,
    budget: choiceQuestionSchema,
    decisionProcess: choiceQuestionSchema,
    stakeholders: z.strictObject({
      label: localizedSchema,
      roles: z
        .array(z.strictObject({ id, label: localizedSchema, points: z.number().int().min(-1000).max(1000) }))
        .min(1),
      finalSay: choiceQuestionSchema,
    }),
    timeline: choiceQuestionSchema,
    costOfInaction: z.strictObject({
      label: localizedSchema,
      points: z.number().int().min(-1000).max(1000),
    }),
  }),
  tiers: z.strictObject({ salesReady: z.number().int(), qualifying: z.number().int() }),
  nextSteps: perTier(localizedSchema),
  reps: z.array(repSchema).min(1),
  teams: z.array(z.strictObject({ id, name: z.string().min(1), reps: z.array(z.string()).min(1) })).min(1),
  routing: z.strictObject({
    rules: z.array(z.strictObject({ when: ruleConditionSchema, team: z.string() })).default([]),
    fallbackTeam: z.string(),
    /** A company (work-email domain) with an open lead keeps that lead's rep. */
    accountOwnership: z.boolean().default(true),
    /** Minutes a rep has to accept a lead before it moves on, per tier. */
    acceptWithinMinutes: perTier(z.number().int().min(1).optional()).partial().optional(),
  }),
});

export type VendorConfigInput = z.input<typeof vendorConfigSchema>;
export type VendorConfig = z.output<typeof vendorConfigSchema>;
export type Site = VendorConfig['sites'][number];
export type Team = VendorConfig['teams'][number];
