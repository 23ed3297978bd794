import type { VendorConfig } from '../../shared/config';
import type { Db } from '../db/open';
import { BACKGROUND_LANE } from '../outbox/worker';
import { webhookEndpointId } from '../../shared/webhook-endpoint-id';
import { disabledEndpoints, disabledState, type Endpoint } from './endpoint-state';
import { WEBHOOK_JOB } from './queue';

// What the admin API shows of the webhooks: each endpoint (by id) with its state, its recent deliveries
// (the outbox rows of its events: status, attempts, last error), and a redelivery (a new job with
// the same event and webhook-id).

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'failed';

export interface DeliveryView {
  /** The delivery (its outbox row); POST …/deliveries/{id}/redeliver sends it again. */
  id: number;
  webhookId: string;
  type: string;
  leadId: string | null;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** When the next attempt is due (pending and retrying only). */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

export function webhookEndpoints(db: Db, config: Pick<VendorConfig, 'webhooks'>) {
  const disabled = disabledEndpoints(db);
  return (config.webhooks ?? []).map((h) => {
    const id = webhookEndpointId(h);
    const d = disabledState(disabled, { id, url: h.url });
    return { id, url: h.url, events: h.events, allowPrivateTarget: h.allowPrivateTarget ?? false, disabled: d ? { at: new Date(d.at).toISOString(), reason: d.reason } : null };
  });
}

type Row = { id: number; payload: string; lead_id: string | null; status: string; attempts: number; last_error: string | null; created_at: number; run_at: number; done_at: number | null };

const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

/**
 * The newest deliveries to one endpoint: its rows by id, and rows queued before endpoints had ids
 * by its url. The background lane's rows by id, newest first (the (status, to_prospect, run_at)
 * index does not order them by id; `+to_prospect` walks the primary key backwards and stops after
 * `limit` of this endpoint's).
 */
export function recentDeliveries(db: Db, endpoint: Endpoint, limit: number): DeliveryView[] {
  const rows = db.$client
    .prepare(
      `select id, payload, lead_id, status, attempts, last_error, created_at, run_at, done_at from outbox
       where +to_prospect = ${BACKGROUND_LANE} and kind = '${WEBHOOK_JOB}' and json_valid(payload)
         and coalesce(json_extract(payload, '$.endpoint') = ?, json_extract(payload, '$.url') = ?)
       order by id desc limit ?`,
    )
    .all(endpoint.id, endpoint.url, limit) as Row[];
  return rows.map((r) => {
    const job = JSON.parse(r.payload) as { id: string; type: string };
    const status: DeliveryStatus = r.status === 'done' ? 'delivered' : r.status === 'dead' ? 'failed' : r.attempts > 0 ? 'retrying' : 'pending';
    return {
      id: r.id,
      webhookId: job.id,
      type: job.type,
      leadId: r.lead_id,
      status,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: iso(r.created_at)!,
      nextAttemptAt: r.status === 'pending' ? iso(r.run_at) : null,
      deliveredAt: r.status === 'done' ? iso(r.done_at) : null,
    };
  });
}

/** Queues the delivery again (same event, same webhook-id) as a new row; undefined when there is no such delivery. */
export function redeliver(db: Db, deliveryId: number, now: number): { id: number; webhookId: string } | undefined {
  const row = db.$client.prepare(`select payload, lead_id from outbox where id = ? and kind = '${WEBHOOK_JOB}'`).get(deliveryId) as
    | { payload: string; lead_id: string | null }
    | undefined;
  if (!row) return undefined;
  const info = db.$client
    .prepare(`insert into outbox (kind, lead_id, payload, run_at, created_at, to_prospect) values (?, ?, ?, ?, ?, ${BACKGROUND_LANE})`)
    .run(WEBHOOK_JOB, row.lead_id, row.payload, now, now);
  return { id: Number(info.lastInsertRowid), webhookId: (JSON.parse(row.payload) as { id: string }).id };
}
