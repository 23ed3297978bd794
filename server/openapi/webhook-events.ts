import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../shared/webhook-events';
import { webhookComponent } from './components';

// The document's `webhooks`: what Koers POSTs to a configured endpoint (README "Webhooks"), one
// entry per event type, its body the zod schema deliveries are composed with (webhooks/event-data.ts).

const WHEN: Record<WebhookEventType, string> = {
  'lead.created': 'A lead was stored: the answers, the score with its explanation, the tier, the route taken and why.',
  'lead.assigned': 'A lead got a rep (or none could take it), also when a manager assigned it by hand.',
  'lead.accepted': 'The rep accepted the lead.',
  'lead.passed_on': 'The rep passed the lead on.',
  'lead.reassigned': 'The lead went to someone else: its rep missed the response time, was handed off or left the config.',
  'lead.not_a_fit': 'The rep closed the lead as not a fit.',
  'lead.updated': 'The prospect changed answers on their page (score and tier old and new).',
  'agreement.proposed': 'The prospect proposed changes to the process.',
  'agreement.answered': 'A proposal or counter was answered (agree, counter, keep the standard, accept the counter).',
  'lead.erased': 'The lead was erased (its id only).',
};

const header = (name: string, description: string) => ({ name, in: 'header', required: true, description, schema: { type: 'string' } });

const SIGNED =
  'Standard Webhooks: verify webhook-signature (v1, + base64 HMAC-SHA256 of `${webhook-id}.${webhook-timestamp}.${body}`, keyed with the base64-decoded part of the whsec_ secret) before trusting the body. At least once: the same webhook-id on every retry.';

export function webhookSection(): Record<string, unknown> {
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          operationId: `webhook.${type}`,
          summary: WHEN[type],
          description: SIGNED,
          parameters: [
            header('webhook-id', 'The event\'s id: the same on every attempt and redelivery (deduplicate by it).'),
            header('webhook-timestamp', 'Seconds since 1970 when this attempt was signed.'),
            header('webhook-signature', '"v1," followed by the base64 HMAC-SHA256 signature.'),
          ],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${webhookComponent(type)}` } } } },
          responses: {
            '2XX': { description: 'Delivered.' },
            '410': { description: 'Gone: the endpoint is disabled until enabled again (POST /api/v1/admin/webhooks/{endpoint}/enable).' },
            default: { description: 'Not delivered: tried again with exponential backoff for about a day (10 s timeout, redirects not followed), then failed.' },
          },
        },
      },
    ]),
  );
}
