import { v4 as uuid } from 'uuid';
import type { VendorConfig } from '../../shared/config';
import type { WebhookEventType } from '../../shared/webhook-events';
import type { Db } from '../db/open';
import { perDatabase } from '../db/prepared';
import { BACKGROUND_LANE } from '../outbox/worker';
import type { RoutingWhy } from '../leads/route';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { disabledEndpoints, disabledState } from './endpoint-state';
import type { WebhookEventData } from './event-data';

// Queues an event for every webhook that wants it: one outbox row per endpoint, in the caller's
// transaction (the event is on disk exactly when the change is). The row names the endpoint by
// id (shared/webhook-endpoint-id.ts) and the url it was queued for (the worker sends one at a time
// per url), and carries the event's webhook-id (the same on every retry and redelivery) and its time.
// `lead.created` is a reference (the lead's id and the routing facts of that moment, ~300 bytes),
// composed from the stored lead when it is sent, like a new lead's mails (ARCHITECTURE.md); every
// other event is small and carries its data.

export const WEBHOOK_JOB = 'webhook';

/** `endpoint`: absent in rows queued before endpoints had ids (their url names the endpoint). */
type JobTarget = { endpoint?: string; url: string };
export type WebhookJob = JobTarget &
  (
    | { id: string; type: Exclude<WebhookEventType, 'lead.created'>; at: number; data: WebhookEventData }
    | { id: string; type: 'lead.created'; at: number; lead: string; route: { repId: string | null; teamId: string | null; reason: string; why?: RoutingWhy } }
  );

type Event =
  | { type: Exclude<WebhookEventType, 'lead.created'>; leadId: string | null; data: WebhookEventData }
  | { type: 'lead.created'; leadId: string; route: { repId: string | null; teamId: string | null; reason: string; why?: RoutingWhy } };

const insert = perDatabase((db: Db) =>
  db.$client.prepare<[string, string | null, string, number, number]>(
    `insert into outbox (kind, lead_id, payload, run_at, created_at, to_prospect) values (?, ?, ?, ?, ?, ${BACKGROUND_LANE})`,
  ),
);

/** `db` may be inside the caller's transaction. Nothing happens when no webhook wants the event. Answers the rows queued. */
export function queueWebhookEvent(db: Db, webhooks: VendorConfig['webhooks'] | undefined, event: Event, now: number): number {
  const wanted = (webhooks ?? []).filter((h) => h.events.includes('*') || h.events.includes(event.type));
  if (!wanted.length) return 0;
  let queued = 0;
  const disabled = disabledEndpoints(db);
  const id = `msg_${uuid().replaceAll('-', '')}`; // one event, one id for every endpoint
  for (const hook of wanted) {
    const target = { endpoint: webhookEndpointId(hook), url: hook.url };
    if (disabledState(disabled, { id: target.endpoint, url: hook.url })) continue;
    const job: WebhookJob =
      event.type === 'lead.created'
        ? { ...target, id, type: event.type, at: now, lead: event.leadId, route: event.route }
        : { ...target, id, type: event.type, at: now, data: event.data };
    queued += insert(db).run(WEBHOOK_JOB, event.leadId, JSON.stringify(job), now, now).changes;
  }
  return queued;
}
