import { z } from 'zod';
import { AGREEMENT_STATES, processChangesSchema } from './agreement';
import { LANGUAGES } from './localized';
import { processContentSchema } from './public-form-schema';

// What the admin API answers about leads (GET /api/v1/admin/leads, /leads/counts,
// /process-versions/{id}, POST /leads/{id}/prospect-link/revoke). server/routes/admin.ts builds its
// answers with these types; server/openapi/same-types.ts checks them against the database rows.

const ms = (what: string) => z.number().int().describe(`${what} (milliseconds since 1970, UTC)`);
const nullable = () => z.string().nullable();

/** One lead as stored, without the stored answer body (`response`). */
export const adminLeadSchema = z.strictObject({
  id: z.string().describe('UUIDv7: time-ordered.'),
  site: z.string(),
  submissionId: z.string(),
  createdAt: ms('Stored'),
  updatedAt: ms('Last changed'),
  language: z.string(),
  status: z.string().describe('assigned | unassigned | accepted | not-a-fit | spam | paused | withdrawn'),
  processAccepted: z.boolean(),
  deviation: nullable(),
  stage: z.string(),
  budget: z.string(),
  decisionProcess: z.string(),
  timeline: z.string(),
  costOfInaction: nullable(),
  stakeholderRoles: z.array(z.strictObject({ role: z.string(), involved: z.boolean() })),
  finalSay: z.string(),
  orgInterest: nullable(),
  personalInterest: nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  emailDomain: z.string(),
  company: z.string(),
  phone: nullable(),
  country: nullable(),
  companySize: nullable(),
  message: nullable(),
  consentAt: ms('Consent given'),
  consentVersion: z.string().describe('Which consent text (shared/consent.ts).'),
  consentOrigin: nullable().describe('The page origin the consent was given on.'),
  clientNetwork: nullable().describe('The client network, truncated (IPv4 /24, IPv6 /48).'),
  pageUrl: nullable(),
  referrer: nullable(),
  utm: z
    .strictObject({
      source: z.string().optional(),
      medium: z.string().optional(),
      campaign: z.string().optional(),
      term: z.string().optional(),
      content: z.string().optional(),
    })
    .nullable(),
  clickIds: z
    .strictObject({ gclid: z.string().optional(), fbclid: z.string().optional(), msclkid: z.string().optional() })
    .nullable()
    .describe('Ad click ids of the first page of the visit; null: none.'),
  score: z.number().int(),
  tier: z.string().describe('sales-ready | qualifying | information-gathering'),
  explanation: z.array(z.strictObject({ question: z.string(), answer: z.string(), points: z.number() })).describe('Every contribution to the score.'),
  noDecisionRisk: z.boolean(),
  repId: nullable(),
  teamId: nullable(),
  routingReason: z.string(),
  submissionHash: nullable(),
  apiKeyId: nullable().describe('The site API key a server submitted it with; null: a browser.'),
  processVersion: nullable().describe('The process version the form showed (GET /api/v1/admin/process-versions/{id}).'),
  proposal: processChangesSchema.nullable().describe('The changes the prospect proposed with the form.'),
  agreementState: z.enum(AGREEMENT_STATES),
  prospectLinkEpoch: z.number().int(),
  processChoice: z.enum(['chosen', 'default']).nullable().describe('Whether the prospect picked their answer to "does this approach work for you?" or left the default; null: not known.'),
});
export type AdminLead = z.output<typeof adminLeadSchema>;

/** GET /api/v1/admin/leads/counts */
export const leadCountsSchema = z.strictObject({
  byStatus: z.record(z.string(), z.number().int()).describe('Leads per status, spam included.'),
  byTier: z.record(z.string(), z.number().int()).describe('Leads per tier.'),
  outbox: z.strictObject({
    pending: z.number().int().describe('Mails not sent yet.'),
    checks: z.number().int().describe('Scheduled checks (response deadlines) not run yet.'),
    dead: z.number().int().describe('Mails and checks out of attempts.'),
  }),
});
export type LeadCounts = z.output<typeof leadCountsSchema>;

/** GET /api/v1/admin/process-versions/{id}: a process as the prospect saw it. */
export const processVersionSchema = z.strictObject({
  id: z.string(),
  site: z.string(),
  language: z.enum(LANGUAGES),
  content: processContentSchema,
  createdAt: ms('First shown'),
});
export type ProcessVersionAnswer = z.output<typeof processVersionSchema>;

/** POST /api/v1/admin/leads/{id}/prospect-link/revoke */
export const prospectLinkRevokedSchema = z.strictObject({
  leadId: z.string(),
  prospectLinkEpoch: z.number().int().describe('Links carry this number; every older one now answers 410.'),
  prospectPage: z.string().nullable().describe('A fresh link to the prospect\'s page, to send the right person.'),
});
export type ProspectLinkRevoked = z.output<typeof prospectLinkRevokedSchema>;
