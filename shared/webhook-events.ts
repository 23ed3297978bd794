// The webhook event types that exist in the product (README "Webhooks"; server/webhooks/).
export const WEBHOOK_EVENT_TYPES = [
  'lead.created',
  'lead.assigned',
  'lead.accepted',
  'lead.passed_on',
  'lead.reassigned',
  'lead.not_a_fit',
  'lead.updated',
  'agreement.proposed',
  'agreement.answered',
  'lead.erased',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
