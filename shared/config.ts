import { z } from 'zod';
import { LANGUAGES } from './localized';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

// The vendor config: the JSON file marketing / sales ops edit (../shared/examples/koers.config.json).
// Structure is checked here; cross references (teams, reps, texts per language) in config-check.ts.

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "-" or "_" (at most 64)');

export const languageSchema = z.enum(LANGUAGES);

export const localizedSchema = z.union([
  z.string().min(1),
  z.strictObject({
    nl: z.string().min(1).optional().describe('The Dutch text.'),
    en: z.string().min(1).optional().describe('The English text.'),
  }),
]);

/** A text a prospect reads: one string for every language, or one per language. */
const text = (description: string, example?: string | Record<string, string>) =>
  localizedSchema.meta({
    description: `${description} A string, or { "nl": "…", "en": "…" }; a missing language falls back to the site's default language.`,
    ...(example ? { examples: [example] } : {}),
  });
const points = (description: string) => z.number().int().min(-1000).max(1000).describe(description);

const optionSchema = z.strictObject({
  id: id.meta({
    description: 'The answer\'s id: sent by the widget, stored with the lead, used in routing rules. Lowercase letters, digits, "-" or "_".',
    examples: ['comparing'],
  }),
  label: text('The answer as the prospect sees it.', { nl: 'We vergelijken leveranciers', en: 'Comparing suppliers' }),
  points: points('Added to the score when this answer is chosen (may be negative).'),
  /** Marks the answer as a no-decision signal ("no timeline yet", "unclear"). Default: the lowest-scoring option. */
  noDecisionSignal: z
    .boolean()
    .optional()
    .describe(
      'Marks the answer as a no-decision signal ("no timeline yet", "unclear"). Without any mark in a question, its lowest-scoring option is the signal.',
    ),
});
export type ConfigOption = z.infer<typeof optionSchema>;

const choiceQuestionSchema = z.strictObject({
  label: text('The question as the prospect sees it.'),
  help: text('A line of help under the question.').optional(),
  options: z.array(optionSchema).min(1).describe('The answers to choose from, in the order shown; ids unique within the question.'),
});
export type ChoiceQuestion = z.infer<typeof choiceQuestionSchema>;

export const TIERS = ['sales-ready', 'qualifying', 'information-gathering'] as const;
export type Tier = (typeof TIERS)[number];

export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];

const isoDate = z.iso.date();
const date = (description: string) => isoDate.meta({ description, examples: ['2026-12-24'] });

const repSchema = z.strictObject({
  id: id.meta({ description: 'The rep\'s id, used in teams[].reps. Lowercase letters, digits, "-" or "_".', examples: ['anna'] }),
  name: z.string().min(1).meta({ description: 'The rep\'s name as prospects and colleagues read it ({rep} in nextSteps).', examples: ['Anna de Vries'] }),
  email: z.email().meta({ description: 'Where the rep\'s lead mails go.', examples: ['anna@zeilmaker.example'] }),
  languages: z
    .array(languageSchema)
    .min(1)
    .optional()
    .describe('The languages the rep handles leads in; a lead goes to a rep who speaks its language when the team has one. Leave out: every language.'),
  weight: z.number().int().min(1).max(100).default(1).describe('Share of the team\'s leads in the round robin: weight 2 gets twice as many as weight 1 (1 to 100, default 1).'),
  active: z.boolean().default(true).describe('false: the rep gets no new leads (default true).'),
  role: text('The rep\'s role as the prospect reads it in the confirmation ("Account executive").', { nl: 'Accountmanager', en: 'Account executive' }).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,24}$/, 'a phone number such as "+31 20 123 4567"')
    .optional()
    .meta({ description: 'The rep\'s phone number, shown to the prospect when contactBy is "phone".', examples: ['+31 20 123 4567'] }),
  contactBy: z
    .enum(['email', 'phone'])
    .default('email')
    .describe('How the rep contacts a new prospect, as the confirmation tells it: "email" (default; shows the rep\'s address) or "phone" (shows phone; needs phone).'),
  maxOpenLeads: z.number().int().min(1).optional().describe('Most open (not yet closed) leads at a time; a rep at the limit is skipped. Leave out: no limit.'),
  /** Inclusive date ranges in vendor.timeZone. */
  away: z
    .array(
      z.strictObject({
        from: date('First day away (inclusive), in vendor.timeZone.'),
        to: date('Last day away (inclusive), in vendor.timeZone.'),
      }),
    )
    .default([])
    .meta({
      description: 'Days the rep gets no new leads (holidays), as inclusive date ranges.',
      examples: [[{ from: '2026-12-24', to: '2027-01-02' }]],
    }),
});
export type Rep = z.infer<typeof repSchema>;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);

