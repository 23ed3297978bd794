import { acceptReminderHandler } from '../leads/accept-reminder';
import { LEAD_MAIL, leadMailHandler } from '../leads/lead-mail-job';
import { slaCheckHandler, type SlaCheckDeps } from '../leads/sla-check';
import { ACCEPT_REMINDER, SLA_CHECK } from '../leads/sla';
import { mailMessageSchema, type Mailer } from '../mail/message';
import type { JobHandler } from './worker';
import type { ProspectPageLink } from '../security/prospect-links';

// Every kind of durable job and its handler; each parses its payload before it acts.

export interface JobHandlerDeps extends SlaCheckDeps {
  mailer: Mailer;
  prospectPage?: ProspectPageLink;
  /** Called when a job queued mail (the worker should run again soon). */
  onMailQueued?: () => void;
}

export function jobHandlers(deps: JobHandlerDeps): Record<string, JobHandler> {
  return {
    // A stored message, sent as it was queued (hand-over and rep-action mails).
    mail: (payload) => deps.mailer.send(mailMessageSchema.parse(payload)),
    [LEAD_MAIL]: leadMailHandler(deps),
    [SLA_CHECK]: slaCheckHandler(deps),
    [ACCEPT_REMINDER]: acceptReminderHandler(deps),
  };
}
