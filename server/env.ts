import { z } from 'zod';

// The environment (API.md "Running"), parsed once in main.ts.
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('./data/koers.db'),
  KOERS_CONFIG: z.string().min(1).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PUBLIC_URL: z.url().optional(),
  ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** Public API requests per minute per client address (0 = off). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(30),
  /** Lead submissions per minute per site (0 = off). */
  RATE_LIMIT_SITE_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  /** Reverse proxies in front of Koers whose X-Forwarded-For entry is trusted (0 = none). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** Seconds a person needs at least between seeing the form and submitting it. */
  MIN_FILL_SECONDS: z.coerce.number().min(0).default(3),
});
export type Env = z.infer<typeof envSchema>;
