import type { z } from 'zod';
import type { adminLeadSchema, processVersionSchema } from '../../shared/admin-leads';
import type { webhookDeliverySchema, webhookEndpointSchema } from '../../shared/admin-webhooks';
import type { outboxHealthSchema } from '../../shared/health';
import type { Same } from '../../shared/same-type';
import type { leads } from '../db/schema';
import type { readProcessVersion } from '../leads/process-versions';
import type { OutboxHealth } from '../outbox/health';
import type { DeliveryView, webhookEndpoints } from '../webhooks/deliveries';

// Compile-time: the shared zod schemas of the admin API's answers (which the OpenAPI document is
// made from) are the types the server builds those answers from. A column added to `leads`, a
// field added to a delivery or to the outbox's health fails `npm run typecheck` here until its
// schema says it too.

type Out<S extends z.ZodType> = z.output<S>;

export const sameTypes: [
  Same<Out<typeof adminLeadSchema>, Omit<typeof leads.$inferSelect, 'response'>>,
  Same<Out<typeof processVersionSchema>, NonNullable<ReturnType<typeof readProcessVersion>>>,
  Same<Out<typeof outboxHealthSchema>, OutboxHealth>,
  Same<Out<typeof webhookDeliverySchema>, DeliveryView>,
  Same<Out<typeof webhookEndpointSchema>, ReturnType<typeof webhookEndpoints>[number]>,
] = [true, true, true, true, true];
