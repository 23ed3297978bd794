import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SubmissionAnswer } from '../../shared/submission';
import type { Db } from '../db/open';
import { p, perDatabase } from '../db/prepared';
import { leads } from '../db/schema';
import type { Mailer } from '../mail/message';
import { enqueueJob } from '../outbox/enqueue';
import type { JobHandler } from '../outbox/worker';
import { earlierLeadOf } from './lead-history';
import { leadMail, type LeadMailInput } from './lead-mails';
import type { RoutingWhy } from './route';

// A new lead's two mails travel through the outbox as 'lead-mail' jobs: a reference to the lead
// plus the routing facts that a later re-assignment changes on the lead (its rep and reason), in
// the lead's own transaction. The worker composes the mail when it sends it, from the lead as
// stored. Storing a lead thus writes about 150 bytes per mail instead of the composed document
// (several KB of JSON); with the composing and signing gone too, the store thread's CPU per lead
// fell by a third (docs/operating-figures.md). The outbox holds no personal data for these
// mails: erasing the lead erases its mails.
// The texts come from the config in force when the mail is sent (normally seconds later; after
// an SMTP outage, possibly after a restart with a changed config).

export const LEAD_MAIL = 'lead-mail';

export const leadMailPayloadSchema = z.strictObject({
  leadId: z.string().min(1),
  mail: z.enum(['rep', 'prospect']),
  /** The rep the lead was routed to when it was stored; null: nobody, the vendor gets it. */
  repId: z.string().nullable(),
  /** Why this rep, for the rep's mail only (the prospect's mail does not say it, so its job leaves it out). */
  routingReason: z.string().optional(),
  /** The same, structured (leads/route.ts): the rep reads it in their language. Absent in jobs of older versions. */
  routing: z.custom<RoutingWhy>((v) => typeof v === 'object' && v !== null && 'type' in v).optional(),
  /** The open lead that made the company an existing account of the rep. */
  earlierLeadId: z.string().optional(),
});
export type LeadMailPayload = z.infer<typeof leadMailPayloadSchema>;

/** Queues the mails of a new lead (both, unless told); `db` may be inside the lead's transaction. */
export function queueLeadMails(db: Db, lead: Omit<LeadMailPayload, 'mail'>, now: number, mails: readonly LeadMailPayload['mail'][] = ['rep', 'prospect']) {
  const { routingReason: _reason, routing: _routing, ...forProspect } = lead;
  for (const mail of mails) {
    // undefined fields are left out of the JSON; the routing facts (a few hundred bytes) only where read
    const payload: LeadMailPayload = mail === 'rep' ? { ...lead, mail } : { ...forProspect, mail };
    enqueueJob(db, LEAD_MAIL, payload, { leadId: lead.leadId, now, toProspect: mail === 'prospect' });
  }
}

export interface LeadMailDeps extends Pick<LeadMailInput, 'config' | 'repActions' | 'prospectPage'> {
  db: Db;
  mailer: Mailer;
}

/** The lead a job is about, decoded by drizzle; built and prepared once per database. */
const leadById = perDatabase((db: Db) => db.select().from(leads).where(eq(leads.id, p('id'))).prepare());

/** The worker's handler: composes the mail from the stored lead and sends it. */
export function leadMailHandler({ db, config, repActions, prospectPage, mailer }: LeadMailDeps): JobHandler {
  return async (payload) => {
    const job = leadMailPayloadSchema.parse(payload);
    const stored = leadById(db).get({ id: job.leadId });
    if (!stored) return; // erased (privacy/erase.ts): nothing left to send, nothing to retry
    const site = config.sites.find((s) => s.key === stored.site) ?? config.sites[0]; // a site since removed: the first one's languages
    const lead = { ...stored, repId: job.repId, routingReason: job.routingReason ?? stored.routingReason };
    const earlierLead = job.earlierLeadId ? earlierLeadOf(db, job.earlierLeadId) : undefined;
    const { nextStep } = stored.response as SubmissionAnswer;
    await mailer.send(leadMail(job.mail, { lead, config, site, nextStep, earlierLead, repActions, routing: job.routing, db, prospectPage }));
  };
}
