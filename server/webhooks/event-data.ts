import { z } from 'zod';
import { processChangesSchema, TURN_KINDS } from '../../shared/agreement';
import { WEBHOOK_EVENT_TYPES } from '../../shared/webhook-events';

// What each webhook event's `data` holds (README "Webhooks"); the OpenAPI document's `webhooks`
// section is made from these schemas.

const rep = z.object({ id: z.string(), name: z.string() }).describe('A rep as the config names them.');
const leadId = z.string().describe('The lead (the id of the admin API and the cockpit).');

const routeSchema = z
  .object({
    rep: rep.nullable().describe('null: nobody could take it; it waits with its team as unassigned.'),
    teamId: z.string().nullable(),
    reason: z.string().describe('Why this rep, in one English sentence (the same as the history).'),
    why: z.record(z.string(), z.unknown()).optional().describe('The same, as facts: rule index, team, fallback, the reps passed over and why (server/leads/route.ts RoutingWhy).'),
  })
  .describe('Where the lead went and why.');

export const leadCreatedData = z.object({
  lead: z.object({
    id: leadId,
    site: z.string(),
    language: z.string(),
    createdAt: z.string().describe('ISO 8601'),
    contact: z.object({
      name: z.string(),
      email: z.string(),
      company: z.string(),
      phone: z.string().nullable(),
      country: z.string().nullable(),
      companySize: z.string().nullable(),
      message: z.string().nullable(),
    }),
    answers: z.object({
      stage: z.string(),
      budget: z.string(),
      decisionProcess: z.string(),
      timeline: z.string(),
      costOfInaction: z.string().nullable(),
    }).describe('Option ids of the config\'s questions.'),
    stakeholders: z.object({
      roles: z.array(z.object({ role: z.string(), involved: z.boolean() })),
      finalSay: z.string(),
      orgInterest: z.string().nullable(),
      personalInterest: z.string().nullable(),
    }),
    process: z.object({
      accepted: z.boolean(),
      deviation: z.string().nullable(),
      changes: processChangesSchema.nullable(),
      version: z.string().nullable(),
    }),
    context: z.object({
      pageUrl: z.string().nullable(),
      referrer: z.string().nullable(),
      utm: z.record(z.string(), z.string()).nullable(),
      clickIds: z.record(z.string(), z.string()).nullable(),
    }),
  }),
  score: z.number().int(),
  explanation: z.array(z.object({ question: z.string(), answer: z.string(), points: z.number() })).describe('Every contribution to the score.'),
  tier: z.enum(['sales-ready', 'qualifying', 'information-gathering']),
  noDecisionRisk: z.boolean(),
  route: routeSchema,
});

export const leadAssignedData = z.object({
  leadId,
  rep: rep.nullable().describe('null: nobody could take it; it waits with its team as unassigned.'),
  teamId: z.string().nullable(),
  reason: z.string(),
  by: z.string().optional().describe('The manager who assigned it by hand.'),
});
export const leadAcceptedData = z.object({ leadId, rep, via: z.enum(['link', 'cockpit', 'agreement']) });
export const leadPassedOnData = z.object({ leadId, rep: rep.describe('Who passed it on.'), reason: z.string().nullable() });
export const leadReassignedData = z.object({
  leadId,
  from: rep.nullable(),
  cause: z.enum(['missed-response-time', 'handed-off', 'rep-removed']),
  detail: z.string(),
});
export const leadNotAFitData = z.object({ leadId, rep, reason: z.string() });
export const leadUpdatedData = z.object({
  leadId,
  changes: z.array(z.object({ field: z.string(), old: z.union([z.string(), z.array(z.string())]), new: z.union([z.string(), z.array(z.string())]) })),
  score: z.object({ old: z.number(), new: z.number() }),
  tier: z.object({ old: z.string(), new: z.string() }),
});
export const agreementProposedData = z.object({ leadId, by: z.literal('prospect'), changes: processChangesSchema, reason: z.string() });
export const agreementAnsweredData = z.object({
  leadId,
  by: z.enum(['rep', 'prospect']),
  kind: z.enum(TURN_KINDS),
  changes: processChangesSchema.nullable(),
  text: z.string(),
});
export const leadErasedData = z.object({ leadId });

export const WEBHOOK_DATA = {
  'lead.created': leadCreatedData,
  'lead.assigned': leadAssignedData,
  'lead.accepted': leadAcceptedData,
  'lead.passed_on': leadPassedOnData,
  'lead.reassigned': leadReassignedData,
  'lead.not_a_fit': leadNotAFitData,
  'lead.updated': leadUpdatedData,
  'agreement.proposed': agreementProposedData,
  'agreement.answered': agreementAnsweredData,
  'lead.erased': leadErasedData,
} satisfies Record<(typeof WEBHOOK_EVENT_TYPES)[number], z.ZodType>;

export type WebhookEventData = z.infer<(typeof WEBHOOK_DATA)[Exclude<keyof typeof WEBHOOK_DATA, 'lead.created'>]>;

/** The body of every delivery. */
export const webhookBody = (type: keyof typeof WEBHOOK_DATA) =>
  z.object({ type: z.literal(type), timestamp: z.string().describe('When it happened (ISO 8601).'), data: WEBHOOK_DATA[type] });
