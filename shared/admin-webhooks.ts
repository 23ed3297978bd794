import { z } from 'zod';
import { WEBHOOK_EVENT_TYPES } from './webhook-events';

// What the admin API answers about webhooks (GET /api/v1/admin/webhooks, …/{endpoint}/deliveries,
// POST …/deliveries/{id}/redeliver, …/{endpoint}/enable). server/openapi/same-types.ts checks them
// against server/webhooks/deliveries.ts.

const iso = (what: string) => z.string().describe(`${what} (ISO 8601)`);

/** One configured endpoint (by its id) with its state. */
export const webhookEndpointSchema = z.strictObject({
  id: z.string().describe('The endpoint\'s id: its `id` in the config, else one made from its url ("wh-" + 8 hex digits). The same when the config\'s webhooks are reordered.'),
  url: z.string(),
  events: z.array(z.enum([...WEBHOOK_EVENT_TYPES, '*'])),
  allowPrivateTarget: z.boolean(),
  disabled: z.strictObject({ at: iso('When a 410 disabled it'), reason: z.string() }).nullable(),
});
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;

export const webhookDeliverySchema = z.strictObject({
  id: z.number().int().describe('The delivery; POST …/webhooks/deliveries/{id}/redeliver sends it again.'),
  webhookId: z.string().describe('The webhook-id header: the same on every attempt and redelivery.'),
  type: z.string(),
  leadId: z.string().nullable(),
  status: z.enum(['pending', 'retrying', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: iso('Queued'),
  nextAttemptAt: iso('The next attempt').nullable().describe('pending and retrying only'),
  deliveredAt: iso('Delivered').nullable(),
});

/** GET /api/v1/admin/webhooks/{endpoint}/deliveries */
export const webhookDeliveriesSchema = z.strictObject({ endpoint: webhookEndpointSchema, deliveries: z.array(webhookDeliverySchema) });
export type WebhookDeliveries = z.output<typeof webhookDeliveriesSchema>;

/** POST /api/v1/admin/webhooks/deliveries/{id}/redeliver (202): the new delivery. */
export const webhookRedeliveredSchema = z.strictObject({ id: z.number().int(), webhookId: z.string() });
export type WebhookRedelivered = z.output<typeof webhookRedeliveredSchema>;

/** POST /api/v1/admin/webhooks/{endpoint}/enable */
export const webhookEnabledSchema = webhookEndpointSchema.extend({
  disabled: z.null(),
  wasDisabled: z.boolean().describe('Whether a 410 had disabled it.'),
});
export type WebhookEnabled = z.output<typeof webhookEnabledSchema>;
