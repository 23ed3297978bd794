import { acceptReminderHandler } from '../leads/accept-reminder';
import { LEAD_MAIL, leadMailHandler } from '../leads/lead-mail-job';
import { slaCheckHandler, type SlaCheckDeps } from '../leads/sla-check';
import { ACCEPT_REMINDER, SLA_CHECK } from '../leads/sla';
import { mailMessageSchema, type Mailer } from '../mail/message';
import type { JobHandler } from './worker';
import type { ProspectPageLink } from '../security/prospect-links';
import type { Log } from '../log';
import { silentLog } from '../log';
import { webhookHandler } from '../webhooks/deliver';
import { WEBHOOK_JOB } from '../webhooks/queue';
import type { WebhookKeys } from '../webhooks/secrets';

// Every kind of durable job and its handler; each parses its payload before it acts.

export interface JobHandlerDeps extends SlaCheckDeps {
  mailer: Mailer;
  prospectPage?: ProspectPageLink;
  /** Called when a job queued mail (the worker should run again soon). */
  onMailQueued?: () => void;
  /** Webhook endpoint url → signing key (webhooks/secrets.ts); none: webhook jobs fail until set. */
  webhookKeys?: WebhookKeys;
  log?: Log;
}

export function jobHandlers(deps: JobHandlerDeps): Record<string, JobHandler> {
  return {
    // A stored message, sent as it was queued (hand-over and rep-action mails).
    mail: (payload) => deps.mailer.send(mailMessageSchema.parse(payload)),
    [LEAD_MAIL]: leadMailHandler(deps),
    [SLA_CHECK]: slaCheckHandler(deps),
    [ACCEPT_REMINDER]: acceptReminderHandler(deps),
    // One event to one endpoint (webhooks/deliver.ts), in the worker's background lane.
    [WEBHOOK_JOB]: webhookHandler({ db: deps.db, config: deps.config, clock: deps.clock, log: deps.log ?? silentLog, keys: deps.webhookKeys ?? {} }),
  };
}
