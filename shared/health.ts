import { z } from 'zod';

// GET /healthz (server/routes/health.ts). server/openapi/same-types.ts checks `outbox` against
// server/outbox/health.ts.

const count = z.number().int();

export const outboxHealthSchema = z.strictObject({
  mail: z.strictObject({
    waiting: count.describe('Mails not sent yet.'),
    retrying: count.describe('Of those, how many failed at least once.'),
    oldestWaitingSeconds: z.number().int().nullable().describe('Since the oldest waiting mail was queued; null when none waits.'),
  }),
  checks: z.strictObject({ scheduled: count, overdue: count, retrying: count }).describe('Scheduled checks (response deadlines).'),
  webhooks: z.strictObject({ waiting: count, retrying: count, failed: count }).describe('Webhook deliveries: never a health problem.'),
  dead: count.describe('Mails and checks out of attempts.'),
  problems: z.array(z.string()).describe('Why the outbox is not healthy; empty when it is.'),
});

export const healthSchema = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  outbox: outboxHealthSchema,
  memoryMb: z.strictObject({ rss: count, heapUsed: count, heapTotal: count, external: count }),
});
export type Health = z.output<typeof healthSchema>;

/** 503: the database did not answer. */
export const healthFailedSchema = z.strictObject({ status: z.literal('error'), error: z.string() });
export type HealthFailed = z.output<typeof healthFailedSchema>;
