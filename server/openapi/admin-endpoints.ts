import { z } from 'zod';
import { TIERS } from '../../shared/config';
import { LEAD_STATUSES } from '../cockpit/filters';
import type { Endpoint, Param } from './endpoint';
import { ADMIN_ERRORS, ERRORS } from './errors';

// The admin API (server/routes/admin.ts), behind ADMIN_TOKEN; without one it is not there (404).

const limit: Param = { name: 'limit', in: 'query', description: 'How many, newest first (default 50).', schema: z.int().min(1).max(200) };
const leadId: Param = { name: 'id', in: 'path', description: 'The lead id.', schema: z.string() };
const hookId: Param = { name: 'endpoint', in: 'path', description: 'The endpoint\'s id (GET /api/v1/admin/webhooks lists them): its `id` in the config, else one made from its url.', schema: z.string() };
const query = (name: string, description: string, schema: z.ZodType = z.string()): Param => ({ name, in: 'query', description, schema });

const leadFilters: Param[] = [
  limit,
  query('spam', '0: without spam; 1 (the default): with it.', z.enum(['0', '1'])),
  query('rep', 'A rep id of the config.'),
  query('team', 'A team id of the config.'),
  query('tier', 'A tier.', z.enum(TIERS)),
  query('status', 'A status.', z.enum(LEAD_STATUSES)),
  query('stage', 'An option id of the stage question.'),
  query('from', 'First day, UTC (YYYY-MM-DD).', z.iso.date()),
  query('to', 'Last day, UTC, included (YYYY-MM-DD).', z.iso.date()),
  query('source', 'The utm source, exactly.'),
];

export const ADMIN_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/v1/admin/leads',
    operationId: 'listLeads',
    tag: 'Admin',
    summary: 'The newest leads',
    description: 'Each lead as stored, without the answer body it was given; the cockpit\'s filters.',
    security: 'admin',
    parameters: leadFilters,
    answers: {
      200: { description: 'Newest first.', body: { ref: 'AdminLead', array: true } },
      400: 'invalid_content: an unknown query parameter or value (fields name what is allowed).',
      422: 'invalid_content: limit is not 1 to 200.',
      ...ADMIN_ERRORS,
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/leads.csv',
    operationId: 'leadsCsv',
    tag: 'Admin',
    summary: 'Every lead as CSV',
    description: 'Streamed, newest first, every cell quoted and formulas defused; spam only with spam=1 (or status=spam).',
    security: 'admin',
    parameters: [
      query('status', 'A status.', z.enum(LEAD_STATUSES)),
      query('tier', 'A tier.', z.enum(TIERS)),
      query('site', 'A site key.'),
      query('spam', '1: spam included.', z.enum(['0', '1'])),
    ],
    answers: {
      200: { description: 'The CSV (Content-Disposition: attachment).', body: { mediaType: 'text/csv', schema: { type: 'string' } } },
      422: 'invalid_content: an unknown filter or value (fields name what is allowed).',
      ...ADMIN_ERRORS,
    },
  },
  {
    method: 'get',
    path: '/api/v1/admin/leads/counts',
    operationId: 'leadCounts',
    tag: 'Admin',
    summary: 'Leads per status and tier, and the outbox backlog',
    security: 'admin',
    answers: { 200: { description: 'The counts.', body: { ref: 'LeadCounts' } }, ...ADMIN_ERRORS },
  },
  {
    method: 'get',
    path: '/api/v1/admin/process-versions/{id}',
    operationId: 'processVersion',
    tag: 'Admin',
    summary: 'A process as the prospect saw it',
    description: 'By a lead\'s processVersion; versions are never changed or deleted.',
    security: 'admin',
    parameters: [{ name: 'id', in: 'path', description: 'A lead\'s processVersion.', schema: z.string() }],
    answers: { 200: { description: 'The version.', body: { ref: 'ProcessVersion' } }, 404: 'not_found: no such version.', ...ADMIN_ERRORS },
  },
  {
    method: 'post',
    path: '/api/v1/admin/leads/{id}/prospect-link/revoke',
    operationId: 'revokeProspectLinks',
    tag: 'Admin',
    summary: 'Revoke every link to the lead\'s prospect page',
    description: 'Every link issued so far answers 410; the answer holds a fresh one. The history gets link-revoked.',
    security: 'admin',
    parameters: [leadId],
    answers: { 200: { description: 'Revoked.', body: { ref: 'ProspectLinkRevoked' } }, 404: 'not_found: no such lead.', 413: ERRORS.bodyTooLarge, ...ADMIN_ERRORS },
  },
  {
    method: 'get',
    path: '/api/v1/admin/webhooks',
    operationId: 'listWebhooks',
    tag: 'Admin',
    summary: 'The configured webhook endpoints and their state',
    security: 'admin',
    answers: { 200: { description: 'In config order.', body: { ref: 'WebhookEndpoint', array: true } }, ...ADMIN_ERRORS },
  },
  {
    method: 'get',
    path: '/api/v1/admin/webhooks/{endpoint}/deliveries',
    operationId: 'webhookDeliveries',
    tag: 'Admin',
    summary: 'An endpoint\'s newest deliveries',
    description: 'Status, attempts and last error of each.',
    security: 'admin',
    parameters: [hookId, limit],
    answers: {
      200: { description: 'Newest first.', body: { ref: 'WebhookDeliveries' } },
      404: 'not_found: no endpoint with this id.',
      422: 'invalid_content: limit is not 1 to 200.',
      ...ADMIN_ERRORS,
    },
  },
  {
    method: 'post',
    path: '/api/v1/admin/webhooks/deliveries/{id}/redeliver',
    operationId: 'redeliverWebhook',
    tag: 'Admin',
    summary: 'Send a delivery again',
    description: 'A new delivery of the same event with the same webhook-id.',
    security: 'admin',
    parameters: [{ name: 'id', in: 'path', description: 'A delivery id (from the deliveries list).', schema: z.int() }],
    answers: { 202: { description: 'Queued.', body: { ref: 'WebhookRedelivered' } }, 404: 'not_found: no such delivery.', 413: ERRORS.bodyTooLarge, ...ADMIN_ERRORS },
  },
  {
    method: 'post',
    path: '/api/v1/admin/webhooks/{endpoint}/enable',
    operationId: 'enableWebhook',
    tag: 'Admin',
    summary: 'Enable an endpoint a 410 disabled',
    security: 'admin',
    parameters: [hookId],
    answers: { 200: { description: 'Enabled: events from now on are sent to it.', body: { ref: 'WebhookEnabled' } }, 404: 'not_found: no endpoint with this id.', 413: ERRORS.bodyTooLarge, ...ADMIN_ERRORS },
  },
];
