import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { p, perDatabase } from '../db/prepared';
import { leads } from '../db/schema';
import type { leadCreatedData } from './event-data';
import type { WebhookJob } from './queue';

// The body of a delivery. `lead.created` is composed from the lead as stored when it is sent
// (normally a second after it was stored); the routing facts are those of its job.

const leadById = perDatabase((db: Db) => db.select().from(leads).where(eq(leads.id, p('id'))).prepare());

export const repOf = (config: Pick<VendorConfig, 'reps'>, repId: string | null | undefined) => {
  if (!repId) return null;
  return { id: repId, name: config.reps.find((r) => r.id === repId)?.name ?? repId };
};

/** The JSON body, or undefined when the lead it is about was erased (nothing left to send). */
export function webhookBodyOf(db: Db, config: Pick<VendorConfig, 'reps'>, job: WebhookJob): string | undefined {
  const timestamp = new Date(job.at).toISOString();
  if (job.type !== 'lead.created') return JSON.stringify({ type: job.type, timestamp, data: job.data });
  const lead = leadById(db).get({ id: job.lead });
  if (!lead) return undefined;
  const data: z.infer<typeof leadCreatedData> = {
    lead: {
      id: lead.id,
      site: lead.site,
      language: lead.language,
      createdAt: new Date(lead.createdAt).toISOString(),
      contact: {
        name: lead.contactName,
        email: lead.contactEmail,
        company: lead.company,
        phone: lead.phone,
        country: lead.country,
        companySize: lead.companySize,
        message: lead.message,
      },
      answers: { stage: lead.stage, budget: lead.budget, decisionProcess: lead.decisionProcess, timeline: lead.timeline, costOfInaction: lead.costOfInaction },
      stakeholders: { roles: lead.stakeholderRoles, finalSay: lead.finalSay, orgInterest: lead.orgInterest, personalInterest: lead.personalInterest },
      process: { accepted: lead.processAccepted, deviation: lead.deviation, changes: lead.proposal ?? null, version: lead.processVersion },
      context: { pageUrl: lead.pageUrl, referrer: lead.referrer, utm: (lead.utm as Record<string, string> | null) ?? null, clickIds: (lead.clickIds as Record<string, string> | null) ?? null },
    },
    score: lead.score,
    explanation: lead.explanation,
    tier: lead.tier as z.infer<typeof leadCreatedData>['tier'],
    noDecisionRisk: lead.noDecisionRisk,
    route: { rep: repOf(config, job.route.repId), teamId: job.route.teamId, reason: job.route.reason, ...(job.route.why ? { why: job.route.why as Record<string, unknown> } : {}) },
  };
  return JSON.stringify({ type: job.type, timestamp, data });
}
