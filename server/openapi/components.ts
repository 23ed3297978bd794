import { z } from 'zod';
import { adminLeadSchema, leadCountsSchema, processVersionSchema, prospectLinkRevokedSchema } from '../../shared/admin-leads';
import { webhookDeliveriesSchema, webhookEnabledSchema, webhookEndpointSchema, webhookRedeliveredSchema } from '../../shared/admin-webhooks';
import { apiErrorSchema } from '../../shared/api-error';
import { funnelEventSchema } from '../../shared/funnel-event';
import { healthFailedSchema, healthSchema } from '../../shared/health';
import { publicFormSchema } from '../../shared/public-form-schema';
import { submissionAnswerSchema, submissionSchema } from '../../shared/submission';
import { WEBHOOK_EVENT_TYPES } from '../../shared/webhook-events';
import { webhookBody } from '../webhooks/event-data';
import { jsonSchemaOf, type Io, type JsonSchema } from './json-schema';

// The document's named schemas: each one the zod schema the server validates a request with
// (read as `input`) or builds an answer with (`output`). Nothing here is written by hand.

const COMPONENTS = {
  Error: [apiErrorSchema, 'output'],
  PublicForm: [publicFormSchema, 'output'],
  Submission: [submissionSchema, 'input'],
  SubmissionAnswer: [submissionAnswerSchema, 'output'],
  FunnelEvent: [funnelEventSchema, 'input'],
  Health: [healthSchema, 'output'],
  HealthFailed: [healthFailedSchema, 'output'],
  AdminLead: [adminLeadSchema, 'output'],
  LeadCounts: [leadCountsSchema, 'output'],
  ProcessVersion: [processVersionSchema, 'output'],
  ProspectLinkRevoked: [prospectLinkRevokedSchema, 'output'],
  WebhookEndpoint: [webhookEndpointSchema, 'output'],
  WebhookDeliveries: [webhookDeliveriesSchema, 'output'],
  WebhookRedelivered: [webhookRedeliveredSchema, 'output'],
  WebhookEnabled: [webhookEnabledSchema, 'output'],
} as const satisfies Record<string, readonly [z.ZodType, Io]>;

export type SchemaName = keyof typeof COMPONENTS;

/** The zod schema behind a component (tests parse real answers with it too). */
export const zodSchemaOf = (name: SchemaName): z.ZodType => COMPONENTS[name][0];

/** The component name of a webhook event's body: `WebhookEvent.lead.created`. */
export const webhookComponent = (type: string) => `WebhookEvent.${type}`;

export function componentSchemas(): Record<string, JsonSchema> {
  const named = Object.entries(COMPONENTS).map(([name, [schema, io]]) => [name, jsonSchemaOf(schema, io)] as const);
  const events = WEBHOOK_EVENT_TYPES.map((type) => [webhookComponent(type), jsonSchemaOf(webhookBody(type), 'output')] as const);
  return Object.fromEntries([...named, ...events]);
}