const ONE_OR_MANY = 'One value or a list; the rule matches when the lead\'s value is one of them.';
export const ruleConditionSchema = z.strictObject({
  tier: oneOrMany(z.enum(TIERS))
    .optional()
    .meta({ description: `The lead's tier. ${ONE_OR_MANY}`, examples: [['sales-ready', 'qualifying']] }),
  stage: oneOrMany(z.string())
    .optional()
    .meta({ description: `Option ids of questions.stage. ${ONE_OR_MANY}`, examples: [['comparing', 'deciding']] }),
  timeline: oneOrMany(z.string())
    .optional()
    .meta({ description: `Option ids of questions.timeline. ${ONE_OR_MANY}`, examples: [['1m', '3m']] }),
  companySize: oneOrMany(z.enum(COMPANY_SIZES))
    .optional()
    .meta({
      description: `The company size the prospect gave. ${ONE_OR_MANY} The field is optional in the form: a lead without it never matches.`,
      examples: [['50-249', '250+']],
    }),
  country: oneOrMany(z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case'))
    .optional()
    .meta({
      description: `Country codes (ISO 3166-1 alpha-2, upper case). ${ONE_OR_MANY} The field is optional in the form: a lead without it never matches.`,
      examples: [['NL', 'BE']],
    }),
  language: oneOrMany(languageSchema).optional().meta({ description: `The lead's language. ${ONE_OR_MANY}`, examples: ['en'] }),
  emailDomain: oneOrMany(z.string().min(1).toLowerCase())
    .optional()
    .meta({ description: `The domain of the prospect's email address. ${ONE_OR_MANY}`, examples: [['acme.example']] }),
});
export type RuleCondition = z.infer<typeof ruleConditionSchema>;

const perTier = <T extends z.ZodType>(value: T, what: string) =>
  z.strictObject({
    'sales-ready': value.meta({ description: `${what} for sales-ready leads.` }) as T,
    qualifying: value.meta({ description: `${what} for qualifying leads.` }) as T,
    'information-gathering': value.meta({ description: `${what} for information-gathering leads.` }) as T,
  });

export const vendorConfigSchema = z.strictObject({
  $schema: z.string().optional().meta({ description: 'The JSON Schema that lets your editor check this file.', examples: ['./koers.config.schema.json'] }),
  vendor: z
    .strictObject({
      name: z.string().min(1).meta({ description: 'Your company name, as prospects read it in the form and mails.', examples: ['Zeilmaker Software B.V.'] }),
      /** `Name <address>` used as From of every mail. */
      from: z.string().min(3).meta({ description: 'The From of every mail: `Name <address>` on a domain your SMTP server may send for.', examples: ['Zeilmaker Sales <sales@zeilmaker.example>'] }),
      replyTo: z.email().meta({ description: 'Where replies to the prospect\'s confirmation mail go.', examples: ['sales@zeilmaker.example'] }),
      privacyUrl: z.url().meta({ description: 'Your privacy statement, linked from the form\'s consent line.', examples: ['https://zeilmaker.example/privacy'] }),
      timeZone: z
        .string()
        .default('Europe/Amsterdam')
        .meta({ description: 'IANA time zone of reps\' away dates and of working days (default Europe/Amsterdam).', examples: ['Europe/Amsterdam'] }),
      workdayEndsAt: z
        .string()
        .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time such as "17:00"')
        .default('17:00')
        .meta({ description: 'When a working day ends (HH:MM in timeZone): the time of every "contacts you by" promise (default 17:00).', examples: ['17:00'] }),
      fallbackContact: z
        .strictObject({
          email: z.email().optional().describe('An address people can write to instead.'),
          phone: z.string().min(3).max(40).optional().describe('A number people can call instead, as it should be shown.'),
        })
        .optional()
        .meta({
          description:
            'Shown by the widget when the form cannot be sent (an outage, too busy): another way to reach you. For when the form cannot even load, put the same on the embed tag as data-fallback-email / data-fallback-phone (widget/README.md).',
          examples: [{ email: 'sales@zeilmaker.example', phone: '+31 20 123 4567' }],
        }),
    })
    .describe('Who you are: the sender of every mail and the name in the form.'),
  sites: z
    .array(
      z.strictObject({
        key: id.meta({ description: 'The site key: `data-site` on the embed and {site} in the API paths.', examples: ['zeilmaker-web'] }),
        origins: z
          .array(z.url())
          .min(1)
          .meta({
            description: 'The origins (scheme, host, port; no path or trailing slash) of the pages that may embed the form.',
            examples: [['https://www.zeilmaker.example']],
          }),
        languages: z.array(languageSchema).min(1).meta({ description: 'The languages the form is offered in on this site.', examples: [['nl', 'en']] }),
        defaultLanguage: languageSchema.describe('The language when the page asks for none or one the site does not offer; also the fallback of every text.'),
        apiKeys: z
          .array(
            z.strictObject({
              id: id.describe('Names the key in the lead ("submitted with API key …"), e.g. "crm". Unique within the site.'),
              secretEnv: z
                .string()
                .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as "KOERS_CRM_KEY"')
                .describe(
                  'The environment variable that holds the secret (at least 32 characters; never put the secret itself in this file). A missing variable stops the start.',
                ),
            }),
          )
          .refine((keys) => new Set(keys.map((k) => k.id)).size === keys.length, 'two API keys have the same id')
          .optional()
          .describe(
            'Keys for server-side submissions: a POST with `Authorization: Bearer <secret>` needs no form token and is never taken for a bot; it is still validated and rate limited.',
          )
          .meta({ examples: [[{ id: 'crm', secretEnv: 'KOERS_CRM_KEY' }]] }),
      }),
    )
    .min(1)
    .describe('The websites that embed the form; each has its own key, origins and languages.'),
  process: z
    .strictObject({
      title: text('The heading above your sales process.', { nl: 'Zo werken wij', en: 'How we work' }),
      intro: text('A line under the heading.').optional(),
      steps: z
        .array(
          z.strictObject({
            id: id.meta({ description: 'The step\'s id, unique within the process.', examples: ['intro'] }),
            title: text('The step\'s name.', { nl: 'Kennismaking', en: 'Introduction' }),
            weDo: text('What you do in this step.'),
            weAsk: text('What you ask of the prospect in this step.'),
            duration: text('How long the step takes, in words.', { nl: '1 week', en: '1 week' }).optional(),
            negotiable: z
              .boolean()
              .default(true)
              .describe('false: a prospect proposing another approach cannot skip or change this step (default true); say why in fixedReason.'),
            fixedReason: text(
              'Why the step is fixed (required with negotiable: false), shown beside it in the form.',
              { nl: 'De security-audit doen we bij elke klant.', en: 'The security audit is required for every customer.' },
            ).optional(),
          }),
        )
        .min(1)
        .describe('The steps of your sales process, in order, shown before the questions.'),
      deviation: z
        .strictObject({ allowed: z.boolean().describe('true: the prospect may say why they want to deviate from the process.') })
        .default({ allowed: true })
        .describe('Whether the prospect may propose a different process (default allowed).'),
    })
    .describe('Your sales process as the prospect sees it first: what you do and what you ask in each step.'),
  questions: z
    .strictObject({
      stage: choiceQuestionSchema.describe('Where the prospect is in their buying process; its option ids can be used in routing rules (when.stage).'),
      budget: choiceQuestionSchema.describe('Whether there is a budget.'),
      decisionProcess: choiceQuestionSchema.describe('Whether it is clear how the prospect\'s organisation will decide.'),
      stakeholders: z
        .strictObject({
          label: text('The question about who is involved in the decision.'),
          roles: z
            .array(
              z.strictObject({
                id: id.meta({ description: 'The role\'s id, unique among the roles.', examples: ['decision-maker'] }),
                label: text('The role as the prospect sees it.'),
                points: points('Added to the score when the prospect says this role is involved.'),
              }),
            )
            .min(1)
            .describe('The roles the prospect ticks as involved.'),
          finalSay: choiceQuestionSchema.describe('Who makes the final decision.'),
        })
        .describe('Who is involved in the decision, and who has the final say.'),
      timeline: choiceQuestionSchema.describe('When the prospect wants to decide; its option ids can be used in routing rules (when.timeline).'),
      costOfInaction: z
        .strictObject({
          label: text('The open question about what happens if nothing changes.'),
          points: points('Added to the score when the prospect answers it.'),
        })
        .describe('An open question; answering it adds its points.'),
    })
    .describe('The one-minute self-declaration; the chosen answers\' points add up to the score.'),
  tiers: z
    .strictObject({
      salesReady: z.number().int().meta({ description: 'A score of at least this is sales-ready (must be above qualifying).', examples: [60] }),
      qualifying: z.number().int().meta({ description: 'A score of at least this (below salesReady) is qualifying; lower is information-gathering.', examples: [30] }),
    })
    .describe('Score thresholds of the tiers.'),
  nextSteps: perTier(localizedSchema, 'What happens next, shown to the prospect after sending ({rep} becomes the rep\'s name),').describe(
    'What the prospect reads after sending, per tier; {rep} becomes the rep\'s name.',
  ),
  nextStepLinks: perTier(
    z.array(z.strictObject({ label: text('The link\'s text.', { nl: 'Onze informatiegids (pdf)', en: 'Our information guide (PDF)' }), url: text('The address (https://…), per language if it differs.') })).max(5).optional(),
    'Links sent with the confirmation (a guide, a case study, a booking page)',
  )
    .partial()
    .optional()
    .meta({
      description: 'What a tier\'s confirmation sends along, per tier: links the prospect gets in the mail and on the last screen (e.g. the information guide nextSteps promises).',
      examples: [{ 'information-gathering': [{ label: { nl: 'Onze informatiegids', en: 'Our information guide' }, url: 'https://zeilmaker.example/gids.pdf' }] }],
    }),
  reps: z.array(repSchema).min(1).describe('The sales reps who receive leads.'),
  managers: z
    .array(
      z.strictObject({
        name: z.string().min(1).meta({ description: 'The manager\'s name, as the cockpit shows it.', examples: ['Mila Kok'] }),
        email: z.email().meta({ description: 'Where the manager\'s sign-in links go (the cockpit at /app).', examples: ['mila@zeilmaker.example'] }),
        language: languageSchema.optional().describe('The cockpit\'s and the sign-in mail\'s language; default the first site\'s default language.'),
      }),
    )
    .default([])
    .describe('People who see every lead in the cockpit (/app) and manage reps, assignments and data; reps sign in with their own address and see their own leads.'),
  teams: z
    .array(
      z.strictObject({
        id: id.meta({ description: 'The team\'s id, used in routing rules and fallbackTeam.', examples: ['account-executives'] }),
        name: z.string().min(1).meta({ description: 'The team\'s name, as reps read it.', examples: ['Account executives'] }),
        reps: z.array(z.string()).min(1).meta({ description: 'Rep ids (reps[].id) in the team.', examples: [['anna', 'bram']] }),
      }),
    )
    .min(1)
    .describe('Groups of reps; a lead goes to one rep of one team.'),
  routing: z
    .strictObject({
      rules: z
        .array(
          z.strictObject({
            when: ruleConditionSchema.describe('Conditions that all must hold; leave one out to match any value.'),
            team: z.string().meta({ description: 'The team (teams[].id) that gets a matching lead.', examples: ['account-executives'] }),
          }),
        )
        .default([])
        .meta({
          description: 'Ordered rules: the first that matches picks the team; no match: fallbackTeam.',
          examples: [[{ when: { tier: ['sales-ready', 'qualifying'] }, team: 'account-executives' }]],
        }),
      fallbackTeam: z.string().meta({ description: 'The team (teams[].id) of leads no rule matches, and of leads whose team has nobody available.', examples: ['inside-sales'] }),
      /** A company (work-email domain) with an open lead keeps that lead's rep. */
      accountOwnership: z.boolean().default(true).describe('true (default): a company (work-email domain) with an open lead keeps that lead\'s rep.'),
      /** Minutes a rep has to accept a lead before it moves on, per tier. */
      acceptWithinMinutes: perTier(z.number().int().min(1).optional(), 'Minutes a rep has to accept a lead before it moves on,')
        .partial()
        .optional()
        .meta({ description: 'Minutes a rep has to accept a lead before it moves on, per tier.', examples: [{ 'sales-ready': 240, qualifying: 1440 }] }),
      contactWithinWorkingDays: perTier(z.number().int().min(0).max(30).optional(), 'Working days (Monday to Friday, in vendor.timeZone) within which the rep contacts a new prospect,')
        .partial()
        .optional()
        .meta({
          description:
            'The promise in the confirmation, per tier: the rep contacts the prospect by the end (vendor.workdayEndsAt) of this many working days after the request (0: the same working day). Leave a tier out: no date is promised.',
          examples: [{ 'sales-ready': 1, qualifying: 3 }],
        }),
      remindAtPercent: z
        .number()
        .int()
        .min(1)
        .max(99)
        .default(75)
        .meta({
          description: 'When the rep gets one reminder to accept, as a share of acceptWithinMinutes (1 to 99, default 75: with 60 minutes, after 45).',
          examples: [75],
        }),
    })
    .describe('Which team and rep get a lead.'),
  webhooks: z
    .array(
      z.strictObject({
        id: id
          .optional()
          .meta({
            description:
              'How the admin API, the stored deliveries and a disabled state name this endpoint. Default: made from the url ("wh-" + 8 hex digits). Set it to keep its deliveries and state across a change of url. Unique in this list.',
            examples: ['crm'],
          }),
        url: z
          .url({ protocol: /^https?$/ })
          .meta({ description: 'Where the events are POSTed (https://…; http:// only for a target you trust on your own network). Unique in this list.', examples: ['https://hooks.example.com/koers'] }),
        events: z
          .array(z.enum(WEBHOOK_EVENT_TYPES).or(z.literal('*')))
          .min(1)
          .meta({ description: `The event types this endpoint gets, or ["*"] for all: ${WEBHOOK_EVENT_TYPES.join(', ')}.`, examples: [['lead.created', 'lead.accepted'], ['*']] }),
        secretEnv: z
          .string()
          .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as "KOERS_WEBHOOK_SECRET"')
          .describe(
            'The environment variable that holds the signing secret: "whsec_" followed by base64 of 24 to 64 random bytes (`echo whsec_$(openssl rand -base64 32)`). Never the secret itself in this file; a missing or malformed one stops the start.',
          ),
        allowPrivateTarget: z
          .boolean()
          .default(false)
          .describe('true: the url may resolve to a loopback, private or link-local address (a receiver on your own network). Default false: such targets are refused.'),
      }),
    )
    .refine((hooks) => new Set(hooks.map((h) => h.url)).size === hooks.length, 'two webhooks have the same url')
    .default([])
    .meta({
      description:
        'Signed webhooks (the Standard Webhooks format): every event of a lead\'s life, POSTed to your CRM, Slack bridge or automation tool, retried for about a day (README, "Webhooks").',
      examples: [[{ url: 'https://hooks.example.com/koers', events: ['*'], secretEnv: 'KOERS_WEBHOOK_SECRET' }]],
    }),
});

export type VendorConfigInput = z.input<typeof vendorConfigSchema>;
export type VendorConfig = z.output<typeof vendorConfigSchema>;
export type Site = VendorConfig['sites'][number];
export type Team = VendorConfig['teams'][number];
