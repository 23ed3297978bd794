import { eq } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db } from '../db/open';
import { leads } from '../db/schema';
import { acceptReminderMail } from '../mail/accept-reminder';
import type { Mailer } from '../mail/message';
import { repLanguage } from '../mail/rep-lead';
import type { ReassignDeps } from './reassign';
import { currentAssignment } from './lead-history';
import { deadlineOf, slaCheckPayloadSchema } from './sla';
import { answerLink } from './lead-mails';

// The 'accept-reminder' job (scheduled with the deadline, sla.ts): at routing.remindAtPercent of
// the window, the rep gets one mail with the deadline and the links — only while the lead still
// waits with the same rep for the same assignment. Accepted, passed on, closed or moved: nothing.

export interface AcceptReminderDeps extends ReassignDeps {
  clock: Clock;
  mailer: Mailer;
}

/** The reminder to send now, or undefined when the lead no longer waits for this rep. */
export function acceptReminder(deps: Omit<AcceptReminderDeps, 'mailer'> & { db: Db }, payload: unknown) {
  const job = slaCheckPayloadSchema.parse(payload);
  const lead = deps.db.select().from(leads).where(eq(leads.id, job.leadId)).get();
  if (!lead || lead.status !== 'assigned' || lead.repId !== job.repId) return undefined;
  const assignment = currentAssignment(deps.db, lead.id);
  if (assignment?.repId !== job.repId || assignment.at !== job.assignedAt) return undefined;
  const rep = deps.config.reps.find((r) => r.id === job.repId);
  if (!rep) return undefined; // removed from the config: its leads are routed again (orphaned-leads.ts)
  const site = deps.config.sites.find((s) => s.key === lead.site) ?? deps.config.sites[0];
  const language = repLanguage(rep, site.defaultLanguage);
  return acceptReminderMail({
    lead,
    config: deps.config,
    language,
    to: { name: rep.name, address: rep.email },
    deadline: deadlineOf(job),
    now: deps.clock.now(),
    // While the prospect's proposal waits, answering it also accepts the lead.
    actions: [...(deps.repActions?.(lead.id, rep.id, language) ?? []), ...[answerLink(deps.repActions, lead, rep.id, language)].filter((l) => l !== undefined)],
  });
}

/** The worker's handler: checks the lead on every attempt, then sends. */
export function acceptReminderHandler(deps: AcceptReminderDeps) {
  return async (payload: unknown) => {
    const mail = acceptReminder(deps, payload);
    if (mail) await deps.mailer.send(mail);
  };
}
